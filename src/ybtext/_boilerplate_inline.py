"""Inline furniture of the boilerplate step: spans inside lines (stamps, watermarks, noise, page
counters pasted into sentences) and the lines as they read once those spans are cut out.

``doc`` is the step's line index (``boilerplate._Doc``): lines, start offsets, head/tail block and
the removed lines.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from . import _boilerplate_rules as rules
from ._boilerplate_templates import name_of
from ._edits import Span

if TYPE_CHECKING:
    from ._boilerplate_templates import Templates
    from .boilerplate import _Doc

__all__ = ["inline_spans", "head_inline_spans", "masked_lines", "keep_outside_removed"]

SHORT = 60  # lines up to this length are judged whole; repeated watermarks are sought in longer ones


def masked_lines(doc: _Doc, spans: list[Span]) -> dict[int, str]:
    """The lines that hold inline furniture, with that furniture cut out."""
    cuts: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for s in spans:
        i = doc.line_at(s.start)
        cuts[i].append((s.start - doc.start(i), s.end - doc.start(i)))
    out: dict[int, str] = {}
    for i, parts in cuts.items():
        line, pieces, pos = doc.lines[i], [], 0
        for a, b in sorted(parts):
            if a >= pos:
                pieces.append(line[pos:a])
                pos = b
            else:
                pos = max(pos, b)
        pieces.append(line[pos:])
        out[i] = "".join(pieces)
    return out


def inline_spans(doc: _Doc, tpl: Templates | None, p: dict[str, re.Pattern[str]], hits: list[int]) -> list[Span]:
    text = doc.text
    spans: list[Span] = []
    # The anchors exist exactly when inline templates do; the big inline alternation is compiled
    # (~35 ms) only once some document has one of their anchors.
    anchors = tpl.anchors if tpl is not None else None
    lines_with: set[int] = {doc.line_at(m.start()) for m in anchors.finditer(text)} if anchors else set()
    if lines_with:
        assert tpl is not None and tpl.inline is not None  # the anchors exist exactly when inline templates do
        inline = tpl.inline
        found = []
        for i in sorted(lines_with):
            base = doc.start(i)
            for m in inline.finditer(doc.lines[i]):
                if m.end() > m.start():
                    found.append((base + m.start(), base + m.end(), tpl.by_name[name_of(m)]))
        counts = Counter(t.name for _, _, t in found)
        for a, b, t in found:
            if t.scope != "inline-repeated" or counts[t.name] >= 2:
                spans.append(Span(a, b, "", t.name, 1.0, t.note))
    if "第" in text:
        for m in p["page_inline"].finditer(text):
            spans.append(Span(m.start(), m.end(), "", "boilerplate:page-counter", 0.9, "inline"))
    for a, b in rules.noise_spans(text):
        spans.append(Span(a, b, "", "boilerplate:noise-run", 0.9, f"{b - a} rare characters"))
    long_hits = [h for h in hits if len(doc.lines[doc.line_at(h)]) > SHORT]
    if long_hits:
        term_len = {}
        voc = rules.vocabulary()
        for h in long_hits:
            tm = voc.trigger.match(text, h)
            term_len[h] = tm.end() - h if tm else 2
        for a, b, seg in rules.repeated_segments(text, long_hits, term_len):
            spans.append(Span(a, b, "", "boilerplate:repeated-watermark", 0.85, f"repeated: {seg.strip()[:40]}"))
    for a, b in rules.stamps(text):
        spans.append(Span(a, b, "", "boilerplate:site-stamp", 0.85, "site name and a stamp phrase"))
    for h in hits:
        br = rules.bracketed(text, h)
        if br is not None:
            spans.append(Span(br[0], br[1], "", "boilerplate:bracketed-stamp", 0.85, "site words in brackets"))
    return [_with_brackets(text, sp) for sp in spans]


def _with_brackets(text: str, sp: Span) -> Span:
    """A stamp that fills a bracket pair takes the brackets with it (no empty 【】 left behind); one
    at the start of a line takes the spaces after it (no line left starting with a space)."""
    before, after = text[sp.start - 1:sp.start], text[sp.end:sp.end + 1]
    if before and rules.CLOSE.get(before) == after:
        sp = sp._replace(start=sp.start - 1, end=sp.end + 1)
    if sp.start == 0 or text[sp.start - 1] == "\n":
        end = sp.end
        while end < len(text) and text[end] in " \t\u3000":
            end += 1
        if end < len(text) and text[end] != "\n":
            sp = sp._replace(end=end)
    return sp


def head_inline_spans(doc: _Doc, tpl: Templates | None) -> list[Span]:
    """Prefixes that sites glue to the title in the head block ((完整版), 【精品】, 学海无涯 …)."""
    spans: list[Span] = []
    if tpl is None or tpl.head_inline is None:
        return spans
    for i in range(doc.head_end):
        line = doc.lines[i]
        lead = len(line) - len(line.lstrip())
        m = tpl.head_inline.match(line, lead)
        if m and m.end() < len(line.rstrip()):
            t = tpl.by_name[name_of(m)]
            spans.append(Span(doc.start(i) + m.start(), doc.start(i) + m.end(), "", t.name, 1.0, t.note))
    return spans


def keep_outside_removed(doc: _Doc, spans: list[Span]) -> list[Span]:
    """Drop inline spans inside removed lines or overlapping an earlier span; a line whose whole
    text goes is removed as a line."""
    kept: list[Span] = []
    per_line: dict[int, list[Span]] = defaultdict(list)
    taken: list[tuple[int, int]] = []
    for s in spans:
        i = doc.line_at(s.start)
        if i in doc.removed or any(s.start < b and a < s.end for a, b in taken):
            continue
        taken.append((s.start, s.end))
        per_line[i].append(s)
    for i, group in per_line.items():
        line = doc.lines[i]
        left = list(line)
        base = doc.start(i)
        for s in group:
            for k in range(s.start - base, min(s.end - base, len(line))):
                left[k] = " "
        if not "".join(left).strip():
            doc.remove(i, group[0].rule, group[0].confidence or 0.9, group[0].note)
        else:
            kept.extend(group)
    return kept

"""The ``layout`` step: repair line structure broken by extraction, conservatively.

Rules (each edit names its rule):

- ``layout:crlf``: CRLF and lone CR become LF; ``layout:x000D``: OOXML ``_x000D_`` escapes go.
- ``layout:title-words``: a title split one word per line at the head of the document (汇文网's
  keyword line: ``2023\\n长三角\\n一体化…``) is joined, when the words recur in the lines below.
- ``layout:hard-wrap``: hard line breaks inside paragraphs (PDF extraction) are joined, only in a
  document whose lines are visibly wrapped at one width; lines ending a sentence, short lines and
  lines followed by a heading, list item or indented paragraph keep their break.
- ``layout:chunk-number``: preview-chunk numbers that cut a sentence (``…小组的工\\n2、作职责``) are
  removed and the word rejoined, only when such cuts count up in sequence through the document.
- ``layout:doubled``: a short line made entirely of doubled runs (``第六章第六章 总则总则``) keeps one
  copy of each run.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from itertools import accumulate

from ._chars import HAN_CLASS
from ._edits import Cleaned, Span, apply_spans
from ._lazyre import Patterns
from .config import Config

__all__ = ["step"]

_TERMINAL = frozenset("。！？；：…!?;:")
_CLOSERS = frozenset("”’』」）)》】")
_CHUNK_GAP = 150  # characters between two preview-chunk numbers, at least


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    return Patterns({
        "sep": lambda: re.compile("(\r\n|\r|\n)"),
        "x000d": lambda: re.compile("_x000D_(\n?)"),
        "title_word": lambda: re.compile(f"[{HAN_CLASS}0-9A-Za-z]{{1,6}}"),
        # list items, headings and other line starts that always begin a new paragraph
        "block_start": lambda: re.compile(
            "[ \t\u3000]|[0-9]{1,3}[、.．)）]|[（(〔][0-9一二三四五六七八九十]{1,3}[）)〕]"
            "|[一二三四五六七八九十百]{1,3}[、是]|第[0-9一二三四五六七八九十百]{1,4}[章节条部篇款项]"
            "|[①-⑳⑴-⒇●○■□◆◇•·▲△★☆※>＞\\-—*#]"),
        "chunk": lambda: re.compile(f"[\r\n]([0-9]{{1,3}})、(?=[{HAN_CLASS}])"),
        "doubled": lambda: re.compile("(?:(.{2,40}?)\\1[ \t\u3000]*)+"),
        "han": lambda: re.compile(f"[{HAN_CLASS}]"),
    })


def step(text: str, config: Config) -> Cleaned:
    p = _patterns()
    if "\r" in text:
        pieces = p["sep"].split(text)
        lines, seps = pieces[0::2], pieces[1::2] + [""]
    else:
        lines = text.split("\n")
        seps = ["\n"] * (len(lines) - 1) + [""]
    doc = _Doc(lines, seps, "\r" in text)
    spans: list[Span] = []
    if "_x000D_" in text:
        for m in p["x000d"].finditer(text):
            nxt = text[m.end():m.end() + 1]
            spans.append(Span(m.start(), m.end(), "" if nxt in ("\r", "\n", "") else "\n", "layout:x000D"))
    _title_words(doc, p, spans)
    _hard_wrap(doc, p, spans)
    _chunk_numbers(text, doc, p, spans)
    _doubled(doc, p, spans)
    if "\r" in text:
        for i, sep in enumerate(seps):
            if sep and sep != "\n" and i not in doc.taken:
                end = doc.start(i) + len(lines[i])
                spans.append(Span(end, end + len(sep), "\n", "layout:crlf"))
    return apply_spans("layout", text, spans)


class _Doc:
    """The lines of a document, their separators and (lazily) their start offsets."""

    __slots__ = ("lines", "seps", "_cum", "_mixed", "taken")

    def __init__(self, lines: list[str], seps: list[str], mixed: bool) -> None:
        self.lines, self.seps, self._mixed = lines, seps, mixed
        # cumulative lengths (C speed); with only "\n" separators line i starts at cum[i] + i
        lengths = map(len, lines) if not mixed else (len(a) + len(b) for a, b in zip(lines, seps))
        self._cum = list(accumulate(lengths, initial=0))
        self.taken: set[int] = set()  # line breaks (after line i) already rewritten

    def start(self, i: int) -> int:
        return self._cum[i] if self._mixed else self._cum[i] + i

    def line_at(self, pos: int) -> int:
        lo, hi = 0, len(self.lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.start(mid) <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def join(self, i: int, rule: str, note: str = "") -> Span:
        """A span that removes the line break after line ``i``."""
        end = self.start(i) + len(self.lines[i])
        self.taken.add(i)
        return Span(end, end + len(self.seps[i]), _joiner(self.lines[i], self.lines[i + 1]), rule, None, note)


def _joiner(left: str, right: str) -> str:
    return " " if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum() else ""


def _title_words(doc: _Doc, p: dict[str, re.Pattern[str]], spans: list[Span]) -> None:
    lines = doc.lines
    nonempty = [i for i in range(min(len(lines), 40)) if lines[i].strip()]
    if len(nonempty) < 4:
        return
    for first in nonempty[:3]:
        run = []
        i = first
        while i < len(lines) and p["title_word"].fullmatch(lines[i]) and not p["block_start"].match(lines[i]):
            run.append(i)
            i += 1
        if len(run) < 3 or i >= len(lines) or sum(len(lines[k]) for k in run) > 40:
            continue
        below = "\n".join(lines[i:i + 4])
        # the words were one phrase: two neighbours of the run stand together in the lines below
        words = [lines[k] for k in run]
        if not any(a + b in below for a, b in zip(words, words[1:]) if not a.isdigit() and not b.isdigit()):
            continue
        spans.extend(doc.join(k, "layout:title-words") for k in run[:-1])
        return


def _hard_wrap(doc: _Doc, p: dict[str, re.Pattern[str]], spans: list[Span]) -> None:
    lines = doc.lines
    lengths = Counter(map(len, lines))
    long_lines = sum(n for length, n in lengths.items() if length >= 12)
    if long_lines < 8:
        return
    width, at_width = max(((length, n) for length, n in lengths.items() if length >= 12), key=lambda x: (x[1], x[0]))
    near = sum(n for length, n in lengths.items() if width - 1 <= length <= width + 1)
    beyond = sum(n for length, n in lengths.items() if length > width + 8)
    if at_width < 5 or near * 10 < long_lines * 3 or beyond * 10 > long_lines:
        return
    full = [line for line in lines if width - 1 <= len(line) <= width + 1]
    open_ended = sum(1 for line in full if line[-1] not in _TERMINAL and line[-1] not in _CLOSERS)
    if open_ended * 2 < len(full):
        return  # lines of one length that end their sentences: a list or a table, not a wrap
    block = p["block_start"]
    for i in range(len(lines) - 1):
        line, nxt = lines[i], lines[i + 1]
        if not (width - 2 <= len(line) <= width + 8) or i in doc.taken or not nxt.strip():
            continue
        if line[-1] in _TERMINAL or line[-1] in _CLOSERS or block.match(nxt):
            continue
        spans.append(doc.join(i, "layout:hard-wrap", f"width={width}"))


def _chunk_numbers(text: str, doc: _Doc, p: dict[str, re.Pattern[str]], spans: list[Span]) -> None:
    if "、" not in text:
        return
    lines, han = doc.lines, p["han"]
    cands = []
    for m in p["chunk"].finditer(text):
        i = doc.line_at(m.start(1))
        prev = lines[i - 1] if i else ""
        if doc.start(i) != m.start(1) or len(prev) < 12 or not han.match(prev[-1]) or i - 1 in doc.taken:
            continue
        cands.append((int(m.group(1)), i, m.end() - m.start(1)))

    # keep the cuts whose numbers count up by one, a preview page apart (a list's items are closer)
    def follows(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
        return a[0] + 1 == b[0] and doc.start(b[1]) - doc.start(a[1]) >= _CHUNK_GAP

    keep = [c for k, c in enumerate(cands)
            if (k and follows(cands[k - 1], c)) or (k + 1 < len(cands) and follows(c, cands[k + 1]))]
    # cuts that did not count up one preview page apart: each must split a word of the lexicon
    # (宣传工 | 作), and the numbers of all the cuts kept must still rise through the document
    if len(keep) < len(cands):
        cut_lines = {c[1] for c in cands}
        keep = [c for c in cands if c in keep or _splits_word(text, doc, c, cut_lines)]
        numbers = [c[0] for c in keep]
        if any(b <= a for a, b in zip(numbers, numbers[1:])):
            keep = [c for k, c in enumerate(cands)
                    if (k and follows(cands[k - 1], c)) or (k + 1 < len(cands) and follows(c, cands[k + 1]))]
        elif len(keep) >= 2:
            # a document with two cuts or more: a cut at a word boundary goes too when the numbers,
            # its own included, still rise through the document
            kept = set(keep)
            for c in cands:
                if c in kept:
                    continue
                trial = sorted(kept | {c}, key=lambda x: x[1])
                numbers = [x[0] for x in trial]
                if all(b > a for a, b in zip(numbers, numbers[1:])):
                    kept.add(c)
            keep = sorted(kept, key=lambda x: x[1])
        elif len(cands) >= 3:
            # three cuts or more, none of them proven: all go when their numbers rise and they
            # stand a preview page apart (the items of a list stand closer and end their sentences)
            numbers = [c[0] for c in cands]
            gaps = [doc.start(b[1]) - doc.start(a[1]) for a, b in zip(cands, cands[1:])]
            if all(b > a for a, b in zip(numbers, numbers[1:])) and all(g >= _CHUNK_GAP for g in gaps):
                keep = list(cands)
    for number, i, marker_len in keep:
        start = doc.start(i - 1) + len(lines[i - 1])
        doc.taken.add(i - 1)
        spans.append(Span(start, doc.start(i) + marker_len, "", "layout:chunk-number", None, f"chunk {number}"))


_MIN_LOGP = -12.0  # a word about as common as 工作人员 or commoner


def _splits_word(text: str, doc: _Doc, cand: tuple[int, int, int], cut_lines: set[int]) -> bool:
    """Does a common word of two to four characters run across the cut (…宣传工\n3、作，…)?
    The line before the cut must be prose (or start at another cut), not a heading or a list item."""
    from .spin._lexicon import freq

    _, i, marker_len = cand
    prev = doc.lines[i - 1]
    if i - 1 not in cut_lines and _patterns()["block_start"].match(prev) or i < 2 and len(prev) < 30:
        return False
    right = text[doc.start(i) + marker_len:doc.start(i) + marker_len + 3]
    left = prev[-3:]
    for a in range(1, len(left) + 1):
        for b in range(1, len(right) + 1):
            if 2 <= a + b <= 4:
                w = left[-a:] + right[:b]
                lp = freq(w) if _patterns()["han"].fullmatch(w[0]) else None
                if lp is not None and lp >= _MIN_LOGP and all(_patterns()["han"].match(c) for c in w):
                    return True
    return False


def _doubled(doc: _Doc, p: dict[str, re.Pattern[str]], spans: list[Span]) -> None:
    doubled, lines = p["doubled"], doc.lines
    for i, line in enumerate(lines):
        if not 8 <= len(line) <= 120:
            continue
        j = line.find(line[:2], 2)
        if j < 0 or line[:j] != line[j:2 * j]:
            continue
        m = doubled.fullmatch(line)
        if not m:
            continue
        units = [u.group(1) for u in _units(doubled, line)]
        # certain only for a heading-like line (no sentence end) made of two or more different runs,
        # each exactly twice: a reader's emphatic repetition (太烫了太烫了太烫了) is left alone
        if len(units) < 2 or max(map(len, units)) < 3 or any(not p["han"].search(u) for u in units):
            continue
        if any(a == b for a, b in zip(units, units[1:])) or any(c in line for c in "。！？!?"):
            continue
        once = _undouble(line)
        if once is not None and once != line:
            spans.append(Span(doc.start(i), doc.start(i) + len(line), once, "layout:doubled"))


def _units(doubled: re.Pattern[str], line: str) -> list[re.Match[str]]:
    unit = re.compile("(.{2,40}?)\\1([ \t\u3000]*)")
    out, pos = [], 0
    while pos < len(line):
        m = unit.match(line, pos)
        if not m or m.end() == pos:
            return []
        # prefer the shortest unit that still lets the rest of the line be doubled
        if doubled.fullmatch(line, m.end()) is None and m.end() != len(line):
            return []
        out.append(m)
        pos = m.end()
    return out


def _undouble(line: str) -> str | None:
    doubled = _patterns()["doubled"]
    parts = _units(doubled, line)
    if not parts:
        return None
    return "".join(m.group(1) + m.group(2) for m in parts)

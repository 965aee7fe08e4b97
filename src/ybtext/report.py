"""Review what cleaning did: a self-contained HTML report, and a per-document triage summary.

    >>> import ybtext, ybtext.report
    >>> docs = [(name, text, ybtext.clean_and_explain(text)) for name, text in inputs]  # doctest: +SKIP
    >>> page = ybtext.report.html(docs)          # one HTML page, no network needed  # doctest: +SKIP
    >>> ybtext.report.triage(text, cleaned).damage                                   # doctest: +SKIP

``html`` takes ``(name, original, cleaned)`` triples (``cleaned`` as returned by
``clean_and_explain``; a fourth element may carry a precomputed ``SpinReport``). The page shows
each document's original and cleaned text side by side, paragraph-aligned, every edit in its
step's colour; several documents get a sortable index and a histogram of spin scores.

``triage`` is what ``ybtext detect`` prints: spin score and family (``detect_spin`` run on the
text the spin step receives, as in the pipeline), the top evidence pairs, the boilerplate share
(characters removed by the boilerplate step / characters of the original) and ``damage``, the
share of the original's characters that cleaning changed or removed, over all steps.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Any, Iterable, Sequence

from ._edits import Cleaned
from ._spanmap import HI, LO, SpanMap
from ._version import __version__
from .config import STEPS
from .detect import SpinReport, detect_spin

__all__ = ["Triage", "applied_counts", "html", "triage"]

_SNIPPET = 160      # longest before/after shown in a tooltip (the full text is on the page)
_ROW_CHARS = 2400   # rows longer than this are cut at sentence ends so the page renders in chunks


@dataclass(frozen=True, slots=True)
class Triage:
    """How damaged one document looks. Shares are fractions of the original's characters."""

    chars: int
    cleaned_chars: int
    edits: dict[str, int]
    spin: SpinReport
    boilerplate_share: float
    damage: float

    def as_dict(self) -> dict[str, Any]:
        return {"chars": self.chars, "cleaned_chars": self.cleaned_chars, "edits": dict(self.edits),
                "spin": self.spin.as_dict(), "boilerplate_share": round(self.boilerplate_share, 4),
                "damage": round(self.damage, 4)}


def triage(original: str, cleaned: Cleaned, *, spin: SpinReport | None = None) -> Triage:
    """Summarize one cleaning run (see the module docstring for the definitions)."""
    return _triage(SpanMap(original, cleaned.edits), cleaned, spin)


def _triage(m: SpanMap, cleaned: Cleaned, spin: SpinReport | None) -> Triage:
    m.check(cleaned.text)
    if spin is None:  # the spin step's own report, else the detector's on what that step received
        spin = cleaned.spin or detect_spin(m.text_before("spin"))
    counts = {s: 0 for s in STEPS}
    removed = 0
    for e in cleaned.edits:
        counts[e.step] = counts.get(e.step, 0) + 1
        if e.step == "boilerplate":
            removed += len(e.before) - len(e.after)
    n = len(m.original)
    changed = _union_length([(a, b) for a, b, _, _ in m.edit_regions()])
    return Triage(n, len(cleaned.text), counts, spin, max(removed, 0) / n if n else 0.0,
                  changed / n if n else 0.0)


def applied_counts(pairs: Iterable[Any], edits: Iterable[Any]) -> list[int]:
    """For each evidence pair (``.spun``, ``.original``), how many spin edits of this document
    restored it: edits whose before is the spun form and whose after is the original, or which
    make exactly that replacement inside a longer span. Evidence a document shows is not always
    applied (a spun form that is also a word of its own, used rightly, stays)."""
    spin_edits = [(e.before, e.after) for e in edits if e.step == "spin"]
    counts = []
    for p in pairs:
        counts.append(sum(1 for before, after in spin_edits
                          if (before, after) == (p.spun, p.original)
                          or (p.spun in before and before.replace(p.spun, p.original) == after)))
    return counts


def _union_length(spans: list[tuple[int, int]]) -> int:
    total, end = 0, -1
    for a, b in sorted(spans):
        if b <= end:
            continue
        total += b - max(a, end)
        end = b
    return total


def html(documents: Iterable[Sequence[Any]], *, title: str = "ybtext review") -> str:
    """One self-contained HTML page reviewing ``documents`` (``(name, original, cleaned[, spin])``).

    Raises TypeError for items of the wrong shape and YbtextError when a document's edits do not
    replay on its original to its cleaned text.
    """
    docs = [_document(item) for item in documents]
    steps = list(STEPS) + sorted({e[0] for d in docs for e in d["edits"]} - set(STEPS))
    for d in docs:
        d["edits"] = [[steps.index(e[0]), *e[1:]] for e in d["edits"]]
    payload = {"title": title, "version": __version__, "steps": steps, "docs": docs}
    parts = {
        "TITLE": _esc(title),
        "CSS": _asset("report.css"),
        "JS": _asset("report.js"),
        "VERSION": _esc(__version__),
        "BATCH": _batch(docs, steps) if len(docs) > 1 else "",
        "DATA": _json_for_script(payload),
    }
    return re.sub(r"%%([A-Z]+)%%", lambda m: parts[m.group(1)], _asset("template.html"))


def _document(item: Sequence[Any]) -> dict[str, Any]:
    if not isinstance(item, (tuple, list)) or len(item) not in (3, 4):
        raise TypeError("each document must be (name, original, cleaned) or (name, original, cleaned, spin)")
    name, original, cleaned = item[:3]
    spin = item[3] if len(item) == 4 else None
    if not isinstance(name, str) or not isinstance(original, str) or not isinstance(cleaned, Cleaned):
        raise TypeError("each document must be (name: str, original: str, cleaned: ybtext.Cleaned[, SpinReport])")
    if spin is not None and not isinstance(spin, SpinReport):
        raise TypeError(f"the fourth element must be a SpinReport, not {type(spin).__name__}")
    m = SpanMap(original, cleaned.edits)
    t = _triage(m, cleaned, spin)
    edits = []
    for e, (o1, o2, c1, c2) in zip(cleaned.edits, m.edit_regions()):
        if c1 == c2 and e.after:
            c1 = c2 = -1  # what it wrote was removed again by a later step: nothing to show
        edits.append([e.step, o1, o2, c1, c2, _snip(e.before), _snip(e.after), e.rule,
                      e.confidence, e.note, int(_punct_only(e.step, e.before, e.after)), e.tier])
    notices = []
    for n in cleaned.notices:
        a, b = m.notice_region(n)
        notices.append([a, b, n.step, n.rule, n.message, _snip(n.text)])
    return {"name": name, "orig": original, "clean": cleaned.text, "edits": edits,
            "rows": _rows(m), "notices": notices, "triage": _sorted_pairs(t.as_dict(), cleaned)}


def _sorted_pairs(t: dict[str, Any], cleaned: Cleaned) -> dict[str, Any]:
    """The evidence pairs, strongest first, each with ``applied``: how many edits of this
    document restored it (the page lists applied pairs apart from evidence only)."""
    pairs = sorted(t["spin"]["pairs"], key=lambda p: -float(p.get("weight") or 0))
    for p, n in zip(pairs, applied_counts([_Pair(p["spun"], p["original"]) for p in pairs], cleaned.edits)):
        p["applied"] = n
    t["spin"]["pairs"] = pairs
    return t


@dataclass(frozen=True, slots=True)
class _Pair:
    spun: str
    original: str


def _snip(s: str) -> str:
    return s if len(s) <= _SNIPPET else s[: _SNIPPET // 2] + " … " + s[-_SNIPPET // 2:]


_DROP = {"P", "S"}


def _punct_only(step: str, before: str, after: str) -> bool:
    """Punctuation or width only: equal once NFKC-folded and stripped of punctuation, symbols and
    horizontal spaces (line breaks count, so layout joins are never 'punctuation-only')."""
    if step == "punctuation":
        return True

    def key(s: str) -> str:
        s = unicodedata.normalize("NFKC", s)
        return "".join(c for c in s if unicodedata.category(c)[0] not in _DROP and c not in " \t\u3000\xa0")

    return key(before) == key(after)


_NEWLINE = re.compile("\n")
_SENTENCE_END = re.compile(r"[。！？!?；;…]+[”’」』)）]*")


def _rows(m: SpanMap) -> list[int]:
    """Paragraph alignment as a flat list ``[o1, o2, c1, c2, ...]``: rows cut where the original
    and the cleaned text correspond exactly (paragraph starts of the cleaned text, and lines of
    the original that the pipeline removed); runs of removed lines form one row."""
    orig, final, top = m.original, m.final, len(m.groups)
    para = [0] + [x.end() for x in _NEWLINE.finditer(final)]
    para_set = set(para)
    anchors = {(0, 0), (len(orig), len(final))}
    for c in para:
        o = m.to_original(c, top, LO)
        if o == m.to_original(c, top, HI):
            anchors.add((o, c))
    for x in _NEWLINE.finditer(orig):
        o = x.end()
        c = m.to_final(o, 0, LO)
        if c == m.to_final(o, 0, HI) and (c in para_set or c == len(final)):
            anchors.add((o, c))
    points: list[tuple[int, int]] = []
    for o, c in sorted(anchors):
        if points and c < points[-1][1]:
            continue  # keep both coordinates monotone
        points.append((o, c))
    points = _split_long(m, points)
    rows: list[int] = []
    for (o1, c1), (o2, c2) in zip(points, points[1:]):
        if o1 == o2 and c1 == c2:
            continue
        if rows and c1 == c2 and rows[-1] == rows[-2] == c1 and rows[-3] == o1:
            rows[-3] = o2  # extend a run of removed lines
            continue
        rows.extend((o1, o2, c1, c2))
    return rows


def _split_long(m: SpanMap, points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    top = len(m.groups)
    out = [points[0]]
    for (o1, c1), (o2, c2) in zip(points, points[1:]):
        while c2 - c1 > _ROW_CHARS:
            cut = _sentence_cut(m.final, c1 + _ROW_CHARS // 2, c2)
            o = m.to_original(cut, top, LO) if cut else -1
            if not cut or o != m.to_original(cut, top, HI) or not o1 < o < o2:
                break
            out.append((o, cut))
            o1, c1 = o, cut
        out.append((o2, c2))
    return out


def _sentence_cut(text: str, start: int, end: int) -> int:
    hit = _SENTENCE_END.search(text, start, min(end, start + _ROW_CHARS))
    cut = hit.end() if hit else start + _ROW_CHARS // 2
    return cut if cut < end else 0


def _batch(docs: list[dict[str, Any]], steps: list[str]) -> str:
    head = "".join(f'<th data-k="{k}" data-t="{t}">{lab}</th>' for k, t, lab in (
        ("name", "s", "File"), ("chars", "n", "Characters")))
    head += "".join(f'<th data-k="e{i}" data-t="n" class="st s-{_esc(s)}">{_esc(s)}</th>' for i, s in enumerate(steps))
    head += '<th data-k="score" data-t="n">Spin score</th><th data-k="family" data-t="s">Family</th>'
    body = []
    for i, d in enumerate(docs):
        t = d["triage"]
        cells = [f'<td class="nm"><a href="#d{i}">{_esc(d["name"])}</a></td>', f'<td>{t["chars"]}</td>']
        cells += ['<td class="z0">0</td>' if not t["edits"].get(s) else f'<td>{t["edits"][s]}</td>' for s in steps]
        cells.append(f'<td>{t["spin"]["score"]:.2f}</td><td>{_esc(t["spin"]["family"] or "–")}</td>')
        body.append(f'<tr data-i="{i}">{"".join(cells)}</tr>')
    return (f'<section id="batch"><div class="batch-grid"><figure class="hist">{_histogram(docs)}'
            f'<figcaption>Spin scores of {len(docs)} documents (red: 0.5 and above)</figcaption></figure>'
            f'<div class="index-wrap"><table id="index"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div></div></section>')


def _histogram(docs: list[dict[str, Any]], bins: int = 10) -> str:
    counts = [0] * bins
    for d in docs:
        s = min(max(float(d["triage"]["spin"]["score"]), 0.0), 1.0)
        counts[min(int(s * bins), bins - 1)] += 1
    w, h, left, bottom, top = 320, 150, 28, 22, 12
    bw = (w - left - 8) / bins
    peak = max(counts) or 1
    out = [f'<svg id="spin-hist" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" role="img" '
           f'aria-label="Histogram of spin scores">',
           f'<line class="ax" x1="{left}" y1="{h - bottom}" x2="{w - 8}" y2="{h - bottom}"/>']
    for i, c in enumerate(counts):
        bh = (h - bottom - top) * c / peak
        x, y = left + i * bw, h - bottom - bh
        out.append(f'<rect class="bar{" hi" if i >= bins // 2 else ""}" x="{x + 1.5:.1f}" y="{y:.1f}" '
                   f'width="{bw - 3:.1f}" height="{bh:.1f}"><title>{i / bins:.1f}–{(i + 1) / bins:.1f}: '
                   f'{c} document{"s" if c != 1 else ""}</title></rect>')
        if c:
            out.append(f'<text class="cnt" x="{x + bw / 2:.1f}" y="{y - 3:.1f}">{c}</text>')
    for v in (0, 0.5, 1):
        out.append(f'<text class="tk" x="{left + v * bins * bw:.1f}" y="{h - 6}">{v:g}</text>')
    out.append("</svg>")
    return "".join(out)


def _esc(s: str) -> str:
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def _json_for_script(obj: Any) -> str:
    # Safe inside <script type="application/json">: no "<", ">" or "&" survives literally.
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@functools.lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return resources.files("ybtext").joinpath("_report", name).read_text(encoding="utf-8")

"""Edits: the record of every change a step makes, and their replay.

An :class:`Edit` is a span of the text *its step received*, what stood there, what replaces it
and why. Steps build their edits with :func:`edits_from_spans` and turn them into text with
:func:`apply_spans`; no step computes offsets by hand. :func:`apply_edits` replays a whole
pipeline's edits, step by step, on the original text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, NamedTuple, Sequence

from .errors import YbtextError

if TYPE_CHECKING:
    from .detect import SpinReport

__all__ = ["Edit", "Notice", "Cleaned", "apply_edits"]


@dataclass(frozen=True, slots=True)
class Edit:
    """One change made by one step.

    ``start``/``end`` index the text the step received (not the original input), so a list of
    edits is replayed step by step. ``rule`` is a wordlist ``file:line`` or a named rule;
    ``confidence`` is a float in [0, 1] where the step computed one, else None. ``note`` carries
    anything else worth showing a reviewer (document evidence for gated edits). ``tier`` is the
    spin tier that made the edit (``user``, ``phrase``, ``sure``, ``learned``, ``chain``, ``gated``, ``char``),
    "" for the other steps.
    """

    step: str
    start: int
    end: int
    before: str
    after: str
    rule: str
    confidence: float | None = None
    note: str = ""
    tier: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The edit as a JSON-ready dict (the fields of ``ybtext explain --format json``)."""
        return {
            "step": self.step,
            "start": self.start,
            "end": self.end,
            "before": self.before,
            "after": self.after,
            "rule": self.rule,
            "confidence": self.confidence,
            "note": self.note,
            "tier": self.tier,
        }


@dataclass(frozen=True, slots=True)
class Notice:
    """Something a step noticed but did not change (e.g. year-bump debris such as 202223年).

    ``start``/``end`` index the text the step received, like an Edit's.
    """

    step: str
    start: int
    end: int
    text: str
    rule: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        """The notice as a JSON-ready dict."""
        return {"step": self.step, "start": self.start, "end": self.end, "text": self.text,
                "rule": self.rule, "message": self.message}


class Cleaned(NamedTuple):
    """The cleaned text, the edits that produced it (in pipeline order) and what was only noticed.

    ``spin`` is the spin detector's report on the text the spin step received, as the step computed
    it (``spin="auto"``), so ``clean --report``, ``detect`` and ``review`` read the verdict the edits
    were made under instead of computing it again; None where the step did not run or ran forced.
    """

    text: str
    edits: tuple[Edit, ...]
    notices: tuple[Notice, ...] = ()
    spin: SpinReport | None = None

    def explain(self) -> list[str]:
        """One human-readable line per edit."""
        return [format_edit(e) for e in self.edits]


class Span(NamedTuple):
    """A proposed replacement inside a step, before it becomes an Edit."""

    start: int
    end: int
    after: str
    rule: str
    confidence: float | None = None
    note: str = ""
    tier: str = ""  # the spin tier (see Edit.tier)


class View:
    """``text`` with non-overlapping ``spans`` applied, and where an unedited position of ``text``
    lies in it, so that a later judgment reads its neighbours as restored."""

    def __init__(self, text: str, spans: Iterable[Span]) -> None:
        parts: list[str] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._shifts: list[int] = []
        pos = shift = 0
        for s in sorted(spans, key=lambda s: s.start):
            parts += (text[pos:s.start], s.after)
            shift += len(s.after) - (s.end - s.start)
            self._starts.append(s.start)
            self._ends.append(s.end)
            self._shifts.append(shift)
            pos = s.end
        parts.append(text[pos:])
        self.text = "".join(parts)

    def at(self, i: int) -> int:
        k = bisect.bisect_right(self._ends, i)
        return i + (self._shifts[k - 1] if k else 0)

    def edited(self, start: int, end: int) -> bool:
        """Whether a span overlaps ``text[start:end]``."""
        k = bisect.bisect_right(self._ends, start)
        return k < len(self._starts) and self._starts[k] < end


def apply_spans(step: str, text: str, spans: Iterable[Span]) -> Cleaned:
    """Apply non-overlapping spans to ``text`` and return the new text and its edits.

    Spans are sorted by position; a span that overlaps an earlier one is a bug in the step and
    raises, rather than silently corrupting the text around it.
    """
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    out: list[str] = []
    edits: list[Edit] = []
    pos = 0
    for s in ordered:
        if s.start < pos or s.end < s.start or s.end > len(text):
            raise YbtextError(f"step {step!r} produced an overlapping or out-of-range span {s!r}")
        before = text[s.start:s.end]
        if before == s.after:
            continue
        out.append(text[pos:s.start])
        out.append(s.after)
        pos = s.end
        edits.append(Edit(step, s.start, s.end, before, s.after, s.rule, s.confidence, s.note, s.tier))
    if not edits:
        return Cleaned(text, ())
    out.append(text[pos:])
    return Cleaned("".join(out), tuple(edits))


def compose_deletions(step: str, text: str, first: Sequence[Edit], second: Sequence[Edit]) -> Cleaned:
    """One group of edits over ``text`` that does what the deletions ``first`` (over ``text``) and
    then the deletions ``second`` (over the text ``first`` left) do. A deletion of the second group
    that spans one of the first takes it in."""
    if any(e.after for e in (*first, *second)):
        raise YbtextError(f"step {step!r}: only deletions compose")
    # kept[i]: the position in ``text`` of character i of the text the first group left
    kept: list[int] = []
    pos = 0
    for e in first:
        kept.extend(range(pos, e.start))
        pos = e.end
    kept.extend(range(pos, len(text)))
    spans = [Span(kept[e.start], kept[e.end - 1] + 1, "", e.rule, e.confidence, e.note) for e in second]
    starts = [sp.start for sp in spans]
    for e in first:
        k = bisect.bisect_right(starts, e.start) - 1
        if k < 0 or spans[k].end <= e.start:  # not inside a deletion of the second group
            spans.append(Span(e.start, e.end, "", e.rule, e.confidence, e.note))
    return apply_spans(step, text, spans)


def drop_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Keep the spans that do not overlap an earlier one (at the same start, the longer wins)."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Replay ``edits`` (as returned by ``clean_and_explain``) on the original ``text``.

    Edits are grouped by consecutive step; each group is applied to the text the previous group
    produced, which is exactly what that step received. Raises YbtextError when an edit's
    ``before`` does not match the text it claims to replace.
    """
    i = 0
    n = len(edits)
    while i < n:
        j = i
        while j < n and edits[j].step == edits[i].step:
            j += 1
        group = edits[i:j]
        pieces: list[str] = []
        pos = 0
        for e in group:
            if e.start < pos or text[e.start:e.end] != e.before:
                raise YbtextError(f"edit does not match the text it replays on: {e!r}")
            pieces.append(text[pos:e.start])
            pieces.append(e.after)
            pos = e.end
        pieces.append(text[pos:])
        text = "".join(pieces)
        i = j
    return text


def format_edit(e: Edit) -> str:
    conf = "-" if e.confidence is None else f"{e.confidence:.2f}"
    line = f"{e.step}\t{e.start}-{e.end}\t{_show(e.before)}\t{_show(e.after)}\t{e.rule}\t{conf}"
    return f"{line}\t{e.note}" if e.note else line


def _show(s: str) -> str:
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t") if s else "∅"

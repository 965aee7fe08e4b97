"""Edits: the record of every change a step makes, and their replay.

An :class:`Edit` is a span of the text *its step received*, what stood there, what replaces it
and why. Steps propose spans (:class:`Span`) and turn them into text and edits with
:func:`apply_spans`; no step computes offsets by hand. A step that runs in passes (or runs again
on its own output) makes one group of edits of them with :func:`compose` and :func:`until_stable`.
:func:`apply_edits` replays a whole pipeline's edits, step by step, on the original text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable, NamedTuple, Sequence

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
    spin tier that made the edit (``user``, ``phrase``, ``sure``, ``learned``, ``chain``, ``gated``, ``table``, ``char``),
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


def compose(step: str, text: str, first: Sequence[Edit], second: Sequence[Edit]) -> Cleaned:
    """One group of edits over ``text`` that does what ``first`` (edits over ``text``) and then
    ``second`` (edits over the text ``first`` left) do.

    In the text ``first`` left, each of its edits occupies the span of its replacement. An edit of
    ``second`` whose span overlaps such a span merges with that edit (as does a zero-width one
    strictly inside the other, or two zero-width ones at one position), and so on transitively; edits
    that merely meet at a boundary stay apart. A merged edit replaces everything its parts touched in
    ``text``: its rule joins their rules (split on ``+``, each once, sorted, joined with ``+``), its
    confidence is the least of theirs (None when none has one), its note joins their non-empty notes
    with `` | `` (in order of position), and its tier is their common tier ("" when they differ). An
    edit the other pass does not touch keeps its rule, confidence, note and tier; one of ``second``
    is moved to its place in ``text``. A merged edit that restores what stood there is dropped.
    """
    # (start, end, pass, edit) in the text ``first`` left; at one position ``first`` comes first
    items = sorted([(a, b, 0, e) for (a, b), e in zip(placed(first), first)] +
                   [(e.start, e.end, 1, e) for e in second], key=lambda t: (t[0], t[1], t[2]))
    groups: list[list[tuple[int, int, int, Edit]]] = []
    lo = hi = -1
    for it in items:
        a, b = it[0], it[1]
        if groups and (a < hi or a == b == lo == hi):
            groups[-1].append(it)
            hi = max(hi, b)
        else:
            groups.append([it])
            lo, hi = a, b
    middle: str | None = None
    spans: list[Span] = []
    shift = 0  # length change of the edits of ``first`` placed before the current group
    for g in groups:
        delta = sum(len(e.after) - (e.end - e.start) for _, _, p, e in g if p == 0)
        if all(p == 0 for _, _, p, _e in g):
            spans.extend(_span(e) for *_, e in g)
        elif all(p == 1 for _, _, p, _e in g):
            spans.extend(_span(e)._replace(start=e.start - shift, end=e.end - shift) for *_, e in g)
        else:
            if middle is None:
                middle = apply_spans(step, text, [_span(e) for e in first]).text
            x, y = g[0][0], max(t[1] for t in g)
            pieces: list[str] = []
            pos = x
            for _, _, p, e in g:
                if p == 1:
                    pieces += (middle[pos:e.start], e.after)
                    pos = e.end
            pieces.append(middle[pos:y])
            parts = [e for *_, e in g]
            rules = sorted({r for e in parts for r in e.rule.split("+")})
            known = [e.confidence for e in parts if e.confidence is not None]
            tiers = {e.tier for e in parts}
            spans.append(Span(x - shift, y - shift - delta, "".join(pieces), "+".join(rules),
                              min(known) if known else None, " | ".join(e.note for e in parts if e.note),
                              tiers.pop() if len(tiers) == 1 else ""))
        shift += delta
    return apply_spans(step, text, spans)


def until_stable(step: str, text: str, once: Callable[[str], Cleaned], passes: int,
                 again: Callable[[str, tuple[Edit, ...]], Sequence[Edit]] | None = None) -> Cleaned:
    """Run ``once`` on ``text``, then again on what it left, composing the passes (:func:`compose`)
    into one group of edits over ``text``, until a pass changes nothing or ``passes`` passes ran.

    ``again(current, edits)``, where given, replaces ``once`` from the second pass on: it gets the
    current text and the edits so far (over ``text``) and returns edits over ``current``, so it can
    look only where the last changes may have made a difference. The first pass's notices are kept.
    """
    result = once(text)
    for _ in range(passes - 1):
        if not result.edits:
            break
        more = again(result.text, result.edits) if again is not None else once(result.text).edits
        if not more:
            break
        result = compose(step, text, result.edits, more)._replace(notices=result.notices)
    return result


def placed(edits: Sequence[Edit]) -> list[tuple[int, int]]:
    """Where the replacement of each edit of one group stands in the text the group leaves."""
    out: list[tuple[int, int]] = []
    grown = 0
    for e in edits:
        start = e.start + grown
        out.append((start, start + len(e.after)))
        grown += len(e.after) - (e.end - e.start)
    return out


def _span(e: Edit) -> Span:
    return Span(e.start, e.end, e.after, e.rule, e.confidence, e.note, e.tier)


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

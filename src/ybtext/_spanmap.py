"""Map spans through the steps of a pipeline run: where did an edit happen in the original, and
where did its result end up in the cleaned text?

Each edit indexes the text *its* step received. :class:`SpanMap` replays the run as a chain of
levels (level 0 is the original, level k the text after the k-th group of same-step edits) and
maps positions between levels with the edits' own spans, by bisection, never per character.

A position outside every edit maps exactly. A position strictly inside a replaced span has no
exact image, so mapping takes a side: ``LO`` gives the start of the replacement and ``HI`` its end,
and a span ``(start, end)`` maps as ``(map(start, LO), map(end, HI))``, which covers the whole
replacement. Zero-width edits (pure insertions or deletions) sitting exactly at a span's end are
left outside it.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Sequence

from ._edits import Edit, Notice, apply_edits, placed
from .config import STEPS
from .errors import YbtextError

__all__ = ["LO", "HI", "SpanMap"]

LO = 0
HI = 1


class _Group:
    """One run of edits by the same step: their spans before (src) and after (dst) the step."""

    __slots__ = ("step", "first", "src_s", "src_e", "dst_s", "dst_e")

    def __init__(self, step: str, first: int, edits: Sequence[Edit]) -> None:
        self.step = step
        self.first = first  # index of the group's first edit in the run's edit list
        self.src_s = [e.start for e in edits]
        self.src_e = [e.end for e in edits]
        spots = placed(edits)
        self.dst_s = [a for a, _ in spots]
        self.dst_e = [b for _, b in spots]

    def forward(self, pos: int, side: int) -> int:
        return _map(pos, self.src_s, self.src_e, self.dst_s, self.dst_e, side)

    def backward(self, pos: int, side: int) -> int:
        return _map(pos, self.dst_s, self.dst_e, self.src_s, self.src_e, side)


def _map(pos: int, src_s: list[int], src_e: list[int], dst_s: list[int], dst_e: list[int], side: int) -> int:
    i = bisect_right(src_e, pos) - 1
    if side == HI:
        # A zero-width edit exactly at pos lies after a span that ends at pos.
        while i >= 0 and src_s[i] == src_e[i] == pos:
            i -= 1
    j = i + 1
    if j < len(src_s) and src_s[j] < pos < src_e[j]:
        return dst_s[j] if side == LO else dst_e[j]
    if i < 0:
        return pos
    return dst_e[i] + (pos - src_e[i])


class SpanMap:
    """The levels of one cleaning run, built from the original text and the run's edits.

    Raises YbtextError when the edits do not replay on ``original`` (see ``apply_edits``).
    ``final`` is the replayed text, which equals the run's cleaned text.
    """

    def __init__(self, original: str, edits: Sequence[Edit]) -> None:
        self.final = apply_edits(original, edits)
        self.original = original
        self.edits = tuple(edits)
        self.groups: list[_Group] = []
        self.level_of_edit: list[int] = []
        self._regions: list[tuple[int, int, int, int]] | None = None
        i, n = 0, len(self.edits)
        while i < n:
            j = i
            while j < n and self.edits[j].step == self.edits[i].step:
                j += 1
            self.level_of_edit.extend([len(self.groups)] * (j - i))
            self.groups.append(_Group(self.edits[i].step, i, self.edits[i:j]))
            i = j

    def level_before(self, step: str) -> int:
        """The level whose text ``step`` received (the number of groups run before it)."""
        for k, g in enumerate(self.groups):
            if g.step == step:
                return k
        if step not in STEPS:
            return len(self.groups)
        rank = STEPS.index(step)
        return sum(1 for g in self.groups if g.step in STEPS and STEPS.index(g.step) < rank)

    def to_original(self, pos: int, level: int, side: int) -> int:
        for g in reversed(self.groups[:level]):
            pos = g.backward(pos, side)
        return pos

    def to_final(self, pos: int, level: int, side: int) -> int:
        for g in self.groups[level:]:
            pos = g.forward(pos, side)
        return pos

    def span_to_original(self, start: int, end: int, level: int) -> tuple[int, int]:
        a, b = self.to_original(start, level, LO), self.to_original(end, level, HI)
        return (a, b) if a <= b else (a, a)

    def span_to_final(self, start: int, end: int, level: int) -> tuple[int, int]:
        a, b = self.to_final(start, level, LO), self.to_final(end, level, HI)
        return (a, b) if a <= b else (a, a)

    def edit_regions(self) -> list[tuple[int, int, int, int]]:
        """Per edit, ``(orig_start, orig_end, final_start, final_end)``.

        The original region is what the edit replaced, traced back to the input (a later edit
        inside text an earlier edit wrote covers that earlier edit's whole region). The final
        region is what the edit wrote, as it stands in the cleaned text after later steps.
        """
        if self._regions is not None:
            return self._regions
        out = []
        for idx, e in enumerate(self.edits):
            k = self.level_of_edit[idx]
            g = self.groups[k]
            local = idx - g.first
            o = self.span_to_original(e.start, e.end, k)
            f = self.span_to_final(g.dst_s[local], g.dst_e[local], k + 1)
            out.append((*o, *f))
        self._regions = out
        return out

    def notice_region(self, notice: Notice) -> tuple[int, int]:
        """Where a notice's span lies in the original text."""
        return self.span_to_original(notice.start, notice.end, self.level_before(notice.step))

    def text_before(self, step: str) -> str:
        """The text ``step`` received in this run."""
        k = self.level_before(step)
        if k == len(self.groups):
            return self.final
        return apply_edits(self.original, self.edits[: self.groups[k].first])

    def check(self, cleaned_text: str) -> None:
        if cleaned_text != self.final:
            raise YbtextError("the edits do not replay to the cleaned text given with them")

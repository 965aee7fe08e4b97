"""A fast multi-literal matcher: Aho-Corasick (ahocorasick-rs), leftmost-longest, non-overlapping.

A ``re`` alternation of 20k literal keys scans at ~0.2 MB/s; the automaton scans the same text at
40-50 MB/s and returns all matches in one call, so Python only touches the (rare) hits.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

import ahocorasick_rs

__all__ = ["Matcher"]


class Matcher:
    """Find occurrences of many literal keys: leftmost-longest and non-overlapping, or all of them."""

    __slots__ = ("keys", "overlapping", "_ac")

    def __init__(self, keys: Iterable[str], *, overlapping: bool = False) -> None:
        self.keys: tuple[str, ...] = tuple(sorted(set(k for k in keys if k)))
        self.overlapping = overlapping
        kind = ahocorasick_rs.MatchKind.Standard if overlapping else ahocorasick_rs.MatchKind.LeftmostLongest
        # store_patterns: matches come back as the key objects themselves (count() needs no offsets)
        self._ac = ahocorasick_rs.AhoCorasick(self.keys, matchkind=kind, store_patterns=True)

    def count(self, text: str) -> dict[str, int]:
        """``{key: occurrences}`` of the keys found in ``text`` (in order of first occurrence),
        counted in C: matched keys, not offsets, which for a str cost a conversion from UTF-8
        byte offsets (half the time of an overlapping scan)."""
        return dict(Counter(self._ac.find_matches_as_strings(text, overlapping=self.overlapping)))

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """``[(key, start, end), ...]`` in text order (str indexes); all occurrences if overlapping."""
        keys = self.keys
        found = self._ac.find_matches_as_indexes(text, overlapping=self.overlapping)
        return [(keys[i], s, e) for i, s, e in found]

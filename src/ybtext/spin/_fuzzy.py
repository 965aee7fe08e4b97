"""Fuzzy recovery of canonical phrases (spin-phrases.tsv) that spinning garbled (大都区 -> 大都市区).

rapidfuzz proposes, the wordlist decides: only phrases listed in ``spin-phrases.tsv`` are restored,
only in documents detected as spun, only where the damaged window is within two edits of the
phrase, shares its first two and last character, holds no space or punctuation and does not cut
a word at either end (综合承载力|量 is not 综合承载能力). The similarity is the edit's confidence.

rapidfuzz is imported at the first window that needs a distance (importing it costs ~20 ms, and
most documents never get that far).
"""

from __future__ import annotations

import functools

from .._edits import Span
from .._match import Matcher
from .._wordlists import load
from . import _lexicon

__all__ = ["spans"]

MIN_LEN = 6
MAX_EDITS = 2
MIN_SIMILARITY = 0.8


@functools.lru_cache(maxsize=1)
def _index() -> tuple[Matcher, dict[str, list[tuple[str, str]]]]:
    heads: dict[str, list[tuple[str, str]]] = {}
    for e in load("spin-phrases.tsv"):
        p = e["phrase"]
        if len(p) >= MIN_LEN:
            heads.setdefault(p[:2], []).append((p, e.rule))
    return Matcher(heads), heads


def _cuts_word(text: str, start: int, end: int) -> bool:
    """The window boundary splits a lexicon word (综合承载力|量): the window is misaligned."""
    return ((start > 0 and _lexicon.freq(text[start - 1:start + 1]) is not None)
            or (end < len(text) and _lexicon.freq(text[end - 1:end + 1]) is not None))


def spans(text: str, doc_score: float) -> list[Span]:
    matcher, heads = _index()
    out: list[Span] = []
    pos = 0
    for key, start, _end in matcher.find(text):
        if start < pos:
            continue
        best = None
        for phrase, rule in heads[key]:
            n = len(phrase)
            if text.startswith(phrase, start):
                best = None
                break
            for size in range(n - MAX_EDITS, n + 1):  # never delete: 中国特色的社会主义 stays
                window = text[start:start + size]
                if len(window) != size or window[-1] != phrase[-1] or not window.isalnum():
                    continue
                if _cuts_word(text, start, start + size):
                    continue
                from rapidfuzz.distance import (
                    Levenshtein,  # on first need (see the module docstring)
                )
                dist = Levenshtein.distance(window, phrase, score_cutoff=MAX_EDITS)
                if dist > MAX_EDITS:
                    continue
                sim = Levenshtein.normalized_similarity(window, phrase)
                rank = (sim, -abs(size - n))
                if sim >= MIN_SIMILARITY and (best is None or rank > best[4]):
                    best = (sim, size, phrase, rule, rank)
        if best is not None:
            sim, size, phrase, rule, _rank = best
            out.append(Span(start, start + size, phrase, rule, round(sim, 3),
                            f"tier=phrase; similarity {sim:.2f}; document score {doc_score:.2f}", "phrase"))
            pos = start + size
    return out

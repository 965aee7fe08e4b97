"""Word frequencies for spin reversal, and its canonical phrases.

``freq(word)`` is a word's log probability in ``lexicon-zh.tsv`` (jieba's dictionary counts),
where canonical phrases (``spin-phrases.tsv``) count as common words: the pairs' frequency ratios
and the one-character swaps read it. ``phrase_at`` and ``in_phrase`` keep canonical phrases as
written (中心城市, 根本遵循): the word trigram model does not know every official term. The context
judge itself is the trigram model (``_evidence.judge``).
"""

from __future__ import annotations

import functools
import math

from .._wordlists import load, load_columns

__all__ = ["freq", "in_phrase", "phrase_at"]

PHRASE_FREQ = 2000   # a canonical phrase counts as a common word


class _Model:
    """word -> log probability. The 105k counts stay strings as read (one dict built in C); a
    word's log probability is computed the first time it is asked for, then cached."""

    __slots__ = ("counts", "logp", "total", "unk")

    def __init__(self, counts: dict[str, str], total: float) -> None:
        self.counts, self.total = counts, total
        self.logp: dict[str, float] = {}
        self.unk = math.log(0.5) - total

    def get(self, word: str) -> float | None:
        lp = self.logp.get(word)
        if lp is None:
            c = self.counts.get(word)
            if c is None:
                return None
            lp = self.logp[word] = math.log(int(c)) - self.total
        return lp


@functools.lru_cache(maxsize=1)
def _model() -> _Model:
    words, freqs = load_columns("lexicon-zh.tsv", "word", "freq")  # 105k lines: no Entry objects
    counts: dict[str, str] = dict(zip(words, freqs))
    for e in load("spin-phrases.tsv"):
        counts[e["phrase"]] = str(max(int(counts.get(e["phrase"], 0)), PHRASE_FREQ))
    return _Model(counts, math.log(sum(map(int, counts.values()))))


@functools.lru_cache(maxsize=1)
def _phrase_parts() -> dict[str, tuple[tuple[str, int], ...]]:
    """Every substring of a canonical phrase (spin-phrases.tsv) -> (phrase, offset) pairs."""
    parts: dict[str, list[tuple[str, int]]] = {}
    for e in load("spin-phrases.tsv"):
        p = e["phrase"]
        for i in range(len(p)):
            for j in range(i + 1, len(p) + 1):
                parts.setdefault(p[i:j], []).append((p, i))
    return {k: tuple(v) for k, v in parts.items()}


def phrase_at(text: str, start: int, end: int) -> int:
    """The length of the longest canonical phrase (spin-phrases.tsv: 平安中国, 中心城市) that
    ``text[start:end]`` stands inside, 0 if none: the word trigram model does not know every
    official term, the list does."""
    best = 0
    for phrase, offset in _phrase_parts().get(text[start:end], ()):
        at = start - offset
        if at >= 0 and len(phrase) > best and text.startswith(phrase, at):
            best = len(phrase)
    return best


def in_phrase(text: str, start: int, end: int, replacement: str) -> bool:
    """Whether the span stands inside a canonical phrase as written, and restoring ``replacement``
    would not put it inside a longer one (新进展 is a phrase, but 新进展理念 is 新发展理念 spun)."""
    written = phrase_at(text, start, end)
    if not written:
        return False
    lo = max(0, start - 12)
    restored = text[lo:start] + replacement + text[end:end + 12]
    return phrase_at(restored, start - lo, start - lo + len(replacement)) < written


def freq(word: str) -> float | None:
    """Log probability of ``word`` in the lexicon, None when absent."""
    return _model().get(word)

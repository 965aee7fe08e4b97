"""Local context judge for spin reversal: a unigram word model over ``lexicon-zh.tsv``.

``delta(text, start, end, replacement)`` compares the best segmentation of a small window around
the span with and without the replacement: > 0 means the replacement reads more like Chinese.
Canonical phrases (``spin-phrases.tsv``) count as frequent words, so 中心城市 or 根本遵循 hold.
Only called at candidate positions; never over the whole text.
"""

from __future__ import annotations

import functools
import math
import re

from ._wordlists import load, load_columns

__all__ = ["delta", "freq"]

MAX_WORD = 8
CONTEXT = 4          # characters of context on each side (stops at non-Han characters)
PHRASE_FREQ = 2000   # a canonical phrase counts as a common word


@functools.lru_cache(maxsize=1)
def _model() -> tuple[dict[str, float], float]:
    words, freqs = load_columns("lexicon-zh.tsv", "word", "freq")  # 105k lines: no Entry objects
    counts: dict[str, int] = dict(zip(words, map(int, freqs)))
    for e in load("spin-phrases.tsv"):
        counts[e["phrase"]] = max(counts.get(e["phrase"], 0), PHRASE_FREQ)
    total = math.log(sum(counts.values()))
    # log(f) - total for every word, iterated in C (105k entries)
    logp = dict(zip(counts, map(total.__rsub__, map(math.log, counts.values()))))
    return logp, math.log(0.5) - total


def freq(word: str) -> float | None:
    """Log probability of ``word`` in the lexicon, None when absent."""
    return _model()[0].get(word)


@functools.lru_cache(maxsize=1 << 16)
def _best(s: str) -> float:
    logp, unk = _model()
    n = len(s)
    best = [0.0] + [-math.inf] * n
    for i in range(n):
        b = best[i]
        if b == -math.inf:
            continue
        for j in range(i + 1, min(n, i + MAX_WORD) + 1):
            lp = logp.get(s[i:j])
            if lp is None:
                if j != i + 1:
                    continue
                lp = unk
            if b + lp > best[j]:
                best[j] = b + lp
    return best[n]


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


_HAN_CLASS = "[\u3400-\u4dbf\u4e00-\u9fff]"
_LEFT = re.compile(f"{_HAN_CLASS}*\\Z")
_RIGHT = re.compile(f"{_HAN_CLASS}*")


def window(text: str, start: int, end: int) -> tuple[str, str]:
    """Up to CONTEXT Han characters on each side of the span (stops at the first non-Han one)."""
    left = _LEFT.search(text, max(0, start - CONTEXT), start).group()
    right = _RIGHT.match(text, end, end + CONTEXT).group()
    return left, right


def delta(text: str, start: int, end: int, replacement: str) -> float:
    """Log-probability gain of replacing ``text[start:end]`` by ``replacement`` in its local window."""
    left, right = window(text, start, end)
    return _best(left + replacement + right) - _best(left + text[start:end] + right)

"""Word associations for the context judge: ``lm-bigrams.tsv``, derived from open-gram.

``after(word)`` maps the words that follow ``word`` to their association
ln p(second | first) - ln p(second) in the open-gram bigram model (the SunPinyin input method's
language model, trained on a large general corpus). ``_lexicon`` adds it to its unigram model, so
that a window reads better where its words go together (党中央, 研究中心, 推进改革) and worse
where they do not; pairs the list does not hold count as independent, as in a unigram model.
Each first word's line is parsed the first time it is asked for.
"""

from __future__ import annotations

import functools

from .._wordlists import load_columns

__all__ = ["after"]

_NONE: dict[str, float] = {}


@functools.lru_cache(maxsize=1)
def _lines() -> dict[str, str]:
    first, followers = load_columns("lm-bigrams.tsv", "first", "followers")
    return dict(zip(first, followers))


_parsed: dict[str, dict[str, float]] = {}


def after(word: str) -> dict[str, float]:
    """The associations of the words that can follow ``word`` (empty when none is listed)."""
    got = _parsed.get(word)
    if got is None:
        line = _lines().get(word)
        if not line:
            got = _NONE
        else:
            got = {}
            for item in line.split(" "):
                w, _, value = item.rpartition("=")
                got[w] = float(value)
        _parsed[word] = got
    return got

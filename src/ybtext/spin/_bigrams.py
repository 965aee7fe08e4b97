"""Word associations for the context judge: ``lm-bigrams.tsv``, derived from open-gram.

``after(word)`` maps the words that follow ``word`` to their association
ln p(second | first) - ln p(second) in the open-gram bigram model (the SunPinyin input method's
language model, trained on a large general corpus). ``_lexicon`` adds it to its unigram model, so
that a window reads better where its words go together (党中央, 研究中心, 推进改革) and worse
where they do not; pairs the list does not hold count as independent, as in a unigram model.
The list has one bigram a line (``first<TAB>second<TAB>value``, sorted), searched in its raw bytes
(:class:`ybtext._wordlists.SortedLines`): a first word's lines are found by binary search and
parsed the first time it is asked for, so loading costs nothing per line.
"""

from __future__ import annotations

import functools

from .._wordlists import SortedLines
from ..errors import WordlistError

__all__ = ["after"]

_NONE: dict[str, float] = {}


@functools.lru_cache(maxsize=1)
def _lines() -> SortedLines:
    return SortedLines("lm-bigrams.tsv")


_parsed: dict[str, dict[str, float]] = {}


def after(word: str) -> dict[str, float]:
    """The associations of the words that can follow ``word`` (empty when none is listed)."""
    got = _parsed.get(word)
    if got is None:
        raw = _lines()
        offset, lines = raw.lines(word + "\t")
        if not lines:
            got = _NONE
        else:
            cells = lines.replace("\n", "\t").split("\t")   # first, second, value, ..., ""
            try:
                if len(cells) != 3 * lines.count("\n") + 1:
                    raise ValueError("expected: first, second, value")
                got = dict(zip(cells[1::3], map(float, cells[2::3])))
            except ValueError as err:
                raise WordlistError(raw.name, raw.line(offset), f"bad entry among the bigrams of {word!r}: {err}") from err
        _parsed[word] = got
    return got

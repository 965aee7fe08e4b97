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

from .._wordlists import SortedLines, load, load_columns

__all__ = ["freq", "in_phrase", "phrase_at"]

PHRASE_FREQ = 2000   # a canonical phrase counts as a common word
READ_ALL_AFTER = 128  # first characters read one at a time before the whole lexicon is read


class _Model:
    """word -> log probability. The lexicon's lines stay raw bytes (a SortedLines over the sorted
    file: the tests lint it) until a look-up needs a word starting with a character not read yet;
    then the lines of that first character, a block of adjacent lines, are read into ``known``
    (word -> count as a string, canonical phrases at PHRASE_FREQ at least). After READ_ALL_AFTER
    such blocks (a long text, or many) the whole lexicon is read at once, as one split in C: a
    binary search per first character costs more than that over a few thousand characters. A
    word's log probability is computed the first time it is asked for, then cached. The total the
    counts are divided by is the file's ``# Total`` header, adjusted for the phrases.

    ``counts`` answers ``in`` for any word (a Container for ``_standalone``)."""

    __slots__ = ("lines", "known", "counts", "logp", "total", "unk", "phrases", "whole", "_read")

    def __init__(self, lines: SortedLines, total: float, phrases: dict[str, list[str]] | None = None) -> None:
        self.lines, self.total = lines, total
        self.known: dict[str, str] = {}
        self.counts = _Counts(self)
        self.logp: dict[str, float] = {}
        self.unk = math.log(0.5) - total
        self.phrases = phrases or {}      # first character -> canonical phrases starting with it
        self.whole = False                    # the whole lexicon is read
        self._read: set[str] = set()          # first characters whose words are in known

    def read(self, first: str) -> bool:
        """Read the words starting with ``first`` into ``known`` (after READ_ALL_AFTER first
        characters, the whole lexicon). False if they were read before."""
        if self.whole or first in self._read:
            return False
        self._read.add(first)
        if len(self._read) > READ_ALL_AFTER:
            self._read_all()
            return True
        text = self.lines.lines(first)[1]
        cells = text[:-1].replace("\n", "\t").split("\t") if text else []
        self.known.update(zip(cells[0::2], cells[1::2]))
        self._raise_phrases(first)
        return True

    def get(self, word: str) -> float | None:
        lp = self.logp.get(word)
        if lp is None:
            c = self.known.get(word)
            if c is None and word and self.read(word[0]):
                c = self.known.get(word)
            if c is None:
                return None
            lp = self.logp[word] = math.log(int(c)) - self.total
        return lp

    def _raise_phrases(self, first: str) -> None:
        known = self.known
        for p in self.phrases.get(first, ()):
            known[p] = str(max(int(known.get(p, 0)), PHRASE_FREQ))

    def _read_all(self) -> None:
        words, freqs = load_columns("lexicon-zh.tsv", "word", "freq")
        self.known.update(zip(words, freqs))
        for first in self.phrases:
            self._raise_phrases(first)
        self.whole = True


class _Counts:
    """``word in counts``: whether the lexicon (with the canonical phrases) has ``word``."""

    __slots__ = ("_model",)

    def __init__(self, model: _Model) -> None:
        self._model = model

    def __contains__(self, word: object) -> bool:
        model = self._model
        if word in model.known:
            return True
        return isinstance(word, str) and bool(word) and model.read(word[0]) and word in model.known


@functools.lru_cache(maxsize=1)
def _model() -> _Model:
    lines = SortedLines("lexicon-zh.tsv")   # 105k lines: read as one bytes object, nothing per line
    total = int(lines.header("Total"))      # the sum of the freq column (tools/derive_spin_lists.py)
    phrases: dict[str, list[str]] = {}
    for e in load("spin-phrases.tsv"):
        p = e["phrase"]
        if p[0] not in phrases or p not in phrases[p[0]]:
            line = lines.lines(p + "\t")[1]
            count = int(line[len(p) + 1:-1]) if line else 0
            total += max(count, PHRASE_FREQ) - count
        phrases.setdefault(p[0], []).append(p)
    return _Model(lines, math.log(total), phrases)


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

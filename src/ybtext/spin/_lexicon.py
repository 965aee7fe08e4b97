"""Local context judge for spin reversal: a unigram word model over ``lexicon-zh.tsv``, with the
associations of neighbouring words (``_bigrams``, from open-gram's bigrams) added.

``delta(text, start, end, replacement)`` compares the best segmentation of a small window around
the span with and without the replacement: > 0 means the replacement reads more like Chinese.
Canonical phrases (``spin-phrases.tsv``) count as frequent words, so 中心城市 or 根本遵循 hold.
Only called at candidate positions; never over the whole text.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from typing import Sequence

from .._chars import HAN_CLASS
from .._wordlists import SortedLines, load, load_columns
from . import _bigrams

__all__ = ["delta", "freq"]

MAX_WORD = 8
CONTEXT = 4          # characters of context on each side (stops at non-Han characters)
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

    ``follow(c)`` tells the segmenter which words can start with ``c``: second character -> the
    lengths (up to MAX_WORD, ascending) of the words starting with the two. Asking for it reads
    the words of ``c``. ``counts`` answers ``in`` for any word (a Container for ``_standalone``)."""

    __slots__ = ("lines", "known", "counts", "logp", "total", "unk", "phrases", "words", "_read", "_follow")

    def __init__(self, lines: SortedLines, total: float, phrases: dict[str, list[str]] | None = None) -> None:
        self.lines, self.total = lines, total
        self.known: dict[str, str] = {}
        self.counts = _Counts(self)
        self.logp: dict[str, float] = {}
        self.unk = math.log(0.5) - total
        self.phrases = phrases or {}      # first character -> canonical phrases starting with it
        self.words: list[str] | None = None   # every word, sorted, once the whole lexicon is read
        self._read: set[str] = set()          # first characters whose words are in known
        self._follow: dict[str, dict[str, tuple[int, ...]]] = {}

    def read(self, first: str) -> bool:
        """Read the words starting with ``first`` into ``known`` (after READ_ALL_AFTER first
        characters, the whole lexicon). False if they were read before."""
        if self.words is not None or first in self._read:
            return False
        self._block(first)
        return True

    def _block(self, first: str) -> list[str]:
        """Read (again) the words starting with ``first`` into ``known``: the words, or [] once the
        whole lexicon is read."""
        self._read.add(first)
        if len(self._read) > READ_ALL_AFTER:
            self._read_all()
            return []
        text = self.lines.lines(first)[1]
        cells = text[:-1].replace("\n", "\t").split("\t") if text else []
        words = cells[0::2]
        self.known.update(zip(words, cells[1::2]))
        self._raise_phrases(first)
        return words

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

    def follow(self, first: str) -> dict[str, tuple[int, ...]]:
        got = self._follow.get(first)
        if got is None:
            words: Sequence[str] = () if self.words is not None else self._block(first)
            if self.words is not None:
                every = self.words
                lo = bisect.bisect_left(every, first)
                hi = bisect.bisect_left(every, chr(ord(first) + 1), lo) if first < "\U0010ffff" else len(every)
                words = every[lo:hi]
            lengths: dict[str, set[int]] = {}
            for w in itertools.chain(words, self.phrases.get(first, ())):
                if 1 < len(w) <= MAX_WORD:
                    lengths.setdefault(w[1], set()).add(len(w))
            got = self._follow[first] = {k: tuple(sorted(v)) for k, v in lengths.items()}
        return got

    def _raise_phrases(self, first: str) -> None:
        known = self.known
        for p in self.phrases.get(first, ()):
            known[p] = str(max(int(known.get(p, 0)), PHRASE_FREQ))

    def _read_all(self) -> None:
        words, freqs = load_columns("lexicon-zh.tsv", "word", "freq")
        self.known.update(zip(words, freqs))
        for first in self.phrases:
            self._raise_phrases(first)
        self.words = words


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


@functools.lru_cache(maxsize=1 << 16)
def _best(s: str) -> float:
    """Log probability of the best segmentation of ``s`` into lexicon words (unknown single
    characters at ``unk``), each word scored by its unigram probability plus its association with
    the word before it (``_bigrams.after``; 0 where none is listed). Every word that can end at a
    position is kept as a history (at most MAX_WORD of them), so the search is exact. Only the
    lengths the words starting with a position's two characters have are looked up
    (``_Model.follow``): the result is that of trying every length up to MAX_WORD."""
    model = _model()
    counts, logp, unk, total, log = model.known, model.logp, model.unk, model.total, math.log
    follows, follow, after = model._follow, model.follow, _bigrams.after
    n = len(s)
    ends: list[dict[str, float]] = [{} for _ in range(n + 1)]  # last word -> best score
    ends[0][""] = 0.0
    for i in range(n):
        cur = ends[i]
        if not cur:
            continue
        hist: list[tuple[float, dict[str, float] | None]] = [
            (score, after(prev)) if prev else (score, None) for prev, score in cur.items()]
        c = s[i]
        fol = follows.get(c)
        if fol is None:
            fol = follow(c)   # reads the words starting with c into counts
        lp = logp.get(c)
        if lp is None:
            k = counts.get(c)
            lp = unk if k is None else logp.setdefault(c, log(int(k)) - total)
        _extend(ends[i + 1], c, lp, hist)
        if i + 1 == n:
            break
        lengths = fol.get(s[i + 1])
        if lengths is None:
            continue
        for length in lengths:
            j = i + length
            if j > n:
                break
            w = s[i:j]
            lp = logp.get(w)
            if lp is None:
                k = counts.get(w)
                if k is None:
                    continue
                lp = logp[w] = log(int(k)) - total
            _extend(ends[j], w, lp, hist)
    return max(ends[n].values())


def _extend(nxt: dict[str, float], w: str, lp: float, hist: list[tuple[float, dict[str, float] | None]]) -> None:
    best = -math.inf
    for score, assoc in hist:
        x = score + lp + (assoc.get(w, 0.0) if assoc else 0.0)
        if x > best:
            best = x
    if best > nxt.get(w, -math.inf):
        nxt[w] = best


_LEFT = re.compile(f"[{HAN_CLASS}]*\\Z")
_RIGHT = re.compile(f"[{HAN_CLASS}]*")


def window(text: str, start: int, end: int) -> tuple[str, str]:
    """Up to CONTEXT Han characters on each side of the span (stops at the first non-Han one)."""
    # both patterns match the empty string, so they always match
    left = _LEFT.search(text, max(0, start - CONTEXT), start).group()  # type: ignore[union-attr]
    right = _RIGHT.match(text, end, end + CONTEXT).group()  # type: ignore[union-attr]
    return left, right


def delta(text: str, start: int, end: int, replacement: str) -> float:
    """Log-probability gain of replacing ``text[start:end]`` by ``replacement`` in its local window."""
    left, right = window(text, start, end)
    return _best(left + replacement + right) - _best(left + text[start:end] + right)

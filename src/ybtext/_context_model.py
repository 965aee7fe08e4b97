"""The context model: fcitx5's Chinese word trigram model (KenLM binary, ``_model/zh_CN.lm``).

One model serves every step that must judge a word in its context (spin reversal, OCR). It is
memory-mapped by KenLM on first use (milliseconds; shared by worker processes through the page
cache) and read with ``ufal-kenlm``. The model has no sentence markers, so text is scored with
``bos=False, eos=False`` over a segmentation in the model's own vocabulary: the most probable
path by the model's unigram probabilities (a Viterbi pass over the words of up to ``MAX_WORD``
characters the vocabulary holds; a character it lacks is one unknown word).

Scores are log10 probabilities. ``margin(text, start, end, replacement)`` is how much likelier
(log10) a window around the span reads with the replacement than without it: > 0 prefers the
replacement. It is a likelihood ratio, not a decision: callers combine it with their own priors.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any, Iterable, Mapping, Sequence, TypeVar

from ._chars import HAN_CLASS

__all__ = ["ContextModel", "model", "MODEL_FILE", "MODEL_SHA256"]

MODEL_FILE = "zh_CN.lm"
MODEL_SHA256 = "e4097ca9ca1082928c2ea7d5e368080a696611efa0714dfe563c769f26a415d2"
MAX_WORD = 6      # words longer than this are 0.02% of the vocabulary
BEAM = 8          # KenLM states kept per position by decode()
CONTEXT = 8       # characters of context on each side of a judged span (stops at non-Han text)


T = TypeVar("T")

_LEFT = re.compile(f"[{HAN_CLASS}]*\\Z")  # the Han characters right before a position (search up to it)
_RIGHT = re.compile(f"[{HAN_CLASS}]*")     # ... and right after it


CACHE_LIMIT = 20_000  # entries per window cache (each cleared whole beyond: a few MB at most)
VOCABULARY_AFTER = 3000  # segmentations before the vocabulary set is built (it costs ~0.1 s)


def _word_list(path: str) -> bytes | None:
    """The model's words as the end of the KenLM binary stores them (build_binary writes them
    NUL-separated, ``<unk>`` first), or None where the file holds no such list."""
    with open(path, "rb") as f:
        size = f.seek(0, 2)
        for tail in (1 << 22, size):  # the list is ~1.3 MB: the last 4 MB hold it
            f.seek(max(0, size - tail))
            data = f.read()
            at = data.rfind(b"<unk>\0")
            if at >= 0:
                return data[at:]
    return None


def _long_prefixes(path: str) -> frozenset[str] | None:
    """The first two characters of the model's words of three characters or more (None where the
    file holds no word list)."""
    data = _word_list(path)
    return None if data is None else frozenset(_PREFIX.findall(data.decode("utf-8")))


_PREFIX = re.compile("(?<![^\0])([^\0]{2})[^\0]")  # a word's first two characters, where a third follows


class ContextModel:
    """A KenLM word trigram model with a segmenter in its own vocabulary.

    A segmentation asks KenLM (``word in lm``, a call) about the substrings of up to ``MAX_WORD``
    characters: the words it found are remembered with their unigram score, and past
    ``VOCABULARY_AFTER`` segmentations the first two characters of the model's longer words are
    read off the model file (32K strings, ~3 MB; reading them costs ~0.05 s, so the first
    ``clean()`` does without), so that a position whose two characters start none is not asked
    about longer ones. Caches (per process, each cleared whole past ``CACHE_LIMIT``):
    unigram scores, segmentations and scores of windows, and margins."""

    def __init__(self, path: str) -> None:
        import kenlm  # ufal-kenlm: imported with the model, never at ``import ybtext``

        self.path = path
        self._lm: Any = kenlm.Model(path)
        self._long: Any = _Everything()  # until read: every position may start a longer word
        self._segmented = 0
        self._known: dict[str, float] = {}  # words of the model seen, with their unigram scores
        self._unigram: dict[str, float] = {}
        self._segments: dict[str, tuple[str, ...]] = {}
        self._scores: dict[str, float] = {}
        self._margins: dict[tuple[str, str, str, str], float] = {}
        self._reads: dict[tuple[str, str, str, str], float] = {}  # read_margin's
        self._decoded: dict[str, float] = {}  # read_margin's readings, by their text
        self._vocabulary: frozenset[str] | None = None
        self.unknown = self._lm.score("<unk>", bos=False, eos=False)

    def __contains__(self, word: str) -> bool:
        return word in self._lm

    def vocabulary(self) -> frozenset[str]:
        """Every word of the model, as a Python set (read once from the end of the file, where
        KenLM stores the vocabulary after ``<unk>``, NUL-separated): membership tests from Python
        code that makes many of them are several times faster than ``word in model``."""
        if self._vocabulary is None:
            data = _word_list(self.path)
            words = data.decode("utf-8", "replace").split("\0")[1:] if data is not None else []
            self._vocabulary = frozenset(w for w in words if w and "\ufffd" not in w)
        return self._vocabulary

    def _read_vocabulary(self) -> None:
        long = _long_prefixes(self.path)
        if long is not None:  # (a model without its word list: every length is tried)
            self._long = long

    def _lookup(self, word: str) -> float | None:
        """The unigram score of ``word`` if the model has it, else None."""
        if word not in self._lm:
            return None
        known = self._known
        if len(known) > CACHE_LIMIT * 4:
            known.clear()
        lp: float = self._lm.score(word, bos=False, eos=False)
        known[word] = lp
        return lp

    def unigram(self, word: str) -> float:
        """log10 p(word) without context (the unknown-word probability where the model lacks it)."""
        lp = self._unigram.get(word)
        if lp is None:
            lp = self._lm.score(word, bos=False, eos=False)
            if len(self._unigram) > CACHE_LIMIT * 4:
                self._unigram.clear()
            self._unigram[word] = lp
        return lp

    def segment(self, text: str) -> tuple[str, ...]:
        """The most probable segmentation of ``text`` by the model's unigrams (cached)."""
        got = self._segments.get(text)
        if got is not None:
            return got
        self._segmented += 1
        if self._segmented == VOCABULARY_AFTER:
            self._read_vocabulary()
        n = len(text)
        best = [0.0] + [float("-inf")] * n
        back = [0] * (n + 1)
        long, known, lookup, unknown = self._long, self._known, self._lookup, self.unknown
        # Starts ascending, then ends ascending; only a strictly better score replaces one.
        for i in range(n):
            base = best[i]
            if base == float("-inf"):
                continue
            # one character is always a path (an unknown word where the model lacks it)
            c = text[i]
            lp = known.get(c)
            if lp is None:
                lp = lookup(c)
            s = base + (unknown if lp is None else lp)
            if s > best[i + 1]:
                best[i + 1], back[i + 1] = s, i
            if i + 2 > n:
                continue
            w = text[i:i + 2]
            lp = known.get(w)
            if lp is None:
                lp = lookup(w)
            if lp is not None:
                s = base + lp
                if s > best[i + 2]:
                    best[i + 2], back[i + 2] = s, i
            if w in long:
                for j in range(i + 3, min(n, i + MAX_WORD) + 1):
                    w = text[i:j]
                    lp = known.get(w)
                    if lp is None:
                        lp = lookup(w)
                    if lp is not None:
                        s = base + lp
                        if s > best[j]:
                            best[j], back[j] = s, i
        words: list[str] = []
        j = n
        while j > 0:
            i = back[j]
            words.append(text[i:j])
            j = i
        got = tuple(reversed(words))
        if len(self._segments) > CACHE_LIMIT:
            self._segments.clear()
        self._segments[text] = got
        return got

    def score_words(self, words: Iterable[str]) -> float:
        """log10 probability of a word sequence (no sentence markers)."""
        return float(self._lm.score(" ".join(words), bos=False, eos=False))

    def score(self, text: str) -> float:
        """log10 probability of ``text`` over its best segmentation (cached)."""
        got = self._scores.get(text)
        if got is None:
            if len(self._scores) > CACHE_LIMIT:
                self._scores.clear()
            got = self._scores[text] = self.score_words(self.segment(text))
        return got

    def window(self, text: str, start: int, end: int, context: int = CONTEXT) -> tuple[int, int]:
        """The stretch of Han text around ``[start, end)``, at most ``context`` characters each side."""
        left = _LEFT.search(text, max(0, start - context), start)
        right = _RIGHT.match(text, end, end + context)
        assert left is not None and right is not None  # both patterns match the empty string
        return left.start(), right.end()

    def margin(self, text: str, start: int, end: int, replacement: str, context: int = CONTEXT,
               neighbours: Iterable[tuple[int, int, str]] = ()) -> float:
        """log10 of how much likelier the window reads with ``replacement`` at ``[start, end)``.

        ``neighbours`` are other replacements ``(start, end, text)`` assumed made in both readings
        (two neighbouring spun words are judged with each other restored: 面对将来 -> 面向未来);
        those that overlap the span or leave the window are ignored. Cached by the window's text."""
        left, right = self._sides(text, start, end, context, neighbours)
        key = (left, text[start:end], replacement, right)
        got = self._margins.get(key)
        if got is None:
            got = self.score(left + replacement + right) - self.score(left + key[1] + right)
            if len(self._margins) > CACHE_LIMIT:
                self._margins.clear()
            self._margins[key] = got
        return got

    def _sides(self, text: str, start: int, end: int, context: int,
               neighbours: Iterable[tuple[int, int, str]]) -> tuple[str, str]:
        """The window's text left and right of ``[start, end)``, with ``neighbours`` applied."""
        lo, hi = self.window(text, start, end, context)
        if neighbours:
            return _replaced(text, lo, start, neighbours), _replaced(text, end, hi, neighbours)
        return text[lo:start], text[end:hi]

    def read_margin(self, text: str, start: int, end: int, replacement: str, context: int = CONTEXT,
                    neighbours: Iterable[tuple[int, int, str]] = ()) -> float:
        """``margin``, with each reading of the window scored at its likeliest segmentation by the
        trigram model itself (``decode`` with no alternatives) rather than at its likeliest
        segmentation by unigrams. The heavy-family decoder checks its restorations with it, as it
        decodes: unigrams read 全国人大 as 全国人/大, so 全国 loses to 世界 where the trigram reads
        全国/人大. About 1.4 times the cost of ``margin`` per call (94 against 66 µs on windows not
        seen before). Cached like ``margin``."""
        left, right = self._sides(text, start, end, context, neighbours)
        key = (left, text[start:end], replacement, right)
        got = self._reads.get(key)
        if got is None:
            got = self._read(left + replacement + right) - self._read(left + key[1] + right)
            if len(self._reads) > CACHE_LIMIT:
                self._reads.clear()
            self._reads[key] = got
        return got

    def _read(self, text: str) -> float:
        """The score of ``text``'s likeliest reading by the trigram model (``decode`` with no
        alternatives; cached: the window as written comes back for each replacement judged in it)."""
        got = self._decoded.get(text)
        if got is None:
            got = self.decode(text, 0, len(text), {})[0]
            if len(self._decoded) > CACHE_LIMIT:
                self._decoded.clear()
            self._decoded[text] = got
        return got

    def _words_at(self, text: str, i: int, hi: int) -> list[tuple[int, str]]:
        """The words of the model's vocabulary that start at ``i`` and end by ``hi`` (the single
        character always, known or not), as ``(end, word)``."""
        out = [(i + 1, text[i])]
        if i + 2 > hi:
            return out
        w = text[i:i + 2]
        if w in self._known or self._lookup(w) is not None:
            out.append((i + 2, w))
        if w in self._long:
            for j in range(i + 3, min(hi, i + MAX_WORD) + 1):
                w = text[i:j]
                if w in self._known or self._lookup(w) is not None:
                    out.append((j, w))
        return out

    def decode(self, text: str, lo: int, hi: int,
               alternatives: Mapping[int, Sequence[tuple[int, str, float, T]]],
               beam: int = BEAM) -> tuple[float, list[T]]:
        """The likeliest reading of ``text[lo:hi]`` when any of ``alternatives`` may be taken.

        ``alternatives`` maps a start to ``(end, replacement, bonus, tag)``: the span may be read as
        ``replacement`` at the cost of the model's score for it plus ``bonus`` (log10, the caller's
        prior odds). A Viterbi pass over positions and KenLM states (the last two words; at most
        ``beam`` states kept per position) finds the best path over the words of the text as written
        and of the replacements (each segmented on its own). Returns the path's score and the tags of
        the alternatives it takes, in order. Neighbouring alternatives are decided together: a
        replacement counts with the replacements (or the text) around it on the same path."""
        import kenlm

        lm = self._lm
        first = kenlm.State()
        lm.NullContextWrite(first)
        # per position: state -> (score, previous position, previous state, tag taken or None)
        hyps: list[dict[Any, tuple[float, int, Any, Any]] | None] = [None] * (hi - lo + 1)
        hyps[0] = {first: (0.0, -1, None, None)}
        words_of: dict[str, tuple[str, ...]] = {}
        for i in range(lo, hi):
            cur = hyps[i - lo]
            if not cur:
                continue
            if len(cur) > beam:
                cur = hyps[i - lo] = dict(sorted(cur.items(), key=lambda kv: -kv[1][0])[:beam])
            edges: list[tuple[int, tuple[str, ...], float, Any]] = [
                (j, (w,), 0.0, None) for j, w in self._words_at(text, i, hi)]
            for end, rep, bonus, tag in alternatives.get(i, ()):
                if end > hi:
                    continue
                ws = words_of.get(rep)
                if ws is None:
                    ws = words_of[rep] = self.segment(rep) if rep else ()
                edges.append((end, ws, bonus, tag))
            for state, (score, _p, _s, _t) in cur.items():
                for j, ws, bonus, tag in edges:
                    s = score + bonus
                    st = state
                    for w in ws:
                        out = kenlm.State()
                        s += lm.BaseScore(st, w, out)
                        st = out
                    slot = hyps[j - lo]
                    if slot is None:
                        slot = hyps[j - lo] = {}
                    old = slot.get(st)
                    if old is None or s > old[0]:
                        slot[st] = (s, i, state, tag)
        last = hyps[hi - lo]
        if not last:
            return 0.0, []
        entry = max(last.values(), key=lambda e: e[0])
        best = entry[0]
        taken: list[T] = []
        while entry[1] >= 0:
            if entry[3] is not None:
                taken.append(entry[3])
            back = hyps[entry[1] - lo]
            assert back is not None
            entry = back[entry[2]]
        return best, taken[::-1]


class _Everything:
    def __contains__(self, _item: object) -> bool:
        return True


def _replaced(text: str, lo: int, hi: int, spans: Iterable[tuple[int, int, str]]) -> str:
    """``text[lo:hi]`` with the non-overlapping ``spans`` inside it replaced."""
    out, pos = [], lo
    for s, e, rep in sorted(spans):
        if s >= pos and e <= hi:
            out.append(text[pos:s])
            out.append(rep)
            pos = e
    out.append(text[pos:hi])
    return "".join(out)


@functools.lru_cache(maxsize=1)
def model() -> ContextModel:
    """The shipped model, loaded once per process."""
    path = resources.files("ybtext") / "_model" / MODEL_FILE
    return ContextModel(str(path))

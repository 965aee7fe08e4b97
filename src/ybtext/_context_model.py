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
from importlib import resources
from typing import Any, Iterable

__all__ = ["ContextModel", "model", "MODEL_FILE", "MODEL_SHA256"]

MODEL_FILE = "zh_CN.lm"
MODEL_SHA256 = "e4097ca9ca1082928c2ea7d5e368080a696611efa0714dfe563c769f26a415d2"
MAX_WORD = 6      # words longer than this are 0.02% of the vocabulary
CONTEXT = 8       # characters of context on each side of a judged span (stops at non-Han text)


def _han(c: str) -> bool:
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3134F or 0xF900 <= o <= 0xFAFF


class ContextModel:
    """A KenLM word trigram model with a segmenter in its own vocabulary."""

    def __init__(self, path: str) -> None:
        import kenlm  # ufal-kenlm: imported with the model, never at ``import ybtext``

        self.path = path
        self._lm: Any = kenlm.Model(path)
        self._unigram: dict[str, float] = {}
        self._segments: dict[str, tuple[str, ...]] = {}
        self._vocabulary: frozenset[str] | None = None
        self.unknown = self._lm.score("<unk>", bos=False, eos=False)

    def __contains__(self, word: str) -> bool:
        return word in self._lm

    def vocabulary(self) -> frozenset[str]:
        """Every word of the model, as a Python set (read once from the end of the file, where
        KenLM stores the vocabulary after ``<unk>``, NUL-separated): membership tests from Python
        code that makes many of them are several times faster than ``word in model``."""
        if self._vocabulary is None:
            with open(self.path, "rb") as f:
                data = f.read()
            k = data.rfind(b"<unk>\0")
            words = data[k:].split(b"\0")[1:] if k >= 0 else []
            got = set()
            for w in words:
                try:
                    word = w.decode("utf-8")
                except UnicodeDecodeError:
                    continue
                if word:
                    got.add(word)
            self._vocabulary = frozenset(w for w in got if w in self._lm)
        return self._vocabulary

    def unigram(self, word: str) -> float:
        """log10 p(word) without context (the unknown-word probability where the model lacks it)."""
        lp = self._unigram.get(word)
        if lp is None:
            lp = self._unigram[word] = self._lm.score(word, bos=False, eos=False)
        return lp

    def segment(self, text: str) -> tuple[str, ...]:
        """The most probable segmentation of ``text`` by the model's unigrams (cached)."""
        got = self._segments.get(text)
        if got is not None:
            return got
        n = len(text)
        best = [0.0] + [float("-inf")] * n
        back = [0] * (n + 1)
        # the Python set of the vocabulary, once read, answers membership several times faster
        lm, unigram = (self._vocabulary if self._vocabulary is not None else self._lm), self.unigram
        for i in range(n):
            base = best[i]
            if base == float("-inf"):
                continue
            # one character is always a path (an unknown word where the model lacks it)
            c = text[i]
            s = base + (unigram(c) if c in lm else self.unknown)
            if s > best[i + 1]:
                best[i + 1], back[i + 1] = s, i
            for j in range(i + 2, min(n, i + MAX_WORD) + 1):
                w = text[i:j]
                if w in lm:
                    s = base + unigram(w)
                    if s > best[j]:
                        best[j], back[j] = s, i
        words: list[str] = []
        j = n
        while j > 0:
            i = back[j]
            words.append(text[i:j])
            j = i
        got = tuple(reversed(words))
        if len(self._segments) > 200_000:
            self._segments.clear()
        self._segments[text] = got
        return got

    def score_words(self, words: Iterable[str]) -> float:
        """log10 probability of a word sequence (no sentence markers)."""
        return float(self._lm.score(" ".join(words), bos=False, eos=False))

    def score(self, text: str) -> float:
        """log10 probability of ``text`` over its best segmentation."""
        return self.score_words(self.segment(text))

    def window(self, text: str, start: int, end: int, context: int = CONTEXT) -> tuple[int, int]:
        """The stretch of Han text around ``[start, end)``, at most ``context`` characters each side."""
        lo = start
        while lo > 0 and start - lo < context and _han(text[lo - 1]):
            lo -= 1
        hi = end
        while hi < len(text) and hi - end < context and _han(text[hi]):
            hi += 1
        return lo, hi

    def margin(self, text: str, start: int, end: int, replacement: str, context: int = CONTEXT,
               neighbours: Iterable[tuple[int, int, str]] = ()) -> float:
        """log10 of how much likelier the window reads with ``replacement`` at ``[start, end)``.

        ``neighbours`` are other replacements ``(start, end, text)`` assumed made in both readings
        (two neighbouring spun words are judged with each other restored: 面对将来 -> 面向未来);
        those that overlap the span or leave the window are ignored."""
        lo, hi = self.window(text, start, end, context)
        left, right = text[lo:start], text[end:hi]
        if neighbours:
            left, right = _replaced(text, lo, start, neighbours), _replaced(text, end, hi, neighbours)
        return self.score(left + replacement + right) - self.score(left + text[start:end] + right)


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

"""One-character swaps of the heavy 伪原创 family: 和 -> 战, 在 -> 正在, 这 -> 那, 向 -> 背.

Both forms are everyday words (``spin-chars.tsv``), so a swap is a candidate only

- in documents the detector calls heavy-family (non-words such as 年夜, 平易近, 经由过程 stand
  every couple of thousand characters) and that show several different non-words or pairs with
  strong evidence (国度 x8 and no 国家): a 汇文网-style or clean document never gets here, nor one
  whose only "non-word" is a name read across a word boundary (锦昌大酒店);
- for pairs this document shows were applied: the original never stands alone as a word (the
  spinner left it only inside longer words: 和平, 正在) although clean text of this length would
  use it several times (so 和 and 在 qualify in a paragraph, 你 only in a long text: a polite
  letter says 您 throughout), while the spun form stands alone beyond the two words' lexicon
  proportion; the log-likelihood is the detector's, over standalone counts;
- one original per spun form and one spun form per original, the strongest claim winning
  (同 and 战 both claim the absent 和; 战 stands where clean text has almost none);
Each occurrence of such a pair is then decided with its clause by ``_heavy`` (战争 and 挑战
stay, 同胞战侨胞 -> 同胞和侨胞, 背天下泛博 -> 向全国广大).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Container
from typing import TYPE_CHECKING, NamedTuple

from .._wordlists import load_rows
from . import _lexicon
from .policy import POLICY

if TYPE_CHECKING:
    from ._evidence import SpinReport

__all__ = ["Candidate", "candidates"]



@functools.lru_cache(maxsize=1)
def _pairs() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """spun -> ((original, rule, source), ...)"""
    first, spun, original, source = load_rows("spin-chars.tsv", "spun", "original", "source")
    out: dict[str, list[tuple[str, str, str]]] = {}
    for i, (s, o, src) in enumerate(zip(spun, original, source)):
        out.setdefault(s, []).append((o, f"spin-chars.tsv:{first + i}", src))
    return {k: tuple(v) for k, v in out.items()}


def _standalone(text: str, form: str, words: Container[str]) -> int:
    """Occurrences of ``form`` that are no part of a two-character word with a neighbour
    (a multi-character form counts wherever it stands)."""
    if len(form) > 1:
        return text.count(form)
    n, i = 0, text.find(form)
    while i >= 0:
        left = i > 0 and text[i - 1:i + 1] in words
        right = i + 2 <= len(text) and text[i:i + 2] in words
        if not (left or right):
            n += 1
        i = text.find(form, i + 1)
    return n


def _weight(ratio: float, n: int, m: int) -> float:
    p = ratio / (1.0 + ratio)
    return max(0.0, n * math.log((1 - POLICY.leak) / (1 - p)) + (m * math.log(POLICY.leak / p) if m else 0.0))


class Candidate(NamedTuple):
    start: int
    spun: str
    original: str
    rule: str
    note: str
    weight: float  # the document's evidence (nats) that its spinner applied the pair


def candidates(text: str, report: SpinReport) -> list[Candidate]:
    """Every occurrence of a one-character swap this heavy-family document shows was applied
    (``report`` is its SpinReport); empty where the document is not clearly heavy-family."""
    if sum(1 for p in report.pairs if p.tier == "sure" or p.weight >= POLICY.char_weight) < POLICY.heavy_distinct:
        return []
    score = report.score
    pairs = _pairs()
    words = _lexicon._model().counts
    standalone: dict[str, int] = {}

    def count(form: str) -> int:
        got = standalone.get(form)
        if got is None:
            got = standalone[form] = _standalone(text, form, words)
        return got

    words_in_text = len(text) / POLICY.char_per_word
    best: dict[str, tuple[float, str, str, int, int]] = {}  # spun -> (weight, original, rule, n, m)
    for spun, options in pairs.items():
        if spun not in text:
            continue
        n = count(spun)
        fs = _lexicon.freq(spun)
        if not n or fs is None:
            continue
        for original, rule, _src in options:
            fo = _lexicon.freq(original)
            if fo is None or words_in_text * math.exp(fo) < POLICY.char_expected:
                continue
            m = count(original)
            w = _weight(math.exp(fo - fs), n, m)
            if w >= POLICY.char_weight and (spun not in best or w > best[spun][0]):
                best[spun] = (w, original, rule, n, m)
    owner: dict[str, tuple[float, str]] = {}
    for spun, (w, original, *_rest) in best.items():
        if original not in owner or w > owner[original][0]:
            owner[original] = (w, spun)
    pending: list[Candidate] = []
    for spun, (w, original, rule, n, m) in best.items():
        if owner[original][1] != spun:
            continue
        note = (f"tier=char; evidence: {spun}x{n}, {original}x{m} standing alone, weight {w:.1f}; "
                f"document score {score:.2f} (heavy)")
        i = text.find(spun)
        while i >= 0:
            pending.append(Candidate(i, spun, original, rule, note, w))
            i = text.find(spun, i + len(spun))
    return pending

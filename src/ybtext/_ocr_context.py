"""The context stage of the ``ocr`` step: confusable characters judged by the word trigram model.

The typo-form stage (ocr.py) only sees listed forms. This stage tries the confusion sets
(``wordlists/ocr-confusions.tsv``: curated pairs, look-alikes, same-sound and other-tone
sound-alikes) wherever a character looks out of place, and keeps a swap only when

1. the character as written is *isolated*: it makes no word of the model's vocabulary (nor of
   the web lexicon ``ocr-lexicon.tsv``, which knows terms the model lacks) with a neighbour (the cheap first pass: one set lookup per character pair, so clean text, where nearly
   every character belongs to some word, rarely reaches the model). Curated pairs (诉/述, 己/已)
   are also tried inside words, where a slip makes another real word (上诉证据);
2. the replacement *reads as words*: it makes a two-character word with a neighbour, and every
   character near it then belongs to a word;
3. the trigram model (``_context_model``) prefers the window with the replacement by at least
   the margin of its kind of confusion (``MARGIN``, log10), set on People's Daily with injected
   swaps and on clean text (benchmarks/ocr_clean_bench.py prints the precision/recall curve);
4. it is not a name or a title: not right after a common surname (a given name), not inside
   《》 or quotation marks, and the character as written is not a number-like variant (壹) in front
   of a word it does not join.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ._context_model import model
from ._ocr_model import lexicon, shipped_rows, surnames

__all__ = ["MARGIN", "Candidate", "candidates", "confusions", "judge"]

#: Required log10 gain of the window with the swap, by kind of confusion.
#: Set on People's Daily (1998-01, the last 2,500 articles): clean text for false edits, and the
#: same paragraphs with one injected look-alike or same-sound swap each for precision. At these
#: margins the injected swaps were corrected at precision 0.98 and the clean paragraphs had about
#: 0.1 false edits per 10k characters from this stage. The injected swaps have no other-tone
#: sound-alikes and no curated pairs: those margins are set from clean text alone (no false edit).
MARGIN = {"curated": 3.0, "shape": 6.0, "sound": 6.5, "tone": 8.0}
#: More for a character that is a common word by itself (的, 在: the model often prefers 第, 再
#: there in correct text) and for a swap that leaves an unexplained character near it.
COMMON_EXTRA = 0.5
UNREAD_EXTRA = 0.5
#: A curated pair tried inside a word (the slip makes another word: 上诉/上述): its margin (no
#: false edit at 1.0 and above on the calibration text).
IN_WORD = 1.5
#: A character whose log10 probability as a word is at least this is a common word by itself.
COMMON_CHAR = -4.0
#: Characters each side of a swap that must read as words after it.
READ_SPAN = 2
#: Characters of context on each side of the swapped character that the model reads.
CONTEXT = 6

_EMPTY: frozenset[str] = frozenset()
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
#: Titles, quotations, and a classical quotation introduced by 曰/云 (to the end of its sentence).
_QUOTED = re.compile(r"《[^《》\n]{0,60}》|“[^“”\n]{0,60}”|「[^「」\n]{0,60}」|『[^『』\n]{0,60}』|[曰云][:：][^。！？\n]{0,80}")


class Candidate(NamedTuple):
    pos: int            # offset of the character in the text
    replacement: str    # the character it may stand for
    kind: str           # curated, shape, sound, tone
    gain: float         # log10 margin of the window with the replacement
    margin: float       # required gain for this candidate
    in_word: bool       # tried inside a word (curated pairs only)
    common: bool        # the character as written is a common one-character word (的, 在)
    reads: bool         # with the swap, every character near it belongs to a word


@functools.lru_cache(maxsize=1)
def confusions() -> dict[str, tuple[tuple[str, str], ...]]:
    """character -> ((replacement, kind), ...) from ``ocr-confusions.tsv``."""
    rows, _ = shipped_rows("ocr-confusions.tsv", 3)
    out: dict[str, list[tuple[str, str]]] = {}
    for char, kind, chars in rows:
        out.setdefault(char, []).extend((c, kind) for c in chars)
    return {c: tuple(v) for c, v in out.items()}


@functools.lru_cache(maxsize=1)
def _pairs() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(char -> the characters that make a two-character word after it, char -> ... before it)."""
    after: dict[str, set[str]] = {}
    before: dict[str, set[str]] = {}
    for w in model().vocabulary():
        if len(w) == 2:
            after.setdefault(w[0], set()).add(w[1])
            before.setdefault(w[1], set()).add(w[0])
    return ({c: frozenset(v) for c, v in after.items()}, {c: frozenset(v) for c, v in before.items()})


def _forms_word(s: str, k: int, r: str, vocab: frozenset[str]) -> bool:
    """Does ``r`` at offset ``k`` of ``s`` make a vocabulary word of 2-4 characters?"""
    n = len(s)
    left = s[max(0, k - 3):k]
    right = s[k + 1:k + 4]
    if (left and left[-1] + r in vocab) or (right and r + right[0] in vocab):
        return True
    for length in (3, 4):
        for start in range(max(0, k - length + 1), min(k, n - length) + 1):
            if s[start:k] + r + s[k + 1:start + length] in vocab:
                return True
    return False


def _forms_long_word(s: str, k: int, r: str, vocab: frozenset[str]) -> bool:
    """Does ``r`` at offset ``k`` of ``s`` make a vocabulary word of 3-4 characters?"""
    n = len(s)
    for length in (3, 4):
        for start in range(max(0, k - length + 1), min(k, n - length) + 1):
            if s[start:k] + r + s[k + 1:start + length] in vocab:
                return True
    return False


def _in_word(s: str, k: int, vocab: frozenset[str]) -> bool:
    return _forms_word(s, k, s[k], vocab)


def _in_lexicon_word(s: str, k: int) -> bool:
    """Is ``s[k]`` part of a word of the web lexicon (``ocr-lexicon.tsv``, words the model may
    lack: 玉材, 虎仔, names of places and firms)?"""
    lex = lexicon()
    n = len(s)
    for length in (2, 3, 4):
        for start in range(max(0, k - length + 1), min(k, n - length) + 1):
            if lex.get(s[start:start + length]) is not None:
                return True
    return False


def _reads_as_words(s: str, k: int, vocab: frozenset[str], unigram) -> bool:
    """With ``s[k]`` already swapped: is every character within READ_SPAN of ``k`` part of a
    vocabulary word of 2-4 characters or a common one-character word? An unknown name or term
    next to the swap leaves a character unexplained."""
    for q in range(max(0, k - READ_SPAN), min(len(s), k + READ_SPAN + 1)):
        if unigram(s[q]) >= COMMON_CHAR or _forms_word(s, q, s[q], vocab):
            continue
        return False
    return True


def candidates(text: str) -> list[Candidate]:
    """Every swap that passes the structural tests, with its model gain (not yet judged)."""
    conf = confusions()
    m = model()
    vocab = m.vocabulary()
    names = surnames()
    quoted = bytearray(len(text) + 1)
    if any(q in text for q in "《“「『曰云"):
        for q in _QUOTED.finditer(text):
            quoted[q.start():q.end()] = b"\1" * (q.end() - q.start())
    after, before = _pairs()
    out: list[Candidate] = []
    for run in _HAN_RUN.finditer(text):
        s = run.group()
        n = len(s)
        if n < 2:
            continue
        base = run.start()
        pair = [s[k:k + 2] in vocab for k in range(n - 1)]
        pair.append(False)
        for k in range(n):
            opts = conf.get(s[k])
            if opts is None:
                continue
            covered = pair[k] or (k > 0 and pair[k - 1])
            if covered:
                opts = tuple(o for o in opts if o[1] == "curated")
                if not opts:
                    continue
            elif _in_word(s, k, vocab) or _in_lexicon_word(s, k):
                covered = True
                opts = tuple(o for o in opts if o[1] == "curated")
                if not opts:
                    continue
            pos = base + k
            if quoted[pos]:
                continue
            # replacements that make a two-character word with a neighbour (set lookups)
            near = _EMPTY
            if k > 0:
                near = after.get(s[k - 1], _EMPTY)
            if k + 1 < n:
                near = near | before.get(s[k + 1], _EMPTY)
            opts = tuple(o for o in opts if o[0] in near)
            if not opts:
                continue
            if any(s[q] in names and not (q > 0 and pair[q - 1]) for q in range(max(0, k - 2), k)):
                continue    # right after a surname that starts a word (not the 于 of 对于): a given name
            for r, kind in opts:
                gain = m.margin(text, pos, pos + 1, r, CONTEXT)
                reads = _reads_as_words(s[:k] + r + s[k + 1:], k, vocab, m.unigram)
                common = m.unigram(s[k]) >= COMMON_CHAR
                if covered:
                    need = IN_WORD
                else:
                    need = MARGIN[kind] + (COMMON_EXTRA if common else 0.0) + (0.0 if reads else UNREAD_EXTRA)
                out.append(Candidate(pos, r, kind, gain, need, covered, common, reads))
    return out


def judge(found: list[Candidate], shift: float = 0.0) -> list[Candidate]:
    """The accepted swaps: best first, one per character, none next to an accepted one."""
    keep = [c for c in found if c.gain >= c.margin + shift]
    keep.sort(key=lambda c: c.gain - c.margin, reverse=True)
    taken: set[int] = set()
    out = []
    for c in keep:
        if c.pos in taken or c.pos - 1 in taken or c.pos + 1 in taken:
            continue
        taken.add(c.pos)
        out.append(c)
    return sorted(out)

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
from itertools import groupby
from operator import itemgetter
from typing import Callable, NamedTuple

from ._chars import HAN_CLASS
from ._context_model import model
from ._ocr_model import lexicon, surnames
from ._wordlists import shipped_rows

__all__ = ["MARGIN", "Candidate", "candidates", "confusions", "judge", "pair_margins"]

#: Required log10 gain of the window with the swap, by kind of confusion; a pair the model
#: prefers wrongly in correct text needs more (``pair_margins``, its prior). Set on People's
#: Daily (1998-01) articles 1,822-2,321 (the 500 before the 2,000 the pair margins come from; the
#: benchmarks measure the first 500): clean text for false edits, and the same paragraphs with
#: one injected look-alike, same-sound or other-tone swap each. At these margins (half a log10
#: below those of the stage without pair margins) the stage alone corrected the injected swaps at
#: P 0.981 R 0.192 with 0.12 false edits per 10k characters of the clean paragraphs (before:
#: P 0.978 R 0.167, 0.12). One log10 lower gave R 0.230 at the same false edits there, but on the
#: first 500 articles it edited given names (仲 -> 中, 辛 -> 新, 吕 -> 旅 at gains 5.2-5.8): the
#: pair margins hold back pairs seen in correct text, not names. Curated pairs are not injected:
#: their margin is set on clean text.
MARGIN = {"curated": 3.0, "shape": 5.5, "sound": 6.0, "tone": 7.5}
#: More for a character that is a common word by itself (的, 在: the model often prefers 第, 再
#: there in correct text) and for a swap that leaves an unexplained character near it.
COMMON_EXTRA = 0.5
UNREAD_EXTRA = 0.5
#: A curated pair tried inside a word (the slip makes another word: 上诉/上述): its margin (no
#: false edit at 1.0 and above on the calibration text).
IN_WORD = 1.5
#: Any other pair tried inside a word (门 in 我门 makes 我们 with 们): the kind's margin plus this.
#: None: only curated pairs are tried inside words.
IN_WORD_EXTRA: float | None = None
#: A character whose log10 probability as a word is at least this is a common word by itself.
COMMON_CHAR = -4.0
#: Characters each side of a swap that must read as words after it.
READ_SPAN = 2
#: Characters of context on each side of the swapped character that the model reads.
CONTEXT = 6

_EMPTY: frozenset[str] = frozenset()
_HAN_RUN = re.compile(f"[{HAN_CLASS}]+")
#: Titles, quotations, and a classical quotation introduced by 曰/云 (to the end of its sentence).
_QUOTED = re.compile(r"《[^《》\n]{0,60}》|“[^“”\n]{0,60}”|「[^「」\n]{0,60}」|『[^『』\n]{0,60}』|[曰云][:：][^。！？\n]{0,80}")


class Candidate(NamedTuple):
    pos: int            # offset of the character in the text
    replacement: str    # the character it may stand for
    kind: str           # curated, shape, sound, tone
    gain: float         # log10 margin of the window with the replacement
    margin: float       # required gain for this candidate by its kind (shifted by ``judge``)
    floor: float        # required gain for this pair whatever the shift (``pair_margins``)
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
def pair_margins() -> dict[str, float]:
    """written + replacement -> the least gain a swap of this pair needs (``ocr-pair-margins.tsv``):
    a little more than the best gain the swap had in correct text (People's Daily development
    articles, tools/derive_ocr_pair_margins.py). This is the pair's prior: 的 -> 地 often reads
    better to the model where 的 is right, so it needs more than a pair that never does."""
    rows, _ = shipped_rows("ocr-pair-margins.tsv", 3)
    return {a + b: float(v) for a, b, v in rows}


@functools.lru_cache(maxsize=1)
def _two_char_words() -> frozenset[str]:
    return frozenset(w for w in model().vocabulary() if len(w) == 2)


@functools.lru_cache(maxsize=1)
def _pairs() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(char -> the characters that make a two-character word after it, char -> ... before it)."""
    words = _two_char_words()
    first = itemgetter(0)
    # grouped after sorting (a third quicker than a set per character filled word by word)
    after = {c: frozenset(w[1] for w in g) for c, g in groupby(sorted(words), key=first)}
    before = {c: frozenset(w[1] for w in g) for c, g in groupby(sorted(w[::-1] for w in words), key=first)}
    return after, before


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


def _reads_as_words(s: str, k: int, vocab: frozenset[str], unigram: Callable[[str], float]) -> bool:
    """With ``s[k]`` already swapped: is every character within READ_SPAN of ``k`` part of a
    vocabulary word of 2-4 characters or a common one-character word? An unknown name or term
    next to the swap leaves a character unexplained."""
    for q in range(max(0, k - READ_SPAN), min(len(s), k + READ_SPAN + 1)):
        if unigram(s[q]) >= COMMON_CHAR or _forms_word(s, q, s[q], vocab):
            continue
        return False
    return True


#: The cheap first pass scans only for characters rarer than this in running text (log10 share,
#: ``wordlists/ocr-char-frequency.tsv``) and for those with a curated pair. The prior that a
#: common character (的, 国, 在) stands for another is too small for the context to overturn, and
#: those characters are most of running text: at -3.5 the scan stops at a tenth of the Han
#: characters of People's Daily. A wider scan buys recall with time: on the development set
#: (see MARGIN; measured with margins one log10 lower) recall 0.230 at -3.5, 0.270 at -3.25,
#: 0.294 at -3.0, at the same precision (0.97) and false edits (0.12 per 10k), but the step took
#: ~1.7 times as long at -3.0 (ocr.step on the
#: first 200 People's Daily articles, 0.24 -> 0.145 MB/s on a loaded machine, runs interleaved).
SCAN_BELOW = -3.5


class _Tables(NamedTuple):
    scan: re.Pattern[str]           # the characters worth a look (see SCAN_BELOW)
    near: dict[str, tuple[frozenset[str], ...]]     # char -> its neighbour sets (_neighbours), filled on first use
    pairs: frozenset[str]           # the model's two-character words


@functools.lru_cache(maxsize=1)
def char_frequency() -> dict[str, float]:
    """character -> log10 share of running text (``ocr-char-frequency.tsv``)."""
    rows, _ = shipped_rows("ocr-char-frequency.tsv", 2)
    return {c: float(v) for c, v in rows}


def _neighbours(c: str) -> tuple[frozenset[str], ...]:
    """(left neighbours x with which some replacement r of ``c`` makes a word xr, right neighbours
    y with which one makes ry, the same two for the curated replacements alone)."""
    after, before = _pairs()
    sets: tuple[set[str], ...] = (set(), set(), set(), set())
    for r, kind in confusions()[c]:
        sets[0].update(before.get(r, _EMPTY))
        sets[1].update(after.get(r, _EMPTY))
        if kind == "curated":
            sets[2].update(before.get(r, _EMPTY))
            sets[3].update(after.get(r, _EMPTY))
    return tuple(frozenset(x) for x in sets)


@functools.lru_cache(maxsize=1)
def _tables() -> _Tables:
    conf = confusions()
    freq = char_frequency()
    after, before = _pairs()
    pairs = _two_char_words()
    scan = []
    for c, opts in conf.items():
        if any(kind == "curated" for _r, kind in opts) and any(r in before or r in after for r, _ in opts):
            scan.append(c)
        elif freq.get(c, 0.0) < SCAN_BELOW and any(r in before or r in after for r, _ in opts):
            scan.append(c)
    return _Tables(re.compile("[" + "".join(sorted(scan)) + "]"), {}, pairs)


def _local(text: str, pos: int, reach: int = 6) -> tuple[str, int]:
    """The Han run around ``pos``, at most ``reach`` characters each side, and ``pos`` in it."""
    lo = pos
    while lo > 0 and pos - lo < reach and _HAN_RUN.match(text, lo - 1):
        lo -= 1
    hi = pos + 1
    while hi < len(text) and hi - pos <= reach and _HAN_RUN.match(text, hi):
        hi += 1
    return text[lo:hi], pos - lo


def candidates(text: str) -> list[Candidate]:
    """Every swap that passes the structural tests, with its model gain (not yet judged).

    The scan (``_tables().scan``, a regex character class: C speed) finds the characters worth a
    look; for most of them two set lookups settle it (the character makes a two-character word
    with a neighbour, or no replacement makes one), and only the rest reach the slower tests."""
    t = _tables()
    near, pairs = t.near, t.pairs
    found = []
    n = len(text)
    for hit in t.scan.finditer(text):
        k = hit.start()
        c = text[k]
        x = text[k - 1] if k else ""
        y = text[k + 1] if k + 1 < n else ""
        sets = near.get(c)
        if sets is None:
            sets = near[c] = _neighbours(c)
        if x + c in pairs or c + y in pairs:
            if (x not in sets[2] and y not in sets[3]) if IN_WORD_EXTRA is None else (x not in sets[0] and y not in sets[1]):
                continue    # in a word, and no curated replacement makes one
        elif x not in sets[0] and y not in sets[1]:
            continue        # no replacement makes a word with a neighbour
        found.append(k)
    if not found:
        return []
    if any(q in text for q in "《“「『曰云"):
        quoted = bytearray(n)
        for q in _QUOTED.finditer(text):
            quoted[q.start():q.end()] = b"\1" * (q.end() - q.start())
        found = [k for k in found if not quoted[k]]
    return [cand for k in found for cand in _candidates_at(text, k)]


def _candidates_at(text: str, pos: int) -> list[Candidate]:
    """The structural tests and the model's gain for the character at ``pos``."""
    conf = confusions()
    m = model()
    vocab = m.vocabulary()
    s, k = _local(text, pos)
    n = len(s)
    if n < 2:
        return []
    after, before = _pairs()
    opts = conf[s[k]]
    pair = {q: s[q:q + 2] in vocab for q in range(max(0, k - 3), min(n - 1, k + 1))}
    covered = pair.get(k, False) or pair.get(k - 1, False)
    if covered or _in_word(s, k, vocab) or _in_lexicon_word(s, k):
        covered = True
        if IN_WORD_EXTRA is None:
            opts = tuple(o for o in opts if o[1] == "curated")
        if not opts:
            return []
    # replacements that make a two-character word with a neighbour (set lookups)
    near = _EMPTY
    if k > 0:
        near = after.get(s[k - 1], _EMPTY)
    if k + 1 < n:
        near = near | before.get(s[k + 1], _EMPTY)
    opts = tuple(o for o in opts if o[0] in near)
    if not opts:
        return []
    names = surnames()
    if any(s[q] in names and not pair.get(q - 1, False) for q in range(max(0, k - 2), k)):
        return []   # right after a surname that starts a word (not the 于 of 对于): a given name
    out = []
    floors = pair_margins()
    for r, kind in opts:
        gain = m.margin(text, pos, pos + 1, r, CONTEXT)
        reads = _reads_as_words(s[:k] + r + s[k + 1:], k, vocab, m.unigram)
        common = m.unigram(s[k]) >= COMMON_CHAR
        need = MARGIN[kind] + (COMMON_EXTRA if common else 0.0) + (0.0 if reads else UNREAD_EXTRA)
        if covered:
            need = IN_WORD if kind == "curated" else need + (IN_WORD_EXTRA or 0.0)
        out.append(Candidate(pos, r, kind, gain, need, floors.get(s[k] + r, float("-inf")), covered, common, reads))
    return out


def judge(found: list[Candidate], shift: float = 0.0) -> list[Candidate]:
    """The accepted swaps: best first, one per character, none next to an accepted one."""
    keep = [c for c in found if c.gain >= max(c.margin + shift, c.floor)]
    keep.sort(key=lambda c: c.gain - max(c.margin + shift, c.floor), reverse=True)
    taken: set[int] = set()
    out = []
    for c in keep:
        if c.pos in taken or c.pos - 1 in taken or c.pos + 1 in taken:
            continue
        taken.add(c.pos)
        out.append(c)
    return sorted(out)

"""The ``ocr`` step: correct look-alike and sound-alike character slips (己经 -> 已经, 末来 -> 未来).

Precision first: the step runs on every document and must leave correct text alone.

1. Scan (C speed): a regex character class of the *wrong* characters that some typo form in
   ``wordlists/ocr-typos.tsv`` contains. About 6% of running text matches it; a set of the
   characters next to the wrong one in some form drops most of those hits at once.
2. At each hit, look up the 2-4 character strings around it in the typo table (a frequent word
   with one confusable character swapped in, itself (nearly) never written).
3. Score in context: the best unigram segmentation of a window around the form, with and without
   the correction (``wordlists/ocr-lexicon.tsv``). The correction must win by a clear margin, so
   自己经常 (自己 + 经常) never becomes 自已经常, and a form inside a longer known word stays.
4. Only with ``Config(ocr="context")`` (opt-in): the context stage (``_ocr_context``), confusable
   characters judged by the word trigram model. It is not run by default: it is several times
   slower than the rest of the step, adds 1-2 s at first use, and its recall on SIGHAN-2015
   is low (benchmarks/README.md). The default never imports it.
"""

from __future__ import annotations

from ._edits import Cleaned, Span, apply_spans, until_stable
from ._ocr_model import HAN, SHAPES, lexicon, scanner, segment, surnames, typos
from .config import Config

__all__ = ["step", "MARGIN"]

#: Required gain, in 10*log10 units of probability (40 = the corrected window is 10^4 times
#: likelier), by kind of confusion: the curated classic pairs (己/已, 未/末) need least, the many
#: sound-alike swaps most. Tuned on People's Daily and reviews (false edits) against swaps injected
#: into People's Daily (benchmarks/ocr_clean_bench.py).
MARGIN = {"curated": 40, "shape": 60, "sound": 70}
#: Forms of three or four characters are more specific: their margin is this much lower.
LONG_FORM_BONUS = 10
#: A suspect character that forms a word at least this common (10*log10 count) with a neighbour
#: outside its form is taken as it stands (the cheap check before the segmentation).
PAIR_WORD = 40
#: Characters of context on each side of a form (within the run of Han characters).
CONTEXT = 4


#: Passes at most: a correction can make the next one visible (宝柜财妇 -> 宝柜财富 -> 宝贵财富).
PASSES = 3


def step(text: str, config: Config) -> Cleaned:
    # Passes run until nothing changes, which keeps the step idempotent; their edits are composed
    # over the received text (a correction that overlaps an earlier one merges with it).
    context = config.ocr == "context"
    return until_stable("ocr", text, lambda t: apply_spans("ocr", t, _spans(t, context)), PASSES)


def _spans(text: str, context: bool = False) -> list[Span]:
    """The typo-form stage's spans, and the context stage's with ``context``."""
    hits = _hits(text)
    spans = _judge(text, hits) if hits else []
    return (spans + _context_spans(text, spans)) if context else spans


def _hits(text: str) -> list[tuple[int, int, int, str, str]]:
    """(start, end, index of the wrong character, correct word, kind) of every typo form in
    ``text``: the 2-4 character slices around each wrong character that are a form of it."""
    table = typos()
    hits: list[tuple[int, int, int, str, str]] = []
    n = len(text)
    met = table.met
    for m in scanner().finditer(text):
        p = m.start()
        x = m.group()
        w = met.get(x) or table.meet(x)
        left = text[p - 1:p] in w.left      # a form of x with a character before x: this one
        right = text[p + 1:p + 2] in w.right
        if not (left or right):
            continue
        for length, k in SHAPES:
            if (k and not left) or (k + 1 < length and not right):
                continue
            s = p - k
            if s >= 0 and s + length <= n:
                form = text[s:s + length]
                if form.find(x) == k:
                    row = w.get(form)
                    if row is not None:
                        correct, _k, kind = table.correction(x, form, row)
                        hits.append((s, s + length, p, correct, kind))
    return hits


def _context_spans(text: str, taken: list[Span]) -> list[Span]:
    """The context stage (``_ocr_context``): confusable characters judged by the trigram model,
    outside the spans the typo-form stage already corrected."""
    from . import _ocr_context  # imported on first use: the default config never loads it

    out = []
    for c in _ocr_context.judge(_ocr_context.candidates(text)):
        if any(s.start - 1 <= c.pos < s.end + 1 for s in taken):
            continue
        over = c.gain - c.margin
        confidence = round(min(0.99, 0.9 + over / 40), 3)
        out.append(Span(c.pos, c.pos + 1, c.replacement, f"ocr-confusions.tsv:{c.kind}", confidence,
                        f"{c.kind}{' in word' if c.in_word else ''}; gain={c.gain:.1f} log10 (margin {c.margin:.1f})"))
    return out


def _judge(text: str, hits: list[tuple[int, int, int, str, str]]) -> list[Span]:
    lex = lexicon()
    names = surnames()
    scored = []
    for start, end, wrong, correct, kind in set(hits):
        left = start
        while left > start - CONTEXT and left > 0 and HAN.match(text, left - 1):
            left -= 1
        right = end
        while right < end + CONTEXT and right < len(text) and HAN.match(text, right):
            right += 1
        if end - start == 2 and any(text[q] in names for q in range(max(0, wrong - 2), wrong + 1)):
            continue    # a two-character form at or right after a surname: likely a given name
        if any((a < start or b > end) and (lex.get(text[a:b]) or 0) >= PAIR_WORD
               for a, b in ((wrong - 1, wrong + 1), (wrong, wrong + 2)) if a >= left and b <= right):
            continue    # the suspect character makes a common word with a neighbour outside the form
        before = text[left:right]
        after = text[left:start] + correct + text[end:right]
        old, ends = segment(before, lex)
        k = wrong - left
        if not ((k == 0 or k in ends) and k + 1 in ends):
            continue    # the suspect character belongs to a known word as it stands
        gain = segment(after, lex)[0] - old
        margin = MARGIN[kind] - (LONG_FORM_BONUS if end - start > 2 else 0)
        if gain >= margin:
            scored.append((gain, start, end, correct, kind, wrong, margin))
    spans: list[Span] = []
    taken: list[tuple[int, int]] = []
    table = typos()
    for gain, start, end, correct, kind, wrong, margin in sorted(scored, reverse=True):
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        # 0.9 at the margin, 0.99 from 36 units (about 10^3.6) above it: injected swaps corrected
        # at or above the margin were right 98.7% of the time (benchmarks/ocr_clean_bench.py).
        confidence = round(min(0.99, 0.9 + (gain - margin) / 400), 3)
        rule = table.rule(text[wrong], text[start:end])   # the form's line, counted for edits only
        spans.append(Span(start, end, correct, rule, confidence, f"{kind}; gain={gain / 10:.1f} log10"))
    return spans

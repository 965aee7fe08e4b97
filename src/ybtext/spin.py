"""The ``spin`` step: restore words replaced by synonym spinners (伪原创), never damaging correct text.

Three tiers, from the wordlists (see ``_spin_tables``):

- sure: spun forms that are not words (经由过程, 假设干) are restored wherever they stand, unless
  the local context reads clearly worse afterwards (a match across a word boundary);
- chain: forms two sequential pairs made (进呈现 <- 发展示) are restored in spun documents;
- gated: spun forms that are also words (进展, 效劳, 中心) are restored only in documents the
  detector calls spun, only for pairs with evidence there (the original never occurs), only where
  the local context agrees (``_spin_lm``) and curated context conditions hold.

Pairs of the user's wordlists (``Config.wordlists``, tier ``user``) are restored wherever their
spun form occurs, in any document, and win over every other tier where they overlap
(``_userlists``).

Then canonical phrases are recovered fuzzily (``_spin_fuzzy``). All spans refer to the text the
step received and never overlap: each match is replaced whole, so replacements that change length
cannot touch their neighbours. Every edit carries rule, tier and confidence; gated edits carry the
document evidence in ``note``.
"""

from __future__ import annotations

import bisect
import math
from typing import Sequence

from . import _spin_chars, _spin_fuzzy, _spin_lm, _userlists
from ._edits import Cleaned, Span, View, apply_spans
from ._spin_tables import Pair, tables
from .config import Config
from .detect import Analysis, PairEvidence, analyse, damped_weight, eligible

SURE_VETO = 3.0       # a sure form is restored only where its window reads clearly better afterwards
CHAIN_MIN = 0.0
GATED_MIN = 1.5       # context gain + evidence bonus needed for a gated restoration
EVIDENCE_BONUS = 1.0  # at most this much from the document evidence of the pair
CONDITION_BONUS = 4.0
HEAVY_WEIGHT = 2.0     # pair evidence for mined pairs in heavy-family documents
HEAVY_RATIO = 2.0
MINED_OUTSIDE_HEAVY = 20.0  # pairs mined from 伪原创 tables need more evidence in other families
CONTEXT_MARGIN = 1.0
LOW_RATIO = 3.0         # pairs whose original is less than 3x as common as the spun form ...
LOW_RATIO_MARGIN = 1.0  # ... need this much more context gain
# Mined pairs in heavy-family documents: the posterior log-odds that this occurrence is spun,
# prior (how many public tables list the pair) + document evidence (the detector's weight, which
# already holds the words' frequency ratio) + what the local context adds beyond that ratio.
HEAVY_POSTERIOR = 3.0   # ~0.95: precision first
PUBLIC_TABLES = 5       # tables the mined pairs come from
CONTEXT_CAP = 2.0       # the local context alone cannot carry an edit
CONTEXT_VETO = -1.0     # the context prefers the spun form beyond the frequency ratio: keep it
RATIO_SEEN = 4.0        # ... where the ratio counts up to e^4: a window cannot show more (年夜 -> 大 is 28,000x)


def _conditions(pair: Pair, text: str, start: int, end: int) -> bool | None:
    """True: a positive condition holds; False: a negative one vetoes; None: neither (context model decides)."""
    if not pair.conditions:
        return None
    lo, hi = max(0, start - 12), end + 12  # str.endswith/startswith take a tuple of alternatives
    cond = pair.condition
    if text.endswith(cond("not_before"), lo, start) or text.startswith(cond("not_after"), end, hi):
        return False
    if text.endswith(cond("before"), lo, start) or text.startswith(cond("after"), end, hi):
        return True
    return None


NEIGHBOURHOOD = 10  # characters each side in which neighbouring spun forms are restored for the judge


def _context_delta(text: str, start: int, end: int, replacement: str, a: Analysis) -> float:
    """The word trigram model's margin for the replacement, in nats (the unit of the thresholds),
    judged with the neighbouring spun forms restored to the originals the document's evidence
    chose for them (two adjacent spun words are one damaged span: 面对将来 is 面向未来)."""
    from ._context_model import model

    starts, spans, longest = _restorable(a)
    near = []
    for i in range(bisect.bisect_left(starts, start - NEIGHBOURHOOD - longest + 1),
                   bisect.bisect_left(starts, end + NEIGHBOURHOOD)):
        s, e, original = spans[i]
        if e <= start - NEIGHBOURHOOD or (s < end and e > start):
            continue
        near.append(spans[i])
    return math.log(10) * model().margin(text, start, end, replacement, neighbours=_disjoint(near))


_Restorable = tuple[list[int], list[tuple[int, int, str]], int]
# the last document's Analysis and its _restorable() (one tuple: thread-safe)
_RESTORABLE: tuple[Analysis | None, _Restorable | None] = (None, None)


def _restorable(a: Analysis) -> _Restorable:
    """The matches of ``a`` that have an original to restore for the judge (sure and chain forms,
    gated ones the evidence chose), sorted by start (with the starts, for bisect, and the longest
    match): built once per document, not once per judged occurrence."""
    global _RESTORABLE
    last_a, last = _RESTORABLE
    if last_a is a and last is not None:
        return last
    t = tables()
    spans: list[tuple[int, int, str]] = []
    for key, s, e in a.matches:
        pair: Pair | None = t.sure.get(key) or t.chains.get(key)
        if pair is None:
            chosen = a.chosen.get(key)
            pair = chosen[0] if chosen is not None else None
        if pair is not None:
            spans.append((s, e, pair.original))
    spans.sort(key=lambda x: x[0])
    got: _Restorable = ([s for s, _e, _o in spans], spans, max((e - s for s, e, _o in spans), default=1))
    _RESTORABLE = (a, got)
    return got


def _disjoint(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Longest first, the spans that overlap none taken before."""
    taken: list[tuple[int, int, str]] = []
    for s, e, rep in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        if all(e <= ts or s >= te for ts, te, _r in taken):
            taken.append((s, e, rep))
    return taken


def _sigmoid(x: float) -> float:
    return round(1.0 / (1.0 + math.exp(-x)), 3)


def _heavy_posterior(text: str, start: int, end: int, pair: Pair, ev: PairEvidence) -> float:
    """Log-odds that this occurrence of a mined pair's spun form is the spinner's work.

    The absence of the original in a short document is weak evidence (one 趣味 and no 兴趣 in two
    sentences): the detector's weight grows with the number of spun occurrences, so one occurrence
    carries only the frequency ratio, which the unigram context gain repeats. So the context counts
    only with what it adds beyond that ratio, and the prior is the share of public tables that list
    the pair."""
    k = min(len(pair.source.split("+")), PUBLIC_TABLES)
    prior = math.log(k / (PUBLIC_TABLES + 1 - k))
    ctx = _spin_lm.delta(text, start, end, pair.original) - min(math.log(max(pair.ratio, 1.0)), RATIO_SEEN)
    if ctx < CONTEXT_VETO:
        return -math.inf
    return prior + ev.weight + min(ctx, CONTEXT_CAP)


ALTERNATIVE_MARGIN = 1.0  # one spun form, several originals: the best must read this much better
PRIOR_DISCOUNT = 0.5      # ... counting half of what frequency alone says (a law says 应当, the lexicon prefers 应该)


def _pick(text: str, start: int, end: int,
          options: Sequence[tuple[Pair, PairEvidence]]) -> tuple[Pair, PairEvidence] | None:
    """The original this occurrence stands for, among those with evidence (天下: 全国 or 世界),
    by what the local context adds beyond each word's frequency (a law says 应当 where the lexicon
    prefers 应该: frequency alone cannot choose); None when two are about as well supported."""
    scored = sorted(((_spin_lm.delta(text, start, end, p.original) - PRIOR_DISCOUNT * math.log(max(p.ratio, 1.0)), i)
                     for i, (p, ev) in enumerate(options)
                     if ev.weight >= HEAVY_WEIGHT and ev.ratio >= HEAVY_RATIO), reverse=True)
    if not scored:
        return options[0]
    if len(scored) > 1 and scored[0][0] - scored[1][0] < ALTERNATIVE_MARGIN:
        return None
    return options[scored[0][1]]


def _gated(text: str, key: str, start: int, end: int, a: Analysis) -> Span | None:
    chosen = a.chosen.get(key)
    if chosen is None:
        return None
    pair, ev = chosen
    alternatives = a.others.get(key)
    if alternatives and a.report.family == "heavy" and not pair.attested:
        picked = _pick(text, start, end, (chosen, *alternatives))
        if picked is None:
            return None
        pair, ev = picked
    cond = _conditions(pair, text, start, end)
    if cond is False:
        return None
    heavy = a.report.family == "heavy" and not pair.attested
    if heavy:
        # A heavy spinner replaces nearly every word it knows: its own tables' pairs need less.
        if ev.weight < HEAVY_WEIGHT or ev.ratio < HEAVY_RATIO:
            return None
        if cond is None and _heavy_posterior(text, start, end, pair, ev) < HEAVY_POSTERIOR:
            return None
    elif not pair.attested:
        # A pair no list saw a spinner use, outside the heavy family: overwhelming counts (damped:
        # 17 x 开展 in a law that never says 发展 is its vocabulary, not spin), or the trigram
        # model's strong, consistent preference for the original at every occurrence.
        if not (eligible(pair, ev, cond) and damped_weight(pair, ev) >= MINED_OUTSIDE_HEAVY) \
                and not a.strong_context(text, key, pair.original):
            return None
    elif not eligible(pair, ev, cond):
        return None
    # The 汇文网 family's pairs are judged by the word trigram model; the heavy family's still by the
    # unigram judge, on which its thresholds were set (the trigram model scored it lower).
    if a.report.family == "heavy":
        gain = _spin_lm.delta(text, start, end, pair.original)
    elif not cond and _spin_lm.in_phrase(text, start, end, pair.original):
        return None  # a canonical phrase as written (平安中国): the trigram model may not know it
    else:
        gain = _context_delta(text, start, end, pair.original, a)
    score = gain + min(ev.weight, EVIDENCE_BONUS)
    if cond:
        score += CONDITION_BONUS
    elif pair.ratio < LOW_RATIO:
        # Two words about equally common (中心/中央): only the context can tell, so the
        # restored window must read clearly better (党中心 -> 党中央), not just as well.
        score -= LOW_RATIO_MARGIN
    elif pair.condition("before") or pair.condition("after"):
        score -= CONTEXT_MARGIN  # curated as context-dependent, and no listed context here
    if score < GATED_MIN:
        return None
    elsewhere = f" (+{ev.spun_elsewhere} as a spun form)" if ev.spun_elsewhere else ""
    note = (f"tier=gated; evidence: {key}x{ev.spun_count}, {pair.original}x{ev.original_count}{elsewhere}, "
            f"weight {ev.weight:.1f}; document score {a.report.score:.2f} ({a.report.family})")
    return Span(start, end, pair.original, pair.rule, _sigmoid(score - GATED_MIN + 1.0), note, "gated")


def spans(text: str, config: Config, a: Analysis | None = None) -> list[Span]:
    """The restorations for ``text`` (non-overlapping, over ``text``)."""
    t = tables()
    a = a or analyse(text, full=config.spin == "force")
    spun = config.spin == "force" or a.report.spun
    out: list[Span] = _userlists.user_spans(text, config.wordlists)
    # Every occurrence (overlapping), so that 大水|水道 or 置力|力量 cannot hide a restoration.
    for key, start, end in a.matches:
        pair = t.sure.get(key)
        if pair is not None:
            d = a.sure_delta.get((start, end))
            if d is None:
                d = _spin_lm.delta(text, start, end, pair.original)
            if d >= SURE_VETO:
                out.append(Span(start, end, pair.original, pair.rule, _sigmoid(d - SURE_VETO + 2.0), "tier=sure",
                                "sure"))
            continue
        if not spun:
            continue
        pair = t.chains.get(key)
        if pair is not None:
            d = _spin_lm.delta(text, start, end, pair.original)
            if d >= CHAIN_MIN:
                out.append(Span(start, end, pair.original, pair.rule, _sigmoid(d),
                                f"tier=chain ({pair.source}); document score {a.report.score:.2f}", "chain"))
            continue
        span = _gated(text, key, start, end, a)
        if span is not None:
            out.append(span)
    if spun:
        out.extend(_spin_fuzzy.spans(text, a.report.score))
    if a.report.family == "heavy":
        words = _second_look(text, a, _resolve(out))
        return _resolve(words + _spin_chars.spans(text, a.report, words))
    return _resolve(out)


def _second_look(text: str, a: Analysis, taken: list[Span]) -> list[Span]:
    """Heavy family: the gated forms left alone, judged again with the restorations around them
    applied (a heavy spinner replaces every other word, so a form's first window is mostly spun)."""
    t = tables()
    view = View(text, taken)
    more: list[Span] = []
    for key, start, end in a.matches:
        if key in t.sure or key in t.chains or view.edited(start, end):
            continue
        at = view.at(start)
        span = _gated(view.text, key, at, at + end - start, a)
        if span is not None:
            more.append(span._replace(start=start, end=end, note=span.note + "; judged with its neighbours restored"))
    return _resolve(taken + more) if more else taken


_PRIORITY = {"user": 5, "phrase": 4, "sure": 3, "chain": 2, "gated": 1, "char": 0}


def _resolve(candidates: list[Span]) -> list[Span]:
    """Non-overlapping spans: the user's pairs before phrases before sure before chain before gated,
    longer and surer first."""
    def rank(s: Span) -> tuple[int, int, float, int]:
        return (-_PRIORITY.get(s.tier, 0), -(s.end - s.start), -(s.confidence or 0.0), s.start)

    taken: list[Span] = []
    occupied: set[int] = set()
    for s in sorted(candidates, key=rank):
        if any(i in occupied for i in range(s.start, s.end)):
            continue
        taken.append(s)
        occupied.update(range(s.start, s.end))
    return taken


def step(text: str, config: Config) -> Cleaned:
    global _RESTORABLE
    if config.spin == "off":
        return Cleaned(text, ())
    try:
        a = analyse(text, full=config.spin == "force")
        result = apply_spans("spin", text, spans(text, config, a))
        # forced, the analysis counts every pair and its verdict is not the detector's
        return result if config.spin == "force" else result._replace(spin=a.report)
    finally:
        _RESTORABLE = (None, None)  # the document's matches need not outlive its step

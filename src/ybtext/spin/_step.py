"""The ``spin`` step: restore words replaced by synonym spinners (伪原创), never damaging correct text.

Three tiers, from the wordlists (see ``_tables``):

- sure: spun forms that are not words (经由过程, 假设干) are restored wherever they stand, unless
  the local context reads clearly worse afterwards (a match across a word boundary);
- chain: forms two sequential pairs made (进呈现 <- 发展示) are restored in spun documents;
- gated: spun forms that are also words (进展, 效劳, 中心) are restored only in documents the
  detector calls spun, only for pairs with evidence there (the original never occurs), only where
  the word trigram model agrees (``judge``) and curated context conditions hold.

Pairs of the user's wordlists (``Config.wordlists``, tier ``user``) are restored wherever their
spun form occurs, in any document, and win over every other tier where they overlap
(``_userlists``). Pairs of learned tables (``ybtext learn``, tier ``learned``) are corpus evidence,
not assertions: they are judged at each occurrence, in any document (``_learned``).

In documents of the heavy family (non-words such as 年夜, 经由过程 throughout) the tiers are not
judged one occurrence at a time: every candidate of a clause is decoded together with the word
trigram model (``_heavy``).

Then canonical phrases are recovered fuzzily (``_fuzzy``). All spans refer to the text the
step received and never overlap: each match is replaced whole, so replacements that change length
cannot touch their neighbours. Every edit carries rule, tier and confidence; gated edits carry the
document evidence in ``note``.
"""

from __future__ import annotations

import bisect
import math

from .. import _userlists
from .._edits import Cleaned, Span, apply_spans
from ..config import Config
from . import _fuzzy, _heavy, _lexicon
from ._evidence import Analysis, PairEvidence, analyse, damped_weight, eligible, judge
from ._tables import Pair, tables
from .policy import POLICY


def _conditions(pair: Pair, text: str, start: int, end: int) -> bool | None:
    """True: a positive condition holds; False: a negative one vetoes, or an ``only_after`` list
    (the pair holds only there) does not hold; None: neither (the context model decides)."""
    if not pair.conditions:
        return None
    lo, hi = max(0, start - 12), end + 12  # str.endswith/startswith take a tuple of alternatives
    cond = pair.condition
    if text.endswith(cond("not_before"), lo, start) or text.startswith(cond("not_after"), end, hi):
        return False
    if text.endswith(cond("before"), lo, start) or text.startswith(cond("after"), end, hi):
        return True
    only = cond("only_after")
    if only:  # the pair holds only in its listed contexts
        return text.startswith(only, end, hi)
    return None




def _context_delta(text: str, start: int, end: int, replacement: str, a: Analysis) -> float:
    """The word trigram model's margin for the replacement, in nats (the unit of the thresholds),
    judged with the neighbouring spun forms restored to the originals the document's evidence
    chose for them (two adjacent spun words are one damaged span: 面对将来 is 面向未来)."""
    from .._context_model import model

    starts, spans, longest = _restorable(a)
    near = []
    for i in range(bisect.bisect_left(starts, start - POLICY.neighbourhood - longest + 1),
                   bisect.bisect_left(starts, end + POLICY.neighbourhood)):
        s, e, original = spans[i]
        if e <= start - POLICY.neighbourhood or (s < end and e > start):
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


def evidence_note(key: str, original: str, ev: PairEvidence, a: Analysis) -> str:
    """The note of a gated restoration: the document's evidence for the pair."""
    elsewhere = f" (+{ev.spun_elsewhere} as a spun form)" if ev.spun_elsewhere else ""
    return (f"tier=gated; evidence: {key}x{ev.spun_count}, {original}x{ev.original_count}{elsewhere}, "
            f"weight {ev.weight:.1f}; document score {a.report.score:.2f} ({a.report.family})")


def _attested_alternative(text: str, key: str, start: int, end: int, pair: Pair,
                          a: Analysis) -> tuple[Pair, PairEvidence] | None:
    """The attested pair this occurrence of ``key`` stands for, where a spinner writes one form for
    several originals (the 汇文网 family writes 进展 for 发展 and for 进行): of the document's
    choice ``pair`` and the other attested pairs with evidence here, the first whose listed
    context stands at the occurrence (进展相应的培训 -> 进行), else the first no listed context
    rules out (an ``only_after`` pair needs its context: 取得某些进展 is no 进行), the document's
    choice first; None when none is left. The trigram model alone does not pick among them: it
    prefers 进行 to 发展 in too many places where 发展 was written (高质量进展)."""
    chosen = a.chosen[key]
    options = [chosen]
    for p in tables().gated[key]:
        ev = a.evidence.get((key, p.original))
        if p is not pair and p.attested and ev is not None and ev.weight > 0:
            options.append((p, ev))
    fallback = None
    for p, ev in options:
        cond = _conditions(p, text, start, end)
        if cond:
            return p, ev
        if cond is None and fallback is None:
            fallback = (p, ev)
    return fallback


def _gated(text: str, key: str, start: int, end: int, a: Analysis) -> Span | None:
    chosen = a.chosen.get(key)
    if chosen is None:
        return None
    pair, ev = chosen
    if pair.attested:
        picked = _attested_alternative(text, key, start, end, pair, a)
        if picked is None:
            return None
        pair, ev = picked
    cond = _conditions(pair, text, start, end)
    if cond is False:
        return None
    if not pair.attested:
        # A pair no list saw a spinner use, outside the heavy family: overwhelming counts (damped:
        # 17 x 开展 in a law that never says 发展 is its vocabulary, not spin), or the trigram
        # model's strong, consistent preference for the original at every occurrence.
        if not (eligible(pair, ev, cond) and damped_weight(pair, ev) >= POLICY.mined_outside_heavy) \
                and not a.strong_context(text, key, pair.original):
            return None
    elif not eligible(pair, ev, cond):
        return None
    if not cond and _lexicon.in_phrase(text, start, end, pair.original):
        return None  # a canonical phrase as written (平安中国): the trigram model may not know it
    gain = _context_delta(text, start, end, pair.original, a)
    score = gain + min(ev.weight, POLICY.evidence_bonus)
    if cond:
        score += POLICY.condition_bonus
    elif pair.ratio < POLICY.low_ratio:
        # Two words about equally common (中心/中央): only the context can tell, so the
        # restored window must read clearly better (党中心 -> 党中央), not just as well.
        score -= POLICY.low_ratio_margin
    elif pair.condition("before") or pair.condition("after"):
        score -= POLICY.context_margin  # curated as context-dependent, and no listed context here
    if score < POLICY.gated_min:
        return None
    return Span(start, end, pair.original, pair.rule, _sigmoid(score - POLICY.gated_min + 1.0),
                evidence_note(key, pair.original, ev, a), "gated")




def _share(key: str, original: str) -> float:
    """The share of ``key``'s occurrences a spinner that applied ``original`` -> ``key`` wrote, as
    the two words' lexicon frequencies predict (``ratio / (1 + ratio)``, at most
    ``learn.SHARE_MAX``): where the spun form is a common word itself (推动 for 推进, about half),
    an occurrence needs its context to say it was spun; where it is rare (效劳), hardly."""
    from ..learn import SHARE_MAX
    from ._lexicon import _model, freq
    from ._tables import ABSENT_COUNT, ratio

    r = ratio(key, original, freq, math.log(ABSENT_COUNT) - _model().total)
    return min(SHARE_MAX, r / (1.0 + r))


def _learned(text: str, paths: tuple[str, ...], a: Analysis) -> list[Span]:
    """The learned tables' restorations: at each occurrence of a spun form (outside a canonical
    phrase), in a document that does not use the original (beyond POLICY.learned_leak), the original
    whose context margin is best is restored where the occurrence's prior and that margin (within
    POLICY.learned_veto and POLICY.learned_context_cap) reach ``POLICY.learned_occurrence`` as a probability. The
    prior is the log-odds that this occurrence was spun: the table's confidence that the pair was
    applied times the share of the spun form's occurrences the spinner wrote (``_share``), so a
    pair at that confidence whose spun form is rare needs a context that does not prefer the spun
    form, and one whose spun form is common needs a context that prefers the original."""
    up = _userlists.user_pairs(paths)  # its learned and learned_matcher
    if up.learned_matcher is None:
        return []
    found = up.learned_matcher.find(text)
    if not found:
        return []
    spun_counts: dict[str, int] = {}
    for key, _s, _e in found:
        spun_counts[key] = spun_counts.get(key, 0) + 1
    threshold = math.log(POLICY.learned_occurrence / (1.0 - POLICY.learned_occurrence))
    shares: dict[tuple[str, str], float] = {}
    used: dict[str, int] = {}  # original -> its occurrences in the document (counted once)
    out: list[Span] = []
    for key, start, end in found:
        if _lexicon.phrase_at(text, start, end):
            continue
        best: tuple[float, str, str, float, float] | None = None
        for original, rule, confidence in up.learned[key]:
            n = used.get(original)
            if n is None:
                n = used[original] = text.count(original)
            if n > POLICY.learned_leak * spun_counts[key]:
                continue
            margin = _context_delta(text, start, end, original, a)
            if margin < POLICY.learned_veto:
                continue
            share = shares.get((key, original))
            if share is None:
                share = shares[(key, original)] = _share(key, original)
            p = min(confidence, 1.0) * share
            prior = math.log(p / (1.0 - p))
            score = prior + min(margin, POLICY.learned_context_cap)
            if score >= threshold and (best is None or margin > best[3]):
                best = (score, original, rule, margin, prior)
        if best is not None:
            score, original, rule, margin, prior = best
            out.append(Span(start, end, original, rule, _sigmoid(score),
                            f"tier=learned; context margin {margin:.2f}, prior {prior:.2f}", "learned"))
    return out


def spans(text: str, config: Config, a: Analysis | None = None) -> list[Span]:
    """The restorations for ``text`` (non-overlapping, over ``text``)."""
    t = tables()
    a = a or analyse(text, full=config.spin == "force")
    spun = config.spin == "force" or a.report.restores
    out: list[Span] = _userlists.user_spans(text, config.wordlists)
    if config.wordlists:
        out.extend(_learned(text, config.wordlists, a))
    if spun:
        out.extend(_fuzzy.spans(text, a.report.score))
    if spun and a.report.family == "heavy":
        # every spun position of a clause decided together (背天下泛博 -> 向全国广大)
        return _resolve(out + _heavy.spans(text, a))
    # Every occurrence (overlapping), so that 大水|水道 or 置力|力量 cannot hide a restoration.
    for key, start, end in a.matches:
        pair = t.sure.get(key)
        if pair is not None:
            d = a.sure_delta.get((start, end))
            if d is None:
                d = judge(text, start, end, pair.original)
            if d >= POLICY.sure_veto:
                out.append(Span(start, end, pair.original, pair.rule, _sigmoid(d - POLICY.sure_veto + 2.0), "tier=sure",
                                "sure"))
            continue
        if not spun:
            continue
        pair = t.chains.get(key)
        if pair is not None:
            d = judge(text, start, end, pair.original)
            if d >= POLICY.chain_min:
                out.append(Span(start, end, pair.original, pair.rule, _sigmoid(d),
                                f"tier=chain ({pair.source}); document score {a.report.score:.2f}", "chain"))
            continue
        span = _gated(text, key, start, end, a)
        if span is not None:
            out.append(span)
    return _resolve(out)


_PRIORITY = {"user": 6, "phrase": 5, "sure": 4, "learned": 3, "chain": 2, "gated": 1, "table": 0, "char": 0}


def _resolve(candidates: list[Span]) -> list[Span]:
    """Non-overlapping spans: the user's pairs before phrases before sure before learned before chain
    before gated, longer and surer first."""
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

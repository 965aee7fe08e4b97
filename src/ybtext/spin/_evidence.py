"""Document-level evidence of synonym spinning: ``detect_spin(text) -> SpinReport``.

A spinner replaces *every* occurrence of a word it knows. So a document in which a rare word
stands many times and its common synonym never does (25 x 进展, 0 x 发展; 效劳 without any 服务)
carries evidence that a spinner applied that pair; forms that are no words at all (经由过程,
假设干) are evidence on their own. Clean text uses both words of a pair, and its rare words
stand once or twice. The report is what the ``spin`` step gates its ambiguous reversals on.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from .policy import POLICY

if TYPE_CHECKING:
    from ._tables import Pair, Tables

__all__ = ["PairEvidence", "SpinReport", "detect_spin"]

@dataclass(frozen=True, slots=True)
class PairEvidence:
    """Evidence that this document's spinner applied one pair (original -> spun).

    ``spun_elsewhere`` counts occurrences of the original left out of ``original_count`` because
    they are the spun form of another pair the document shows was applied (人民 -> 群众 -> 大众).
    ``weight`` is the log-likelihood ratio of the counts under "a spinner replaced every original
    but a few (5 %)" against "clean text, where the two words stand in their lexicon proportion";
    ``ratio`` is f(original)/f(spun) in the lexicon. ``tier`` is "sure" for non-word spun forms,
    "gated" for word pairs, "chain" for chained forms; ``source`` names the tables the pair is from.
    """

    original: str
    spun: str
    spun_count: int
    original_count: int
    weight: float
    tier: str = "gated"
    ratio: float = 1.0
    source: str = ""
    spun_elsewhere: int = 0  # occurrences of the original that are another pair's spun form (not counted)


@dataclass(frozen=True, slots=True)
class SpinReport:
    """``score`` in [0, 1]; ``spun`` is the detector's verdict; ``family`` is "huiwen", "heavy" or None.

    ``evidence`` is the raw log-likelihood sum behind ``score``; ``sure_hits`` counts non-word spun
    forms; ``chars`` is the document length.
    """

    score: float
    spun: bool
    family: str | None
    pairs: tuple[PairEvidence, ...]
    evidence: float = 0.0
    sure_hits: int = 0
    chars: int = 0
    context: float = 0.0  # the context evidence (log10), computed where the counts did not decide

    @property
    def restores(self) -> bool:
        """Whether the spin step restores the document's word pairs: it is spun, and not on context
        evidence alone too weak to edit by (``POLICY.context_restore``: such a document is flagged
        for review, and only its non-word spun forms are restored)."""
        return self.spun and (self.context >= POLICY.context_restore
                              or _score(self.evidence, self.chars) >= POLICY.score_spun)

    def pair(self, original: str, spun: str) -> PairEvidence | None:
        """The evidence for the pair ``original`` -> ``spun``, or None where the document has none."""
        for p in self.pairs:
            if p.original == original and p.spun == spun:
                return p
        return None

    def as_dict(self) -> dict[str, Any]:
        """The report as a JSON-ready dict (score, spun, family, pairs, ...)."""
        return {
            "score": self.score,
            "spun": self.spun,
            "restores": self.restores,
            "family": self.family,
            "evidence": self.evidence,
            "context": self.context,
            "sure_hits": self.sure_hits,
            "chars": self.chars,
            "pairs": [
                {"original": p.original, "spun": p.spun, "spun_count": p.spun_count,
                 "original_count": p.original_count, "weight": p.weight, "tier": p.tier,
                 "spun_elsewhere": p.spun_elsewhere}
                for p in self.pairs
            ],
        }


@dataclass(slots=True)
class Analysis:
    """What the spin step needs: the matches, the report and per-pair evidence by (spun, original)."""

    matches: list[tuple[str, int, int]]
    report: SpinReport
    evidence: dict[tuple[str, str], PairEvidence] = field(default_factory=dict)
    chosen: dict[str, tuple[Pair, PairEvidence]] = field(default_factory=dict)
    sure_delta: dict[tuple[int, int], float] = field(default_factory=dict)  # context gain per sure match
    pooled: dict[tuple[str, str], bool] = field(default_factory=dict)  # strong_context, per document
    by_key: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # matches by form, on first use

    def strong_context(self, text: str, key: str, original: str) -> bool:
        """Whether the trigram model's evidence for restoring every ``key`` of ``text`` to
        ``original`` is strong and consistent (see POLICY.unseen_mean); cached per document."""
        got = self.pooled.get((key, original))
        if got is None:
            if not self.by_key:
                for k, s, e in self.matches:
                    self.by_key.setdefault(k, []).append((s, e))
            got = self.pooled[(key, original)] = _consistent(text, self.by_key.get(key, []), original)
        return got


def judge(text: str, start: int, end: int, replacement: str) -> float:
    """The word trigram model's margin for restoring ``replacement`` at ``[start, end)``, in nats:
    the one context judge of every tier (sure forms' veto, chains, gated pairs)."""
    from .._context_model import model

    return math.log(10) * model().margin(text, start, end, replacement)


def _consistent(text: str, spans: list[tuple[int, int]], original: str) -> bool:
    from .._context_model import model
    from ._lexicon import phrase_at

    count = len(spans)
    if count < POLICY.unseen_min_count or original in text:
        return False
    spans = [(s, e) for s, e in spans if not phrase_at(text, s, e)][:2 * POLICY.context_occurrences]
    if not spans:
        return False
    lm = model()
    return _unseen_holds(count, [lm.margin(text, s, e, original) for s, e in spans])


def _unseen_holds(count: int, margins: list[float]) -> bool:
    """The test a pair no list holds must pass (UNSEEN_*): enough occurrences, and the model
    preferring the original at every judged one and on average."""
    return (count >= POLICY.unseen_min_count and min(margins) >= POLICY.unseen_min_margin
            and sum(margins) / len(margins) >= POLICY.unseen_mean)




def eligible(pair: Pair, ev: PairEvidence, cond: bool | None = None) -> bool:
    """Pair-level evidence: curated and seen-in-the-wild pairs need less than mined ones."""
    if cond:
        return ev.weight > 0
    if pair.attested:
        return ev.weight >= POLICY.attested_weight
    return ev.weight >= POLICY.mined_weight and ev.ratio >= POLICY.mined_ratio


def _weight(ratio: float, n: float, m: int) -> float:
    p = ratio / (1.0 + ratio)
    return max(0.0, n * math.log((1 - POLICY.leak) / (1 - p)) + (m * math.log(POLICY.leak / p) if m else 0.0))


def _damped(n: int) -> float:
    """Occurrences as evidence: a word a document is about repeats (bursts), so the 20th 中央 of
    a report on central-local relations says little more than the third."""
    return 1.0 + math.log(n) if n > 1 else float(n)


def damped_weight(pair: Pair, ev: PairEvidence) -> float:
    """The pair's log-likelihood over damped counts (what a bursty document really shows)."""
    return _weight(pair.ratio, _damped(ev.spun_count), ev.original_count)


def _contribution(pair: Pair, ev: PairEvidence) -> float:
    """What one pair adds to the document's evidence: the pair's log-likelihood over damped
    counts, capped. Pairs whose two words are about equally common (开放/展开, 中心/中央) prove
    nothing about the document; mined pairs need a clear case and count half."""
    if ev.ratio < POLICY.score_min_ratio:
        return 0.0
    w = damped_weight(pair, ev)
    if pair.attested:
        return min(w, POLICY.pair_cap) if w >= POLICY.attested_weight else 0.0
    return min(w, POLICY.pair_cap) / 2 if w >= POLICY.mined_doc_weight else 0.0


def _per_length(evidence: float, chars: int) -> float:
    # Clean text accumulates chance evidence with its length, and so does spun text (more pairs
    # stand in it): normalize by the square root of the length beyond POLICY.long characters.
    return evidence / math.sqrt(max(1.0, chars / POLICY.long))


def _score(raw: float, chars: int) -> float:
    return round(1.0 - math.exp(-_per_length(raw, chars) / POLICY.scale), 4)




def _through_cycles(t: Tables, counts: Counter[str], evidence: dict[tuple[str, str], PairEvidence],
                    chosen: dict[str, tuple[Pair, PairEvidence, float]]) -> None:
    """One pass of a heavy spinner swaps words in cycles (人民 -> 群众 and 群众 -> 大众): the 群众
    of the document are the spinner's, so they are no evidence against 大众 -> 群众. An original
    that stands only as the spun form of a pair the document shows was applied counts as absent.
    Updates ``evidence`` and ``chosen`` in place (the stronger claim on an original still wins)."""
    applied = {k: counts[k] for k, (_p, ev, _r) in chosen.items() if ev.weight >= POLICY.cycle_weight}
    owner = {v[0].original: (v[2], k) for k, v in chosen.items()}
    for (key, original), ev in list(evidence.items()):
        spun_here = applied.get(original)
        if not spun_here or not ev.original_count or original == key:
            continue
        pair = next(p for p in t.gated[key] if p.original == original)
        m = max(0, ev.original_count - spun_here)
        weight = _weight(pair.ratio, ev.spun_count, m)
        if weight <= ev.weight:
            continue
        ev = evidence[(key, original)] = PairEvidence(original, key, ev.spun_count, m, round(weight, 3), "gated",
                                                     ev.ratio, ev.source, ev.original_count - m)
        rank = weight * (2.0 if pair.attested else 1.0)
        held = owner.get(original)
        if (key not in chosen or rank > chosen[key][2]) and (held is None or held[1] == key or rank > held[0]):
            if held is not None and held[1] != key:
                chosen.pop(held[1], None)
            chosen[key] = (pair, ev, rank)
            owner[original] = (rank, key)


def _context_evidence(text: str, t: Tables, matches: list[tuple[str, int, int]], counts: Counter[str],
                      pairs: list[PairEvidence] | None = None) -> float:
    """The context evidence of ``text`` (see POLICY.context_floor): what the word trigram model says of
    the attested pairs whose spun form stands here and whose original does not. Each pair that adds
    to it is appended to ``pairs``, its share as the weight (in nats, tier "context")."""
    keys = [k for k in counts if k in t.gated
            and (counts[k] >= POLICY.unseen_min_count or any(p.attested for p in t.gated[k]))]
    if not keys:
        return 0.0
    from .._context_model import model

    lm = model()
    where = _judged(text, matches, set(keys))
    total = unseen = 0.0
    distinct = 0
    added: list[tuple[bool, PairEvidence]] = []
    for key in keys:
        best = 0.0
        attested = False
        chosen: Pair | None = None
        for pair in t.gated[key]:
            spans = where[key]
            if not spans or pair.original in text:
                continue
            margins = [lm.margin(text, s, e, pair.original) for s, e in spans]
            mean = sum(margins) / len(margins)
            if not pair.attested and not _unseen_holds(counts[key], margins):
                continue
            got = min(mean, POLICY.context_cap) - POLICY.context_floor
            if got > best:
                best, attested, chosen = got, pair.attested, pair
        if best > 0 and chosen is not None:
            share = best * _damped(counts[key])
            if attested:
                total += share
            else:
                unseen += share
                distinct += 1
            added.append((attested, PairEvidence(chosen.original, key, counts[key], 0, round(share * math.log(10), 3),
                                                 "context", round(chosen.ratio, 2), chosen.source)))
    # One strong unseen pair is a document's odd word (此次 four times, the model prefers 这次);
    # a spinner replaces many: two different ones count.
    counted = distinct >= POLICY.unseen_document_pairs
    if pairs is not None:
        pairs.extend(ev for attested, ev in added if attested or counted)
    return total + (unseen if counted else 0.0)


def _judged(text: str, matches: list[tuple[str, int, int]], keys: set[str]) -> dict[str, list[tuple[int, int]]]:
    """The occurrences of each of ``keys`` the context evidence judges: the first
    ``POLICY.context_occurrences``, outside canonical phrases (every key gets a list)."""
    from ._lexicon import phrase_at

    where: dict[str, list[tuple[int, int]]] = {k: [] for k in keys}
    for key, start, end in matches:
        spans = where.get(key)
        if spans is not None and len(spans) < POLICY.context_occurrences and not phrase_at(text, start, end):
            spans.append((start, end))
    return where


def _against_context(text: str, matches: list[tuple[str, int, int]],
                     chosen: dict[str, tuple[Pair, PairEvidence, float]]) -> list[str]:
    """The spun forms of ``chosen`` that add to the document's evidence although the word trigram
    model does not prefer their original: the mean log10 margin of restoring it at the first
    ``POLICY.context_occurrences`` occurrences (outside canonical phrases) is below
    ``POLICY.veto_margin``."""
    from .._context_model import model

    keys = {k for k, (pair, ev, _r) in chosen.items() if _contribution(pair, ev) > 0}
    if not keys:
        return []
    where = _judged(text, matches, keys)
    lm = model()
    out = []
    for key, spans in where.items():
        original = chosen[key][0].original
        if spans and sum(lm.margin(text, s, e, original) for s, e in spans) / len(spans) < POLICY.veto_margin:
            out.append(key)
    return out


_BOUNDS: dict[tuple[int, str, int], float] = {}  # (id of the tables, spun form, count) -> _bound


def _bound(t: Tables, key: str, n: int) -> float:
    """The most the pairs of ``key`` can add to the evidence with ``n`` occurrences and no original:
    ``_contribution`` of each, without building their PairEvidence (cached: the same forms and
    counts come back in document after document)."""
    got = _BOUNDS.get((id(t), key, n))
    if got is None:
        got = 0.0
        for pair in t.gated[key]:
            ev = PairEvidence(pair.original, key, n, 0, 0.0, "gated", pair.ratio)  # weight: unused
            got = max(got, _contribution(pair, ev))
        if len(_BOUNDS) > 100_000:
            _BOUNDS.clear()
        _BOUNDS[(id(t), key, n)] = got
    return got


def analyse(text: str, *, full: bool = False) -> Analysis:
    """Scan once; count originals only when the document could be spun (or ``full``)."""
    from . import _lexicon
    from ._swaps import _standalone
    from ._tables import tables

    t = tables()
    matches = t.overlapping.find(text)
    counts = Counter(map(itemgetter(0), matches))
    sure_counts: Counter[tuple[str, str, str]] = Counter()
    sure_delta: dict[tuple[int, int], float] = {}
    for key, start, end in matches:
        pair = t.sure.get(key)
        if pair is not None:
            d = sure_delta[(start, end)] = judge(text, start, end, pair.original)
            if d >= POLICY.sure_context_min:
                sure_counts[(pair.spun, pair.original, pair.tier)] += 1
    gated_keys = []
    for key, n in counts.items():
        if key in t.sure:
            continue
        pair = t.chains.get(key)
        if pair is not None:
            sure_counts[(pair.spun, pair.original, pair.tier)] += n
        elif key in t.gated:
            gated_keys.append(key)
    sure_hits = sum(sure_counts.values())
    # Upper bound of the evidence, as if no original occurred; originals are then counted for the
    # strongest keys first, and counting stops as soon as the bound falls below the verdict.
    bounds = []
    for key in gated_keys:
        best = _bound(t, key, counts[key])
        if best > 0:
            bounds.append((best, key))
    bounds.sort(reverse=True)
    upper = sure_hits * POLICY.sure_weight + sum(b for b, _k in bounds)
    evidence: dict[tuple[str, str], PairEvidence] = {}
    chosen: dict[str, tuple[Pair, PairEvidence, float]] = {}
    original_counts: dict[str, int] = {}
    alone: dict[str, int] = {}  # one-character originals standing alone
    counted: set[str] = set()
    all_counted = False  # the automaton has counted every original (absent ones are 0)

    def count(key: str) -> None:
        counted.add(key)
        n = counts[key]
        for pair in t.gated[key]:
            m = original_counts.get(pair.original)
            if m is None:
                m = original_counts[pair.original] = 0 if all_counted else text.count(pair.original)
            if m and len(pair.original) == 1:
                # 大 for 年夜: what counts is 大 standing alone, not inside 大家 or 伟大
                m = alone.get(pair.original)
                if m is None:
                    m = alone[pair.original] = _standalone(text, pair.original, _lexicon._model().counts)
            weight = _weight(pair.ratio, n, m)
            ev = PairEvidence(pair.original, key, n, m, round(weight, 3), "gated", round(pair.ratio, 2),
                              pair.source)
            evidence[(key, pair.original)] = ev
            # One original per spun form and document, as a spinner has one replacement per
            # word; pairs seen in real spun documents (family-a) and curated pairs first.
            rank = weight * (2.0 if pair.attested else 1.0)
            if weight > 0 and (key not in chosen or rank > chosen[key][2]):
                chosen[key] = (pair, ev, rank)

    for bound, key in bounds:
        if not full and _score(upper, len(text)) < POLICY.score_spun:
            break
        count(key)
        got = chosen.get(key)
        upper += (_contribution(got[0], got[1]) if got else 0.0) - bound
    context = 0.0
    by_context: list[PairEvidence] = []  # the pairs the context evidence rests on
    if not full and _score(upper, len(text)) < POLICY.score_spun:
        context = _context_evidence(text, t, matches, counts, by_context)
    if full or context >= POLICY.context_restore or _score(upper, len(text)) >= POLICY.score_spun:
        # Spun (or forced): the pairs that prove nothing about the document (中心/中央) still
        # need their counts, for the edits.
        rest = [k for k in gated_keys if k not in counted]
        if len(rest) > POLICY.many_keys:  # one automaton pass beats hundreds of str.count scans
            original_counts.update(t.count_originals(text))
            all_counted = True
        for key in rest:
            count(key)
    # ... and one spun form per original: when 进展 and 开展 both claim the absent 发展, the
    # stronger claim wins and the other pair is not this document's.
    owner: dict[str, tuple[float, str]] = {}
    for key, (pair, ev, rank) in chosen.items():
        if pair.original not in owner or rank > owner[pair.original][0]:
            owner[pair.original] = (rank, key)
    chosen = {k: v for k, v in chosen.items() if owner[v[0].original][1] == k}
    raw = sure_hits * POLICY.sure_weight + sum(_contribution(pair, ev) for pair, ev, _r in chosen.values())
    score = _score(raw, len(text))
    if not full and POLICY.score_spun <= score < POLICY.veto_score:
        # Called spun by a narrow margin: the counts of a pair whose restoration the context does not
        # prefer are the author's vocabulary (a law writes 应当 throughout, a policy on 授权运营
        # writes 运营), not a spinner's.
        vetoed = _against_context(text, matches, chosen)
        if vetoed:
            raw -= sum(_contribution(*chosen[k][:2]) for k in vetoed)
            score = _score(raw, len(text))
            if score < POLICY.score_spun:  # (the context evidence is not read where the counts may decide)
                context = _context_evidence(text, t, matches, counts, by_context)
    # The context evidence grows with the length as the counts do, and is normalized the same way
    # for the verdict (not for restoring: POLICY.context_restore).
    flag = _per_length(context, len(text)) / POLICY.context_spun
    if (flag >= 1.0 or context >= POLICY.context_restore) and score < POLICY.score_spun:
        # spun on the context evidence: the score says so on the same scale (POLICY.context_spun -> POLICY.score_spun)
        score = max(POLICY.score_spun, round(1.0 - (1.0 - POLICY.score_spun) ** max(flag, 1.0), 4))
    spun = score >= POLICY.score_spun
    family = None
    if spun:
        # The heavy family writes non-words and knows tens of thousands of pairs; the 汇文网
        # family a few hundred, so its evidence sits on fewer, repeated, attested pairs.
        mined = sum(1 for pair, ev, _r in chosen.values() if not pair.attested and ev.weight >= 3)
        attested = sum(1 for pair, ev, _r in chosen.values() if pair.attested and ev.weight >= 1)
        # Chains (进呈现) come from sequential 汇文网-style spinning: they are no sign of the heavy family.
        non_words = sum(n for (_s, _o, tier), n in sure_counts.items() if tier == "sure")
        dense = non_words >= max(2, len(text) / 2000)  # non-words every couple of thousand chars
        # Or many different mined pairs (one every fifty characters), few attested ones:
        # a short heavy-spun paragraph may hold no non-word at all (手艺, 汗青, 今朝 are words).
        # (a document spun on context evidence alone, with no count and no non-word, is no heavy one)
        heavy = ((non_words > 0 and non_words * POLICY.sure_weight >= raw / 2)
                 or (dense and mined >= max(5, 2 * attested))
                 or mined >= max(5, 3 * attested, len(text) / 50))
        family = "heavy" if heavy else "huiwen"
    if family == "heavy":
        _through_cycles(t, counts, evidence, chosen)
    listed = [PairEvidence(o, s, n, 0, round(n * POLICY.sure_weight, 3), tier) for (s, o, tier), n in sure_counts.items()]
    listed += [e for e in evidence.values() if e.weight >= POLICY.min_pair_weight]
    if spun:  # the pairs the context evidence rests on, where the counts do not list them
        shown = {(e.spun, e.original) for e in listed}
        listed += [e for e in by_context if (e.spun, e.original) not in shown]
    listed.sort(key=lambda e: (-e.weight, e.spun, e.original))
    report = SpinReport(score, spun, family, tuple(listed), round(raw, 3), sure_hits, len(text), round(context, 3))
    return Analysis(matches, report, evidence, {k: (v[0], v[1]) for k, v in chosen.items()}, sure_delta)


def detect_spin(text: str) -> SpinReport:
    """How likely ``text`` was spun, by which family, and the per-pair evidence."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return analyse(text).report

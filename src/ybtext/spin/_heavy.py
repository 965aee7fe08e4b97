"""Heavy-family documents (年夜, 平易近, 经由过程): every spun position of a clause decoded jointly.

A heavy 伪原创 spinner replaces nearly every word it knows, so a spun word's neighbours are spun
too (背天下泛博工人 is 向全国广大工人): judged one at a time, each window reads as damaged with or
without the restoration. Here each run of Han text is decoded once with the word trigram model
(``ContextModel.decode``) over every candidate restoration in it: the text as written, or for each
occurrence of a spun form one of the originals this document's evidence supports, each taken at
the model's score plus a prior (log10 odds) from the pair's tier and the document's evidence.
The restorations on the best path are the edits; a spun form several originals claim (天下 for 全国
or 世界) gets the one the context prefers.

Candidates, with their prior:
- non-word spun forms (``sure``, 年夜) and chains: ``POLICY.sure_prior``;
- word pairs (``gated``) whose evidence in this document reaches ``POLICY.min_weight``: the pair's
  evidence weight (nats, capped) times ``POLICY.weight_prior`` plus ``POLICY.gated_prior``; a listed context that
  vetoes the pair removes it, one that supports it adds ``POLICY.condition_prior``;
- one-character swaps (和 -> 战, ``_swaps``) the document shows were applied: ``POLICY.char_prior``
  plus the same share of their weight;
- every other pair of the heavy family's own table (``spin-heavy.tsv``, tier ``table``): where the
  original stands nowhere in the document as its author wrote it (every occurrence overlaps one
  of the table's spun forms, see ``_table``), ``POLICY.table_prior``; where the table rewrites
  the spun form itself as well (去 is written for 来, and 去 is rewritten: one pass of the table
  leaves no 去 standing as its author wrote it), ``POLICY.rewritten_prior``, and such a
  restoration may read a little worse than the form as written (``POLICY.rewritten_gain``). Only
  in a document that fits the table: the words it rewrites but never writes do not stand there as
  written (``POLICY.table_fit``).

Candidates touching a restoration that held are then restored too (``_complete``): spun words
cluster, and a restoration beside a spun word left as written is half a repair.

A word pair never applies inside a canonical phrase as written (``spin-phrases.tsv``: 新华社, which
the table would turn into 新华网), unless a listed context supports the gated pair, as in the
other tiers.
"""

from __future__ import annotations

import re
from typing import Callable, NamedTuple

from .._chars import HAN_CLASS
from .._context_model import ContextModel, model
from .._edits import Span
from . import _swaps
from ._evidence import Analysis
from ._lexicon import in_phrase
from ._tables import heavy_table, tables
from .policy import POLICY

__all__ = ["spans"]


_RUN = re.compile(f"[{HAN_CLASS}]+")


class _Option(NamedTuple):
    start: int
    end: int
    original: str
    rule: str
    note: str
    tier: str
    prior: float


def _prior(weight: float, base: float) -> float:
    return base + POLICY.weight_prior * min(weight, POLICY.weight_cap)


def _options(text: str, a: Analysis) -> list[_Option]:
    from ._step import _conditions, evidence_note

    t = tables()
    out: list[_Option] = []
    score = a.report.score
    for key, s, e in a.matches:
        pair = t.sure.get(key) or t.chains.get(key)
        if pair is not None:
            tier = "sure" if key in t.sure else "chain"
            if tier == "sure" and a.sure_delta.get((s, e), POLICY.sure_veto) < POLICY.sure_veto:
                continue  # the sure tier's own veto (锦昌大酒店 holds no 昌大)
            out.append(_Option(s, e, pair.original, pair.rule,
                               f"tier={tier}; document score {score:.2f} (heavy)", tier, POLICY.sure_prior))
            continue
        for pair in t.gated.get(key, ()):
            ev = a.evidence.get((key, pair.original))
            if ev is None or ev.weight < POLICY.min_weight:
                continue
            cond = _conditions(pair, text, s, e)
            if cond is False or not cond and in_phrase(text, s, e, pair.original):
                continue
            prior = _prior(ev.weight, POLICY.gated_prior) + (POLICY.condition_prior if cond else 0.0)
            out.append(_Option(s, e, pair.original, pair.rule, evidence_note(key, pair.original, ev, a),
                               "gated", prior))
    for c in _swaps.candidates(text, a.report):
        if in_phrase(text, c.start, c.start + len(c.spun), c.original):
            continue
        out.append(_Option(c.start, c.start + len(c.spun), c.original, c.rule, c.note, "char",
                           _prior(c.weight, POLICY.char_prior)))
    return out


def _table(text: str) -> Callable[[int, int], list[_Option]] | None:
    """The candidates of the heavy family's table (tier ``table``) in ``text[lo:hi]``, a run of Han
    text, or None where the document does not fit the table.

    One left-to-right pass of the table, longest match first, rewrites every word that is a key of
    it where its scan reaches that word. So in a document the table spun, a word it rewrites can
    stand only where part of it is the table's own output: it overlaps an occurrence of one of the
    table's spun forms (个人 in 每一个人, across the output 每一个 written for 每个). An occurrence
    that overlaps none is the author's word as written. The document fits the table where the
    words it rewrites but never writes stand so at most ``POLICY.table_fit`` times per occurrence
    of its spun forms, of which it holds at least ``POLICY.table_min_forms`` (or, for a spinner
    whose table differs a little from this one, where they occur at all at most
    ``POLICY.table_fit_any`` times); an original counts as absent (``POLICY.table_prior``) where
    it never stands so."""
    h = heavy_table()
    covered = bytearray(len(text))
    forms = unspun = standing = 0
    for run in _RUN.finditer(text):  # the table's words are Han: none crosses a run
        lo = run.start()
        for _key, s, e in h.overlapping.find(run.group()):
            forms += 1
            covered[lo + s:lo + e] = b"\x01" * (e - s)
        for _key, s, e in h.unspun.find(run.group()):
            unspun += 1
            standing += not any(covered[lo + s:lo + e])
    if forms < POLICY.table_min_forms or (standing > POLICY.table_fit * forms
                                          and unspun > POLICY.table_fit_any * forms):
        return None  # the words this table rewrites stand as written: another spinner's document
    absent: dict[str, bool] = {}

    def written(word: str) -> bool:
        """Whether ``word`` stands somewhere as its author wrote it (overlapping no spun form)."""
        n, i = len(word), text.find(word)
        while i >= 0:
            if not any(covered[i:i + n]):
                return True
            i = text.find(word, i + 1)
        return False

    def at(lo: int, hi: int) -> list[_Option]:
        out: list[_Option] = []
        for key, s, e in h.overlapping.find(text[lo:hi]):
            s, e = s + lo, e + lo
            rewritten = key in h.rewritten
            for original, rule in h.pairs[key]:
                if in_phrase(text, s, e, original):
                    continue  # a canonical phrase as written (新华社, not 新华网)
                if rewritten:
                    out.append(_Option(s, e, original, rule, f"tier=table; the table rewrites {key} as well",
                                       "table", POLICY.rewritten_prior))
                    continue
                gone = absent.get(original)
                if gone is None:
                    gone = absent[original] = not written(original)
                if gone:
                    out.append(_Option(s, e, original, rule,
                                       f"tier=table; {original} nowhere as written in the document",
                                       "table", POLICY.table_prior))
        return out

    return at


def spans(text: str, a: Analysis) -> list[Span]:
    """The restorations of a heavy-family document, decoded run by run (non-overlapping)."""
    options = sorted(_options(text, a))
    table = _table(text)
    if not options and table is None:
        return []
    m = model()
    out: list[Span] = []
    repeated: dict[str, bool] = {}  # spun form -> whether the document has it twice or more
    rewritten = heavy_table().rewritten
    i = 0
    for run in _RUN.finditer(text):
        lo, hi = run.span()
        while i < len(options) and options[i].start < lo:
            i += 1
        j = i
        while j < len(options) and options[j].start < hi:
            j += 1
        here, i = options[i:j], j
        if table is not None:
            # a pair the table holds gets at least the table's prior, whatever tier offered it first
            # (a swap's -1 for 两 -> 二, where the document holds no 二 as written)
            offered = table(lo, hi)
            floor = {(o.start, o.end, o.original): o.prior for o in offered}
            # ... and a form the table rewrites at least ``rewritten_prior``, whatever its original
            here = [o._replace(prior=prior) if (prior := max(
                        floor.get((o.start, o.end, o.original), o.prior),
                        POLICY.rewritten_prior if text[o.start:o.end] in rewritten else o.prior)) > o.prior
                    else o for o in here]
            have = {(o.start, o.end, o.original) for o in here}
            more = [o for o in offered if (o.start, o.end, o.original) not in have]
            if more:
                here = sorted(here + more)
        alternatives: dict[int, list[tuple[int, str, float, _Option]]] = {}
        for o in here:
            if o.end <= hi:
                alternatives.setdefault(o.start, []).append((o.end, o.original, o.prior, o))
        if alternatives:
            out.extend(_confirmed(text, m.decode(text, lo, hi, alternatives)[1], alternatives, table is not None,
                                  repeated))
    if table is not None:
        out.extend(_numbers(text, out))
    return out


# A list number in brackets: (二), （十二）. The table writes 两 for 二, and 两 never numbers a list;
# the model cannot see it (the brackets leave the word no context).
_LIST_NUMBER = re.compile(r"(?<=[（(])[一二三四五六七八九十两]{0,3}两[一二三四五六七八九十两]{0,3}(?=[）)])")


def _numbers(text: str, taken: list[Span]) -> list[Span]:
    """In a document that fits the heavy table, 两 inside a bracketed list number, as 二."""
    rule = dict(heavy_table().pairs.get("两", ())).get("二")
    if rule is None:
        return []
    out: list[Span] = []
    for m in _LIST_NUMBER.finditer(text):
        for i in range(m.start(), m.end()):
            if text[i] == "两" and not any(s.start <= i < s.end for s in taken):
                out.append(Span(i, i + 1, "二", rule, 0.99, "tier=table; 两 numbering a list in brackets", "table"))
    return out


def _confirmed(text: str, taken: list[_Option], alternatives: dict[int, list[tuple[int, str, float, _Option]]],
               fits: bool = False, counts: dict[str, bool] | None = None) -> list[Span]:
    """The decoded restorations that hold on their own, as spans: a word pair's (or a one-character
    swap's) window, read with the other restorations that hold applied, must gain ``POLICY.verify``
    with its prior (``POLICY.verify_single`` where its spun form occurs once, or where the document
    does not ``fits`` the heavy family's table), and beat every other original of the same span by
    ``POLICY.tie`` (该当: 应当 or 应该); for a form the table rewrites, one that reads better by as
    much is checked in its place. In a document that fits the table, windows are read at their
    likeliest segmentation (``ContextModel.read_margin``), as the decoder reads them; elsewhere
    (items the detector calls heavy, a hotel's reply) at their likeliest by unigrams, as the other
    tiers read them. Checked against the whole path first, then again against the restorations that
    held, up to ``POLICY.verify_rounds`` times: a neighbour that fails its own check must not spoil
    (or support) the reading of the next. ``counts`` caches, per document, whether a spun form
    occurs twice or more."""
    m = model()
    if counts is None:
        counts = {}
    rewritten = heavy_table().rewritten if fits else frozenset()
    held: dict[int, Span] = {}
    path = [(o.start, o.end, o.original) for o in taken]
    for _round in range(POLICY.verify_rounds):
        now: dict[int, Span] = {}
        for o in taken:
            near = [x for x in path if x[0] != o.start]
            span = _check(m, text, o, near, alternatives, rewritten, counts)
            if span is not None:
                now[o.start] = span
        settled = now.keys() == held.keys()
        held = now
        if settled:
            break
        path = [(o.start, o.end, o.original) for o in taken if o.start in held]
    if rewritten:
        _complete(m, text, held, alternatives, rewritten)
    return list(held.values())


def _complete(m: ContextModel, text: str, held: dict[int, Span],
              alternatives: dict[int, list[tuple[int, str, float, _Option]]], rewritten: frozenset[str]) -> None:
    """Complete, in ``held``, the damaged spans the restorations that held are part of. Spun words
    cluster (背天下 for 向全国), and a restoration beside a spun word left as written is half a
    repair. So each candidate span that touches a restoration and stands as written takes the
    original its window reads best with the restorations around it applied: a form the table
    rewrites (spinner output wherever it stands, in a document that fits the table) if that reads
    no worse than ``POLICY.complete_floor`` (log10), any other where it reads at least
    ``POLICY.complete_gain`` better than the form. Repeated ``POLICY.complete_rounds`` times, so a
    run of such forms is restored from the restorations outward."""
    from ._step import _sigmoid

    for _round in range(POLICY.complete_rounds):
        bounds = {s.start for s in held.values()} | {s.end for s in held.values()}
        cover = sorted((s.start, s.end) for s in held.values())
        near = [(s.start, s.end, s.after) for s in held.values()]
        added: dict[int, Span] = {}
        for start, alts in sorted(alternatives.items()):
            if start in held:
                continue
            by_end: dict[int, list[tuple[str, _Option]]] = {}
            for end, rep, _prior, o in alts:
                if start in bounds or end in bounds:
                    by_end.setdefault(end, []).append((rep, o))
            for end, choices in sorted(by_end.items(), key=lambda kv: -kv[0]):
                if any(s < end and start < e for s, e in cover):
                    continue
                read = [(m.read_margin(text, start, end, rep, neighbours=near), rep, o) for rep, o in choices]
                gain, rep, o = max(read, key=lambda r: r[0])
                if gain < (POLICY.complete_floor if text[start:end] in rewritten else POLICY.complete_gain):
                    continue
                added[start] = Span(start, end, rep, o.rule, _sigmoid(gain + o.prior),
                                    f"{o.note}; completes the damaged span beside a restoration, gain {gain:.1f} (log10)",
                                    o.tier)
                cover.append((start, end))
                break
        if not added:
            return
        held.update(added)


def _check(m: ContextModel, text: str, o: _Option, near: list[tuple[int, int, str]],
           alternatives: dict[int, list[tuple[int, str, float, _Option]]], rewritten: frozenset[str],
           counts: dict[str, bool], taken: bool = True) -> Span | None:
    """``o`` as a span if it holds with ``near`` restored (see ``_confirmed``), else None. Where
    another original of the same span reads better by ``POLICY.tie`` and the form is one the table
    rewrites (it cannot stand as written), that one is checked instead (once: ``taken`` is False
    for it). ``rewritten``: the forms the heavy table rewrites, where the document fits it (else
    empty)."""
    from ._step import _sigmoid

    margin = m.read_margin if rewritten else m.margin
    gain = margin(text, o.start, o.end, o.original, neighbours=near)
    if o.tier in ("gated", "char", "table"):
        rivals = [(margin(text, o.start, o.end, rep, neighbours=near), other)
                  for end, rep, _b, other in alternatives.get(o.start, ()) if end == o.end and rep != o.original]
        form = text[o.start:o.end]
        if rivals:
            best, other = max(rivals, key=lambda r: r[0])
            if taken and form in rewritten and best > gain + POLICY.tie:
                return _check(m, text, other, near, alternatives, rewritten, counts, taken=False)
            if best > gain - POLICY.tie:
                return None
        repeated = counts.get(form)
        if repeated is None:
            repeated = counts[form] = bool(rewritten) and text.count(form) >= 2
        least = POLICY.rewritten_gain if form in rewritten else POLICY.min_gain
        if gain < least or gain + o.prior < (POLICY.verify if repeated else POLICY.verify_single):
            return None
    return Span(o.start, o.end, o.original, o.rule, _sigmoid(gain + o.prior),
                f"{o.note}; decoded with its clause, gain {gain:.1f} + prior {o.prior:.1f} (log10)", o.tier)

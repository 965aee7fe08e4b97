"""The spin wordlists, loaded once per process and compiled into one matcher.

- ``spin-sure.tsv``: spun forms that are not words; restored on sight.
- ``spin-gated.tsv``: spun forms that are words; restored only with document evidence.
- ``spin-context.tsv``: curated context conditions for gated pairs (adds pairs too).
- ``spin-chains.tsv``: forms two pairs made in sequence (进呈现 <- 发展示); gated.
- ``spin-heavy.tsv``: every pair of the heavy family's own table, candidates in heavy-family
  documents only (``heavy_table``, loaded the first time such a document comes).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Callable, Iterator, Mapping

from .._match import Matcher
from .._wordlists import load, load_rows, parse_conditions

__all__ = ["HeavyTable", "Pair", "Tables", "heavy_table", "tables"]


@dataclass(frozen=True, slots=True)
class Pair:
    spun: str
    original: str
    rule: str
    tier: str                      # "sure" | "gated" | "chain"
    conditions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    source: str = ""
    ratio: float = 1.0             # f(original) / f(spun) in lexicon-zh.tsv
    attested: bool = False         # curated, or seen in real spun documents (family-a)

    def condition(self, key: str) -> tuple[str, ...]:
        for k, v in self.conditions:
            if k == key:
                return v
        return ()


@dataclass(frozen=True, slots=True)
class Tables:
    sure: dict[str, Pair]
    chains: dict[str, Pair]
    gated: Mapping[str, tuple[Pair, ...]]
    overlapping: Matcher           # every occurrence of every key (大水|水道 both count)

    def count_originals(self, text: str) -> dict[str, int]:
        """Occurrences of the gated originals found in ``text`` (overlapping), by one automaton
        pass; an original that is not a key of the result does not occur."""
        return _originals(self).count(text)


_ORIGINALS: dict[int, Matcher] = {}


def _originals(t: "Tables") -> Matcher:
    """The originals' automaton, built on first need (most documents never need it)."""
    m = _ORIGINALS.get(id(t))
    if m is None:
        g = t.gated
        originals = g.originals() if isinstance(g, _Gated) else {p.original for ps in g.values() for p in ps}
        m = _ORIGINALS[id(t)] = Matcher(originals, overlapping=True)
    return m


ABSENT_COUNT = 5  # a spun form missing from lexicon-zh.tsv (counts >= 10) counts as this rare


def _gated_pair(spun: str, original: str, rule: str, conditions: tuple[tuple[str, tuple[str, ...]], ...], source: str,
                freq: Callable[[str], float | None], absent: float) -> Pair:
    """A gated pair with its frequency ratio (``ratio``) and whether it is attested."""
    attested = source == "curated" or "family-a" in source
    return Pair(spun, original, rule, "gated", conditions, source, ratio(spun, original, freq, absent), attested)


def ratio(spun: str, original: str, freq: Callable[[str], float | None], absent: float) -> float:
    """f(original)/f(spun) in the lexicon (``freq`` gives log probabilities, ``absent`` stands for a
    spun form the lexicon lacks; 1.0 where the original is unknown)."""
    lo, ls = freq(original), freq(spun)
    if ls is None and lo is not None:
        ls = absent  # 轨制, 德律风: known to web counts only
    return math.exp(lo - ls) if lo is not None and ls is not None else 1.0


def _seen_through(conds: dict[str, tuple[str, ...]], spun_of: dict[str, set[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Conditions name the neighbours as the author wrote them, but in a spun document the
    neighbours are spun too (服务能力 -> 效劳力量): each alternative also stands in the forms the
    attested pairs (family-a, curated) give it, so before=服务 matches 效劳 as well."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for key, alts in sorted(conds.items()):
        more = dict.fromkeys(alts)
        for x in alts:
            for original, forms in spun_of.items():
                if original in x:
                    more.update(dict.fromkeys(x.replace(original, s) for s in sorted(forms)))
        out.append((key, tuple(more)))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def tables() -> Tables:
    sure_entries = load("spin-sure.tsv")
    sure = {e["spun"]: Pair(e["spun"], e["original"], e.rule, "sure", source=e["source"]) for e in sure_entries}
    chains = {e["spun"]: Pair(e["spun"], e["original"], e.rule, "chain", source=e["source"])
              for e in load("spin-chains.tsv")}
    # 8k lines: read as columns, no Entry per line (entry i is spin-gated.tsv:first+i)
    first, g_spun, g_original, g_source = load_rows("spin-gated.tsv", "spun", "original", "source")
    context_entries = load("spin-context.tsv")
    spun_of: dict[str, set[str]] = {}
    for spun, original, source in (*zip(g_spun, g_original, g_source),
                                   *((e["spun"], e["original"], e["source"]) for e in sure_entries)):
        if "family-a" in source:
            spun_of.setdefault(original, set()).add(spun)
    for e in context_entries:
        spun_of.setdefault(e["original"], set()).add(e["spun"])
    # (spun, original) -> (rule, conditions, source); a curated entry replaces the derived one
    context = {(e["spun"], e["original"]): (e.rule, _seen_through(parse_conditions(e["context"], where=e), spun_of),
                                            "curated") for e in context_entries}
    # the rule of a gated line is its line number until the pair is built
    rows: dict[tuple[str, str], tuple[str | int, _Conditions, str]] = {}
    for i, key in enumerate(zip(g_spun, g_original)):
        rows[key] = context.pop(key) if key in context else (first + i, (), g_source[i])
    rows.update(context)
    grouped: dict[str, list[tuple[str, str | int, _Conditions, str]]] = {}
    for (spun, original), (rule, conds, source) in rows.items():
        grouped.setdefault(spun, []).append((original, rule, conds, source))
    keys = [*sure, *chains, *grouped]
    return Tables(sure, chains, _Gated(grouped), Matcher(keys, overlapping=True))


_Conditions = tuple[tuple[str, tuple[str, ...]], ...]


class _Gated(Mapping[str, tuple[Pair, ...]]):
    """spun form -> its gated pairs (in table order), a form's Pair objects built the first time it is
    asked for: a document meets a few dozen of the 7k forms, and building them all (a lexicon look-up
    of both words each) was a quarter of the first clean()."""

    __slots__ = ("_rows", "_pairs")

    def __init__(self, rows: dict[str, list[tuple[str, str | int, _Conditions, str]]]) -> None:
        self._rows = rows
        self._pairs: dict[str, tuple[Pair, ...]] = {}

    def __getitem__(self, key: str) -> tuple[Pair, ...]:
        got = self._pairs.get(key)
        if got is None:
            rows = self._rows[key]
            from ._lexicon import _model, freq
            absent = math.log(ABSENT_COUNT) - _model().total
            built = tuple(_gated_pair(key, original, rule if isinstance(rule, str) else f"spin-gated.tsv:{rule}",
                                      conds, source, freq, absent) for original, rule, conds, source in rows)
            got = self._pairs.setdefault(key, built)  # another thread's, if it came first: pairs compare by identity
        return got

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def originals(self) -> set[str]:
        """Every pair's original, without building the pairs."""
        return {row[0] for rows in self._rows.values() for row in rows}

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


@dataclass(frozen=True, slots=True)
class HeavyTable:
    """``spin-heavy.tsv``: spun form -> ((original, rule), ...), and a matcher of the forms."""

    pairs: dict[str, tuple[tuple[str, str], ...]]
    overlapping: Matcher
    #: the words the table rewrites but never writes: a document this table spun holds few of them
    unspun: Matcher
    #: every word the table rewrites: one standing in a document this table spun was written by it
    rewritten: frozenset[str]


@functools.lru_cache(maxsize=1)
def heavy_table() -> HeavyTable:
    first, spun, original = load_rows("spin-heavy.tsv", "spun", "original")
    pairs: dict[str, list[tuple[str, str]]] = {}
    for i, (s, o) in enumerate(zip(spun, original)):
        pairs.setdefault(s, []).append((o, f"spin-heavy.tsv:{first + i}"))
    frozen = {k: tuple(v) for k, v in pairs.items()}
    rewritten = frozenset(o for v in frozen.values() for o, _rule in v)
    return HeavyTable(frozen, Matcher(frozen, overlapping=True), Matcher(rewritten.difference(frozen)), rewritten)

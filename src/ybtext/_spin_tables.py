"""The spin wordlists, loaded once per process and compiled into one matcher.

- ``spin-sure.tsv``: spun forms that are not words; restored on sight.
- ``spin-gated.tsv``: spun forms that are words; restored only with document evidence.
- ``spin-context.tsv``: curated context conditions for gated pairs (adds pairs too).
- ``spin-chains.tsv``: forms two pairs made in sequence (进呈现 <- 发展示); gated.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ._match import Matcher
from ._wordlists import parse_conditions, load

__all__ = ["Pair", "Tables", "tables"]


@dataclass(frozen=True, slots=True)
class Pair:
    spun: str
    original: str
    rule: str
    tier: str                      # "sure" | "gated" | "chain"
    conditions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    source: str = ""

    def condition(self, key: str) -> tuple[str, ...]:
        for k, v in self.conditions:
            if k == key:
                return v
        return ()


@dataclass(frozen=True, slots=True)
class Tables:
    sure: dict[str, Pair]
    chains: dict[str, Pair]
    gated: dict[str, tuple[Pair, ...]]
    matcher: Matcher
    originals: Matcher


@functools.lru_cache(maxsize=1)
def tables() -> Tables:
    sure = {e["spun"]: Pair(e["spun"], e["original"], e.rule, "sure", source=e["source"])
            for e in load("spin-sure.tsv")}
    chains = {e["spun"]: Pair(e["spun"], e["original"], e.rule, "chain", source=e["source"])
              for e in load("spin-chains.tsv")}
    context = {}
    for e in load("spin-context.tsv"):
        conds = tuple(sorted(parse_conditions(e["context"], where=e).items()))
        context[(e["spun"], e["original"])] = Pair(e["spun"], e["original"], e.rule, "gated", conds, "curated")
    gated: dict[str, list[Pair]] = {}
    for e in load("spin-gated.tsv"):
        key = (e["spun"], e["original"])
        pair = context.pop(key, None) or Pair(e["spun"], e["original"], e.rule, "gated", source=e["source"])
        gated.setdefault(e["spun"], []).append(pair)
    for pair in context.values():
        gated.setdefault(pair.spun, []).append(pair)
    frozen = {k: tuple(v) for k, v in gated.items()}
    matcher = Matcher([*sure, *chains, *frozen], overlapping=True)
    originals = Matcher({p.original for ps in frozen.values() for p in ps}, overlapping=True)
    return Tables(sure, chains, frozen, matcher, originals)

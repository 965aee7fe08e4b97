"""The ``spin`` step: restore words replaced by synonym spinners (thin: sure tier only)."""

from __future__ import annotations

import functools
import re

from ._edits import Cleaned, Span, apply_spans
from ._wordlists import load
from .config import Config


@functools.lru_cache(maxsize=1)
def _sure() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    table = {e["spun"]: (e["original"], e.rule) for e in load("spin-sure.tsv")}
    pattern = re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True))))
    return pattern, table


def step(text: str, config: Config) -> Cleaned:
    pattern, table = _sure()
    spans = []
    for m in pattern.finditer(text):
        original, rule = table[m.group()]
        spans.append(Span(m.start(), m.end(), original, rule, 1.0, "tier=sure"))
    return apply_spans("spin", text, spans)

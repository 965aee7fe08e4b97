#!/usr/bin/env python3
"""Derive wordlists/spin-candidates.tsv: pairs of the public spinner tables that ybtext's spin
lists leave out, as candidates for ``ybtext learn`` only (never restored from this list alone).

    .venv/bin/python tools/derive_spin_candidates.py [--check]

``--check`` rederives into a temporary directory and compares with wordlists/ (tools/_derive.py).
Reads the committed wordlists/lexicon-zh.tsv (tools/derive_spin_lists.py derives it) and
../shared/spin-dicts; no pinned package.

The shipped spin lists keep a pair only where the original is much more frequent than the spun
form (spin-gated.tsv: >= 8x, tools/derive_spin_lists.py), since a single document must carry the
rest. A corpus carries far more evidence, so ``learn`` considers every pair of ../shared/spin-dicts
(the same reading as derive_spin_lists.table_pairs, without the development table family-a.tsv)
whose two forms are Han words of two or more characters in wordlists/lexicon-zh.tsv, the original
with frequency >= 50: those the filter drops (中央 -> 中心, 未来 -> 将来) and those the shipped
lists hold too (their entry there gives the pair's other facts).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import _derive  # noqa: E402
import derive_spin_lists as d  # noqa: E402

MIN_ORIGINAL = 50
DERIVED = ("spin-candidates.tsv",)


def derive(out: Path) -> None:
    """Write spin-candidates.tsv into the directory ``out``."""
    lexicon = d.committed_lexicon()
    rows = []
    for (o, s), srcs in d.table_pairs().items():
        srcs = srcs - {"family-a"}
        if not srcs or not (d.is_han(o) and d.is_han(s)) or min(len(o), len(s)) < 2:
            continue
        if lexicon.get(o, 0) >= MIN_ORIGINAL and s in lexicon:
            rows.append(f"{s}\t{o}\t{'+'.join(sorted(srcs))}")
    d.write(out, "spin-candidates.tsv", "spun form -> original; candidates for ybtext learn only (the corpus decides)",
            "spun original source", rows,
            src="pairs of ../shared/spin-dicts (funnlp 42537, itechbear, Article-Stitchers tables), both forms words "
                "of lexicon-zh.tsv, by tools/derive_spin_candidates.py")


def main(argv: list[str] | None = None) -> int:
    return _derive.cli("derive_spin_candidates", __doc__, DERIVED, derive, argv)


if __name__ == "__main__":
    sys.exit(main())

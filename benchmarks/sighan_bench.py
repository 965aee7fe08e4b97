#!/usr/bin/env python3
"""SIGHAN-2015 spelling-correction test set through ``ybtext.clean()``: default options, and ``ocr="context"``.

    python benchmarks/sighan_bench.py [--errors N]

The 707 sentence pairs (damaged TAB corrected, Simplified) come from the pycorrector 1.1.4 wheel
(``pycorrector/data/sighan2015_test.tsv``), fetched into benchmarks/.cache and read with zipfile.
Scored edit by edit in the definitions of ../shared/bench/score.py (sentence pairs that are equal
count as clean text: their changes are false edits). Prints one JSON object (the default options'
scores at the top level, those with the opt-in context stage, ``ocr="context"``, under
``ocr_context``), plus up to N wrong and N missed edits of each mode with --errors. The object's ``context_stage_margin_curve`` is the precision/recall
curve of the ``ocr`` context stage alone over a shift of its kind margins (log10; shift 0 is the
default; the pair margins of ocr-pair-margins.tsv do not move), scored by character position.
The 2015 test set is a test: margins are set on People's Daily (see ocr_clean_bench.py), never here.
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
from ybtext import _ocr_context  # noqa: E402

#: Shifts (log10) added to the kind margins of the context stage for the curve.
SHIFTS = (-3.0, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0)


def pairs() -> list[tuple[str, str]]:
    out = []
    for line in data_file("sighan2015_test.tsv").splitlines():
        if line.strip():
            damaged, original = line.split("\t")[:2]
            out.append((damaged, original))
    return out


def curve(data: list[tuple[str, str]]) -> list[dict]:
    """Precision and recall of the context stage alone at each shift: an edit is a replaced
    character; it is correct when the reference has the replacement there (equal lengths only)."""
    found = [(_ocr_context.candidates(d), d, o) for d, o in data]
    out = []
    for x in SHIFTS:
        made = correct = needed = 0
        for cands, d, o in found:
            same = len(d) == len(o)
            needed += sum(a != b for a, b in zip(d, o)) if same else 0
            for c in _ocr_context.judge(cands, x):
                made += 1
                correct += same and o[c.pos] == c.replacement
        out.append({"shift": x, "precision": round(correct / max(made, 1), 4),
                    "recall": round(correct / max(needed, 1), 4), "made": made, "default": x == 0.0})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", type=int, default=0, help="show up to N wrong and N missed corrections")
    args = ap.parse_args()
    data = pairs()
    result, shown = run(data, args.errors)
    result.update(sentences=len(data), with_errors=sum(d != o for d, o in data))
    result["ocr_context"], shown_context = run(data, args.errors, ocr="context")
    result["context_stage_margin_curve"] = curve(data)
    print(json.dumps(result, ensure_ascii=False))
    for mode, rows in (("default", shown), ("ocr_context", shown_context)):
        for label, d, o, r in rows:
            print(f"{mode}\t{label}\t{d}\t{o}\t{r}")


def run(data: list[tuple[str, str]], errors: int, **options) -> tuple[dict, list[tuple[str, str, str, str]]]:
    """Scores of ``ybtext.clean(damaged, **options)`` against the references, and up to ``errors``
    wrong and ``errors`` missed sentences."""
    cleaner = ybtext.Cleaner(**options)
    cleaner.clean(data[0][0])  # load wordlists (and the context stage) before timing
    t0 = time.perf_counter()
    restored = [cleaner.clean(d) for d, _ in data]
    seconds = time.perf_counter() - t0
    total = Counter()
    wrong, missed = [], []
    for (d, o), r in zip(data, restored):
        total.update(score.tally(o, d, r))
        if r != o:
            (wrong if r != d else missed).append(("wrong" if r != d else "missed", d, o, r))
    result = score.summarize(total)
    result["sentences_per_second"] = round(len(data) / seconds, 1)
    return result, wrong[:errors] + missed[:errors]


if __name__ == "__main__":
    main()

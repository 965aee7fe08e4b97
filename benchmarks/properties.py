#!/usr/bin/env python3
"""The pipeline's promises on many generated hostile documents, with a fixed seed.

    .venv/bin/python benchmarks/properties.py --cases 10000 [--seed 20240601] [--show 20]

Each case is a document from tests/hostile.py (random unicode mixed with pieces of damaged real
pages). Checked per case: ``clean()`` does not raise; ``apply_edits(x, clean_and_explain(x).edits)
== clean(x)``; ``clean(clean(x)) == clean(x)``. Prints the number of failures of each kind, which
steps edit on the second pass (where an idempotency failure comes from), and the first ``--show``
failing documents. Exit 1 if any case fails. tests/test_properties.py checks the same promises
with Hypothesis on fewer cases in the normal suite.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE.parent / "src"))

import ybtext  # noqa: E402
from hostile import hostile_text  # noqa: E402


def check(text: str) -> tuple[str, str] | None:
    """``(kind, detail)`` of the first broken promise on ``text``, or None."""
    try:
        result = ybtext.clean_and_explain(text)
    except Exception as err:  # the promise under test: nothing raises
        return "raises", f"{type(err).__name__}: {err}"
    if ybtext.apply_edits(text, result.edits) != result.text:
        return "replay", ""
    second = ybtext.clean_and_explain(result.text)
    if second.text != result.text:
        steps = ",".join(sorted({e.step for e in second.edits}))
        return "idempotency", steps
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--show", type=int, default=10, help="failing documents to print")
    args = ap.parse_args(argv)

    rng = random.Random(args.seed)
    kinds: Counter[str] = Counter()
    steps: Counter[str] = Counter()
    shown = 0
    t0 = time.perf_counter()
    for i in range(args.cases):
        text = hostile_text(rng)
        failure = check(text)
        if failure is None:
            continue
        kind, detail = failure
        kinds[kind] += 1
        if kind == "idempotency":
            steps[detail] += 1
        if shown < args.show:
            shown += 1
            print(f"case {i}: {kind} {detail}\n  input:  {text!r}")
            if kind == "idempotency":
                once = ybtext.clean(text)
                print(f"  once:   {once!r}\n  twice:  {ybtext.clean(once)!r}")
    elapsed = time.perf_counter() - t0
    failed = sum(kinds.values())
    print(f"{args.cases} cases (seed {args.seed}) in {elapsed:.1f} s: {failed} failed"
          + "".join(f", {n} {k}" for k, n in sorted(kinds.items())))
    for s, n in steps.most_common():
        print(f"  second pass edits in step(s) {s}: {n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

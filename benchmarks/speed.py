#!/usr/bin/env python3
"""Throughput of the default pipeline against OpenCC's s2t, per-step speed, scaling and start-up.

    .venv/bin/python benchmarks/speed.py [--mb 4] [--repeat 3] [--profile 25] [--json out.json]

``--profile N`` prints the N hottest functions of the first clean() and of one pass over 0.5 MB
of documents past the corpus (unseen: what new text costs, not a re-run that hits caches).

Text: People's Daily articles (benchmarks/_corpus.py, fetched on demand), consecutive short ones
joined into documents of at least 2,000 characters, spun with ../shared/bench/spin.py and the family-a table (sequential mode), about --mb MB of
UTF-8 in all. Both engines clean the same documents one call per document, in this process;
MB/s are MB of UTF-8 input per CPU second of this process (time.process_time, so other load on
the machine does not skew them), best of --repeat runs, the two engines alternating; the
"unseen documents" line times one pass over text the process has not cleaned before. The
pipeline is whatever steps this checkout has: the script reports on the steps it finds.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

import ybtext  # noqa: E402
from _corpus import SHARED, peoples_daily_articles  # noqa: E402

TARGET_RATIO = 0.5
IMPORT_TARGET_MS = 50
FIRST_CLEAN_TARGET_MS = 300


def spun_corpus(mb: float) -> list[str]:
    spec = importlib.util.spec_from_file_location("bench_spin", SHARED / "bench" / "spin.py")
    spin = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(spin)
    pairs = spin.load_table(str(SHARED / "bench" / "tables" / "family-a.tsv"))
    docs, size, pending = [], 0, []
    for article in peoples_daily_articles():
        pending.append(article)
        if sum(map(len, pending)) < 2000:
            continue
        text = spin.spin("\n".join(pending), pairs, "sequential")
        pending = []
        docs.append(text)
        size += len(text.encode("utf-8"))
        if size >= mb * 1e6:
            break
    return docs


def mbytes(docs: list[str]) -> float:
    return sum(len(d.encode("utf-8")) for d in docs) / 1e6


def best_time(fn, docs: list[str], repeat: int) -> float:
    """Best of ``repeat`` runs, in CPU seconds of this process (robust to other load on the machine)."""
    times = []
    for _ in range(repeat):
        t = time.process_time()
        for d in docs:
            fn(d)
        times.append(time.process_time() - t)
    return min(times)


def unseen(cleaner: ybtext.Cleaner, converter, docs: list[str]) -> tuple[float, float, float, dict[str, float]]:
    """One pass over documents this process has not cleaned yet: (MB, ybtext s, OpenCC s, CPU
    seconds of each step within that pass).

    The first half of the corpus is cleaned first (untimed), so the wordlists are loaded and
    most lazily parsed tables built; the second half is then timed once. The best-of-N figures
    below clean the same documents again, and caches keyed by text (the spin step's context
    windows) then hit; this pass shows what new text costs. Run it before anything else has
    seen the second half. Each step's share is timed inside the pipeline's own calls (a step
    that runs again in a later round counts each time)."""
    half = len(docs) // 2
    for d in docs[:half]:
        cleaner.clean(d)
    rest = docs[half:]
    spent = dict.fromkeys((name for name, _ in cleaner.steps), 0.0)

    def timed(name, fn):
        def run(text, config):
            t = time.process_time()
            try:
                return fn(text, config)
            finally:
                spent[name] += time.process_time() - t
        return run

    steps = cleaner.steps
    cleaner._steps = tuple((name, timed(name, fn)) for name, fn in steps)  # the benchmark's own timers
    try:
        seconds = best_time(cleaner.clean, rest, 1)
    finally:
        cleaner._steps = steps
    return mbytes(rest), seconds, best_time(converter.convert, rest, 1), spent


def per_step(cleaner: ybtext.Cleaner, docs: list[str], repeat: int) -> list[tuple[str, float, int]]:
    """(step, seconds, edits): each step timed alone on the very texts it receives in the pipeline."""
    inputs = {name: [] for name, _ in cleaner.steps}
    edits = dict.fromkeys(inputs, 0)
    for d in docs:
        for name, fn in cleaner.steps:
            inputs[name].append(d)
            result = fn(d, cleaner.config)
            edits[name] += len(result.edits)
            d = result.text
    out = []
    for name, fn in cleaner.steps:
        seconds = best_time(lambda t, fn=fn: fn(t, cleaner.config), inputs[name], repeat)
        out.append((name, seconds, edits[name]))
    return out


def scaling(cleaner: ybtext.Cleaner, docs: list[str], repeat: int) -> dict[str, list[tuple]]:
    """How time grows, in two directions (k = 1, 2, 4, 8); rows are (k, MB, seconds, edits).

    - ``corpus``: the first k/8 of the documents: more documents of the same length.
    - ``length``: the whole corpus as documents of k consecutive documents joined: the same text
      in longer documents. Linear time means constant seconds per MB down each column; a step
      that is quadratic in document length shows up as growing time in ``length``. Document-level
      decisions (spin evidence) may change with length, so the edit count is shown too.
    """
    out: dict[str, list[tuple]] = {"corpus": [], "length": []}
    for k in (1, 2, 4, 8):
        for kind, texts in (("corpus", docs[: len(docs) * k // 8]),
                            ("length", ["\n".join(docs[i:i + k]) for i in range(0, len(docs), k)])):
            seconds = best_time(cleaner.clean, texts, repeat)
            edits = sum(len(cleaner.clean_and_explain(t).edits) for t in texts)
            out[kind].append((k, mbytes(texts), seconds, edits))
    return out


_STARTUP = """
import time
t0 = time.perf_counter()
{imports}
t1 = time.perf_counter()
{first}
t2 = time.perf_counter()
print((t1 - t0) * 1000, (t2 - t1) * 1000)
"""
# The standard-library modules ybtext itself imports: the floor no ybtext change can go below.
_FLOOR = "import dataclasses, typing, functools, importlib"


def startup(sample: str, runs: int, floor: bool = False) -> tuple[list[float], list[float]]:
    """``import ybtext`` and first ``clean()`` in fresh interpreters, in ms (or the stdlib floor).

    Bytecode caching is allowed (as after a normal ``pip install``, which compiles .pyc files),
    and one discarded run writes it first.
    """
    if floor:
        code = _STARTUP.format(imports=_FLOOR, first="pass")
    else:
        code = _STARTUP.format(imports="import ybtext", first=f"ybtext.clean({sample!r})")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    imports, firsts = [], []
    for i in range(runs + 1):
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)
        if proc.returncode:
            raise SystemExit(f"start-up probe failed:\n{proc.stderr}")
        out = proc.stdout.split()
        if i:
            imports.append(float(out[0]))
            firsts.append(float(out[1]))
    return imports, firsts


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def machine_parallelism(jobs: int) -> float:
    """Wall-time speed-up of ``jobs`` processes over one on a pure CPU loop: the most any
    parallel run can get on this machine right now (other load on the cores lowers it)."""
    from concurrent.futures import ProcessPoolExecutor

    n = 5_000_000
    t = time.perf_counter()
    for _ in range(jobs):
        _burn(n)
    one = time.perf_counter() - t
    with ProcessPoolExecutor(jobs) as pool:
        t = time.perf_counter()
        list(pool.map(_burn, [n] * jobs))
        return one / (time.perf_counter() - t)


def profile(cleaner: ybtext.Cleaner, docs: list[str], top: int) -> str:
    prof = cProfile.Profile()
    prof.enable()
    for d in docs:
        cleaner.clean(d)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).strip_dirs().sort_stats("tottime").print_stats(top)
    return buf.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=4.0, help="corpus size in MB of UTF-8 (default 4)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts")
    ap.add_argument("--startup-runs", type=int, default=7)
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="print the N hottest functions")
    ap.add_argument("--jobs", type=int, default=0, metavar="N",
                    help="also measure the wall-time speed-up of parallel_map with N workers over 1")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = ap.parse_args()

    import opencc

    docs = spun_corpus(args.mb)
    size = mbytes(docs)
    chars = sum(map(len, docs))
    print(f"corpus: {len(docs)} documents of spun People's Daily articles, {chars} characters, {size:.2f} MB UTF-8")

    imports, firsts = startup(docs[0], args.startup_runs)
    imp, first = statistics.median(imports), statistics.median(firsts)
    floor = statistics.median(startup(docs[0], args.startup_runs, floor=True)[0])
    print(f"start-up (median of {args.startup_runs} fresh processes): import ybtext {imp:.1f} ms "
          f"(target < {IMPORT_TARGET_MS}; of which the stdlib modules it needs alone take {floor:.1f} ms), "
          f"first clean() {first:.1f} ms (target < {FIRST_CLEAN_TARGET_MS})")

    cleaner = ybtext.Cleaner()
    if args.profile:  # what the first clean() spends its time on (loading and compiling)
        print("first clean() in this process, profiled:")
        print(profile(cleaner, docs[:1], args.profile))
    cleaner.clean(docs[0])  # load wordlists and compile patterns outside the timing
    converter = opencc.OpenCC("s2t")
    converter.convert(docs[0])
    mb_new, t_new, t_cc_new, steps_new = unseen(cleaner, converter, docs)
    t_cc, t_yb = float("inf"), float("inf")
    for _ in range(args.repeat):
        t_cc = min(t_cc, best_time(converter.convert, docs, 1))
        t_yb = min(t_yb, best_time(cleaner.clean, docs, 1))
    ratio = t_cc / t_yb
    print(f"OpenCC s2t:      {size / t_cc:7.2f} MB/s ({t_cc:.3f} s)")
    print(f"ybtext pipeline: {size / t_yb:7.2f} MB/s ({t_yb:.3f} s)")
    print(f"ratio ybtext/OpenCC: {ratio:.2f} (target >= {TARGET_RATIO}) {'OK' if ratio >= TARGET_RATIO else 'BELOW TARGET'}")
    print(f"unseen documents, one pass (second half of the corpus, after the first): ybtext {mb_new / t_new:.2f} MB/s, "
          f"OpenCC {mb_new / t_cc_new:.2f} MB/s, ratio {t_cc_new / t_new:.2f}")
    print("  per step in that pass: " + ", ".join(f"{name} {mb_new / max(s, 1e-9):.1f} MB/s ({s / t_new:.0%})"
                                                  for name, s in steps_new.items()))

    steps = per_step(cleaner, docs, args.repeat)
    print("per step (alone, on the text it receives in the pipeline):")
    for name, seconds, n in steps:
        print(f"  {name:12s} {size / seconds:8.1f} MB/s  {seconds / t_yb:6.1%} of pipeline time  {n} edits")

    grow = scaling(cleaner, docs, args.repeat)
    print("scaling (s/MB relative to k=1; 1.00 = linear):")
    print("  corpus: first k/8 of the documents        length: all text, documents of k joined")
    for (k, mb, sec, n), (_, mb2, sec2, n2) in zip(grow["corpus"], grow["length"]):
        c0, l0 = grow["corpus"][0], grow["length"][0]
        print(f"  k={k}: {mb:5.2f} MB {sec:7.3f} s {(sec / mb) / (c0[2] / c0[1]):5.2f} {n:6d} edits"
              f"    {len(docs) // k:4d} docs {sec2:7.3f} s {(sec2 / mb2) / (l0[2] / l0[1]):5.2f} {n2:6d} edits")

    speedup = None
    if args.jobs:
        from ybtext._parallel import parallel_map

        walls = {}
        for jobs in (1, args.jobs):
            t = time.perf_counter()
            for _ in parallel_map(ybtext.Cleaner(), docs, jobs, chunksize=8):
                pass
            walls[jobs] = time.perf_counter() - t
        speedup = walls[1] / walls[args.jobs]
        print(f"parallel_map wall time: 1 job {walls[1]:.2f} s, {args.jobs} jobs {walls[args.jobs]:.2f} s "
              f"(speed-up {speedup:.2f}, including starting the workers; a pure CPU loop gets "
              f"{machine_parallelism(args.jobs):.2f} on this machine right now)")

    if args.profile:
        # Documents past the corpus, which nothing in this process has seen: the caches keyed by
        # text (context windows, segmentations) do not hit, as on a user's new text.
        fresh = spun_corpus(args.mb + 0.5)[len(docs):]
        print(f"the pipeline on {len(fresh)} documents not seen before ({mbytes(fresh):.2f} MB), profiled "
              "(wordlists already loaded):")
        print(profile(cleaner, fresh, args.profile))
    if args.json:
        args.json.write_text(json.dumps({
            "documents": len(docs), "mb": size, "opencc_mbps": size / t_cc, "ybtext_mbps": size / t_yb,
            "ratio": ratio, "unseen": {"mb": mb_new, "ybtext_mbps": mb_new / t_new, "opencc_mbps": mb_new / t_cc_new,
                       "steps_mbps": {name: mb_new / max(s, 1e-9) for name, s in steps_new.items()}},
            "jobs_speedup": speedup, "import_ms": imp, "stdlib_floor_ms": floor, "first_clean_ms": first,
            "steps": {name: {"mbps": size / s, "edits": n} for name, s, n in steps},
            "scaling": {kind: [{"k": k, "mb": mb, "seconds": s, "edits": n} for k, mb, s, n in rows]
                        for kind, rows in grow.items()},
        }, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

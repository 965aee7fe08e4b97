#!/usr/bin/env python3
"""Wall-time speed-up of ``ybtext clean --jobs N`` over ``--jobs 1`` on a directory of files.

    .venv/bin/python benchmarks/cli_jobs.py [--files 40] [--mb 4] [--jobs 2] [--repeat 3]

Text: the spun People's Daily documents of benchmarks/speed.py (../shared/bench/spin.py, family-a
table), about --mb MB of UTF-8, dealt round-robin into --files files under benchmarks/.cache/.
Each run is the installed command in a fresh process, ``ybtext clean -r DIR -o OUT --jobs N``
(default options: the batch summary is on), so the times include start-up and every process
loading its wordlists, as a user sees them. Runs alternate between 1 and N jobs; best of --repeat.
Right before and after, a pure CPU loop on N processes shows what parallelism the machine offers
at that moment (other jobs on the machine lower it).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from speed import machine_parallelism, spun_corpus  # noqa: E402


def make_files(directory: Path, files: int, mb: float) -> float:
    docs = spun_corpus(mb)
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    parts: list[list[str]] = [[] for _ in range(files)]
    for i, d in enumerate(docs):
        parts[i % files].append(d)
    for i, part in enumerate(parts):
        (directory / f"{i:03d}.txt").write_text("\n\n".join(part) + "\n", encoding="utf-8")
    return sum(p.stat().st_size for p in directory.iterdir()) / 1e6


def run(directory: Path, out: Path, jobs: int) -> tuple[float, float]:
    """Wall seconds and CPU seconds (the command and its workers) of one run."""
    command = [str(Path(sys.executable).with_name("ybtext")), "clean", "-r", str(directory),
               "-o", str(out), "--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=40)
    ap.add_argument("--mb", type=float, default=4.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    cache = HERE / ".cache" / "cli-jobs"
    size = make_files(cache / "in", args.files, args.mb)
    print(f"{args.files} files, {size:.2f} MB; {os.cpu_count()} cores; load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    before = machine_parallelism(args.jobs)
    walls: dict[int, list[float]] = {1: [], args.jobs: []}
    cpus: dict[int, list[float]] = {1: [], args.jobs: []}
    outputs = {}
    for _ in range(args.repeat):
        for jobs in (1, args.jobs):
            out = cache / f"out-{jobs}"
            shutil.rmtree(out, ignore_errors=True)
            wall, cpu = run(cache / "in", out, jobs)
            walls[jobs].append(wall)
            cpus[jobs].append(cpu)
            outputs[jobs] = {p.name: p.read_bytes() for p in out.iterdir()}
    after = machine_parallelism(args.jobs)
    assert outputs[1] == outputs[args.jobs], "--jobs changed the output"
    one, many = min(walls[1]), min(walls[args.jobs])
    print(f"ybtext clean -r: --jobs 1 {one:.2f} s, --jobs {args.jobs} {many:.2f} s (best of {args.repeat}; "
          f"all: {', '.join(f'{w:.2f}' for w in walls[1])} / {', '.join(f'{w:.2f}' for w in walls[args.jobs])})")
    print(f"speed-up {one / many:.2f}; a pure CPU loop on {args.jobs} processes gets {before:.2f} before, "
          f"{after:.2f} after; outputs byte-identical")
    print(f"CPU seconds (command and workers, best): --jobs 1 {min(cpus[1]):.2f}, --jobs {args.jobs} "
          f"{min(cpus[args.jobs]):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

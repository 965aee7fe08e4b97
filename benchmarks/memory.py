#!/usr/bin/env python3
"""Peak memory of the ``ybtext clean`` command on a big text file and a big JSON Lines file.

    .venv/bin/python benchmarks/memory.py [--size-mb 1024] [--dir /tmp] [--keep] [-- EXTRA CLI ARGS]

Writes a --size-mb text file (spun People's Daily articles, repeated, blank-line separated) and
a JSON Lines file of the same size ({"id": n, "text": article}), runs
``ybtext clean FILE -o OUT`` and ``ybtext clean --jsonl FILE -o OUT`` on them as subprocesses,
and reports each one's peak RSS (os.wait4 rusage of that child alone), wall time and MB/s.
Arguments after ``--`` go to both commands (e.g. ``-- --jobs 2``). The files are deleted
afterwards unless --keep. Target: peak RSS < 300 MB whatever the input size (streaming).
Try it quickly with --size-mb 50.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from speed import spun_corpus  # noqa: E402

TARGET_MB = 300


def write_inputs(directory: Path, size_mb: float) -> tuple[Path, Path]:
    docs = spun_corpus(4)
    limit = int(size_mb * 1e6)
    text_path, jsonl_path = directory / "big.txt", directory / "big.jsonl"
    with open(text_path, "wb") as txt, open(jsonl_path, "wb") as jl:
        n = 0
        while txt.tell() < limit or jl.tell() < limit:
            doc = docs[n % len(docs)]
            if txt.tell() < limit:
                txt.write((doc + "\n\n").encode("utf-8"))
            if jl.tell() < limit:
                jl.write((json.dumps({"id": n, "text": doc}, ensure_ascii=False) + "\n").encode("utf-8"))
            n += 1
    return text_path, jsonl_path


def run(argv: list[str]) -> tuple[int, float, float]:
    """(exit code, peak RSS in MB, wall seconds) of one command, measured for that child alone."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, usage.ru_maxrss / 1024, time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=float, default=1024, help="size of each input file (default 1024)")
    ap.add_argument("--dir", type=Path, default=None, help="where to write the files (default: a temp dir)")
    ap.add_argument("--keep", action="store_true", help="keep the generated files")
    ap.add_argument("--ybtext", default=str(Path(sys.executable).with_name("ybtext")),
                    help="the ybtext command (default: the one next to this Python)")
    ap.add_argument("--only", choices=("text", "jsonl"), help="run one of the two commands only")
    ap.add_argument("extra", nargs="*", help="arguments for both commands, after --")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="ybtext-memory-", dir=args.dir))
    try:
        t = time.perf_counter()
        text_path, jsonl_path = write_inputs(work, args.size_mb)
        print(f"inputs: {text_path} {text_path.stat().st_size / 1e6:.0f} MB, "
              f"{jsonl_path} {jsonl_path.stat().st_size / 1e6:.0f} MB ({time.perf_counter() - t:.0f} s to write)")
        failed = False
        for label, source, argv in (
            ("text ", text_path, [args.ybtext, "clean", str(text_path), "-o", str(work / "out.txt")]),
            ("jsonl", jsonl_path, [args.ybtext, "clean", "--jsonl", str(jsonl_path), "-o", str(work / "out.jsonl")]),
        ):
            if args.only and args.only != label.strip():
                continue
            size = source.stat().st_size / 1e6
            argv += args.extra
            code, rss, wall = run(argv)
            ok = code == 0 and rss < TARGET_MB
            failed |= not ok
            print(f"{label}: peak RSS {rss:6.1f} MB (target < {TARGET_MB}), {wall:7.1f} s, "
                  f"{size / wall:5.2f} MB/s, exit {code}  {'OK' if ok else 'FAIL'}")
        return 1 if failed else 0
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())

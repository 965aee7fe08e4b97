#!/usr/bin/env python3
"""Fingerprints of the default pipeline's outputs, to show a speed change changes nothing.

    .venv/bin/python benchmarks/identical.py --save before.json    # on the old code
    .venv/bin/python benchmarks/identical.py --check before.json   # on the new code: exit 1 if any differs

Corpora: the speed corpus (benchmarks/speed.py, 4 MB of spun People's Daily), the first 300
People's Daily articles clean, spun with the family-a table (sequential and single mode) and
with the heavy funnlp table (single mode), 120 articles converted to Traditional (whole or every
third paragraph), and 200 documents with ``spin="force"``. Each set's fingerprint is a SHA-256
of the cleaned texts and of every edit (step, span, before, after, rule, confidence, note) and
notice; ``clean()`` is also checked to equal ``clean_and_explain().text``. About a minute.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import ybtext  # noqa: E402
from _corpus import SHARED, peoples_daily_articles  # noqa: E402
from speed import spun_corpus  # noqa: E402


def corpora() -> dict[str, tuple[list[str], dict]]:
    import opencc

    spec = importlib.util.spec_from_file_location("bench_spin", SHARED / "bench" / "spin.py")
    spin = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(spin)
    family_a = spin.load_table(str(SHARED / "bench" / "tables" / "family-a.tsv"))
    heavy = spin.load_table(str(SHARED / "spin-dicts" / "funnlp_42537.txt"))
    articles = peoples_daily_articles()
    first = articles[:300]
    s2t = opencc.OpenCC("s2t")
    traditional = [s2t.convert(a) for a in articles[300:360]]
    traditional += ["\n".join(s2t.convert(p) if i % 3 == 0 else p for i, p in enumerate(a.split("\n")))
                    for a in articles[360:420]]
    spun = [spin.spin(a, family_a, "sequential") for a in first]
    return {
        "speed-corpus": (spun_corpus(4), {}),
        "pd300-clean": (first, {}),
        "pd300-family-a-sequential": (spun, {}),
        "pd300-family-a-single": ([spin.spin(a, family_a, "single") for a in first], {}),
        "pd300-heavy-single": ([spin.spin(a, heavy, "single") for a in first], {}),
        "pd120-traditional": (traditional, {}),
        "pd200-spin-force": (spun[:100] + first[:100], {"spin": "force"}),
    }


def fingerprint(docs: list[str], options: dict) -> str:
    h = hashlib.sha256()
    for d in docs:
        r = ybtext.clean_and_explain(d, **options)
        if ybtext.clean(d, **options) != r.text:
            raise SystemExit("clean() differs from clean_and_explain().text")
        h.update(r.text.encode("utf-8") + b"\0")
        for e in r.edits:
            h.update(repr((e.step, e.start, e.end, e.before, e.after, e.rule, e.confidence, e.note)).encode("utf-8"))
        for n in r.notices:
            h.update(repr(n).encode("utf-8"))
        h.update(b"\1")
    return h.hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the fingerprints to this JSON file")
    group.add_argument("--check", type=Path, help="compare with the fingerprints in this JSON file")
    args = ap.parse_args()
    got = {}
    for name, (docs, options) in corpora().items():
        got[name] = fingerprint(docs, options)
        print(f"{name:28s} {len(docs):4d} documents  {got[name][:16]}", flush=True)
    if args.save:
        args.save.write_text(json.dumps(got, indent=1) + "\n", encoding="utf-8")
        return 0
    want = json.loads(args.check.read_text(encoding="utf-8"))
    differ = [k for k in want if want[k] != got.get(k)]
    print("identical" if not differ else f"DIFFERENT: {', '.join(differ)}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""Boilerplate benchmark: wrap clean People's Daily articles in site furniture and measure what the
boilerplate, layout and punctuation steps leave and lose.

    python benchmarks/boilerplate_bench.py [--docs N] [--seed S] [--json [OUT]]
    python benchmarks/boilerplate_bench.py --corpus policy --pipeline   # law text, every step on

The wrapped documents are People's Daily articles of 200+ characters, or with ``--corpus policy``
the seven policy and law texts of chuance-policy-mcp-runtime (another domain). ``--pipeline`` runs
the whole default pipeline (script, spin and ocr as well) instead of the three layout steps, so
that "body lost" counts every change any step makes to the author's text (the spin step's 依照 ->
按照 in a law that uses 依照 throughout would show there).

Variants (each run with catalogued templates on, then with the generic rules alone):
- ``catalog``: furniture of the sites in ../shared/samples/boilerplate-catalog.md (header, page
  furniture every few paragraphs, watermarks injected inside paragraphs, footer), written here from
  the catalogue's examples with fresh variable parts (titles, numbers, names, dates);
- ``unseen``: furniture of invented sites that are NOT in the catalogue (other names, other
  wording), to show that the generic rules generalize;
- ``page``: page furniture placed by position (_furniture.PAGE_SITES): tag rows and template
  fields under a title, the title repeated, login boxes, content-farm meta lines, WeChat lines, a
  bracketed disclaimer glued to the first paragraph, stamps and spaces inside sentences, preview-chunk
  numbers that cut words, blank runs;
- ``clean``: the articles unwrapped; every change other than punctuation width is a false edit.

Figures (texts compared after ../shared/bench/score.py's fold: NFKC, no whitespace, quote variants):
- body lost per 10k: body characters deleted or changed, per 10,000 body characters;
- furniture left: share of the inserted furniture characters still in the output;
- clean false edits per 10k: score.py's false_edits_per_10k on the unwrapped articles;
- with ``--pipeline``, word edits per 10k: the edits of the steps that change words (spin, ocr) per
  10,000 body characters, and their count by step.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _corpus  # noqa: E402
import _furniture  # noqa: E402

sys.path.insert(0, str(_corpus.SHARED / "bench"))
import score as yardstick  # noqa: E402  (../shared/bench/score.py)

import ybtext  # noqa: E402
from ybtext import boilerplate  # noqa: E402

OPTIONS: dict = dict(script=None, spin="off", ocr=False)  # boilerplate, layout, punctuation only
#: the steps that change words (with --pipeline): their edits per 10k body characters are reported
#: (the script step is left out: it converts the Traditional-script furniture of some sites)
WORD_STEPS = ("spin", "ocr")


def measure(pairs: list[tuple[str, str, int]]) -> dict:
    """pairs: (wrapped, body, furniture_chars). Returns the figures for one variant (``OPTIONS``)."""
    body_chars = lost = left = furniture = 0
    t = time.perf_counter()
    words: dict[str, int] = {}
    for wrapped, body, furn in pairs:
        result = ybtext.clean_and_explain(wrapped, **OPTIONS)
        out = result.text
        for e in result.edits:
            if e.step in WORD_STEPS:
                words[e.step] = words.get(e.step, 0) + 1
        b, o = yardstick.fold(body), yardstick.fold(out)
        body_chars += len(b)
        furniture += furn
        for op in Levenshtein.opcodes(b, o):
            if op.tag in ("delete", "replace"):
                lost += op.src_end - op.src_start
            if op.tag in ("insert", "replace"):
                left += op.dest_end - op.dest_start
    secs = time.perf_counter() - t
    return {"docs": len(pairs), "body_chars": body_chars, "furniture_chars": furniture,
            "body_lost": lost, "body_lost_per_10k": round(lost * 10000 / max(body_chars, 1), 3),
            "furniture_left": left, "furniture_left_pct": round(100 * left / max(furniture, 1), 2),
            "word_edits": words, "word_edits_per_10k": round(sum(words.values()) * 10000 / max(body_chars, 1), 3),
            "seconds": round(secs, 2)}


def clean_false_edits(docs: list[str]) -> dict:
    c = yardstick.Counter()
    for d in docs:
        c.update(yardstick.tally(d, d, ybtext.clean(d, **OPTIONS)))
    return yardstick.summarize(c)


def examples(pairs, limit: int = 5) -> list[str]:
    """A few leftover or lost snippets, for reading."""
    out = []
    for wrapped, body, _ in pairs:
        o = yardstick.fold(ybtext.clean(wrapped, **OPTIONS))
        b = yardstick.fold(body)
        for op in Levenshtein.opcodes(b, o):
            if op.tag != "equal":
                out.append(f"{op.tag}: body[{b[op.src_start:op.src_end][:40]}] out[{o[op.dest_start:op.dest_end][:60]}]")
                if len(out) >= limit:
                    return out
    return out


def speed(articles: list[str], repeat: int = 5) -> dict:
    """MB/s (UTF-8) of each of the three steps on clean text: the corpus as one text, and article by article."""
    import importlib

    config = ybtext.Config()
    whole = "\n".join(articles)
    mb = len(whole.encode("utf-8")) / 1e6
    out = {}
    for name in ("boilerplate", "layout", "punctuation"):
        fn = importlib.import_module(f"ybtext.{name}").step
        fn(articles[0], config)  # load wordlists, compile patterns
        best_whole = best_docs = float("inf")
        for _ in range(repeat):  # CPU time of this process: other load on the machine does not count
            t = time.process_time()
            fn(whole, config)
            best_whole = min(best_whole, time.process_time() - t)
            t = time.process_time()
            for a in articles:
                fn(a, config)
            best_docs = min(best_docs, time.process_time() - t)
        out[name] = {"whole_MBps": round(mb / best_whole, 1), "per_article_MBps": round(mb / best_docs, 1)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000, help="articles per variant (default 2000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", nargs="?", const="-", metavar="OUT",
                    help="print the report as JSON (to the file OUT if given)")
    ap.add_argument("--show", type=int, default=0, help="print N leftover/lost snippets per variant")
    ap.add_argument("--speed", action="store_true", help="only measure MB/s of each step on all clean articles")
    ap.add_argument("--corpus", choices=("peoples-daily", "policy"), default="peoples-daily",
                    help="wrap People's Daily articles (default) or the seven policy and law texts")
    ap.add_argument("--pipeline", action="store_true",
                    help="run the whole default pipeline (spin and ocr included), not only the layout steps")
    args = ap.parse_args(argv)
    global OPTIONS
    if args.pipeline:
        OPTIONS = {}
    if args.speed:
        articles = _corpus.peoples_daily_articles()
        print(json.dumps(speed(articles), indent=1))
        return 0
    if args.corpus == "policy":
        articles = _corpus.policy_texts()[:args.docs]
    else:
        articles = [a for a in _corpus.peoples_daily_articles() if len(a) >= 200][:args.docs]
    rng = random.Random(args.seed)
    variants = {
        "catalog": [_furniture.wrap(a, rng, _furniture.CATALOG_SITES) for a in articles],
        "unseen": [_furniture.wrap(a, rng, _furniture.UNSEEN_SITES) for a in articles],
        "page": [_furniture.wrap_page(a, rng) for a in articles],
    }
    report: dict = {}
    for templates_on in (True, False):
        boilerplate._USE_TEMPLATES = templates_on
        mode = "templates+generic" if templates_on else "generic-only"
        for name, pairs in variants.items():
            report[f"{name}/{mode}"] = measure(pairs)
            if args.show:
                report[f"{name}/{mode}"]["examples"] = examples(pairs, args.show)
        report[f"clean/{mode}"] = clean_false_edits(articles)
    boilerplate._USE_TEMPLATES = True
    if args.json:
        text = json.dumps(report, ensure_ascii=False, indent=1)
        if args.json == "-":
            print(text)
        else:
            Path(args.json).write_text(text + "\n", encoding="utf-8")
        return 0
    print(f"{'variant':34s} {'docs':>5s} {'body lost/10k':>14s} {'furniture left':>15s}")
    for key, r in report.items():
        if key.startswith("clean"):
            print(f"{key:34s} {r['docs']:5d} {'false edits/10k: ' + str(r.get('false_edits_per_10k')):>30s}")
        else:
            print(f"{key:34s} {r['docs']:5d} {r['body_lost_per_10k']:14.3f} {r['furniture_left_pct']:14.2f}%"
                  + (f"   word edits/10k {r['word_edits_per_10k']} {r['word_edits']}" if args.pipeline else ""))
        for ex in r.get("examples", []):
            print("    " + ex)
    return 0


if __name__ == "__main__":
    sys.exit(main())

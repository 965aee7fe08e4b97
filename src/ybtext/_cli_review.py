"""``ybtext review`` (an HTML report of what cleaning did) and ``ybtext detect`` (triage lines).

``register(subparsers)`` adds both subcommands; each sets ``handler`` (``handler(args) -> int``).
Expected errors print one line ``ybtext: error: ...`` on stderr and return 2. Inputs are read
with the command's own readers (``_io.Source``: encoding detection, ``--encoding``, JSON Lines).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Literal

from . import _io
from ._edits import Cleaned
from .cli import BROKEN_PIPE, add_cleaning_options, add_document_options, count_type, documents, make_cleaner, silence_stdout
from .errors import YbtextError
from ._result import document_result
from .report import Triage, html, triage

__all__ = ["register"]

DETECT_EPILOG = """\
output (one line per document, tab-separated; the first column is the file, so `cut -f1` gives names):
  FILE  score=S  family=F  spun=yes|no  boilerplate=B  damage=D  pairs=SPUN→ORIGINAL(n_spun/n_original),...
  S is the spin score in [0, 1]; B the share of characters the boilerplate step removed;
  D the share of the original's characters that cleaning changes or removes (all steps).

examples:
  ybtext detect docs/*.txt --min-score            # only documents the detector calls spun
  ybtext detect docs/*.txt --min-score 0.5 | cut -f1 | xargs -d '\\n' ybtext clean --in-place
  ybtext detect --jsonl corpus.jsonl --field text --format json > triage.jsonl   # docs/json-schema.md
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "review", help="write an HTML report of what cleaning changes, original and cleaned side by side",
        description="Clean the documents and write one self-contained HTML page (no network needed) "
                    "showing every edit in its step's colour.",
        epilog="examples:\n  ybtext review sample.txt -o report.html\n  ybtext review -r scraped/ -o batch.html\n"
               "  ybtext review --jsonl corpus.jsonl -o batch.html",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    _inputs(p, "review")
    p.add_argument("-o", "--output", metavar="OUT", help="write the report here (default: stdout)")
    p.add_argument("--title", default="ybtext review", help="page title")
    p.set_defaults(handler=run_review)

    p = subparsers.add_parser(
        "detect", help="one triage line per document: spin score, family, evidence, boilerplate share, damage",
        description="Measure how damaged each document is (spin detection plus a cleaning run).",
        epilog=DETECT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    _inputs(p, "detect")
    p.add_argument("--min-score", nargs="?", const="auto", type=_min_score, metavar="X",
                   help="print only documents with spin score >= X; without X (or 'auto'), those the "
                        "detector calls spun (its own threshold)")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text (tab-separated) or json (one JSON object per line)")
    p.add_argument("--top", type=count_type, default=3, metavar="N",
                   help="evidence pairs shown per document (default 3)")
    p.set_defaults(handler=run_detect)


def _inputs(p: argparse.ArgumentParser, verb: str) -> None:
    add_document_options(p, verb)
    add_cleaning_options(p)


def _min_score(value: str) -> str | float:
    if value == "auto":
        return value
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {value!r}") from None
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a number in [0, 1] or auto, got {value!r}")
    return x


# ---- review ----

def run_review(args: argparse.Namespace) -> int:
    try:
        cleaner = make_cleaner(args)
        docs = [(d.where, d.text, cleaner.clean_and_explain(d.text)) for d in documents(args)]
        page = html(docs, title=args.title).encode("utf-8")
        if args.output and args.output != "-":
            with _io.Transaction() as tx:  # a temporary file renamed into place: never half a page
                tx.file(args.output).write(page)
        else:
            sys.stdout.buffer.write(page)
            sys.stdout.buffer.flush()
    except YbtextError as err:
        return _fail(err)
    return 0


# ---- detect ----

def run_detect(args: argparse.Namespace) -> int:
    out = sys.stdout.buffer
    try:
        cleaner = make_cleaner(args)
        for d in documents(args):
            cleaned = cleaner.clean_and_explain(d.text)
            t = triage(d.text, cleaned)
            if not _selected(t, args.min_score):
                continue
            name = d.source if args.format == "json" else d.where
            line = detect_line(name, t, args.format, args.top, cleaned=cleaned, index=d.index)
            out.write((line + "\n").encode("utf-8"))
            out.flush()
    except YbtextError as err:
        return _fail(err)
    except BrokenPipeError:  # `ybtext detect ... | head`: the reader has what it wanted
        silence_stdout()
        return BROKEN_PIPE
    return 0


def _selected(t: Triage, min_score: Literal["auto"] | float | None) -> bool:
    if min_score is None:
        return True
    if min_score == "auto":
        return t.spin.spun
    return t.spin.score >= min_score


def detect_line(name: str, t: Triage, fmt: str = "text", top: int = 3, *, cleaned: Cleaned | None = None,
                index: int = 1) -> str:
    """One output line of ``ybtext detect`` for a triaged document: tab-separated text, or the
    document's JSON result (docs/json-schema.md; ``cleaned`` is then required)."""
    pairs = sorted(t.spin.pairs, key=lambda p: (-p.weight, -p.spun_count, p.original))[:top]
    if fmt == "json":
        assert cleaned is not None, "the JSON format needs the cleaned result"
        return json.dumps(document_result(name, index, cleaned, t, top=top), ensure_ascii=False)
    shown = ",".join(f"{p.spun}→{p.original}({p.spun_count}/{p.original_count})" for p in pairs) or "-"
    safe = name.replace("\t", " ").replace("\n", " ")
    return (f"{safe}\tscore={t.spin.score:.3f}\tfamily={t.spin.family or '-'}\tspun={'yes' if t.spin.spun else 'no'}"
            f"\tboilerplate={t.boilerplate_share:.3f}\tdamage={t.damage:.3f}\tpairs={shown}")


def _fail(err: Exception) -> int:
    print(f"ybtext: error: {err}", file=sys.stderr)
    return 2

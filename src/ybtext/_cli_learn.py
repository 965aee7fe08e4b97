"""``ybtext learn``: infer a site's spinner table from a corpus of its pages (``ybtext.learn``).

``register(subparsers)`` adds the subcommand. The documents are named as for ``clean`` (FILE
arguments, -r DIR, --jsonl --field F) and read as a stream, by ``-j N`` worker processes as for
``clean`` (``learn.learner``: the same table whatever N); the table goes to ``-o TABLE.tsv``
(written atomically) or stdout.
"""

from __future__ import annotations

import argparse
import sys

from . import _io
from .cli import _jobs, add_document_options, documents

__all__ = ["register"]

EPILOG = """\
output: a ybtext wordlist ('ybtext wordlists lint' passes it), one learned pair per line, by
confidence (highest first): rank, spun, original, confidence, spun_count, original_count,
documents, margin (mean log10 margin of the context model for the original), tables (public
spinner tables listing the pair). Its header says '# Tier: learned': 'clean --wordlist TABLE.tsv'
judges each occurrence of its pairs (those of confidence >= 0.9) in context.

examples:
  ybtext learn -r site/ -o site-spin.tsv
  ybtext learn -j 0 -r site/ -o site-spin.tsv      # on every core
  ybtext learn --jsonl --field body pages.jsonl -o site-spin.tsv
  ybtext clean --wordlist site-spin.tsv -r site/ -o cleaned/
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "learn", help="learn a site's spinner table from a corpus of its pages",
        description="Read a corpus of one site's pages and write the spinner table it shows: pairs whose "
                    "original (nearly) never stands while the spun form does, where the context model "
                    "prefers the original.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_document_options(p, "learn from")
    p.add_argument("-o", "--output", metavar="TABLE.tsv", help="write the table here (default: stdout)")
    g = p.add_argument_group("batch runs")
    g.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                   help="learn with N worker processes, the same table (default: 1; 0: all cores)")
    p.set_defaults(handler=run_learn)


def run_learn(args: argparse.Namespace) -> int:
    from .learn import learner

    table = learner((doc.text for doc in documents(args, note=True)), args.jobs).table()
    if args.output:
        table.write(args.output)
    else:
        with _io.Transaction() as tx:
            tx.stdout().write(table.tsv().encode("utf-8"))
    sys.stderr.write(f"ybtext: learned {len(table.pairs)} pair(s) ({len(table.applied())} applied by clean) "
                     f"from {table.documents} document(s)\n")
    return 0

"""The ``ybtext`` command (minimal for now; see issue 2 for the full contract)."""

from __future__ import annotations

import argparse
import sys

from . import __version__
from ._pipeline import Cleaner


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ybtext", description="Clean damaged Chinese documents.")
    parser.add_argument("--version", action="version", version=f"ybtext {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("clean", help="clean files (or stdin) to stdout")
    p.add_argument("files", nargs="*")
    args = parser.parse_args(argv)
    cleaner = Cleaner()
    for name in args.files or ["-"]:
        data = sys.stdin.buffer.read() if name == "-" else open(name, "rb").read()
        sys.stdout.buffer.write(cleaner.clean(data.decode("utf-8")).encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""Derive wordlists/boilerplate-common-chars.tsv: the Han characters common in ordinary Chinese text.

    python tools/derive_common_chars.py [TOP] [--check]      (default TOP = 4500)

``--check`` rederives into a temporary directory and compares with wordlists/ (tools/_derive.py).

Characters are ranked by the summed frequency of the jieba 0.42.1 dictionary words they occur in
(jieba/dict.txt, MIT); the TOP most frequent are kept, plus their Traditional forms (OpenCC s2t,
s2tw, s2hk) so that Traditional documents are not mistaken for noise. The boilerplate step treats
long runs of characters *outside* this set as noise watermarks (catalog entry 43).
The jieba sdist is fetched with pip into benchmarks/.cache (nothing is downloaded at run time).
OpenCC is ybtext's own dependency and not pinned here: a release that changes its tables would show
as a difference in ``--check``.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tarfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _derive  # noqa: E402

NAME = "boilerplate-common-chars.tsv"


def jieba_dict() -> str:
    with tarfile.open(_derive.pypi("jieba", "0.42.1")) as tar:
        return tar.extractfile("jieba-0.42.1/jieba/dict.txt").read().decode("utf-8")


def derive(out: Path, top: int = 4500) -> None:
    """Write boilerplate-common-chars.tsv into the directory ``out``."""
    import opencc

    freq: collections.Counter[str] = collections.Counter()
    for line in jieba_dict().splitlines():
        word, count, *_ = line.split()
        for ch in word:
            if "\u4e00" <= ch <= "\u9fff":
                freq[ch] += int(count)
    ranked = [ch for ch, _ in freq.most_common(top)]
    rank = {ch: k + 1 for k, ch in enumerate(ranked)}
    source = {ch: "jieba" for ch in ranked}
    for cfg in ("s2t", "s2tw", "s2hk"):
        conv = opencc.OpenCC(cfg)
        for ch in ranked:
            for t in conv.convert(ch):
                if "\u4e00" <= t <= "\u9fff" and t not in source:
                    source[t] = f"jieba+opencc-{cfg}"
                    rank[t] = rank[ch]
    header = [
        "# File: boilerplate-common-chars.tsv",
        "# Format: one Han character a line with its frequency rank (Traditional forms: the rank of their Simplified form); long runs of characters outside this set, or of rank above 3000 and Traditional forms, are noise watermarks",
        f"# Source: the {top} most frequent characters of jieba 0.42.1 dict.txt (summed word frequency), "
        "plus their OpenCC s2t/s2tw/s2hk forms; derived by tools/derive_common_chars.py",
        "# License: jieba is MIT; character frequencies are facts; list compiled by the ybtext team, MIT",
        "# Columns: char rank source",
    ]
    lines = sorted(f"{ch}\t{rank[ch]}\t{src}" for ch, src in source.items())
    (out / NAME).write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{NAME}: {len(lines)} entries")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("top", type=int, nargs="?", default=4500, help="how many characters of jieba to keep")
    _derive.add_check(ap)
    args = ap.parse_args(argv)
    return _derive.run("derive_common_chars", (NAME,), lambda out: derive(out, args.top), args.check)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Derive wordlists/boilerplate-common-chars.tsv: the Han characters common in ordinary Chinese text.

    python tools/derive_common_chars.py [TOP]        (default TOP = 4500)

Characters are ranked by the summed frequency of the jieba 0.42.1 dictionary words they occur in
(jieba/dict.txt, MIT); the TOP most frequent are kept, plus their Traditional forms (OpenCC s2t,
s2tw, s2hk) so that Traditional documents are not mistaken for noise. The boilerplate step treats
long runs of characters *outside* this set as noise watermarks (catalog entry 43).
The jieba sdist is fetched with pip into benchmarks/.cache (nothing is downloaded at run time).
"""

from __future__ import annotations

import collections
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "benchmarks" / ".cache"
OUT = ROOT / "wordlists" / "boilerplate-common-chars.tsv"


def jieba_dict() -> str:
    sdist = CACHE / "jieba-0.42.1.tar.gz"
    if not sdist.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
                        "jieba==0.42.1", "-d", str(CACHE)], check=True)
    with tarfile.open(sdist) as tar:
        return tar.extractfile("jieba-0.42.1/jieba/dict.txt").read().decode("utf-8")


def main(top: int = 4500) -> None:
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
    OUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(lines)} entries")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 4500)

#!/usr/bin/env python3
"""Derive wordlists/ocr-char-frequency.tsv: how common each confusable character is in running text.

    python tools/derive_ocr_char_frequency.py [--check]

``--check`` rederives into a temporary directory and compares with wordlists/ (tools/_derive.py).

Input: the shipped word trigram model (src/ybtext/_model/zh_CN.lm, fcitx5, LGPL-2.1-or-later) and
the committed wordlists/ocr-confusions.tsv (as ybtext loads it). A character's frequency is the sum, over the model's words, of the
word's unigram probability times the number of times the character occurs in it (log10, two
decimals): the share of running text that is this character, as the model sees it. Computing it
takes a second of KenLM calls, so it is derived once here rather than at every start.

The ``ocr`` step's context stage scans only for characters rarer than its ``SCAN_BELOW``: the prior
that a common character (的, 国, 在) is a slip for another is too small for any context to
overturn, and those characters are most of running text.
"""

from __future__ import annotations

import collections
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _derive  # noqa: E402
from derive_ocr_lists import header, write, writing_into  # noqa: E402

from ybtext._context_model import model  # noqa: E402
from ybtext._ocr_context import confusions  # noqa: E402

DERIVED = ("ocr-char-frequency.tsv",)


def main() -> None:
    m = model()
    freq: dict[str, float] = collections.defaultdict(float)
    for w in m.vocabulary():
        p = 10 ** m.unigram(w)
        for ch in w:
            freq[ch] += p
    conf = confusions()
    chars = set(conf) | {r for opts in conf.values() for r, _ in opts}
    rows = [f"{c}\t{math.log10(freq[c]):.2f}" for c in sorted(chars) if freq.get(c)]
    head = header("ocr-char-frequency.tsv",
                  "a character of ocr-confusions.tsv and its frequency in running text (log10 of the "
                  "summed unigram probability of the model words it occurs in); the ocr step's context "
                  "stage scans only for the rarer characters",
                  "the fcitx5 word trigram model (src/ybtext/_model/zh_CN.lm, libime-data-language-model "
                  "1.0.16-1); derived by tools/derive_ocr_char_frequency.py",
                  "LGPL-2.1-or-later (the model); derived list MIT",
                  "char log10_frequency")
    write("ocr-char-frequency.tsv", head, rows)


def derive(out: Path) -> None:
    with writing_into(out):
        main()


def cli(argv: list[str] | None = None) -> int:
    return _derive.cli("derive_ocr_char_frequency", __doc__, DERIVED, derive, argv)


if __name__ == "__main__":
    sys.exit(cli())

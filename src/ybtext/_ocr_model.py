"""The data behind the ``ocr`` step: a word-cost lexicon, the typo forms, and a local segmenter.

Both lists are large (tens of thousands of lines), so they are read with a fast path instead of
:func:`ybtext._wordlists.load` (which builds an Entry per line): the same file format, the same
header, one ``str.split`` per line. The tests lint both files with the ordinary linter.
"""

from __future__ import annotations

import functools
import importlib.resources
import re

from .errors import WordlistError

__all__ = ["Lexicon", "Typos", "shipped_rows", "lexicon", "typos", "surnames", "scanner", "segment", "HAN"]

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
UNKNOWN_COST = 0          # 10*log10(count) of a character the lexicon does not know
MAX_WORD = 4


def shipped_rows(name: str, columns: int) -> tuple[list[list[str]], int]:
    """Entry fields of a shipped wordlist, and the line number of its first entry."""
    resource = importlib.resources.files("ybtext.wordlists") / name
    try:
        text = resource.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise WordlistError(name, None, f"cannot read shipped wordlist: {err}") from err
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    first = 0
    while first < len(lines) and lines[first].startswith("#"):
        first += 1
    rows = [line.split("\t") for line in lines[first:]]
    for k, row in enumerate(rows):
        if len(row) != columns:
            raise WordlistError(name, first + k + 1, f"{len(row)} fields, expected {columns}")
    return rows, first + 1


class Lexicon:
    """word -> cost (10*log10 of its web count; higher is more frequent), parsed per first character.

    ``ocr-lexicon.tsv`` has one line per first character; a bucket is parsed the first time a
    text asks for one of its words, so loading costs one ``split`` per line.
    """

    __slots__ = ("_raw", "_parsed")

    def __init__(self, raw: dict[str, str]) -> None:
        self._raw = raw
        self._parsed: dict[str, dict[str, int]] = {}

    def bucket(self, first: str) -> dict[str, int]:
        got = self._parsed.get(first)
        if got is None:
            got = {}
            for item in self._raw.get(first, "").split():
                word, _, cost = item.rpartition(":")
                got[word] = int(cost)
            self._parsed[first] = got
        return got

    def get(self, word: str) -> int | None:
        return self.bucket(word[0]).get(word)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    rows, first = shipped_rows("ocr-lexicon.tsv", 2)
    return Lexicon({k: v for k, v in rows})


class Typos:
    """wrong character -> {typo form: (correct word, index of the wrong character, kind, rule)}.

    ``forms(x)`` also returns the set of two-character neighbourhoods (``"?x"`` and ``"x?"``) that
    some form of ``x`` has, a cheap test before the full lookups.
    """

    __slots__ = ("_raw", "_parsed", "wrong")

    def __init__(self, raw: dict[str, list[tuple[str, str, str, str]]]) -> None:
        self._raw = raw
        self._parsed: dict[str, tuple[dict[str, tuple[str, int, str, str]], frozenset[str]]] = {}
        self.wrong = "".join(sorted(raw))

    def forms(self, wrong: str) -> tuple[dict[str, tuple[str, int, str, str]], frozenset[str]]:
        got = self._parsed.get(wrong)
        if got is None:
            table: dict[str, tuple[str, int, str, str]] = {}
            pairs: set[str] = set()
            for right, kind, rule, forms in self._raw.get(wrong, ()):
                for form in forms.split():
                    i = form.find(wrong)
                    table[form] = (form[:i] + right + form[i + 1:], i, kind, rule)
                    if i > 0:
                        pairs.add(form[i - 1:i + 1])
                    if i + 1 < len(form):
                        pairs.add(form[i:i + 2])
            got = self._parsed[wrong] = (table, frozenset(pairs))
        return got


@functools.lru_cache(maxsize=1)
def typos() -> Typos:
    rows, first = shipped_rows("ocr-typos.tsv", 4)
    raw: dict[str, list[tuple[str, str, str, str]]] = {}
    for k, (wrong, right, kind, forms) in enumerate(rows):
        if len(wrong) != 1 or len(right) != 1:
            raise WordlistError("ocr-typos.tsv", first + k, "wrong and right must be single characters")
        raw.setdefault(wrong, []).append((right, kind, f"ocr-typos.tsv:{first + k}", forms))
    return Typos(raw)


@functools.lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    rows, _ = shipped_rows("ocr-surnames.tsv", 2)
    return frozenset(r[0] for r in rows)


@functools.lru_cache(maxsize=1)
def scanner() -> re.Pattern[str]:
    """A character class of every wrong character some typo form has: the step's cheap scan."""
    return re.compile("[" + typos().wrong + "]")


def segment(s: str, lex: Lexicon) -> tuple[int, list[int]]:
    """Best segmentation of ``s`` under a unigram word model: (score, word end offsets).

    The score sums (cost - 100) over the words, so each word pays a fixed penalty and one frequent
    word beats two characters. Used on windows of a dozen characters around a candidate only.
    """
    n = len(s)
    best = [0] + [-10**9] * n
    back = [0] * (n + 1)
    for end in range(1, n + 1):
        b, arg = -10**9, end - 1
        for start in range(max(0, end - MAX_WORD), end):
            cost = lex.get(s[start:end])
            if cost is None:
                if end - start > 1:
                    continue
                cost = UNKNOWN_COST
            v = best[start] + cost - 100
            if v > b:
                b, arg = v, start
        best[end], back[end] = b, arg
    ends = []
    k = n
    while k > 0:
        ends.append(k)
        k = back[k]
    return best[n], ends[::-1]

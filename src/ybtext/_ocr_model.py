"""The data behind the ``ocr`` step: a word-cost lexicon, the typo forms, and a local segmenter.

Both lists are large (one entry a line: 541,277 words, 222,601 typo forms), so they are read as
:class:`ybtext._wordlists.SortedLines` instead of :func:`ybtext._wordlists.load` (which builds an
Entry per line): the file is searched in its raw bytes, and only the lines of the characters a text
uses are parsed. The same file format, the same header; the tests lint both files with the ordinary
linter.
"""

from __future__ import annotations

import functools
import re
from itertools import repeat
from operator import itemgetter

from ._chars import HAN
from ._wordlists import _RUNS, SortedLines, shipped_rows
from .errors import WordlistError

__all__ = ["Lexicon", "Typos", "Wrong", "SHAPES", "lexicon", "typos", "surnames", "scanner", "segment", "HAN"]

UNKNOWN_COST = 0          # 10*log10(count) of a character the lexicon does not know
MAX_WORD = 4
#: parsed words kept at most (then every parsed bucket is dropped and parsed again on demand):
#: all of ocr-lexicon.tsv parsed holds about 59 MB, and a long stream of varied text reaches
#: nearly every first character; parsing all of it takes about 0.7 s. (The typo forms are not
#: bounded: the step's scan meets nearly every wrong character in a few MB of text, so a bound
#: below the whole list, 43 MB parsed, only makes it parse them again and again.)
LEXICON_CACHE = 400_000


class Lexicon:
    """word -> cost (10*log10 of its web count; higher is more frequent), parsed per first character.

    ``ocr-lexicon.tsv`` has one ``word<TAB>cost`` a line, sorted, so the words of a first character
    are adjacent; that bucket is found by binary search, decoded and parsed the first time a text
    asks for one of its words, so loading costs nothing per line.
    """

    __slots__ = ("_raw", "_parsed", "_size")

    def __init__(self, raw: SortedLines) -> None:
        self._raw = raw
        self._parsed: dict[str, dict[str, int]] = {}
        self._size = 0  # words parsed and kept (at most LEXICON_CACHE, then all are dropped)

    def bucket(self, first: str) -> dict[str, int]:
        got = self._parsed.get(first)
        if got is None:
            if self._size > LEXICON_CACHE:
                self._parsed.clear()
                self._size = 0
            offset, lines = self._raw.lines(first)
            cells = lines.replace("\n", "\t").split("\t")   # word, cost, word, cost, ..., ""
            try:
                if len(cells) != 2 * lines.count("\n") + 1:
                    raise ValueError("expected: word, cost")
                got = dict(zip(cells[0:-1:2], map(int, cells[1::2])))
            except ValueError as err:
                raise WordlistError(self._raw.name, self._raw.line(offset),
                                    f"bad entry among the words of {first!r}: {err}") from err
            self._parsed[first] = got
            self._size += len(got)
        return got

    def get(self, word: str) -> int | None:
        return self.bucket(word[0]).get(word)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon(SortedLines("ocr-lexicon.tsv"))


class Typos:
    """wrong character -> {typo form: index of its (right character, kind) among that character's}.

    ``ocr-typos.tsv`` has one ``wrong<TAB>right<TAB>kind<TAB>form`` a line, sorted, so the forms of
    a wrong character are adjacent and found by binary search. ``forms(x)`` also returns the set of
    two-character neighbourhoods (``"?x"`` and ``"x?"``) that some form of ``x`` has, a cheap test
    before the full lookups. A form's row gives the right character and the kind (``rows``); the
    correct word is made only when a form is found in a text (:meth:`correction`), the rule (the
    form's line) only when it becomes an edit (:meth:`rule`), so a parsed character costs one dict
    entry per form: a long text touches
    nearly every wrong character, and a tuple and a corrected word per form held 75 MB once all
    were parsed.

    The step itself does not parse: :meth:`meet` keeps the raw lines of a wrong character with
    the sets of its neighbours in its forms (:class:`Wrong`), and a form's line is found in the
    raw lines (a dict is made only for a character looked up more than PARSE_AFTER times). A
    worker of ``clean --jobs`` met ~87% of the wrong characters and spent ~0.4 s of its warm-up
    parsing their forms (issue 20). :meth:`forms` stays the reference parse the tests compare with.
    """

    __slots__ = ("_raw", "parsed", "rows", "shapes", "met", "_spans")

    def __init__(self, raw: SortedLines) -> None:
        self._raw = raw
        #: wrong character -> (forms, pairs), filled by :meth:`forms` (the reference parse)
        self.parsed: dict[str, tuple[dict[str, int], frozenset[str]]] = {}
        #: wrong character -> the (right character, kind) of its lines, in file order
        self.rows: dict[str, tuple[tuple[str, str], ...]] = {}
        #: wrong character -> the (length, index of the wrong character) its forms of 2-4
        #: characters have, longest first: the only slices worth looking up around a hit
        self.shapes: dict[str, tuple[tuple[int, int], ...]] = {}
        #: wrong character -> its lines as the step looks them up (:meth:`meet`)
        self.met: dict[str, Wrong] = {}
        self._spans: dict[str, tuple[int, int]] | None = None

    def spans(self) -> dict[str, tuple[int, int]]:
        """wrong character -> [start, end) byte offsets of its lines: one regex pass over the file
        (matched in C), made once; it also gives :attr:`wrong`, which the step's scanner needs
        anyway, so a character met later costs no binary search."""
        got = self._spans
        if got is None:
            data = self._raw.data
            got = self._spans = {m.group(1).decode("utf-8"): (m.start(), m.end())
                                 for m in _RUNS.finditer(data, self._raw.start)}
        return got

    @property
    def wrong(self) -> str:
        """Every wrong character, sorted."""
        return "".join(sorted(self.spans()))

    def meet(self, wrong: str) -> Wrong:
        """The lines of ``wrong`` as the step looks them up (:class:`Wrong`): found, decoded and
        checked the first time the step meets ``wrong``, but not parsed per form."""
        got = self.met.get(wrong)
        if got is None:
            raw = self._raw
            start, end = self.spans().get(wrong, (raw.start, raw.start))
            try:
                block = raw.data[start:end].decode("utf-8")
            except UnicodeDecodeError as err:
                raise WordlistError(raw.name, raw.line(start + err.start), "not UTF-8") from err
            if _TYPO_LINES.fullmatch(block) is None:
                raise WordlistError(raw.name, raw.line(start) + self._first_bad(wrong, block),
                                    "expected: wrong, right, kind, form (holding the wrong character)")
            got = self.met[wrong] = Wrong(wrong, block)
        return got

    def forms(self, wrong: str) -> tuple[dict[str, int], frozenset[str]]:
        got = self.parsed.get(wrong)
        if got is None:
            pairs: set[str] = set()
            shapes: set[tuple[int, int]] = set()
            offset, lines = self._raw.lines(wrong + "\t")
            # column-wise, in C: wrong, right, kind, form, wrong, ..., form, ""
            cells = lines.replace("\n", "\t").split("\t")
            forms, keys = cells[3::4], list(zip(cells[1::4], cells[2::4]))
            if (len(cells) != 4 * len(forms) + 1 or any(len(right) != 1 for right, _kind in set(keys))
                    or not all(map(str.__contains__, forms, repeat(wrong)))):
                raise WordlistError(self._raw.name, self._raw.line(offset) + self._first_bad(wrong, lines),
                                    "expected: wrong, right, kind, form (holding the wrong character)")
            rows = {key: k for k, key in enumerate(dict.fromkeys(keys))}
            table = dict(zip(forms, map(rows.__getitem__, keys)))   # a form listed twice: the later line wins
            for form in table:
                i = form.find(wrong)
                if i > 0:
                    pairs.add(form[i - 1:i + 1])
                if i + 1 < len(form):
                    pairs.add(form[i:i + 2])
                if 2 <= len(form) <= 4:
                    shapes.add((len(form), i))
            got = self.parsed[wrong] = (table, frozenset(pairs))
            self.rows[wrong] = tuple(rows)
            self.shapes[wrong] = tuple(sorted(shapes, key=lambda s: (-s[0], s[1])))
        return got

    @staticmethod
    def _first_bad(wrong: str, lines: str) -> int:
        """Index of the first malformed line among the lines of ``wrong`` (for the error)."""
        for k, line in enumerate(lines.split("\n")):
            fields = line.split("\t")
            if len(fields) != 4 or len(fields[1]) != 1 or wrong not in fields[3]:
                return k
        return 0

    def correction(self, wrong: str, form: str, row: tuple[str, str]) -> tuple[str, int, str]:
        """(correct word, index of the wrong character, kind) of a form of ``wrong`` whose line
        has ``row`` = (right character, kind)."""
        right, kind = row
        i = form.find(wrong)
        return form[:i] + right + form[i + 1:], i, kind

    def rule(self, wrong: str, form: str) -> str:
        """``ocr-typos.tsv:<line>``, the line of a form of ``wrong`` (one search and a line count:
        made for the edits only, not for every form found)."""
        row = self.meet(wrong).get(form)
        if row is None:
            raise KeyError(form)
        right, kind = row
        offset = self._raw.find(f"{wrong}\t{right}\t{kind}\t{form}")
        return f"{self._raw.name}:{self._raw.line(offset) if offset is not None else '?'}"


#: the lines of one wrong character, each ``wrong<TAB>right<TAB>kind<TAB>form`` with a one-character
#: right and a form holding the wrong character (group 1: the line's wrong character)
_TYPO_LINES = re.compile(r"(?:(.)\t[^\t\n]\t[^\t\n]*\t[^\t\n]*?\1[^\t\n]*\n)*")
_LAST, _FIRST = itemgetter(slice(-1, None)), itemgetter(slice(0, 1))
#: the pieces of a block split at the wrong character that end or start no form
_NOT_NEIGHBOURS = frozenset(("", "\t", "\n"))
#: every (length, index of the wrong character) a form of 2-4 characters can have, longest first
SHAPES = tuple((length, k) for length in (4, 3, 2) for k in range(length))
#: forms found in the raw lines of a character before they are parsed into a dict
PARSE_AFTER = 3


class Wrong:
    """The lines of one wrong character ``x`` as the step looks them up, without a parse per form.

    ``left`` / ``right``: the characters right before / after ``x`` somewhere in its forms (one
    split of the lines at ``x`` and two maps, in C; a superset of the neighbours of the first ``x``
    that :meth:`Typos.forms` collects as ``pairs``): a slice of text can only be a form if its
    neighbours of ``x`` are in them. :meth:`get` finds a form's line in the raw lines (the last
    line that has it: a form listed twice, the later line wins) until PARSE_AFTER look-ups, then
    in a dict {form: (right, kind)} parsed once: most characters a text meets are looked up only
    a few times, and the parse per form was most of a worker's warm-up.
    """

    __slots__ = ("wrong", "block", "left", "right", "looked", "table")

    def __init__(self, wrong: str, block: str) -> None:
        self.wrong, self.block = wrong, block
        pieces = block.split(wrong)
        if len(pieces) == 2 * block.count("\n") + 1:
            # one x a form (nearly always): the pieces alternate "<TAB>right<TAB>kind<TAB>before x"
            # and "after x<NEWLINE>", so each map needs only its half
            self.left = set(map(_LAST, pieces[1::2])) - _NOT_NEIGHBOURS
            self.right = set(map(_FIRST, pieces[2::2])) - _NOT_NEIGHBOURS
        else:
            self.left = set(map(_LAST, pieces)) - _NOT_NEIGHBOURS
            self.right = set(map(_FIRST, pieces)) - _NOT_NEIGHBOURS
        if wrong + wrong in block:   # an empty piece between two: x is its own neighbour
            self.left.add(wrong)
            self.right.add(wrong)
        self.looked = 0
        self.table: dict[str, tuple[str, str]] | None = None

    def get(self, form: str) -> tuple[str, str] | None:
        """(right character, kind) of the line of ``form`` (None if ``form`` is no form of
        ``wrong``)."""
        table = self.table
        if table is None:
            self.looked += 1
            if self.looked <= PARSE_AFTER:
                if "\t" in form or "\n" in form:
                    return None
                block = self.block
                at = block.rfind(f"\t{form}\n")
                if at < 0:
                    return None
                _wrong, right, kind = block[block.rfind("\n", 0, at) + 1:at].split("\t")
                return right, kind
            cells = self.block.replace("\n", "\t").split("\t")
            table = self.table = dict(zip(cells[3::4], zip(cells[1::4], cells[2::4])))
        return table.get(form)


@functools.lru_cache(maxsize=1)
def typos() -> Typos:
    return Typos(SortedLines("ocr-typos.tsv"))


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
    buckets = {c: lex.bucket(c) for c in s}
    best = [0] + [-10**9] * n
    back = [0] * (n + 1)
    for end in range(1, n + 1):
        b, arg = -10**9, end - 1
        for start in range(max(0, end - MAX_WORD), end):
            cost = buckets[s[start]].get(s[start:end])
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

"""Wordlists: reviewable UTF-8 TSV data, loaded lazily, validated, cached and immutable.

File format (checked by :func:`lint` and by ``ybtext wordlists lint``)::

    # File: spin-sure.tsv
    # Format: spun form -> original, restored on sight
    # Source: where the facts come from (and how they were derived)
    # License: licence of the source
    # Columns: spun original tier context source
    经由过程	通过	sure		funnlp

Header lines come first (``# Key: value``; File, Format, Source and Columns are required). Every
following line is one entry: exactly one field per column, separated by TABs, NFC-normalized, no
leading or trailing spaces. Entries are sorted (code point order of the whole line) and unique
(ignoring the ``source`` and ``note`` columns). Blank lines and comments are not allowed among the
entries, so that sorting and diffs stay meaningful.

One parser reads them all, :func:`parse`: not strict for the shipped lists (:func:`load`; the tests
lint them, so only the header and the field counts are checked), strict for user lists and lint
(:func:`lint`, :func:`lint_text`; every rule above). :func:`load_rows` / :func:`load_columns` read
big shipped lists column-wise with the same header reader and field-count check, and
:class:`SortedLines` binary-searches the biggest ones (one entry a line, hundreds of thousands of
lines) in their raw bytes without splitting them into lines.

Conditions live in named columns whose value is ``key=value|value;key=value``
(see :func:`parse_conditions`).
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Literal, overload

from .errors import WordlistError

__all__ = ["Entry", "SortedLines", "Wordlist", "lint", "lint_text", "load", "load_columns", "load_rows", "parse",
           "parse_conditions", "shipped_names", "shipped_rows"]

REQUIRED_HEADERS = ("File", "Format", "Source", "Columns")
_IGNORED_FOR_UNIQUENESS = ("source", "note")


@dataclass(frozen=True, slots=True)
class Entry:
    """One wordlist line: its fields by column name, and where it came from."""

    fields: tuple[tuple[str, str], ...]
    file: str
    line: int

    def __getitem__(self, column: str) -> str:
        for name, value in self.fields:
            if name == column:
                return value
        raise KeyError(column)

    def get(self, column: str, default: str = "") -> str:
        for name, value in self.fields:
            if name == column:
                return value
        return default

    @property
    def rule(self) -> str:
        """``file:line``, the rule name an edit made from this entry carries."""
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class Wordlist:
    name: str
    headers: tuple[tuple[str, str], ...]
    columns: tuple[str, ...]
    entries: tuple[Entry, ...]

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def header(self, key: str) -> str:
        return dict(self.headers).get(key, "")


def shipped_names() -> list[str]:
    """Names of the wordlists shipped with ybtext."""
    root = importlib.resources.files("ybtext.wordlists")
    return sorted(p.name for p in root.iterdir() if p.name.endswith(".tsv"))


@functools.lru_cache(maxsize=None)
def load(name: str) -> Wordlist:
    """Load a shipped wordlist by file name (cached: parsed once per process)."""
    return parse(name, _read_shipped(name))


def parse(name: str, data: bytes, *, strict: bool = False,
          problems: list[WordlistError] | None = None) -> Wordlist:
    """The wordlist parser.

    Not ``strict`` (the shipped lists, which tests/test_wordlists.py lints): the header and each
    line's field count are checked, nothing else per line, so loading stays fast. ``strict`` (user
    lists, lint): every rule of the format; the first problem raises :class:`WordlistError`, unless
    ``problems`` is given: then every problem is appended to it and the entries that could be read
    are returned.
    """
    if not strict:
        columns, first, lines, headers = _split_shipped(name, data)
        entries: list[Entry] = []
        append = entries.append
        for lineno, parts in enumerate(_fields(name, columns, first, lines), first):
            append(Entry(tuple(zip(columns, parts)), name, lineno))
        return Wordlist(name, headers, columns, tuple(entries))
    return _parse_strict(name, data, problems)


def load_columns(name: str, *columns: str) -> tuple[list[str], ...]:
    """The named columns of a shipped wordlist, as one list per column in file order (not cached).

    The fast way to read a big list (a lexicon) into dicts or arrays, with no Entry per line.
    """
    return load_rows(name, *columns)[1:]


def load_rows(name: str, *columns: str) -> tuple[Any, ...]:
    """``(first, column, ...)``: ``load_columns`` with the line number of the first entry, so that
    entry i is ``name:first+i`` (the rule an edit made from it names; entries are contiguous)."""
    data = _read_shipped(name)
    have, first, body, _headers = _split_shipped(name, data, split=False)
    for c in columns:
        if c not in have:
            raise WordlistError(name, None, f"no column {c!r} (the header names {' '.join(have)})")
    n = len(have)
    count = body.count("\n")
    cells = body[:-1].replace("\n", "\t").split("\t") if count else []
    if len(cells) != n * count or not body.endswith("\n"):
        rows = list(_fields(name, have, first, _entry_lines(body)))  # raises at the first bad line
        return (first, *([r[have.index(c)] for r in rows] for c in columns))
    return (first, *(cells[have.index(c)::n] for c in columns))


def _read_shipped(name: str) -> bytes:
    resource = importlib.resources.files("ybtext.wordlists") / name
    try:
        return resource.read_bytes()
    except OSError as err:
        raise WordlistError(name, None, f"cannot read shipped wordlist: {err}") from err


def shipped_rows(name: str, columns: int) -> tuple[list[list[str]], int]:
    """Entry fields of a (small) shipped wordlist, and the line number of its first entry."""
    have, first, lines, _headers = _split_shipped(name, _read_shipped(name))
    if len(have) != columns:
        raise WordlistError(name, None, f"the header names {len(have)} columns, expected {columns}")
    return list(_fields(name, have, first, lines)), first


class SortedLines:
    """A large sorted shipped wordlist, searched in its raw UTF-8 bytes (UTF-8 byte order is code
    point order), like ``look(1)``: a binary search over byte offsets, each probe finding the start
    of the line it falls in. Loading reads the file and skips the header, nothing per line; the
    lines of a prefix are adjacent and decoded only when a text asks for them, and a line number is
    counted only when someone needs it (:meth:`line`: an edit's rule).
    """

    __slots__ = ("name", "data", "start", "_marks")

    #: bytes per block of the line-number index (:meth:`line`)
    BLOCK = 1 << 16

    def __init__(self, name: str, data: bytes | None = None) -> None:
        """The shipped wordlist ``name`` (or ``data``, named ``name``)."""
        if data is None:
            data = _read_shipped(name)
        pos = 0
        while data.startswith(b"#", pos):
            nl = data.find(b"\n", pos)
            pos = len(data) if nl < 0 else nl + 1
        self.name, self.data, self.start = name, data, pos
        self._marks: list[int] | None = None

    def header(self, key: str) -> str:
        """The value of header line ``# key: value`` ("" if there is none)."""
        return dict(_header(self.data[:self.start].decode("utf-8"))[0]).get(key, "")

    def _lower(self, key: bytes, lo: int = 0) -> int:
        """Offset of the first entry line not less than ``key`` (at or after ``lo``, a line start),
        or the end of the data."""
        data = self.data
        lo, hi = max(lo, self.start), len(data)
        # lo and hi are line starts; the lines before lo are < key, the line at hi (if any) is not
        while lo < hi:
            mid = (lo + hi) // 2
            s = max(data.rfind(b"\n", lo, mid) + 1, lo)   # the start of the line mid falls in
            e = data.find(b"\n", s, hi)
            if e < 0:
                e = hi
            if data[s:e] < key:
                lo = min(e + 1, hi)
            else:
                hi = s
        return lo

    def span(self, prefix: bytes) -> tuple[int, int]:
        """[start, end) byte offsets of the entry lines that start with ``prefix``."""
        lo = self._lower(prefix)
        return lo, self._lower(prefix + b"\xff", lo)   # no UTF-8 byte is 0xff

    def lines(self, prefix: str) -> tuple[int, str]:
        """(offset, text): the entry lines that start with ``prefix``, decoded, each ending with a
        newline ("" if none), and the byte offset of the first."""
        a, b = self.span(prefix.encode("utf-8"))
        try:
            return a, self.data[a:b].decode("utf-8")
        except UnicodeDecodeError as err:
            raise WordlistError(self.name, self.line(a + err.start), "not UTF-8") from err

    def find(self, line: str) -> int | None:
        """Byte offset of the entry line equal to ``line`` (None if there is none)."""
        key = line.encode("utf-8") + b"\n"
        at = self._lower(key[:-1])
        return at if self.data.startswith(key, at) else None

    def line(self, offset: int) -> int:
        """The line number (1-based, header lines counted) of the line at byte ``offset``. The
        first call counts the newlines of each BLOCK once; each call then counts within one block."""
        data, block = self.data, self.BLOCK
        marks = self._marks
        if marks is None:
            marks, n = [0], 0
            for b in range(0, len(data), block):
                n += data.count(b"\n", b, b + block)
                marks.append(n)
            self._marks = marks
        k = offset // block
        return marks[k] + data.count(b"\n", k * block, offset) + 1

    def keys(self) -> set[str]:
        """Every distinct first column (the text before a line's first TAB): one regex match per
        run of lines that share it, the runs matched in C (a search per key took 6x longer)."""
        return {m.group(1).decode("utf-8") for m in _RUNS.finditer(self.data, self.start)}


#: a run of lines with the same first column (group 1), each line ending with a newline
_RUNS = re.compile(rb"([^\t\n]++)\t(?:[^\n]*+\n\1\t)*+[^\n]*+\n")


def _header(text: str) -> tuple[tuple[tuple[str, str], ...], int, int]:
    """The header lines (``# Key: value``) at the start of ``text``: (headers, number of header
    lines, offset of the first entry line). The one header reader of every path."""
    headers: list[tuple[str, str]] = []
    pos, i = 0, 0
    while text.startswith("#", pos):
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        body = text[pos + 1:nl].strip()
        key, sep, value = body.partition(":")
        if sep and key.strip() and " " not in key.strip():
            headers.append((key.strip(), value.strip()))
        pos, i = nl + 1, i + 1
    return tuple(headers), i, pos


def _entry_lines(body: str) -> list[str]:
    lines = body.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


@overload
def _split_shipped(name: str, data: bytes, *, split: Literal[True] = ...) -> tuple[
        tuple[str, ...], int, list[str], tuple[tuple[str, str], ...]]: ...
@overload
def _split_shipped(name: str, data: bytes, *, split: Literal[False]) -> tuple[
        tuple[str, ...], int, str, tuple[tuple[str, str], ...]]: ...
def _split_shipped(name: str, data: bytes, *, split: bool = True) -> tuple[
        tuple[str, ...], int, list[str] | str, tuple[tuple[str, str], ...]]:
    """Shipped lists are linted by the tests (tests/test_wordlists.py), so loading them skips the
    per-line checks (NFC, order, duplicates): columns, first entry line number, entry lines (one
    string if not ``split``), headers."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise WordlistError(name, None, f"not UTF-8 ({err.reason} at byte {err.start})") from err
    headers, count, pos = _header(text)
    columns = tuple(dict(headers).get("Columns", "").split())
    if not columns:
        raise WordlistError(name, 1, "header line '# Columns: ...' is missing")
    rest = text[pos:]
    return columns, count + 1, _entry_lines(rest) if split else rest, headers


def _fields(name: str, columns: tuple[str, ...], first: int, lines: list[str]) -> Iterator[list[str]]:
    n = len(columns)
    for k, raw in enumerate(lines):
        parts = raw.split("\t")
        if len(parts) != n:
            raise WordlistError(name, first + k, _count_problem(len(parts), columns))
        yield parts


def _count_problem(got: int, columns: tuple[str, ...]) -> str:
    return f"{got} fields, the header names {len(columns)} ({' '.join(columns)})"


def lint(path: str | Path) -> list[WordlistError]:
    """All problems of one wordlist file (empty list: the file is fine)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as err:
        return [WordlistError(str(p), None, f"cannot read: {err.strerror or err}")]
    return lint_text(str(p), data)


def lint_text(name: str, data: bytes) -> list[WordlistError]:
    """All problems of wordlist ``data`` (named ``name`` in the messages)."""
    problems: list[WordlistError] = []
    _parse_strict(name, data, problems, keep=False)
    return problems


def _parse_strict(name: str, data: bytes, problems: list[WordlistError] | None, *,
                  keep: bool = True) -> Wordlist:
    """:func:`parse` in strict mode: every rule of the module docstring, line by line. Without
    ``keep`` (lint) no Entry is made: the big lists have hundreds of thousands of lines."""

    def problem(line: int | None, message: str) -> None:
        err = WordlistError(name, line, message)
        if problems is None:
            raise err
        problems.append(err)

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        problem(None, f"not UTF-8 ({err.reason} at byte {err.start})")
        return Wordlist(name, (), (), ())
    if text.startswith("\ufeff"):
        problem(1, "byte order mark at the start of the file")
        text = text[1:]
    if text and not text.endswith("\n"):
        problem(text.count("\n") + 1, "the last line has no newline")
    headers, count, pos = _header(text)
    found = dict(headers)
    for key in REQUIRED_HEADERS:
        if not found.get(key):
            problem(1, f"header line '# {key}: ...' is missing")
    columns = tuple(found.get("Columns", "").split())
    if not columns:
        return Wordlist(name, headers, (), ())
    key_cols = [k for k, c in enumerate(columns) if c not in _IGNORED_FOR_UNIQUENESS]
    whole = len(key_cols) == len(columns)   # then a line is its own identity
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    previous = None
    for lineno, raw in enumerate(_entry_lines(text[pos:]), count + 1):
        if raw.endswith("\r"):
            problem(lineno, "CRLF line ending")
            raw = raw[:-1]
        if not raw.strip() or raw.startswith("#"):
            problem(lineno, "blank line or comment among the entries")
            continue
        if not unicodedata.is_normalized("NFC", raw):
            problem(lineno, "not NFC-normalized")
        parts = raw.split("\t")
        if len(parts) != len(columns):
            problem(lineno, _count_problem(len(parts), columns))
            continue
        if any(p != p.strip() for p in parts):
            problem(lineno, "a field has leading or trailing spaces")
        if not parts[0]:
            problem(lineno, f"the first column ({columns[0]}) is empty")
        if previous is not None and raw < previous:
            problem(lineno, "not sorted (entries must be in code point order)")
        previous = raw
        ident = raw if whole else "\t".join([parts[k] for k in key_cols])
        if ident in seen:
            problem(lineno, f"duplicate of line {seen[ident]}")
        else:
            seen[ident] = lineno
        if keep:
            entries.append(Entry(tuple(zip(columns, parts)), name, lineno))
    return Wordlist(name, headers, columns, tuple(entries))


def parse_conditions(value: str, *, where: Entry | None = None) -> dict[str, tuple[str, ...]]:
    """Parse ``before=甲|乙;not_after=丙`` into ``{"before": ("甲", "乙"), "not_after": ("丙",)}``."""
    out: dict[str, tuple[str, ...]] = {}
    if not value:
        return out
    for part in value.split(";"):
        key, sep, alts = part.partition("=")
        if not sep or not key or not alts:
            raise WordlistError(where.file if where else "?", where.line if where else None,
                                f"bad condition {part!r} (expected key=value|value)")
        out[key] = tuple(alts.split("|"))
    return out

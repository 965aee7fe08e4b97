"""Wordlists: the shipped ones pass lint and load; lint catches each kind of problem, naming the line."""

from __future__ import annotations

import bisect
import importlib.resources

import pytest

from ybtext import _wordlists
from ybtext.errors import WordlistError

SHIPPED = _wordlists.shipped_names()

HEADER = "# File: t.tsv\n# Format: test\n# Source: test\n# License: MIT\n# Columns: spun original source\n"


def problems(body: str, header: str = HEADER) -> list[tuple[int | None, str]]:
    return [(p.line, p.message) for p in _wordlists.lint_text("t.tsv", (header + body).encode("utf-8"))]


def test_there_are_shipped_wordlists():
    assert "spin-sure.tsv" in SHIPPED


#: one entry a line, hundreds of thousands of lines: read by SortedLines, never by load()
SEARCHED = ("lexicon-zh.tsv", "ocr-lexicon.tsv", "ocr-typos.tsv")


@pytest.mark.parametrize("name", [n for n in SHIPPED if n not in SEARCHED])
def test_shipped_wordlist_passes_lint_and_loads(name):
    """The strict parser finds no problem, and the fast path reads the same entries."""
    data = (importlib.resources.files("ybtext.wordlists") / name).read_bytes()
    found: list[WordlistError] = []
    strict = _wordlists.parse(name, data, strict=True, problems=found)
    assert found == []
    wordlist = _wordlists.load(name)
    assert wordlist == strict
    assert len(wordlist) > 0 and wordlist.header("File") == name
    assert wordlist.header("License"), f"{name} names no licence"


@pytest.mark.parametrize("name", SEARCHED)
def test_searched_wordlist_passes_lint_and_searches(name):
    """The big lists pass lint (without an Entry per line), and SortedLines finds the lines of a
    sample of first columns at their line numbers."""
    assert _wordlists.lint_text(name, (importlib.resources.files("ybtext.wordlists") / name).read_bytes()) == []
    found = _wordlists.SortedLines(name)
    lines = found.data.decode("utf-8").split("\n")[:-1]
    first = next(k for k, line in enumerate(lines) if not line.startswith("#"))
    assert found.line(found.start) == first + 1 and found.header("File") == name and found.header("License")
    keys = {line.split("\t")[0] for line in lines[first:]}
    if name == "ocr-typos.tsv":   # keys() searches once per key: checked where it is used
        assert found.keys() == keys
    for key in sorted(keys)[::max(1, len(keys) // 200)]:
        offset, text = found.lines(key + "\t")
        start = bisect.bisect_left(lines, key + "\t", first)
        want = list(range(start, bisect.bisect_left(lines, key + "\t\U0010ffff", start)))
        assert text.split("\n")[:-1] == [lines[k] for k in want]
        assert found.line(offset) == want[0] + 1
        assert found.find(lines[want[-1]]) is not None and found.line(found.find(lines[want[-1]])) == want[-1] + 1


def test_sorted_lines_searches_prefixes_and_counts_lines(monkeypatch):
    """SortedLines on a small list, with a line-number block of 16 bytes: every prefix's lines, the
    exact lines, their line numbers, the first columns."""
    monkeypatch.setattr(_wordlists.SortedLines, "BLOCK", 16)
    rows = sorted({f"{a}{b}\t{c}" for a in "一丁七万" for b in ("", "丁", "七", "x七") for c in ("1", "22", "甲")})
    data = ("# File: t.tsv\n# Columns: word cost\n" + "\n".join(rows) + "\n").encode("utf-8")
    found = _wordlists.SortedLines("t.tsv", data)
    for prefix in ("", "一", "一丁", "一x", "万七\t", "丁\t", "七x七\t甲", "三", "\t", "#", "乙", "\U00020000"):
        offset, text = found.lines(prefix)
        want = [r for r in rows if r.startswith(prefix)]
        assert text == "".join(r + "\n" for r in want), prefix
        if want:
            assert found.line(offset) == rows.index(want[0]) + 3
    for k, row in enumerate(rows):
        at = found.find(row)
        assert at is not None and found.line(at) == k + 3
    assert found.find("一\t2") is None and found.find("万x七\t甲x") is None
    assert found.keys() == {r.split("\t")[0] for r in rows}
    empty = _wordlists.SortedLines("e.tsv", b"# File: e.tsv\n")
    assert empty.lines("一") == (len(b"# File: e.tsv\n"), "") and empty.keys() == set()


def test_a_good_list_has_no_problems():
    assert problems("一样平常\t日常\titechbear\n经由过程\t通过\titechbear\n") == []


def test_unsorted():
    assert problems("经由过程\t通过\tx\n一样平常\t日常\tx\n") == [(7, "not sorted (entries must be in code point order)")]


def test_duplicate_ignores_the_source_column():
    assert problems("经由过程\t通过\ta\n经由过程\t通过\tb\n") == [(7, "duplicate of line 6")]


def test_not_nfc():
    decomposed = "Cafe\u0301"  # é as e + combining accent
    assert problems(f"{decomposed}\tx\ty\n") == [(6, "not NFC-normalized")]


def test_wrong_field_count():
    assert problems("经由过程\t通过\n") == [(6, "2 fields, the header names 3 (spun original source)")]


@pytest.mark.parametrize("missing", ["File", "Format", "Source", "Columns"])
def test_bad_header(missing):
    header = "".join(line + "\n" for line in HEADER.splitlines() if not line.startswith(f"# {missing}:"))
    found = problems("经由过程\t通过\tx\n", header)
    assert (1, f"header line '# {missing}: ...' is missing") in found


@pytest.mark.parametrize("body, expected", [
    ("a\tb\tc\n\nd\te\tf\n", (7, "blank line or comment among the entries")),
    ("a\tb\tc\r\n", (6, "CRLF line ending")),
    ("a\tb \tc\n", (6, "a field has leading or trailing spaces")),
    ("\tb\tc\n", (6, "the first column (spun) is empty")),
    ("a\tb\tc", (6, "the last line has no newline")),
])
def test_other_format_problems(body, expected):
    assert expected in problems(body)


def test_strict_load_raises_with_file_and_line(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text(HEADER + "经由过程\t通过\tx\n一样平常\t日常\tx\n", encoding="utf-8")
    with pytest.raises(WordlistError, match=r"^t\.tsv:7: not sorted"):
        _wordlists.parse("t.tsv", path.read_bytes(), strict=True)
    assert [p.line for p in _wordlists.lint(path)] == [7]


def test_fast_path_checks_the_header_and_field_count_only():
    """Not strict (shipped lists, linted here): a line with too few fields still raises with its
    line number; an unsorted list is read as it is."""
    with pytest.raises(WordlistError, match=r"^t\.tsv:6: 2 fields"):
        _wordlists.parse("t.tsv", (HEADER + "经由过程\t通过\n").encode("utf-8"))
    unsorted = _wordlists.parse("t.tsv", (HEADER + "经由过程\t通过\tx\n一样平常\t日常\tx\n").encode("utf-8"))
    assert [e["spun"] for e in unsorted] == ["经由过程", "一样平常"] and unsorted.entries[1].line == 7

"""Wordlists: the shipped ones pass lint and load; lint catches each kind of problem, naming the line."""

from __future__ import annotations

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


@pytest.mark.parametrize("name", SHIPPED)
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

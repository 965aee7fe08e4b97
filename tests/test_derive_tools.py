"""tools/_derive.py, shared by the derive tools (tools/derive_spin_lists.py and the others): the
versions they derive with are pinned, and --check reports which derived lists differ from the
committed ones and by how many lines. (tests/test_rederive.py runs every tool's --check.)"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[1] / "tools" / "_derive.py"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("_derive", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name, version, expected", [
    ("jieba", "0.42.2", "jieba 0.42.2 (the lists were derived with 0.42.1: pip install jieba==0.42.1, "
                        "or pip install -e '.[derive]')"),
    ("wordfreq", "3.2.0", "wordfreq 3.2.0 (the lists were derived with 3.1.x"),
    ("wordfreq", None, "wordfreq is not installed"),
])
def test_other_versions_stop_with_a_message(tool, monkeypatch, name, version, expected):
    versions = {"jieba": "0.42.1", "wordfreq": "3.1.1", name: version}

    def fake(dist):
        if versions[dist] is None:
            raise importlib.metadata.PackageNotFoundError(dist)
        return versions[dist]

    monkeypatch.setattr(importlib.metadata, "version", fake)
    with pytest.raises(SystemExit, match="derive_spin_lists: wrong versions") as info:
        tool.check_versions("derive_spin_lists", ("jieba", "wordfreq"))
    assert expected in str(info.value)


def test_pinned_versions_pass(tool, monkeypatch):
    monkeypatch.setattr(importlib.metadata, "version", {"jieba": "0.42.1", "wordfreq": "3.1.1"}.get)
    tool.check_versions("derive_spin_lists", ("jieba", "wordfreq"))


def test_compare_names_the_lists_that_differ_and_counts_lines(tool, tmp_path):
    derived, committed = tmp_path / "derived", tmp_path / "committed"
    derived.mkdir()
    committed.mkdir()
    names = ("lexicon-zh.tsv", "spin-gated.tsv")
    for name in names:
        (derived / name).write_text("# h\na\nb\nc\n", encoding="utf-8")
        (committed / name).write_text("# h\na\nb\nc\n", encoding="utf-8")
    assert tool.compare(derived, names, committed) == []
    (committed / "spin-gated.tsv").write_text("# h\na\nx\nc\nd\n", encoding="utf-8")
    assert tool.compare(derived, names, committed) == [
        "spin-gated.tsv: 2 committed lines not rederived, 1 rederived lines not committed (5 vs 4 lines)"]


def test_run_check_compares_a_temporary_directory_and_writes_nothing(tool, tmp_path, capsys):
    committed = tmp_path / "committed"
    committed.mkdir()
    (committed / "a.tsv").write_text("# h\nx\n", encoding="utf-8")

    def derive(out, body="# h\nx\n"):
        (out / "a.tsv").write_text(body, encoding="utf-8")

    assert tool.run("t", ("a.tsv",), derive, check=True, committed=committed) == 0
    assert "t: all 1 derived lists match" in capsys.readouterr().out
    assert tool.run("t", ("a.tsv",), lambda out: derive(out, "# h\ny\n"), check=True, committed=committed) == 1
    assert capsys.readouterr().out.startswith("t: a.tsv: 1 committed lines not rederived, 1 rederived lines not committed")
    assert (committed / "a.tsv").read_text(encoding="utf-8") == "# h\nx\n"


def test_a_source_that_cannot_be_fetched_exits_3(tool, tmp_path, capsys):
    import subprocess

    def unavailable(out):
        raise tool.SourceUnavailable("could not fetch jieba 0.42.1 from PyPI")

    def download_failed(out):
        raise subprocess.CalledProcessError(1, ["python", "-m", "pip", "download", "jionlp==1.5.31"])

    def other_failure(out):
        raise subprocess.CalledProcessError(1, ["dpkg-deb", "-x", "a.deb", "x"])

    assert tool.run("t", ("a.tsv",), unavailable, check=True, committed=tmp_path) == tool.UNAVAILABLE == 3
    assert tool.run("t", ("a.tsv",), download_failed, check=True, committed=tmp_path) == 3
    err = capsys.readouterr().err
    assert "t: source unavailable: could not fetch jieba" in err and "pip download jionlp==1.5.31 exited 1" in err
    with pytest.raises(subprocess.CalledProcessError):
        tool.run("t", ("a.tsv",), other_failure, check=True, committed=tmp_path)


# The writers of the big lists (issue 21: one entry a line). Rederiving needs downloads, so these
# tests prove the other half: the entries of each committed list, given back to the tool's writer
# in any order, come out as the committed file, byte for byte (header included).

WORDLISTS = TOOL.parents[1] / "wordlists"


def _load(name):
    spec = importlib.util.spec_from_file_location(name, TOOL.parent / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _entries(name):
    text = (WORDLISTS / name).read_text(encoding="utf-8")
    return text, [line.split("\t") for line in text.split("\n")[:-1] if not line.startswith("#")]


def test_ocr_writers_reproduce_the_committed_lists():
    tool = _load("derive_ocr_lists")
    text, rows = _entries("ocr-lexicon.tsv")
    costs = {word: int(cost) for word, cost in reversed(rows)}
    assert len(costs) == len(rows)
    assert tool.render(*tool.lexicon_list(costs)) == text
    text, rows = _entries("ocr-typos.tsv")
    groups = {}
    for wrong, right, kind, form in reversed(rows):
        groups.setdefault((wrong, right, kind), []).append(form)
    assert tool.render(*tool.typos_list(groups)) == text


def test_writers_write_one_entry_a_line_sorted():
    ocr = _load("derive_ocr_lists")
    head, rows = ocr.lexicon_list({"一丁": 27, "一": 60})
    assert head[-1] == "# Columns: word cost" and sorted(rows) == ["一\t60", "一丁\t27"]
    text = ocr.render(*ocr.typos_list({("己", "已", "curated"): ["己经", "己然"], ("丁", "争", "sound"): ["竞丁"]}))
    assert text.split("\n")[4:] == ["# Columns: wrong right kind form", "丁\t争\tsound\t竞丁",
                                    "己\t已\tcurated\t己然", "己\t已\tcurated\t己经", ""]

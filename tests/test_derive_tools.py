"""tools/derive_spin_lists.py: the versions it derives with are pinned, and --check reports which
derived lists differ from the committed ones and by how many lines."""

from __future__ import annotations

import importlib.metadata
import importlib.util
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[1] / "tools" / "derive_spin_lists.py"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("derive_spin_lists", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name, version, expected", [
    ("jieba", "0.42.2", "jieba 0.42.2 (the lists were derived with 0.42.1: pip install jieba==0.42.1)"),
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
    with pytest.raises(SystemExit, match="wrong versions") as info:
        tool.check_versions()
    assert expected in str(info.value)


def test_pinned_versions_pass(tool, monkeypatch):
    monkeypatch.setattr(importlib.metadata, "version", {"jieba": "0.42.1", "wordfreq": "3.1.1"}.get)
    tool.check_versions()


def test_compare_names_the_lists_that_differ_and_counts_lines(tool, tmp_path):
    derived, committed = tmp_path / "derived", tmp_path / "committed"
    derived.mkdir()
    committed.mkdir()
    for name in tool.DERIVED:
        (derived / name).write_text("# h\na\nb\nc\n", encoding="utf-8")
        (committed / name).write_text("# h\na\nb\nc\n", encoding="utf-8")
    assert tool.compare(derived, committed) == []
    (committed / "spin-gated.tsv").write_text("# h\na\nx\nc\nd\n", encoding="utf-8")
    assert tool.compare(derived, committed) == [
        "spin-gated.tsv: 2 committed lines not rederived, 1 rederived lines not committed (5 vs 4 lines)"]

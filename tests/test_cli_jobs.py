"""``ybtext clean`` batch options (issue 6): --jobs, --progress, --summary, --report.

Expected outputs are the ``--jobs 1`` outputs (or an in-process ``clean``), so these tests prove
the plumbing (order, streaming, counting, the error contract), not the cleaning. Worker processes
are forked from this one after the wordlists are loaded here, so they start warm.
"""

from __future__ import annotations

import io
import json
import sys

import pytest

import ybtext
from ybtext import _io, cli

SPUN = "社区经由过程居民议事会决定，不克不及携带宠物。\n"
CORRECT = "我们在这项工作上取得重大进展。\n"


def doc(i: int) -> str:
    return f"第{i}篇：经由过程调查，黉舍不克不及这样做。\n\n正文{i}。\n" if i % 3 else f"干净的第{i}段文字。\n"


@pytest.fixture(scope="module", autouse=True)
def warm():
    """Load steps and wordlists in this process: forked workers inherit them."""
    ybtext.clean(SPUN)


@pytest.fixture(autouse=True)
def _in_tmp(monkeypatch, tmp_path):
    """Every test runs in its own tmp_path (relative paths in argv land there)."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def files(tmp_path) -> list[str]:
    """Twelve text files in in/, spun and clean ones mixed."""
    (tmp_path / "in").mkdir()
    names = []
    for i in range(12):
        (tmp_path / "in" / f"{i:02d}.txt").write_text(doc(i), encoding="utf-8")
        names.append(f"in/{i:02d}.txt")
    return names


@pytest.fixture
def jsonl(tmp_path) -> str:
    """150 JSON lines (more than one 64-line chunk per worker), each with its number in an id."""
    lines = [json.dumps({"id": i, "text": doc(i)}, ensure_ascii=False) + "\n" for i in range(150)]
    (tmp_path / "in.jsonl").write_text("".join(lines), encoding="utf-8")
    return "in.jsonl"


def assert_error(code: int, out: bytes, err: str, file: str, what: str = "") -> None:
    """The error contract: exit 2, one line 'ybtext: error: <file>: <what>', no traceback, no output."""
    assert (code, out) == (2, b"")
    assert err.count("\n") == 1 and err.startswith(f"ybtext: error: {file}: ") and what in err, err


# ---------------------------------------------------------------- --jobs: same bytes, same order

def test_jobs_2_gives_the_bytes_of_jobs_1_for_several_files(run, files):
    """Several files to stdout: --jobs 2 and --jobs 0 give exactly the --jobs 1 output, in argument order."""
    order = files[::-1]  # not sorted: argument order is what counts
    code, serial, _ = run("clean", "--jobs", "1", *order)
    assert code == 0 and serial == "".join(ybtext.clean(doc(int(f[3:5]))) for f in order).encode()
    assert run("clean", "--jobs", "2", *order)[:2] == (0, serial)
    assert run("clean", "-j", "0", *order)[:2] == (0, serial)


def test_jobs_2_mirrors_a_tree_like_jobs_1(run, files, tmp_path):
    """-r -o DIR with --jobs 2 writes the same files with the same bytes as --jobs 1."""
    assert run("clean", "-r", "in", "-o", "one")[0] == 0
    assert run("clean", "-r", "in", "-o", "two", "--jobs", "2")[0] == 0
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    two = {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir()}
    assert one == two and len(one) == 12


def test_jobs_2_keeps_json_lines_in_order(run, jsonl):
    """150 JSON lines over two workers: byte-identical to --jobs 1, ids still 0..149 in order."""
    code, serial, _ = run("clean", "--jsonl", jsonl)
    assert code == 0
    assert run("clean", "--jsonl", "--jobs", "2", jsonl)[:2] == (0, serial)
    rows = [json.loads(line) for line in serial.decode().splitlines()]
    assert [r["id"] for r in rows] == list(range(150))
    assert rows[1]["text"] == ybtext.clean(doc(1)) != doc(1)


def test_jobs_2_cleans_a_file_cut_in_blocks_like_jobs_1(run, tmp_path, monkeypatch):
    """A document long enough to be cleaned block by block: same output with 2 workers, one report
    row per block numbered 1, 2, ..."""
    monkeypatch.setattr(_io, "STREAM_ABOVE", 200)
    monkeypatch.setattr(_io, "BLOCK", 100)
    (tmp_path / "big.txt").write_text("".join(doc(i) + "\n" for i in range(40)), encoding="utf-8")
    code, serial, _ = run("clean", "big.txt")
    assert code == 0 and run("clean", "--jobs", "2", "big.txt", "--report", "r.jsonl")[:2] == (0, serial)
    indexes = [json.loads(line)["index"] for line in (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(indexes) > 3 and indexes == list(range(1, len(indexes) + 1))


def test_in_place_with_jobs_leaves_unchanged_files_alone(run, files, tmp_path):
    """--in-place --jobs 2 rewrites the files that change and leaves the others untouched (same inode)."""
    clean_file = tmp_path / files[0]  # doc(0) is correct text
    inode = clean_file.stat().st_ino
    assert run("clean", "--in-place", "--jobs", "2", *files)[0] == 0
    assert clean_file.stat().st_ino == inode
    assert (tmp_path / files[1]).read_text(encoding="utf-8") == ybtext.clean(doc(1))


@pytest.mark.parametrize("bad", ["-1", "two", "1.5"])
def test_bad_jobs_value_is_a_usage_error(run, bad):
    code, out, err = run("clean", "--jobs", bad, stdin=SPUN.encode())
    assert (code, out) == (2, b"") and "--jobs" in err and "Traceback" not in err


# ---------------------------------------------------------------- errors with workers

def test_a_bad_file_with_jobs_2_writes_nothing(run, files, tmp_path):
    """A binary file late in the list: one error line, exit 2, no output file, no report, no summary."""
    (tmp_path / "in" / "99.txt").write_bytes(b"\x00\x01")
    argv = ["clean", "--jobs", "2", "--report", "r.jsonl", *files, "in/99.txt"]
    assert_error(*run(*argv), "in/99.txt", "binary")
    assert_error(*run(*argv, "-o", "out"), "in/99.txt", "binary")
    assert not (tmp_path / "out").exists() and not (tmp_path / "r.jsonl").exists()


def test_a_bad_json_line_with_jobs_2_writes_nothing(run, jsonl, tmp_path):
    """A bad line after 150 good ones (several chunks already cleaned by workers): one error line
    naming file:line, exit 2, nothing written."""
    with open(tmp_path / jsonl, "a", encoding="utf-8") as f:
        f.write('{"body": "没有 text 字段"}\n')
    assert_error(*run("clean", "--jsonl", "--jobs", "2", jsonl, "-o", "out.jsonl", "--report", "r.jsonl"),
                 "in.jsonl:151", "no field 'text'")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_report_may_not_name_an_input(run, files, tmp_path):
    before = (tmp_path / files[0]).read_bytes()
    assert_error(*run("clean", *files, "--report", files[0]), files[0], "--report names an input")
    assert (tmp_path / files[0]).read_bytes() == before


# ---------------------------------------------------------------- --report

def test_report_has_one_valid_row_per_document(run, files, jsonl, tmp_path):
    """--report: one JSON object per document, in input order, with source, index, sizes, edit
    counts by step and the spin verdict; the edit counts are those of clean_and_explain."""
    assert run("clean", "--jobs", "2", *files, "--report", "files.jsonl")[0] == 0
    rows = [json.loads(line) for line in (tmp_path / "files.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in rows] == files and all(r["index"] == 1 for r in rows)
    for i, row in enumerate(rows):
        assert set(row) >= {"source", "index", "chars", "chars_out", "edits", "edits_by_step", "spin"}
        assert set(row["spin"]) >= {"score", "spun"} and 0.0 <= row["spin"]["score"] <= 1.0
        result = ybtext.clean_and_explain(doc(i))
        assert (row["chars"], row["chars_out"], row["edits"]) == (len(doc(i)), len(result.text), len(result.edits))
        assert sum(row["edits_by_step"].values()) == row["edits"]
    assert rows[1]["edits"] > 0 and rows[0]["edits"] == 0

    assert run("clean", "--jsonl", jsonl, "--report", "lines.jsonl", "-o", "out.jsonl")[0] == 0
    rows = [json.loads(line) for line in (tmp_path / "lines.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["source"], r["index"]) for r in rows] == [("in.jsonl", n) for n in range(1, 151)]


# ---------------------------------------------------------------- summary

def test_summary_on_stderr_for_batch_runs_only(run, files, jsonl):
    """Several files, -r and JSON Lines end with the totals on stderr; one file to stdout stays quiet
    (``ybtext clean doc.txt > out``); --summary / --no-summary override."""
    for argv in (files, ["-r", "in", "-o", "out"], ["--jsonl", jsonl, "-o", "out.jsonl"]):
        code, _, err = run("clean", "--jobs", "2", *argv)
        assert code == 0 and err.startswith("ybtext: ") and "documents" in err and "edits by step" in err, argv
    code, _, err = run("clean", "--jobs", "2", *files)
    assert "12 documents" in err and "spin" in err and "detected as spun" in err
    assert run("clean", files[1]) == (0, ybtext.clean(doc(1)).encode(), "")
    assert "1 documents" in run("clean", "--summary", files[1])[2]
    assert run("clean", "--no-summary", *files)[2] == ""


# ---------------------------------------------------------------- progress

class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_progress_when_stderr_is_not_a_terminal(run, files):
    """In a pipe or a log (stderr not a terminal, as here) a batch run shows no progress bar."""
    err = run("clean", "--jobs", "2", "--no-summary", *files)[2]
    assert err == ""


def test_progress_option_shows_a_bar(run, files, jsonl):
    err = run("clean", "--progress", "--no-summary", *files)[2]
    assert "12/12" in err
    err = run("clean", "--progress", "--no-summary", "--jsonl", "--jobs", "2", jsonl)[2]
    assert "150" in err


def test_progress_on_a_terminal_for_batch_runs_only(files, tmp_path, monkeypatch, capsysbinary):
    """With stderr a terminal, a batch run draws a bar by default; one file does not; --no-progress
    turns it off."""
    monkeypatch.chdir(tmp_path)

    def stderr_of(*argv: str) -> str:
        monkeypatch.setattr(sys, "stderr", Terminal())
        assert cli.main(["clean", "--no-summary", *argv]) == 0
        return sys.stderr.getvalue()

    assert "12/12" in stderr_of(*files)
    assert stderr_of(files[0]) == ""
    assert stderr_of("--no-progress", *files) == ""

"""JSON Lines with blank or whitespace-only lines: those lines pass through as they are (they are no
documents), whatever the commands, the number of jobs or the output."""

from __future__ import annotations

import json

import pytest

import ybtext

DOCS = ["他们经由过程协商解决了分歧。", "这是一段本来就干净的文字。", "黉舍今年不克不及扩招。"]


def _line(text: str) -> str:
    return json.dumps({"id": len(text), "text": text}, ensure_ascii=False) + "\n"


# A blank first line, one between documents, a whitespace-only one with CRLF, two at the end.
BLANKS = ["\n", _line(DOCS[0]), "\n", _line(DOCS[1]), "  \t\r\n", _line(DOCS[2]), "\n", "   "]


def _expected() -> str:
    out = []
    for line in BLANKS:
        if line.strip():
            obj = json.loads(line)
            line = json.dumps({"id": obj["id"], "text": ybtext.clean(obj["text"])}, ensure_ascii=False) + "\n"
        out.append(line)
    return "".join(out)


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.jsonl").write_text("".join(BLANKS), encoding="utf-8", newline="")
    return tmp_path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_blank_lines_pass_through_clean(run, work, jobs):
    code, out, err = run("clean", "--jsonl", "-j", jobs, "in.jsonl")
    assert code == 0 and err.startswith("ybtext: 3 documents,")  # the summary counts no blank line
    assert out.decode("utf-8") == _expected()
    assert _expected() != "".join(BLANKS)  # the documents themselves were cleaned


def test_blank_lines_pass_through_in_place_and_to_stdout_after_another_file(run, work):
    (work / "only-blanks.jsonl").write_text("\n\n", encoding="utf-8")
    code, out, _ = run("clean", "--jsonl", "only-blanks.jsonl", "in.jsonl")
    assert code == 0 and out.decode("utf-8") == "\n\n" + _expected()
    assert run("clean", "--jsonl", "--in-place", "in.jsonl")[0] == 0
    assert (work / "in.jsonl").read_bytes().decode("utf-8") == _expected()


def test_check_and_report_skip_blank_lines(run, work):
    code, out, err = run("check", "--jsonl", "in.jsonl")
    assert code == 1 and err == ""
    assert [line.split(":")[1] for line in out.decode().splitlines()] == ["2", "6"]  # the spun documents
    code, _out, _err = run("clean", "--jsonl", "--report", "r.jsonl", "in.jsonl")
    rows = [json.loads(line) for line in (work / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    assert code == 0 and [r["index"] for r in rows] == [2, 4, 6]


def test_a_line_that_is_not_blank_is_still_checked(run, work):
    (work / "bad.jsonl").write_text(_line(DOCS[0]) + "\n" + "not json\n", encoding="utf-8")
    code, out, err = run("clean", "--jsonl", "bad.jsonl")
    assert (code, out) == (2, b"")
    assert err.startswith("ybtext: error: bad.jsonl:3: not a JSON object") and err.count("\n") == 1

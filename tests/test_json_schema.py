"""One JSON result per document: clean --report, detect --format json and explain --format json
give objects with the same fields and types, the ones docs/json-schema.md lists."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import ybtext

DOC = Path(__file__).resolve().parents[1] / "docs" / "json-schema.md"
TYPES = {
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "string or null": lambda v: v is None or isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array of objects": lambda v: isinstance(v, list) and all(isinstance(x, dict) for x in v),
}
EXPLAIN_ONLY = {"edit_list", "notice_list"}


def documented() -> dict[str, str]:
    """``{field path: type}`` from the tables of docs/json-schema.md."""
    fields = {}
    for m in re.finditer(r"^\| `([\w.\[\]]+)` \| ([a-z ]+) \|", DOC.read_text(encoding="utf-8"), re.M):
        fields[m.group(1)] = m.group(2).strip()
    return fields


def paths(row: dict) -> dict[str, object]:
    """Every field path of a result, as the document writes them (``spin.pairs[].spun``)."""
    out: dict[str, object] = {}
    for key, value in row.items():
        out[key] = value
        if key == "spin":
            for k, v in value.items():
                out[f"spin.{k}"] = v
            for pair in value["pairs"]:
                for k, v in pair.items():
                    out[f"spin.pairs[].{k}"] = v
    return out


def check(row: dict, schema: dict[str, str], *, explain: bool) -> None:
    found = paths(row)
    wanted = {k for k in schema if "[]" not in k or row["spin"]["pairs"]}
    if not explain:
        wanted -= EXPLAIN_ONLY
    assert set(found) == wanted, set(found) ^ wanted
    for key, value in found.items():
        assert TYPES[schema[key]](value), (key, value, schema[key])
    assert row["schema"] == 1
    assert set(row["edits_by_step"]) == set(ybtext.STEPS)
    assert sum(row["edits_by_step"].values()) == row["edits"]


SPUN = "社区经由过程居民议事会决定，本周六在黉舍操场举办趣味运动会。\n由于场地有限，不克不及携带宠物入场。\n"


@pytest.fixture
def inputs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(SPUN, encoding="utf-8")
    Path("b.jsonl").write_text(json.dumps({"text": SPUN}, ensure_ascii=False) + "\n"
                               + json.dumps({"text": "今天天气很好。"}, ensure_ascii=False) + "\n", encoding="utf-8")
    return tmp_path


def test_the_document_lists_every_field_with_a_known_type():
    schema = documented()
    assert {"schema", "source", "index", "edits", "edits_by_step", "spin.pairs[].applied", "edit_list"} <= set(schema)
    assert set(schema.values()) <= set(TYPES)


def test_the_three_outputs_share_one_schema(run, inputs):
    schema = documented()
    rows = {}
    assert run("clean", "a.txt", "--report", "r.jsonl", "-o", "out.txt")[0] == 0
    rows["clean"] = [json.loads(l) for l in Path("r.jsonl").read_text(encoding="utf-8").splitlines()]
    code, out, _ = run("detect", "--format", "json", "a.txt")
    rows["detect"] = [json.loads(l) for l in out.decode().splitlines()]
    code, out, _ = run("explain", "--format", "json", "a.txt")
    rows["explain"] = [json.loads(l) for l in out.decode().splitlines()]
    for command, found in rows.items():
        assert len(found) == 1, command
        check(found[0], schema, explain=command == "explain")
    # the same document gives the same answers whichever command reports it
    common = lambda r: {k: v for k, v in r.items() if k not in EXPLAIN_ONLY and k != "spin"}
    assert common(rows["clean"][0]) == common(rows["detect"][0]) == common(rows["explain"][0])
    assert rows["clean"][0]["source"] == "a.txt" and rows["clean"][0]["edits_by_step"]["spin"] == 3
    assert rows["explain"][0]["edits"] == len(rows["explain"][0]["edit_list"])


def test_json_lines_results_name_the_line(run, inputs):
    schema = documented()
    assert run("clean", "--jsonl", "b.jsonl", "--report", "r.jsonl", "-o", "out.jsonl")[0] == 0
    report = [json.loads(l) for l in Path("r.jsonl").read_text(encoding="utf-8").splitlines()]
    detect = [json.loads(l) for l in run("detect", "--jsonl", "--format", "json", "b.jsonl")[1].decode().splitlines()]
    explain = [json.loads(l) for l in run("explain", "--jsonl", "--format", "json", "b.jsonl")[1].decode().splitlines()]
    for rows, is_explain in ((report, False), (detect, False), (explain, True)):
        assert [(r["source"], r["index"]) for r in rows] == [("b.jsonl", 1), ("b.jsonl", 2)]
        for r in rows:
            check(r, schema, explain=is_explain)


def test_applied_tells_restored_pairs_from_evidence_only():
    """The pairs of a result say how many edits restored each one; evidence a document shows
    without an edit (a spun form that is also a correct word here) is applied 0 times."""
    from ybtext._result import document_result
    from ybtext.report import triage

    text = Path(__file__).resolve().parents[1].joinpath("examples", "spun-notice.txt").read_text(encoding="utf-8")
    cleaned = ybtext.clean_and_explain(text)
    row = document_result("x", 1, cleaned, triage(text, cleaned), top=None)
    applied = {(p["spun"], p["original"]): p["applied"] for p in row["spin"]["pairs"]}
    restored = {(e.before, e.after) for e in cleaned.edits if e.step == "spin"}
    assert restored and all(applied.get(pair) == 1 for pair in restored)
    # 业余 stands for 专业 in some spinners' tables, but here it is the right word (业余生活)
    assert applied[("业余", "专业")] == 0 and "业余生活" in cleaned.text

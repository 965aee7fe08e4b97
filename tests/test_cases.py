"""Tests as data: every case in tests/cases/*.json.

A case file is a JSON list of objects:
  name        unique within the file
  input       the text given to ybtext.clean
  expected    (optional) the exact output; negative cases set it equal to input
  contains    (optional) strings the output must contain
  absent      (optional) strings the output must not contain
  options     (optional) keyword options for clean()
  xfail       (optional) reason: a known failure, run as a strict xfail
Every case is also checked for replay (apply_edits gives the same text) and idempotence.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import ybtext

CASES_DIR = Path(__file__).parent / "cases"


def _load():
    for path in sorted(CASES_DIR.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
            yield pytest.param(case, id=f"{path.stem}:{case['name']}", marks=marks)


CASES = list(_load())


@pytest.mark.parametrize("case", CASES)
def test_case(case):
    options = case.get("options", {})
    result = ybtext.clean_and_explain(case["input"], **options)
    if "expected" in case:
        assert result.text == case["expected"]
    for s in case.get("contains", []):
        assert s in result.text
    for s in case.get("absent", []):
        assert s not in result.text
    assert ybtext.apply_edits(case["input"], result.edits) == result.text
    assert ybtext.clean(result.text, **options) == result.text


def test_case_files_are_well_formed():
    names = set()
    for path in sorted(CASES_DIR.glob("*.json")):
        cases = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(cases, list) and cases, path
        for case in cases:
            assert set(case) <= {"name", "input", "expected", "contains", "absent", "options", "xfail", "note"}, case
            assert "expected" in case or "contains" in case or "absent" in case, case["name"]
            key = (path.name, case["name"])
            assert key not in names, key
            names.add(key)

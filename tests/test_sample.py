"""The user's own sample document (../shared/samples/huiwen-changsanjiao.txt): every certain check
in its .checks.tsv holds after clean(), and the output is within 2% (normalized Levenshtein) of the
hand-checked expected output."""

from __future__ import annotations

import pytest
from rapidfuzz.distance import Levenshtein

import ybtext


def _checks(path):
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        kind, text = line.split("\t", 1)
        yield pytest.param(kind, text, id=f"{lineno}-{kind}-{text}")


@pytest.fixture(scope="module")
def sample(shared):
    base = shared / "samples" / "huiwen-changsanjiao"
    original = base.with_suffix(".txt").read_text(encoding="utf-8")
    result = ybtext.clean_and_explain(original)
    return original, result, base


def _check_rows():
    from conftest import SHARED

    path = SHARED / "samples" / "huiwen-changsanjiao.checks.tsv"
    if not path.exists():
        return [pytest.param(None, None, marks=pytest.mark.skip(reason="../shared is absent"))]
    return list(_checks(path))


@pytest.mark.parametrize("kind, text", _check_rows())
def test_sample_check(sample, kind, text):
    _, result, _ = sample
    if kind in ("must", "keep"):
        assert text in result.text
    elif kind == "must_not":
        assert text not in result.text
    else:
        pytest.fail(f"unknown check kind {kind!r}")


def test_sample_close_to_expected(sample):
    _, result, base = sample
    expected = base.with_suffix(".expected.txt").read_text(encoding="utf-8")
    distance = Levenshtein.normalized_distance(result.text.strip(), expected.strip())
    assert distance <= 0.02, f"normalized Levenshtein distance {distance:.4f} > 0.02"


def test_sample_replays_and_is_idempotent(sample):
    original, result, _ = sample
    assert ybtext.apply_edits(original, result.edits) == result.text
    assert ybtext.clean(result.text) == result.text

"""Unit tests of detect_spin: verdict, family, per-pair evidence, report contract."""

from __future__ import annotations

import pytest

import ybtext

SPUN = ("本区坚持高质量进展，推动经济社会进展取得新成效。全区进展势头良好，产业进展、城乡进展齐头并进。"
        "我们为企业供给优质效劳，效劳窗口全部进驻大厅，效劳事项一网通办。")
CLEAN = ("本区坚持高质量发展，推动经济社会发展取得新成效，科研工作也取得重大进展。"
         "我们为企业提供优质服务，服务窗口全部进驻大厅，志愿者也乐于效劳。")


def test_spun_report_has_score_family_and_pair_evidence():
    """25x-style skew (进展 many times, 发展 never) makes a spun verdict with that pair listed first-class."""
    r = ybtext.detect_spin(SPUN)
    assert r.spun and r.family == "huiwen" and r.score >= 0.55
    pair = r.pair("发展", "进展")
    assert pair is not None and pair.original_count == 0 and pair.spun_count == 5 and pair.weight > 5


def test_clean_text_with_both_words_is_not_spun():
    """A text that uses 发展 and 进展, 服务 and 效劳 carries no evidence for those pairs."""
    r = ybtext.detect_spin(CLEAN)
    assert not r.spun and r.family is None
    assert r.pair("发展", "进展") is None


def test_heavy_family_from_non_word_forms():
    """Forms like 经由过程 and 不克不及 mark the heavy family."""
    r = ybtext.detect_spin("学生经由过程黉舍的查询拜访了解情况，老师不克不及缺席，大家存眷一样平常生活。")
    assert r.spun and r.family == "heavy" and r.sure_hits >= 4


def test_as_dict_keeps_contract_fields():
    """as_dict() has score, spun, family and pairs with the contract keys (the triage helper relies on them)."""
    d = ybtext.detect_spin(SPUN).as_dict()
    assert {"score", "spun", "family", "pairs"} <= set(d)
    assert {"original", "spun", "spun_count", "original_count", "weight"} <= set(d["pairs"][0])


def test_bad_input_is_a_clear_error():
    """Non-str input raises TypeError, not a silent empty report."""
    with pytest.raises(TypeError):
        ybtext.detect_spin(b"bytes")

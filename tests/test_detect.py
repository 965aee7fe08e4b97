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


def test_a_word_the_text_is_about_is_weak_evidence():
    """A clean essay on progress says 进步 a dozen times and never 提高: repetition of a topic word is
    damped (a burst, not a dozen independent pieces of evidence), so one pair cannot flag it."""
    essay = "".join(f"第{i}段：社会进步离不开每个人的努力，科学的进步让生活更便利，我们为这样的进步感到欣慰。"
                    for i in range(1, 5)) + "回头看，点滴进步都值得记录。" * 2
    assert essay.count("进步") >= 12 and "提高" not in essay
    assert not ybtext.detect_spin(essay).spun
    assert ybtext.clean(essay) == essay


def test_chain_forms_do_not_make_a_document_heavy():
    """进呈现范区 comes from sequential (汇文网-style) spinning: with it the family stays huiwen."""
    r = ybtext.detect_spin(SPUN + "共建一体化进呈现范区。")
    assert r.spun and r.sure_hits >= 1 and r.family == "huiwen"

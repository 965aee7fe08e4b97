"""The ``script`` step: Traditional -> Simplified with OpenCC, 壹 numerals, injected pinyin."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

import ybtext
from ybtext import Config, script


def test_simplified_document_never_runs_opencc():
    """A Simplified document is decided by a character class; OpenCC is not even constructed."""
    code = ("import ybtext, ybtext.script as s; ybtext.clean('头发和发展都很重要，干净整洁。');"
            "assert s._t2s.cache_info().currsize == 0")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_traditional_document_converted_by_runs():
    """Each converted run is one edit with the OpenCC rule; the edits replay to the same text."""
    text = "這個問題的關鍵在於長期堅持，經驗說明這樣做有效。"
    result = ybtext.clean_and_explain(text)
    assert result.text == "这个问题的关键在于长期坚持，经验说明这样做有效。"
    assert {e.rule for e in result.edits} == {"script:opencc-t2s"}
    assert ybtext.apply_edits(text, result.edits) == result.text


def test_phrase_tables_not_characters():
    """Conversion runs OpenCC on whole sentences, so phrase entries apply (乾隆 keeps its 乾)."""
    result = script.step("乾隆皇帝下詔書，頭髮與乾燥無關。", Config())
    assert result.text.startswith("乾隆皇帝下诏书") and "头发" in result.text


def test_mixed_document_converts_only_traditional_sentences():
    """In a long Simplified document one Traditional sentence is converted, the rest untouched."""
    simplified = "本报告介绍了项目的背景、目标和实施计划，各部门要认真落实。" * 5
    text = simplified + "下載本文檔需要登錄賬號。" + simplified
    result = script.step(text, Config())
    assert result.text == simplified + "下载本文档需要登录账号。" + simplified
    assert all("sentence" in e.note for e in result.edits)


def test_single_traditional_character_in_auto_mode_stays():
    """One Traditional-only character in a Simplified sentence is not enough to convert it in auto
    mode (a quoted shop sign); mode "s" converts it."""
    text = "这份材料很长，" * 10 + "招牌上写着“麵”字。"
    assert script.step(text, Config()).text == text
    assert "面" in script.step(text, Config(script="s")).text


def test_modes_t_and_none_keep_traditional():
    """script="t" and script=None leave Traditional text as it is."""
    text = "版權說明：本站文檔均由用戶上傳。"
    assert ybtext.clean(text, script="t") == text
    assert ybtext.clean(text, script=None) == text


def test_numeral_yi_only_outside_amounts():
    """壹 in running text becomes 一; next to an uppercase numeral or unit it is an amount and stays."""
    assert script.step("安全第壹", Config()).text == "安全第一"
    assert script.step("人民币壹仟元整", Config()).text == "人民币壹仟元整"
    assert script.step("壹万元", Config()).text == "壹万元"


def test_pinyin_needs_a_tone_and_a_han_character_before():
    """(xù) after 續 is removed; (China) or a toneless (ab) is left; so is pinyin after Latin text."""
    assert script.step("续(xù)费", Config()).text == "续费"
    assert script.step("续（fèi）费", Config()).text == "续费"
    assert script.step("中国(China)", Config()).text == "中国(China)"
    assert script.step("见(ab)表", Config()).text == "见(ab)表"
    assert script.step("abc(xù)", Config()).text == "abc(xù)"


def test_yi_inside_a_converted_run():
    """A 壹 between Traditional characters sits inside one converted run; the swap happens in it,
    so a second clean() finds nothing left to do."""
    once = ybtext.clean("說壹時")
    assert once == "说一时" and ybtext.clean(once) == once


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="己已未末侯候日曰经来成造早壹仟元第(（xùfèi)）版權說明，。\n 😀a的自常宝柜财妇時乾", max_size=30))
def test_script_and_ocr_replay_and_idempotence(text):
    """On any mix of look-alikes, Traditional characters, numerals and pinyin, the edits replay
    and cleaning twice changes nothing more."""
    result = ybtext.clean_and_explain(text)
    assert ybtext.apply_edits(text, result.edits) == result.text
    assert ybtext.clean(result.text) == result.text


def test_furniture_is_no_evidence_of_simplified():
    """A Traditional word next to a Simplified site's furniture is judged as the next pass sees it,
    with the furniture gone: converted on the first pass, so clean() is idempotent."""
    for text, expected, kept_t in [("麵第1页 共22页", "面", "麵"),
                                   ("說明\n本文档由用户上传，版权归属用户，本站只提供存储空间。\n", "说明\n", "說明\n"),
                                   ("下载本文档\n下载文档\n發展\n", "发展\n", "發展\n")]:
        once = ybtext.clean(text)
        assert once == expected
        assert ybtext.clean(once) == once
        assert ybtext.clean(text, script="t") == kept_t  # furniture goes, Traditional stays


def test_quoted_character_beside_furniture_stays():
    """The furniture check only converts what the body itself shows to be Traditional: one quoted
    character in a Simplified sentence stays, with or without a page counter after it."""
    text = "他们在老街开了一家店，招牌上写着“麵”字。"
    assert ybtext.clean(text + "\n第1页 共22页") == text

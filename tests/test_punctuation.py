"""The punctuation step: GB/T 15834 marks in Chinese context, and nothing outside it."""

from __future__ import annotations

import pytest

from ybtext import Config, apply_edits
from ybtext.punctuation import step

CONFIG = Config()


def run(text: str, config: Config = CONFIG) -> str:
    result = step(text, config)
    assert apply_edits(text, result.edits) == result.text
    assert step(result.text, config).text == result.text, "the step must be idempotent"
    return result.text


@pytest.mark.parametrize("before, after", [
    ("完整,准确;全面", "完整，准确；全面"),
    ("网站客服:12345", "网站客服：12345"),
    ("真的吗?是的!", "真的吗？是的！"),
    ("占比达3.3%,科技进步", "占比达3.3%，科技进步"),
    ("国内生产总值(GDP)增长", "国内生产总值（GDP）增长"),
    ("通知 (试行)", "通知（试行）"),
])
def test_ascii_marks_in_chinese_become_full_width(before, after):
    """ASCII , ; : ? ! ( ) next to Chinese become their full-width forms, with the spaces around them."""
    assert run(before) == after


@pytest.mark.parametrize("text", [
    "共有1,000人参加，时间为9:00-18:30。",
    "网址是https://example.cn/a?id=3，请查收。",
    "Hello, world. Is this fine? Yes!",
    "函数f(x)的值为正。",
])
def test_ascii_marks_outside_chinese_context_stay(text):
    """Numbers, times, URLs, Latin sentences and code keep their ASCII marks."""
    assert run(text) == text


def test_full_stop_ends_a_chinese_sentence():
    """An ASCII full stop after Chinese becomes 。 (and the space after it goes)."""
    assert run("会议取得成功. 下一步加强落实.") == "会议取得成功。下一步加强落实。"


@pytest.mark.parametrize("text", [
    "增长3.3%，版本3.3.1已发布。",
    "请发邮件到 service@example.com。",
    "文件名为报告.docx，请下载。",
    "1. 第一条内容。",
])
def test_full_stop_never_in_numbers_versions_mail_files(text):
    """Decimals, versions, e-mail addresses, file names and list numbers keep their full stop."""
    assert run(text) == text


def test_one_sided_and_vertical_quotes_are_paired():
    """〞 closes as ”, and a paragraph with an even number of quotes alternates “ ”."""
    assert run("“两个一百年〞奋斗目标") == "“两个一百年”奋斗目标"
    assert run("坚持“安全第一、预防为主“的方针") == "坚持“安全第一、预防为主”的方针"


def test_correct_quotes_and_continued_quotations_stay():
    """Paired quotes stay, and an odd count (a quotation continued in the next paragraph) is left alone."""
    for text in ("他说：“我们要坚持。”大家都同意。", "“第一段话没有结束，\n“第二段接着说。”"):
        assert run(text) == text


def test_stray_space_before_chinese_punctuation_goes():
    """精确 、 becomes 精确、; a space between two Chinese words stays (it may be deliberate)."""
    assert run("完整、精确 、全面") == "完整、精确、全面"
    assert run("第一章 总则") == "第一章 总则"


def test_document_numbers_keep_their_brackets():
    """国办发〔2019〕1号 is correct GB/T 9704; 〔一〕 as a list marker becomes （一）."""
    assert run("根据国办发〔2019〕1号文件精神") == "根据国办发〔2019〕1号文件精神"
    assert run("〔一〕总体要求\n〔二〕基本原则") == "（一）总体要求\n（二）基本原则"


def test_full_width_digits_and_letters_follow_config():
    """Full-width digits and letters become ASCII, unless fullwidth_ascii=False."""
    assert run("１９９８年增长３．５％，ＧＤＰ") == "1998年增长3.5%，GDP"
    off = Config(fullwidth_ascii=False)
    assert run("１９９８年", off) == "１９９８年"


def test_mostly_latin_lines_are_left_alone():
    """A mostly English line with two Chinese characters keeps its ASCII punctuation."""
    text = "The report (see 附件) says: growth is slow, prices are stable."
    assert run(text) == text


def test_rules_are_named():
    """Every edit carries the named rule that made it."""
    result = step("完整,准确 、全面.", CONFIG)
    assert {e.rule for e in result.edits} == {"punctuation:ascii-width", "punctuation:space", "punctuation:full-stop"}


@pytest.mark.parametrize("text", ["本文.,下一步", "他说〞好〞.然后", "第一;;第二", "甲 ,; 乙", "好?!真的", "一是:(试行)规定"])
def test_chained_marks_reach_the_fixed_point_in_one_run(text):
    """A converted mark can put its neighbour in Chinese context; the step composes its passes so
    that one run gives what repeated runs give, and the edits still replay."""
    from ybtext.punctuation import _once

    expected = text
    for _ in range(5):
        expected = _once(expected, CONFIG).text
    assert run(text) == expected

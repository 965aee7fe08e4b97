"""The layout step: repairs line structure only where the evidence is certain."""

from __future__ import annotations

from ybtext import Config, apply_edits
from ybtext.layout import step

CONFIG = Config()


def run(text: str) -> str:
    result = step(text, CONFIG)
    assert apply_edits(text, result.edits) == result.text
    assert step(result.text, CONFIG).text == result.text, "the step must be idempotent"
    return result.text


def test_title_split_one_word_per_line_is_joined():
    """The keyword line of a title (2023 / 乡镇 / 上半年 …) is joined when its words stand together below."""
    text = "2023\n乡镇\n上半年\n安全生产\n工作总结\n乡镇上半年安全生产工作总结\n今年以来，我镇坚持安全发展理念。"
    assert run(text).startswith("2023乡镇上半年安全生产工作总结\n乡镇上半年")


def test_short_lines_that_are_not_one_title_stay():
    """A table of contents or a list of names at the head is not a split title."""
    toc = "目录\n第一章\n第二章\n第三章\n第一章 总则\n本办法适用于全市。"
    names = "价格法\n主席令\n国务院令\n公告\n是全国人民的共同任务，各地都要落实。"
    assert run(toc) == toc
    assert run(names) == names


def test_crlf_and_x000d():
    """CRLF and lone CR become LF; OOXML _x000D_ escapes go."""
    assert run("第一行\r\n第二行\r第三行") == "第一行\n第二行\n第三行"
    assert run("第一段_x000D_\n第二段") == "第一段\n第二段"


WRAPPED = (
    "为深入贯彻落实党中央国务院关于安全生产工作的决策部署进一步\n"
    "压实各级安全生产责任有效防范化解重大安全风险坚决遏制重特大\n"
    "事故发生结合本地实际现就做好今年安全生产工作提出如下意见。\n"
    "一、总体要求\n"
    "坚持人民至上生命至上把保护人民生命安全摆在首位树牢安全发展\n"
    "理念强化底线思维和红线意识建立健全安全生产责任体系切实提升\n"
    "本质安全水平推动全市安全生产形势持续稳定好转确保全年目标。\n"
    "二、重点任务\n"
    "全面开展安全生产专项整治行动聚焦重点行业领域加强隐患排查治\n"
    "理严格落实企业主体责任和部门监管责任。\n"
)


def test_hard_wrapped_paragraphs_are_joined_headings_stay():
    """Lines cut at one width are joined; sentence ends, headings and list items keep their break."""
    out = run(WRAPPED)
    assert "决策部署进一步压实各级" in out
    assert "隐患排查治理严格" in out
    assert "如下意见。\n一、总体要求\n坚持人民至上" in out
    assert "确保全年目标。\n二、重点任务\n" in out


def test_prose_with_paragraphs_of_any_length_is_not_rewrapped():
    """Ordinary paragraphs (no common line width) keep every line break."""
    text = "\n".join(["今天天气很好。", "我们去公园散步，看到很多人在锻炼身体，有的跑步，有的打拳", "回家后大家都很开心。"] * 4)
    assert run(text) == text


BODY = "各地区各部门要认真贯彻落实有关部署要求，切实加强组织领导，完善工作机制。" * 5


def test_preview_chunk_numbers_cutting_words_are_removed():
    """Chunk numbers that count up a preview page apart and cut a word (领导小组的工 / 2、作职责) go."""
    text = BODY + "明确领导小组的工\n2、作职责和分工" + BODY + "按时开展督\n3、查检查工作。"
    out = run(text)
    assert "领导小组的工作职责和分工" in out
    assert "开展督查检查工作。" in out


def test_real_numbered_lists_stay():
    """A numbered list (items close together, even when wrapped) keeps its numbers."""
    text = "主要任务如下\n1、加强组织领导成立工作领导小组负责\n统筹推进各项工作的开展和落实情况\n2、完善制度建设健全责任体系并抓好\n落实工作\n3、加强督查"
    assert run(text) == text


def test_doubled_runs_are_collapsed_only_when_certain():
    """A line made entirely of doubled runs keeps one copy; short natural doublings stay."""
    assert run("第六章第六章 数据的组织结构与算法数据的组织结构与算法\n正文。") == "第六章 数据的组织结构与算法\n正文。"
    for text in ("研究研究\n讨论讨论", "大家谢谢谢谢", "哈哈哈哈哈哈哈哈"):
        assert run(text) == text

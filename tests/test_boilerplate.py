"""The boilerplate step: site furniture goes, the author's text stays, every removal is named."""

from __future__ import annotations

import pytest

import ybtext
from ybtext import Config, apply_edits, boilerplate
from ybtext._boilerplate_templates import templates
from ybtext._wordlists import load
from ybtext.boilerplate import step
from ybtext.errors import WordlistError

CONFIG = Config()
BODY = ("为进一步做好安全生产工作，镇党委政府多次召开专题会议研究部署，层层签订责任书，"
        "把各项措施落到实处。全年未发生较大以上安全事故，群众满意度明显提升。")


def run(text: str) -> str:
    result = step(text, CONFIG)
    assert apply_edits(text, result.edits) == result.text
    assert step(result.text, CONFIG).text == result.text, "the step must be idempotent"
    return result.text


@pytest.fixture
def generic_only(monkeypatch):
    monkeypatch.setattr(boilerplate, "_USE_TEMPLATES", False)


def test_user_sample_loses_its_notice_and_keeps_its_text(shared):
    """huiwen-changsanjiao.txt: the 汇文网 notice goes, the title words are joined, the checks hold."""
    sample = shared / "samples" / "huiwen-changsanjiao.txt"
    text = sample.read_text(encoding="utf-8")
    result = ybtext.clean_and_explain(text)
    assert apply_edits(text, result.edits) == result.text
    for line in (shared / "samples" / "huiwen-changsanjiao.checks.tsv").read_text(encoding="utf-8").splitlines():
        kind, _, what = line.partition("\t")
        if kind == "must_not" and what in ("温馨提示", "汇文网", "网站客服", "3074922707", "本文档由用户上传", "〞", "精确 、"):
            assert what not in result.text
    assert result.text.startswith("2023长三角一体化发展开路先锋\n") or result.text.startswith("2023长三角一体化")
    assert "浙江全面贯彻落实总书记重要讲话精神" in result.text


def test_template_edits_carry_the_template_name_and_catalogue_entry():
    """A removed line's rule is the template name; the note names the wordlist line, entry and site."""
    text = "温馨提示:\n2. 本文档由用户上传,版权归属用户,某某网负责整理代发布。\n网站客服:1234567890\n" + BODY
    result = step(text, CONFIG)
    assert result.text == BODY
    rules = [e.rule for e in result.edits]
    assert rules == ["wnwk-notice-title", "wnwk-notice-2", "wnwk-service"]
    assert "catalog#1" in result.edits[0].note and "boilerplate-templates.tsv:" in result.edits[0].note


def test_body_sentences_mentioning_site_words_stay():
    """Prose that mentions 下载 or 客服 (even twice) is the author's text, at the head, middle or tail."""
    prose = [
        "用户可以在政务服务网下载申请表，填好后交到窗口。",
        "公司设立了客服中心，专门受理群众的投诉和建议。",
        BODY,
        "遇到问题可拨打客服电话咨询，也可以在网上下载相关文件。",
    ]
    text = "\n".join(prose)
    assert run(text) == text


def test_keep_boilerplate_turns_the_step_off():
    """keep_boilerplate=True (Config.boilerplate=False) leaves furniture in place."""
    text = "温馨提示:\n网站客服:1234567890\n" + BODY
    assert "网站客服" in ybtext.clean(text, keep_boilerplate=True)
    assert "网站客服" not in ybtext.clean(text)


@pytest.mark.parametrize("counter", [
    "第1页 / 共22页", "第 3 页 共 12 页", "1 / 22", "- 3 -", "— 4 —", "Page 2 of 9", "第 PAGE 211 页",
    "某某工作总结_第2页",
])
def test_page_counters_in_all_forms(counter):
    """A line that is only a page counter goes, whatever its form."""
    assert run(BODY + "\n" + counter + "\n" + BODY) == BODY + "\n" + BODY


def test_page_counter_inside_prose_and_prose_about_pages():
    """第2页共9页 pasted into a sentence goes; 见第3页 in a sentence stays."""
    assert run("各项措施落第2页共9页到实处。") == "各项措施落到实处。"
    text = "具体要求见第3页，第5页列出了附表。"
    assert run(text) == text


def test_lone_page_numbers_that_count_up():
    """Lines holding only a number that counts up through the document are page numbers."""
    text = "\n".join([BODY, "1", BODY, "2", BODY, "3", BODY])
    assert run(text) == "\n".join([BODY] * 4)
    one = "2023\n" + BODY
    assert run(one) == one


def test_noise_run_of_rare_characters_goes_rare_names_stay():
    """A long run of rare characters (a noise watermark) goes; a rare word in prose stays."""
    noise = "袂艿艿螂螈羆莁薅蚄羅蒃螁羃羄膃薃罿羃莅"
    assert run("各项措施" + noise + "落到实处。") == "各项措施落到实处。"
    text = "湖边的蒹葭郁郁葱葱，龃龉之事早已化解。"
    assert run(text) == text


def test_generic_rules_remove_an_uncatalogued_site(generic_only):
    """Without any template: an invented site's header, running heads, stamp and footer go."""
    header = ["星河文库 - 免费文档下载 www.xinghe-wk.com", "上传者：刘**  上传时间：2022-03-04  下载积分：5"]
    page = ["星河文库 | 专业文档分享", "第 2 页，共 3 页"]
    footer = ["更多精品资料请关注微信公众号：星河文库", "客服QQ：123456789"]
    paragraphs = [BODY, "全镇上下要再接再厉，【星河文库 www.xinghe-wk.com 版权所有】推动工作再上新台阶。", BODY]
    text = "\n".join(header + paragraphs[:1] + page + paragraphs[1:2] + page + paragraphs[2:] + footer)
    out = run(text)
    assert out == "\n".join([BODY, "全镇上下要再接再厉，推动工作再上新台阶。", BODY])


def test_repeated_watermark_inside_paragraphs(generic_only):
    """A stamp pasted into several paragraphs (unknown site) is found by its repetition."""
    mark = "资料来源星河文库仅供学习交流"
    paragraphs = [BODY[:k] + mark + BODY[k:] for k in (9, 30, 52)]
    out = run("\n".join(paragraphs))
    assert out == "\n".join([BODY] * 3)


def test_year_bump_is_a_notice_not_an_edit():
    """202223年 is reported as a Notice and left as it is."""
    result = step("202223年教育系统平安建设工作总结\n" + BODY, CONFIG)
    assert not result.edits
    assert [(n.text, n.rule) for n in result.notices] == [("202223年", "boilerplate:year-bump")]


def test_shipped_lists_lint_clean_and_templates_compile():
    """The boilerplate wordlists are well formed and every template compiles with a name and source."""
    for name in ("boilerplate-templates.tsv", "boilerplate-vocab.tsv", "boilerplate-common-chars.tsv"):
        resource = load(name)
        assert len(resource) > 0
    tpl = templates()
    assert all(t.source.startswith(("catalog#", "issue:")) and t.site for t in tpl.by_name.values())
    assert len(tpl.by_name) >= 100


def test_bad_template_placeholder_is_a_wordlist_error(tmp_path):
    """An unknown placeholder is reported with file and line, not skipped."""
    from ybtext._boilerplate_templates import _compile_pattern
    from ybtext._wordlists import Entry

    entry = Entry((("name", "x"), ("pattern", "<nope>")), "boilerplate-templates.tsv", 9)
    with pytest.raises(WordlistError, match="boilerplate-templates.tsv"):
        _compile_pattern("<nope>abc", entry)


def test_import_compiles_nothing():
    """Importing the step modules loads no wordlist and builds no pattern: that happens on first use."""
    import subprocess
    import sys

    code = ("import ybtext, ybtext.boilerplate, ybtext.layout, ybtext.punctuation\n"
            "from ybtext import _boilerplate_templates as t, _boilerplate_rules as r, _wordlists as w\n"
            "assert t.templates.cache_info().currsize == 0 and r.vocabulary.cache_info().currsize == 0\n"
            "assert w.load.cache_info().currsize == 0\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_blank_run_counted_after_removed_lines():
    """Blank lines on both sides of a removed furniture line make one run, as the next pass sees
    them: six blank lines keep one on the first pass (clean() is idempotent)."""
    text = "第一段文字写在这里，说的是春耕的安排。\n\n\n\n下载本文档\n\n\n\n第二段文字写在这里，说的是秋收的准备。"
    once = ybtext.clean(text)
    assert once == "第一段文字写在这里，说的是春耕的安排。\n\n第二段文字写在这里，说的是秋收的准备。"
    assert ybtext.clean(once) == once


def test_one_line_document_needs_strong_evidence():
    """A one-line review that names a download site is the author's; a whole one-line site notice
    is still furniture."""
    review = "其他驱动到www.hp.com.cn去下载"
    assert ybtext.clean(review) == review
    assert ybtext.clean("温馨提示：本文档由用户上传，版权归属用户，本站负责整理代发布。") == ""


def test_patterns_take_their_words_from_the_vocabulary():
    """The site-name, stamp, download-box and login patterns are built from boilerplate-vocab.tsv's
    roles column; a word of kind ``pattern`` serves them and is not scored."""
    from ybtext import _boilerplate_page as page
    from ybtext import _boilerplate_rules as rules

    voc = rules.vocabulary()
    assert set(voc.roles) == set(rules.ROLES) - {"-"}
    for term in voc.roles["site-name"]:
        assert rules.patterns()["sitename"].fullmatch("云帆" + term)
    for term in voc.roles["field-line"]:
        assert rules.patterns()["field_line"].fullmatch(term + "：3")
    for term in voc.roles["stamp-phrase"]:
        assert rules.stamps(f"新芽。云帆文档{term}使用。") == [(3, 3 + 4 + len(term) + 2)]
    assert {m.group() for m in page._patterns()["login"].finditer("账号 帐号 用户名 密码 验证码")} == set(voc.roles["login"])
    for term in voc.roles["contact"]:
        assert rules.patterns()["contact"].fullmatch(term + "：13800138000")
    unscored = [e["term"] for e in load("boilerplate-vocab.tsv") if e["kind"] == "pattern"]
    assert "课件网" in unscored and not set(unscored) & set(voc.weight)
    assert rules.score_line("网")[0] == 0


def test_unknown_vocabulary_role_names_the_line(monkeypatch):
    from ybtext import _boilerplate_rules as rules
    from ybtext._wordlists import Entry, Wordlist

    bad = Wordlist("boilerplate-vocab.tsv", (), ("term", "kind", "weight", "roles", "source"),
                   (Entry((("term", "文库"), ("kind", "site"), ("weight", "1"), ("roles", "site-nmae"),
                           ("source", "x")), "boilerplate-vocab.tsv", 6),))
    monkeypatch.setattr(rules, "load", lambda name: bad)
    rules.vocabulary.cache_clear()
    try:
        with pytest.raises(WordlistError, match=r"boilerplate-vocab\.tsv:6: unknown role 'site-nmae'"):
            rules.vocabulary()
    finally:
        monkeypatch.undo()
        rules.vocabulary.cache_clear()

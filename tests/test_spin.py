"""Unit tests of the spin step: tiers, evidence in notes, chains, length changes, options, speed-critical structure."""

from __future__ import annotations

import dataclasses
from unittest import mock

import pytest

import ybtext
from ybtext.spin.policy import POLICY
from ybtext import spin
from ybtext._wordlists import lint, shipped_names
from ybtext.config import Config

SPUN = ("本区坚持高质量进展，推动经济社会进展取得新成效。全区进展势头良好，产业进展、城乡进展齐头并进。"
        "我们为企业供给优质效劳，效劳窗口全部进驻大厅，效劳事项一网通办。")


def _edits(text, **options):
    return ybtext.clean_and_explain(text, script=None, boilerplate=False, layout=False,
                                    punctuation=False, ocr=False, **options).edits


def test_spin_wordlists_lint_clean():
    """Every shipped spin/lexicon list passes the wordlist linter (sorted, unique, headers, NFC)."""
    from pathlib import Path
    root = Path(__file__).resolve().parents[1] / "wordlists"
    names = [n for n in shipped_names() if n.startswith(("spin-", "lexicon-"))]
    assert {"spin-sure.tsv", "spin-gated.tsv", "spin-context.tsv", "spin-chains.tsv", "spin-chars.tsv", "spin-phrases.tsv",
            "lexicon-zh.tsv"} <= set(names)
    for name in names:
        assert lint(root / name) == [], name


def test_sure_edit_carries_rule_tier_and_confidence():
    """A sure-tier restoration names its wordlist line, says tier=sure and has a confidence in [0, 1]."""
    (edit,) = [e for e in _edits("他们经由过程考核。") if e.before == "经由过程"]
    assert edit.after == "通过" and edit.rule.startswith("spin-sure.tsv:")
    assert "tier=sure" in edit.note and 0.0 <= edit.confidence <= 1.0


def test_sure_form_across_word_boundary_is_kept():
    """A sure key that only appears across a word boundary in correct text is vetoed by local context."""
    text = "假设干部队伍建设再加强一些会怎样？"
    assert ybtext.clean(text, spin="force") == text


def test_gated_edit_carries_document_evidence():
    """Gated restorations happen in a spun document and their note shows the pair counts and the score."""
    edits = [e for e in _edits(SPUN) if e.before == "进展"]
    assert edits and all(e.after == "发展" for e in edits)
    assert all("tier=gated" in e.note and "发展x0" in e.note and "document score" in e.note for e in edits)


def test_gated_needs_document_evidence_in_auto_mode():
    """One 进展 that reads right in a short clean sentence is no evidence: auto leaves it (force,
    which treats the text as spun, may not)."""
    text = "这项联合研究今年取得了新的进展。"
    assert ybtext.detect_spin(text).spun is False
    assert ybtext.clean(text) == text


def test_one_spun_word_that_reads_wrong_is_evidence_enough():
    """A short item whose only spun word reads clearly wrong in its context (协调进展 for the set
    phrase 协调发展) is taken for spun on the context model's evidence, and restored."""
    assert ybtext.detect_spin("推动区域协调发展。").spun is False
    report = ybtext.detect_spin("推动区域协调进展。")
    assert report.spun and report.context > 0
    assert ybtext.clean("推动区域协调进展。") == "推动区域协调发展。"


def test_pair_without_evidence_is_not_reversed_even_when_forced():
    """When the original word also stands in the document, the spinner did not apply the pair."""
    text = "经济发展迅速，科研取得新进展。"
    assert ybtext.clean(text, spin="force") == text


def test_service_provider_is_restored_where_service_supply_stays():
    # 提供 -> 供给 turns 服务提供者 into 服务供给者 (效劳供给者 once 服务 is spun too); the listed
    # contexts keep 服务供给 (service supply) and 有效供给 as written, but not a 供给者 after 服务
    text = SPUN + "各类平台效劳供给者应当供给优质效劳，保障有效供给，推进效劳供给侧改革。"
    made = [(e.before, e.after, text[e.end:e.end + 1]) for e in _edits(text) if "供给" in e.before]
    assert ("供给者", "提供者", "应") in made
    assert ("供给", "提供", "优") in made
    assert not [m for m in made if m[2] in "，侧"]


def test_laws_cite_laws_with_yizhao():
    # 按照 -> 依照 is a 汇文网 pair, but a law cites a law with 依照: 依照《中华人民共和国…法》 stays
    text = SPUN + "依照《中华人民共和国网络安全法》的规定处理，依照有关法律追究责任。"
    assert not [e for e in _edits(text) if e.before == "依照"]


def test_chain_is_undone_whole():
    """进呈现范区 (发展示范区 after 发展→进展 then 展示→呈现) comes back as 发展示范区, not 进展示范区."""
    out = ybtext.clean("一体化进呈现范区建设加快，区域进展良好，进展态势稳定，进展成果丰硕。")
    assert "一体化发展示范区" in out and "进呈现" not in out and "进展示" not in out


def test_length_change_does_not_touch_neighbours():
    """不克不及提供效劳 shrinks by two characters; the neighbours stay exactly in place."""
    out = ybtext.clean("我们不克不及提供帮助，也不克不及拖延。", spin="force")
    assert out == "我们不能提供帮助，也不能拖延。"


def test_off_is_identity_and_bad_option_is_an_error():
    """spin="off" returns the input; an unknown spin value is a ConfigError."""
    assert spin.step("经由过程", Config(spin="off")).text == "经由过程"
    with pytest.raises(ybtext.ConfigError):
        Config(spin="maybe")


def test_fuzzy_phrase_recovery_uses_listed_phrase_and_similarity():
    """A listed canonical phrase one character off is restored in a spun document, with its similarity as confidence."""
    text = SPUN + "大力推动大湾区大花园大通道大都区建设。"
    edits = [e for e in _edits(text) if "tier=phrase" in e.note]
    assert [e.after for e in edits] == ["大湾区大花园大通道大都市区"]
    assert edits[0].rule.startswith("spin-phrases.tsv:") and 0.8 <= edits[0].confidence < 1.0


def test_fuzzy_does_not_cut_words():
    """综合承载力量 is not read as a garbled 综合承载能力 with the 量 left over."""
    out = ybtext.clean(SPUN + "城市综合承载力量明显提升。")
    assert "能力量" not in out


def test_user_sample_spin_part(shared):
    """On the user's sample, the word restorations this step owns hold (punctuation is another step's)."""
    text = (shared / "samples" / "huiwen-changsanjiao.txt").read_text(encoding="utf-8")
    out = ybtext.clean(text)
    for kind, s in (l.split("\t") for l in (shared / "samples" / "huiwen-changsanjiao.checks.tsv")
                    .read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")):
        if any(c in s for c in "“”〞、") or kind == "must_not" and s in ("温馨提示", "汇文网", "网站客服", "3074922707", "本文档由用户上传"):
            continue
        assert (s in out) == (kind != "must_not"), (kind, s)


def test_one_spun_form_per_original():
    """进展 and 开展 both lack 发展 in a spun report; only the stronger, attested claim (进展) wins."""
    out = ybtext.clean(SPUN + "各部门认真开展调研工作。")
    assert "认真开展调研" in out and "高质量发展" in out


def test_negative_words_survive_inside_a_spun_document():
    """Inside a document detected as spun, listed collocations keep their spun-looking words."""
    out = ybtext.clean(SPUN + "科技进步很快，要从根本上解决问题，发挥中心城市作用，人民武装力量更加强大。")
    for keep in ("科技进步", "从根本上", "中心城市", "武装力量"):
        assert keep in out, keep


def test_single_mined_occurrence_in_short_heavy_document_is_kept():
    """One 趣味 and no 兴趣 in two sentences is no evidence: the short heavy-spun document gets its
    non-words restored (经由过程, 黉舍, 不克不及) but 趣味运动会 stays, since a single occurrence
    carries only the words' frequency ratio and the context adds nothing beyond it."""
    text = "社区经由过程居民议事会决定，本周六在黉舍操场举办趣味运动会。\n由于场地有限，不克不及携带宠物入场。\n"
    out = ybtext.clean(text)
    assert "趣味运动会" in out and "通过" in out and "学校" in out and "不能" in out


def test_chains_combine_two_different_pairs():
    """A chain is two different pairs applied one after the other; a pair applied inside its own
    output (事件 -> 大事 inside 大事件) is a curated context entry, not a chain with a doubled original."""
    from ybtext._wordlists import load
    for e in load("spin-chains.tsv"):
        first, second = e["source"].split("+")
        assert first != second, e.rule


HEAVY_CHARS = ("黉舍战社区正在周末一起举办读书会。老师战家长正在会上交流阅读经验，经由过程这次活动，孩子们不克不及再说读书没有意思。"
               "学生战老师正在图书馆里挑选图书，有人正在讨论战争小说，也有人正在谈论怎样迎接新的挑战。"
               "一样平常生活中，家长战孩子正在一起读书的时间太少。校长战老师正在操场上讲话，同学们正在下面认真听，"
               "大家都说下次还要来。秋天的时候，学生战家长正在公园里开一次诗歌朗诵会，每个人都准备一首诗。")


def test_heavy_one_character_swaps_restored_where_they_stand_alone():
    """In a heavy-family document with no standalone 和 or 在, the standalone 战 and every 正在 are the
    spinner's (和 -> 战, 在 -> 正在); 战 inside 战争 and 挑战 stays. The edits say tier=char and
    give the standalone counts."""
    assert ybtext.detect_spin(HEAVY_CHARS).family == "heavy"
    edits = _edits(HEAVY_CHARS)
    char = [e for e in edits if "tier=char" in e.note]
    assert sorted({(e.before, e.after) for e in char}) == [("战", "和"), ("正在", "在")]
    assert len(char) == HEAVY_CHARS.count("正在") + HEAVY_CHARS.count("战") - 2
    assert all(e.rule.startswith("spin-chars.tsv:") and "standing alone" in e.note for e in char)
    out = ybtext.clean(HEAVY_CHARS, script=None, boilerplate=False, layout=False, punctuation=False, ocr=False)
    assert "战争小说" in out and "新的挑战" in out and "学校和社区在周末" in out


def test_one_character_swap_decoded_with_its_clause():
    """次序战国度好处: decoded with the clause, where 次序 -> 秩序, 国度 -> 国家 and 好处 -> 利益 are
    candidates too, the whole reads 社会秩序和国家利益."""
    text = HEAVY_CHARS + "这些行为损害社会次序战国度好处。维护社会次序战国度好处是每个人的责任。国度好处高于一切。"
    spots = [i + 4 for i in range(len(HEAVY_CHARS), len(text)) if text.startswith("社会次序战国度", i)]
    assert len(spots) == 2
    edits = {(e.start, e.before, e.after) for e in _edits(text)}
    assert all((i, "战", "和") in edits for i in spots)
    out = ybtext.clean(text, script=None, boilerplate=False, layout=False, punctuation=False, ocr=False)
    assert out.count("社会秩序和国家利益") == 2


def test_heavy_gated_form_decoded_with_its_neighbours():
    """群众束缚军: beside the spun 束缚, 群众 reads as well as 人民 would; decoded with the clause,
    where 束缚 -> 解放 is a candidate too, 人民解放军 reads clearly better, and the edits say so."""
    text = HEAVY_CHARS + "群众束缚军战士到黉舍先容了群众束缚军的汗青。老兵讲了束缚战役时群众束缚军的故事。"
    people = [e for e in _edits(text) if e.before == "群众"]
    assert [e.after for e in people] == ["人民"] * 3
    assert all("decoded with its clause" in e.note and e.tier == "gated" for e in people)
    out = ybtext.clean(text, script=None, boilerplate=False, layout=False, punctuation=False, ocr=False)
    assert out.count("人民解放军") == 3


def test_one_character_swaps_need_the_heavy_family():
    """The same 战 and 正在 in a document without the heavy family's non-words are left alone."""
    text = HEAVY_CHARS.replace("黉舍", "学校").replace("经由过程", "通过").replace("不克不及", "不能").replace("一样平常", "日常")
    assert not any("tier=char" in e.note for e in _edits(text))
    assert not any("tier=char" in e.note for e in _edits(text, spin="force"))


def test_one_character_swap_needs_the_original_absent():
    """Where 和 stands alone more often than 战 does, the document shows the spinner did not swap them."""
    text = HEAVY_CHARS + "我和你，他和她，城市和乡村，今天和明天，老师和学生，父母和孩子，山和水，书和笔，花和草，风和雨。"
    pairs = {(e.before, e.after) for e in _edits(text) if "tier=char" in e.note}
    assert ("战", "和") not in pairs and ("正在", "在") in pairs


def test_one_character_swaps_need_several_distinct_non_words():
    """One non-word, however often it stands (a name read across a word boundary can look like one),
    makes the document heavy-family for the detector but does not open the one-character tier."""
    text = (HEAVY_CHARS.replace("经由过程", "通过").replace("不克不及", "不能").replace("一样平常", "日常")
            .replace("校长", "黉舍校长"))
    assert ybtext.detect_spin(text).family == "heavy"
    edits = _edits(text)
    assert [e.before for e in edits if "tier=sure" in e.note] == ["黉舍", "黉舍"]
    assert not any("tier=char" in e.note for e in edits)


def test_one_character_swap_needs_an_expected_original():
    """Absence only proves something where clean text would use the original: in a short heavy
    paragraph 和 is expected less than once, so 战 stays (the longer document restores it)."""
    short = "黉舍战社区经由过程考核，不克不及迟到，一样平常要认真。"
    assert ybtext.detect_spin(short).family == "heavy"
    assert not any("tier=char" in e.note for e in _edits(short))


HEAVY_NO_NON_WORDS = ("这项手艺的汗青很长，今朝专家向大师先容了这项手艺的切确道理。手艺职员说，今朝这项手艺已经用于糊口的各个方面，"
                      "汗青上很少有手艺能这样改变糊口。专家还先容了本年的新手艺，今朝已有很多工场在用。")


def test_short_heavy_document_without_non_words_is_heavy_family():
    """Many different 伪原创 words whose originals never occur (手艺 without 技术, 汗青 without 历史)
    and no 汇文网-family pair make a heavy-family document even where no non-word stands."""
    report = ybtext.detect_spin(HEAVY_NO_NON_WORDS)
    assert report.spun and report.family == "heavy" and report.sure_hits == 0
    out = ybtext.clean(HEAVY_NO_NON_WORDS, script=None, boilerplate=False, layout=False, punctuation=False, ocr=False)
    assert "这项技术的历史很长" in out and "目前专家" in out


def test_one_spun_form_for_several_originals_is_decided_per_occurrence():
    """天下 is what the heavy tables write for 世界 and for 全国, and both are absent from this heavy
    document: each occurrence takes the original its clause reads best with."""
    text = HEAVY_CHARS + "天下人民代表大会在北京召开。我们要维护天下和平。"
    got = [(e.after, e.tier) for e in _edits(text) if e.before == "天下"]
    assert got == [("全国", "gated"), ("世界", "gated")]


def test_large_frequency_ratio_is_no_veto():
    """年夜 -> 大 is a 28,000x frequency ratio; the decoder weighs the whole clause, and 大有关系 wins."""
    out = ybtext.clean(HEAVY_CHARS + "这件事战那些画作年夜有关系。", script=None, boilerplate=False, layout=False,
                       punctuation=False, ocr=False)
    assert out.endswith("这件事和那些画作大有关系。")


CYCLE = ("经由过程这次调研，我们看到孩子们对未来充满盼望。家长企望孩子健康成长，老师也盼望学生好好读书。"
         "黉舍盼望家长多沟通，一样平常生活中不克不及忽视孩子的盼望。大家企望的日子终于来了，人们盼望明天更好。"
         "他们企望已久的新馆开放了，盼望越来越多的人来参观，盼望是前进的动力。社区企望更多志愿者加入。")


def test_single_pass_cycle_does_not_hide_the_original():
    """A heavy spinner's one pass writes 盼望 for 希望 and 企望 for 盼望. With 希望 absent and 盼望
    everywhere, 盼望 -> 希望 is applied, so the 盼望 of the document are spun forms, no evidence
    against 企望 -> 盼望: both are restored and the evidence says why."""
    report = ybtext.detect_spin(CYCLE)
    ev = report.pair("盼望", "企望")
    assert report.family == "heavy" and ev is not None
    assert ev.original_count == 0 and ev.spun_elsewhere == CYCLE.count("盼望")
    edits = _edits(CYCLE)
    back = [e for e in edits if e.before == "企望"]
    assert len(back) == CYCLE.count("企望") and all(e.after == "盼望" for e in back)
    assert all("as a spun form" in e.note for e in back)
    assert [e.after for e in edits if e.before == "盼望"] == ["希望"] * CYCLE.count("盼望")


def test_two_originals_reading_alike_leave_the_occurrence():
    """该当 is what the heavy tables write for 应当 and for 应该, both absent here: an occurrence whose
    clause reads about as well with either (企业该当按期缴纳) stays; one that reads better with
    应当 by more than TIE (单位该当及时报告) is restored."""
    from ybtext._context_model import model
    text = HEAVY_CHARS + "企业该当按期缴纳。单位该当及时报告。"
    gains = []
    for tail in ("企业该当", "单位该当"):
        i = text.index(tail) + 2
        gains.append(model().margin(text, i, i + 2, "应当") - model().margin(text, i, i + 2, "应该"))
    assert abs(gains[0]) < POLICY.tie < gains[1]
    out = ybtext.clean(text, script=None, boilerplate=False, layout=False, punctuation=False, ocr=False)
    assert "企业该当" in out and "单位应当及时报告。" in out


@pytest.mark.parametrize("text", [
    "我们在这项工作上取得重大进展，各方都很满意。\n建设更高水平的平安中国。",
    "这座中心城市的自由贸易试验区建设富有成效，为下一步改革提供了根本遵循。",
    "今年全市平安中国建设取得重大进展。",
])
def test_correct_official_terms_survive_short_items(text):
    """Short clean items made of terms the mission names as correct come out unchanged, and the
    context evidence finds nothing in them (the trigram model does not know every official term;
    the phrase list does). (The count evidence alone still calls the last two spun: one 进展 and
    no 发展, one 平安 and no 安全; the gates keep them.)"""
    assert ybtext.detect_spin(text).context == 0.0
    assert ybtext.clean(text) == text


UNSEEN = ("各地积极撑持农村合作社建设，及时解决农户反映的题目。县里撑持村里修路，村里撑持农户发展养殖，"
          "遇到题目就商量着办。我们要继续撑持基层创新，把存在的题目一个一个解决好。")


def test_pair_no_list_saw_a_spinner_use_is_restored_on_consistent_context():
    """撑持 for 支持 and 题目 for 问题 are in the public tables only (no spun page showed them): four
    撑持 and no 支持, three 题目 and no 问题, and the model prefers the original at every one."""
    from ybtext.spin._tables import tables

    for spun, original in (("撑持", "支持"), ("题目", "问题")):
        assert not any(p.attested for p in tables().gated[spun] if p.original == original)
    assert ybtext.detect_spin(UNSEEN).spun
    out = ybtext.clean(UNSEEN)
    assert "撑持" not in out and out.count("支持") == 4 and out.count("问题") == 3


def test_one_unseen_pair_alone_is_not_document_evidence():
    """One pair no list holds, however consistent, is not enough to call a document spun."""
    text = UNSEEN.replace("题目", "问题")
    assert ybtext.detect_spin(text).context == 0.0


def test_one_odd_word_repeated_is_not_spinning():
    """A clean report that says 此次 four times (the model would prefer 这次 each time) is left alone."""
    text = "此次会议在北京召开。此次会议的主题是改革。代表们认为，此次会议开得很成功，此次会议的成果将惠及全国。"
    assert ybtext.detect_spin(text).spun is False
    assert ybtext.clean(text) == text


def test_edits_carry_their_tier_as_a_field():
    result = ybtext.clean_and_explain("社区经由过程居民议事会决定，我们为居民供给优质的效劳，效劳事项一网通办。")
    tiers = {(e.before, e.tier) for e in result.edits if e.step == "spin"}
    assert ("经由过程", "sure") in tiers and ("效劳", "gated") in tiers
    assert all(e.tier == "" for e in result.edits if e.step != "spin")
    assert all(e.as_dict()["tier"] == e.tier for e in result.edits)


def test_overlaps_are_resolved_by_the_tier_field_not_the_note():
    from ybtext._edits import Span
    from ybtext.spin import _resolve

    gated = Span(0, 4, "发展示范", "a", 0.99, "no tier written here", "gated")
    user = Span(2, 4, "示范", "b", 0.5, "nor here", "user")
    assert _resolve([gated, user]) == [user]


def test_the_spin_report_travels_in_the_result():
    """The spin step's own report comes back in ``Cleaned.spin`` and is the detector's verdict on
    the text that step received, so detect, clean --report and review agree with the edits."""
    from ybtext._spanmap import SpanMap
    from ybtext.report import triage

    text = "社區經由過程居民議事會決定。我們為居民供給優質的效勞，效勞事項一網通辦，進展態勢良好，進展成果豐碩。"
    result = ybtext.clean_and_explain(text)
    assert result.spin is not None and result.spin.spun
    assert result.spin == ybtext.detect_spin(SpanMap(text, result.edits).text_before("spin"))
    assert triage(text, result).spin is result.spin
    assert ybtext.clean_and_explain(text, spin="off").spin is None
    assert ybtext.clean_and_explain(text, spin="force").spin is None


# One spun form, two originals: the 汇文网 family writes 进展 for 发展 and for 进行.
_WORKSHOP = ("工厂的进展离不开平安。本周各工段给组长进展平安技术交底，对新来的工人进展相应的培训，对班组进展检查，"
             "对查出的问题进展整改。平安生产是企业进展的根基，平安工作要年年抓，推动平安文化进展。")


def test_one_spun_form_restored_to_the_original_its_context_names():
    out = ybtext.clean(_WORKSHOP)
    assert "进行安全技术交底" in out
    assert "进行相应的培训" in out
    assert "进行整改" in out and "进行检查" in out
    assert "企业发展的根基" in out and "工厂的发展" in out
    assert "进展" not in out.replace("进行", "")


def test_a_name_after_the_spun_form_keeps_the_document_original():
    # 研究 is no listed context of 进行: 进展研究中心 is the spun 发展研究中心
    out = ybtext.clean(_WORKSHOP + "省进展研究中心派人指导。")
    assert "省发展研究中心" in out


@pytest.mark.xfail(strict=True, reason="without a listed context an occurrence takes the document's "
                   "original (发展); the trigram model prefers 进行 in too many places where 发展 was meant "
                   "(高质量进展) to decide alone")
def test_an_occurrence_without_a_listed_context_meaning_the_other_original():
    out = ybtext.clean(_WORKSHOP + "各工段要进展自查。")
    assert "各工段要进行自查" in out


def test_a_context_only_original_needs_its_context():
    # 进展 stands for 发展 or 进行; here 发展 occurs twice, so only 进行 (once, beside two 进展) could
    # claim the form, and 进展 -> 进行 holds only before its listed contexts (only_after=)
    text = ("两国的构和取得某些进展，但还有许多分歧。双方同意继续进行磋商，推动关系发展。会谈没有明了的结果，"
            "两国已经明了对方立场，构和仍无实质进展，双边关系发展仍需时间。")
    assert ybtext.detect_spin(text).spun
    assert not [e for e in _edits(text) if e.before == "进展" and e.after == "进行"]


def test_heavy_decoding_keeps_the_sure_tiers_veto():
    # 锦昌大酒店 holds the non-word 昌大 (a form of 盛大) across a word boundary: the sure tier's
    # veto (the window must read clearly better) holds in heavy-family documents too
    out = ybtext.clean(HEAVY_CHARS + "欢迎各位入住锦昌大酒店。")
    assert out.endswith("欢迎各位入住锦昌大酒店。")


def test_heavy_decoding_never_lets_the_prior_alone_decide():
    # 60 x 举办 and no 举行: strong evidence for the pair 举行 -> 举办, but where the model reads
    # 举行 no better than 举办 the occurrence stays (the prior alone does not make an edit)
    text = "社区经由过程居民议事会决定，本周六在黉舍操场举办运动会。\n由于场地有限，不克不及携带宠物。\n\n" * 60
    edits = _edits(text)
    assert not [e for e in edits if e.before == "举办"]
    assert [e.after for e in edits if e.before == "经由过程"] == ["通过"] * 60


# A heavy-family notice (经由过程, 年夜, 不克不及) in which the spinner's own table swapped 部门 and
# 部分 both ways: 各有闭部分卖力人 meant 部门, 一部门题目 meant 部分.
SWAPPED = "经由过程年夜会会商，市当局各有闭部分卖力人暗示，只要一部门题目必需立刻处置，不克不及推诿。"


def test_heavy_table_pairs_restore_swapped_words_both_ways():
    edits = {(e.before, e.after): e for e in _edits(SWAPPED)}
    for before, after in (("部分", "部门"), ("部门", "部分")):
        e = edits[(before, after)]
        assert e.tier == "table"
        name, line = e.rule.split(":")
        row = spin_heavy_rows()[int(line)]
        assert name == "spin-heavy.tsv" and row[:3] == [before, after, "swap"]


def test_heavy_table_pairs_need_the_original_gone_or_the_form_rewritten():
    # 只要 is what the table writes for 只有, and the table leaves 只要 itself alone: restored where
    # 只有 occurs nowhere; in a longer document of the same kind (20 times as long, so that it still
    # fits the table) that holds one 只有 of its own, every 只要 stays. 推诿 (written for 推脱) and 部分 (written for 部门) are words the table rewrites as
    # well, so one pass of it leaves none of them standing as its author wrote it: restored even where
    # the document holds the original too
    assert ("只要", "只有") in {(e.before, e.after) for e in _edits(SWAPPED)}
    made = {(e.before, e.after) for e in _edits(SWAPPED * 20 + "只有。") if e.tier == "table"}
    assert {("部分", "部门"), ("推诿", "推脱")} <= made
    assert ("只要", "只有") not in made
    made = {(e.before, e.after) for e in _edits(SWAPPED * 20 + "推脱。") if e.tier == "table"}
    assert ("推诿", "推脱") in made


def test_heavy_decoder_takes_the_original_its_check_reads_better():
    # the table writes 天下 for both 全国 and 世界; the clause's decoding cannot read 人大 across the
    # restored 年夜 and leans to 世界, the check reads the window whole and takes 全国 instead
    text = SWAPPED * 10 + "北京市少贾庆林，天下人年夜常委会副委员少王光美出席。"
    made = {(e.before, e.after) for e in _edits(text) if e.start > len(SWAPPED * 10)}
    assert ("天下", "全国") in made and ("天下", "世界") not in made


def test_heavy_table_original_across_two_outputs_counts_as_absent():
    # 每个人…个人信息 spun by one pass of the table: 每个 -> 每一个 and 个人 -> 小我, so the text shows
    # 个人 once, across the output 每一个 and the 人 after it. No 个人 stands as its author wrote it,
    # so 小我 is a candidate (tier table) and restored wherever the window agrees
    clause = "每一个人皆有权力庇护本身的小我疑息。处置小我疑息该当获得小我赞成。"
    made = [(e.before, e.after, e.tier) for e in _edits(SWAPPED * 2 + clause) if e.start >= len(SWAPPED * 2)]
    assert made.count(("小我", "个人", "table")) == 3


def test_heavy_table_prior_holds_whichever_tier_offers_the_pair():
    # 两 for 二 is a one-character swap as well as a pair of the table; where the swap tier offers it
    # first (with its own low prior), the table's prior still applies: no 二 stands as written here
    from ybtext.spin import _swaps

    clause = "依照第两十条的划定处置。"
    text = SWAPPED * 2 + clause
    at = text.index("两")
    swap = _swaps.Candidate(at, "两", "二", "spin-chars.tsv:1", "tier=char", 0.0)
    with mock.patch.object(_swaps, "candidates", lambda *_a: [swap]):
        edits = [e for e in _edits(text) if e.start == at]
    assert [(e.before, e.after) for e in edits] == [("两", "二")]
    assert "prior 1.0" in edits[0].note


def test_heavy_table_restores_two_numbering_a_list():
    # the table writes 两 for 二; inside brackets the model has no context to judge it by, but 两
    # never numbers a list: (两) and (十两) are restored in a document that fits the table, and
    # 两 counting things (两边, 两个) is not a list number
    clause = "要求以下：(一)处置小我疑息；(两)两个部门；(十两)其他。"
    text = SWAPPED * 2 + clause
    made = [(text[e.start - 1:e.end + 1], e.after) for e in _edits(text) if e.before == "两"]
    assert made == [("(两)", "二"), ("十两)", "二")]
    assert not [e for e in _edits(clause) if e.before == "两"]


def test_heavy_decoder_completes_the_damaged_span_beside_a_restoration():
    # 向全国广大工人 spun as 背天下泛博工人: 背 and 泛博 are restored on their own, and 天下 between them,
    # a form the table rewrites, is part of the same damaged span; 更加方便 spun as 加倍便利: once 加倍
    # is restored, 便利 beside it reads better as 方便. Neither holds without its restored neighbour
    cases = (("我们背天下泛博工人致以节日的问候。", {("背", "向"), ("天下", "全国"), ("泛博", "广大")}),
             ("农人大众出止加倍便利。", {("加倍", "更加"), ("便利", "方便")}))
    for clause, pairs in cases:
        text = SWAPPED * 10 + clause
        made = {(e.before, e.after) for e in _edits(text) if e.start >= len(SWAPPED * 10)}
        assert pairs <= made
        alone = dataclasses.replace(POLICY, complete_rounds=0)
        with mock.patch("ybtext.spin._heavy.POLICY", alone):
            made = {(e.before, e.after) for e in _edits(text) if e.start >= len(SWAPPED * 10)}
        assert len(pairs - made) == 1


def test_heavy_table_needs_a_document_that_fits_it():
    # 然而 is a word the table rewrites wherever its scan reaches it, and no spun form of the table
    # overlaps it: in a short document, one 然而 as written is enough to show another spinner (or
    # none) wrote it, and the table makes no edit there at all. 推脱 is rewritten too, but 推 and 脱
    # are spun forms themselves (one pass can leave 推脱 standing across two of its outputs): one
    # 推脱 shows nothing
    assert any(e.tier == "table" for e in _edits(SWAPPED))
    assert not [e for e in _edits(SWAPPED + "然而。") if e.tier == "table"]
    assert any(e.tier == "table" for e in _edits(SWAPPED + "推脱。"))
    # either count fits a document: counting such words wherever they stand, at a looser share
    # (a spinner whose table lacks a few pairs), the one 然而 is tolerated
    looser = dataclasses.replace(POLICY, table_fit_any=1.0)
    with mock.patch("ybtext.spin._heavy.POLICY", looser):
        assert any(e.tier == "table" for e in _edits(SWAPPED + "然而。"))


def test_heavy_table_pairs_keep_canonical_phrases():
    # the heavy family's table writes 新华社 for 新华网; in a heavy-family news item the agency's
    # own dateline stays (spin-phrases.tsv), while the item's spun words are restored
    text = "新华社北京1月1日电 这是一个年夜的成绩，经由过程尽力，我们取得了成绩。"
    out = _edits(text)
    assert not [e for e in out if e.before == "新华社"]
    assert {(e.before, e.after) for e in out} >= {("年夜", "大"), ("经由过程", "通过")}


def test_heavy_table_stays_out_of_documents_that_are_not_heavy():
    text = "各部分负责人参加了会议，会议讨论了一部分问题，有人推诿责任。"
    assert ybtext.clean(text) == text
    assert not _edits(text, spin="force")


def spin_heavy_rows() -> dict[int, list[str]]:
    from importlib.resources import files
    lines = (files("ybtext.wordlists") / "spin-heavy.tsv").read_text(encoding="utf-8").split("\n")
    return {i + 1: line.split("\t") for i, line in enumerate(lines)}


def test_one_judge_reads_the_window_for_every_tier():
    """The sure and chain tiers ask the word trigram model, as the gated ones do: in 维护天下和平
    it prefers 世界 (the collocation) by far and 全国 not at all, and a non-word spun form reads
    clearly worse than its original (经由过程 -> 通过, more than the sure tier's veto)."""
    from ybtext.spin._evidence import judge
    from ybtext.spin.policy import POLICY

    text = "我们要维护天下和平。"
    assert judge(text, 5, 7, "世界") > POLICY.sure_veto > 0.0 >= judge(text, 5, 7, "全国") - 0.5
    text = "这次调查经由过程问卷进行。"
    start = text.index("经由过程")
    assert judge(text, start, start + 4, "通过") > POLICY.sure_veto


# A rule text of our own: it writes 应当, 运营, 告知, 变更 and 义务 throughout, words the 汇文网
# family writes for 应该, 经营, 告诉, 变化 and 任务, and never the others
RULES = (
    "第五条 运营单位应当建立健全内部管理制度，明确负责人及其义务。运营单位应当对其提供的产品和服务负责，"
    "不得推卸应当承担的义务。第六条 运营单位收集用户资料的，应当事先告知用户收集的目的、方式和范围，"
    "并取得用户同意；资料的用途发生变更的，应当重新告知用户。第七条 运营单位应当采取必要措施，保障用户"
    "资料的安全，防止泄露和篡改。发生资料泄露的，运营单位应当立即采取补救措施，并告知用户和主管部门。"
    "第八条 主管部门应当依照职责对运营单位进行监督检查，运营单位应当予以配合，履行如实报告的义务。"
    "第九条 运营单位的名称、地址等登记事项发生变更的，应当在三十日内办理变更手续。第十条 运营单位应当"
    "每年向主管部门报告上一年度的运营情况，报告内容发生变更的，应当及时补充告知。第十一条 用户有权查询、"
    "复制其个人资料；运营单位应当在十五日内予以答复，不得收取费用。用户发现资料有误的，有权要求更正，"
    "运营单位应当及时更正并告知用户。第十二条 运营单位委托他人处理用户资料的，应当与受托人约定处理的"
    "目的、期限和双方的义务，并对受托人的活动进行监督。受托人应当按照约定处理资料，不得超出约定的范围。"
    "第十三条 运营单位终止运营的，应当提前三十日告知用户，并妥善处置其保存的资料。第十四条 违反本办法"
    "规定，运营单位未履行告知义务的，由主管部门责令改正，给予警告；拒不改正的，处一万元以上五万元以下"
    "罚款。第十五条 主管部门的工作人员应当依法履行职责，对履行职责中知悉的商业秘密和个人资料应当予以"
    "保密。第十六条 用户变更联系方式的，可以通知运营单位办理变更；运营单位的义务不因用户变更联系方式而"
    "免除。第十七条 本办法自发布之日起施行。"
)


def test_counts_the_context_does_not_back_are_the_authors_vocabulary():
    # counted alone, the rule text's words barely make it spun; the model does not prefer 经营,
    # 告诉 or 变化 where it writes 运营, 告知 and 变更, so those counts prove nothing
    from ybtext.spin import _evidence

    assert not ybtext.detect_spin(RULES).spun
    assert ybtext.clean(RULES) == RULES
    counted = dataclasses.replace(POLICY, veto_score=0.0)
    with mock.patch("ybtext.spin._evidence.POLICY", counted):
        assert _evidence.detect_spin(RULES).spun


def test_weak_context_evidence_flags_a_document_without_editing_it():
    # one 根本 the model would rather read as 基本 (根本目标, by about 100 to 1 in its window): enough
    # to flag the page for review, not enough to edit it (the author meant 根本)
    text = ("这几年，镇上的变化大家都看在眼里。老街的路面重新铺过，河边种上了柳树，傍晚常有老人在那里散步下棋。"
            "民生改善是这项工作的根本目标。镇里的干部说，接下来还要把卫生院和敬老院修缮一遍，让老人看病、养老"
            "都不用再跑远路。")
    report = ybtext.detect_spin(text)
    assert report.spun and not report.restores
    assert POLICY.context_spun <= report.context < POLICY.context_restore
    # the report names the pair the verdict rests on, and the family its pairs belong to
    assert [(p.spun, p.original, p.tier) for p in report.pairs] == [("根本", "基本", "context")]
    assert report.family == "huiwen"
    assert report.as_dict()["restores"] is False
    cleaned = ybtext.clean_and_explain(text)
    assert cleaned.text == text and cleaned.spin is not None and cleaned.spin.spun
    # restoring at the flagging threshold would have made the edit
    eager = dataclasses.replace(POLICY, context_restore=POLICY.context_spun)
    with mock.patch("ybtext.spin._evidence.POLICY", eager):
        assert ("根本", "基本") in {(e.before, e.after) for e in _edits(text)}

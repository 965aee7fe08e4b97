"""``ybtext learn`` and ``ybtext.learn_spin``: a spinner table inferred from a corpus, and clean's
``learned`` tier that applies it per occurrence. The sentences are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import ybtext
from ybtext import SpinTable, cli, learn_spin
from ybtext.learn import APPLY

# Twelve sentences using 未来; a site that spins 未来 -> 将来 writes 将来 in all of them.
SENTENCES = [
    "青年是国家的未来，也是民族的希望。",
    "我们要为孩子们创造更美好的未来。",
    "这座城市的未来取决于今天的规划。",
    "科学家们正在思考人工智能的未来。",
    "他对自己的未来有清楚的打算。",
    "农村的未来在于发展现代农业。",
    "面向未来，学校将继续加强师资建设。",
    "未来五年，全市计划新建十所中学。",
    "展望未来，两国的合作前景广阔。",
    "我们相信未来的日子会越来越好。",
    "企业的未来离不开技术创新。",
    "未来的交通将更加安全和便捷。",
]
# ... and twelve using 服务, which the same site writes as 效劳: a spinner shows by several pairs.
SERVE = [
    "社区医院为居民提供上门服务。",
    "这家银行改进了窗口服务。",
    "志愿者在车站为旅客服务。",
    "政府要提高公共服务的水平。",
    "公司的售后服务让顾客满意。",
    "图书馆延长了晚间服务时间。",
    "服务群众是干部的本分。",
    "新开的服务中心方便了办事。",
    "快递企业正在完善末端服务。",
    "他在养老院服务了十年。",
    "网上服务平台已经开通。",
    "优质服务赢得了良好口碑。",
]
CLEAN = [SENTENCES[i] + SENTENCES[(i + 3) % 12] + SENTENCES[(i + 7) % 12] + SERVE[i] + SERVE[(i + 5) % 12]
         for i in range(12)]
SPUN = [d.replace("未来", "将来").replace("服务", "效劳") for d in CLEAN]
# A corpus that never says 未来 but is otherwise as written: one word a corpus avoids is its register.
ONE_PAIR = [d.replace("未来", "将来") for d in CLEAN]
# Everyday writing with no spinning in it: reviews and notes of our own.
EVERYDAY = [
    "这家店的面条很好吃，汤也很鲜，下次还会再来。",
    "快递送得很快，包装也结实，东西没有损坏。",
    "酒店离地铁站不远，房间干净，就是隔音差一点。",
    "书的内容很实用，适合刚开始学做饭的人。",
    "手机电池一天一充，拍照效果比旧的好多了。",
    "周末带孩子去公园放风筝，天气晴朗，玩得很开心。",
    "老师讲得很清楚，作业也不多，同学们都喜欢这门课。",
    "小区门口新开了一家水果店，价格便宜，水果新鲜。",
] * 3


@pytest.fixture(scope="module")
def table() -> SpinTable:
    return learn_spin(iter(SPUN))  # any iterable, read once


def test_learns_the_pair_a_spun_corpus_shows(table):
    (pair,) = [p for p in table.applied() if p.spun == "将来"]
    assert pair.original == "未来" and pair.confidence >= APPLY
    assert (pair.spun_count, pair.original_count, pair.documents) == (36, 0, 12)
    assert pair.margin > 0
    assert table.documents == 12 and table.chars == sum(map(len, SPUN))
    assert [p.confidence for p in table.pairs] == sorted((p.confidence for p in table.pairs), reverse=True)


def test_one_pair_alone_is_not_applied():
    from ybtext.learn import BELOW_APPLY
    table = learn_spin(ONE_PAIR)
    assert table.applied() == ()
    assert [(p.spun, p.original, p.confidence) for p in table.pairs][0] == ("将来", "未来", BELOW_APPLY)


def test_the_same_corpus_unspun_yields_nothing_clean_applies():
    assert learn_spin(CLEAN).applied() == ()
    assert learn_spin(EVERYDAY).applied() == ()
    assert learn_spin([]).pairs == ()


def test_learn_spin_rejects_what_is_not_text():
    with pytest.raises(TypeError, match="str"):
        learn_spin([b"bytes"])  # type: ignore[list-item]


def test_written_table_is_a_linted_wordlist_marked_learned(table, tmp_path):
    path = tmp_path / "site.tsv"
    table.write(path)
    text = path.read_text(encoding="utf-8")
    assert "# Tier: learned\n" in text and "\t将来\t未来\t" in text
    assert cli.main(["wordlists", "lint", str(path)]) == 0
    assert not list(tmp_path.glob(".ybtext-*"))  # written through a temporary file, nothing left


def test_clean_judges_a_learned_pair_at_each_occurrence(table, tmp_path):
    path = str(tmp_path / "site.tsv")
    table.write(path)
    spun = "展望将来，我们充满信心。"
    assert ybtext.clean(spun) == spun  # the shipped lists alone leave a short page alone
    result = ybtext.clean_and_explain(spun, wordlists=[path])
    assert result.text == "展望未来，我们充满信心。"
    (edit,) = result.edits
    line = 1 + next(i for i, row in enumerate(open(path, encoding="utf-8")) if "\t将来\t未来\t" in row)
    assert edit.rule == f"learned:{path}:{line}" and edit.note.startswith("tier=learned")
    # a document that uses the original itself was not spun with the pair: its 将来 stays
    both = "未来很远，将来也很远。"
    assert ybtext.clean(both, wordlists=[path]) == both


def test_pairs_below_clean_confidence_are_not_applied(table, tmp_path):
    path = tmp_path / "low.tsv"
    (pair,) = [p for p in table.pairs if p.spun == "将来"]
    rows = table.tsv("low.tsv").replace(f"\t将来\t未来\t{pair.confidence:.3f}\t", "\t将来\t未来\t0.500\t")
    assert "\t将来\t未来\t0.500\t" in rows
    path.write_text(rows, encoding="utf-8")
    assert ybtext.clean("展望将来，我们充满信心。", wordlists=[str(path)]) == "展望将来，我们充满信心。"


def test_a_bad_confidence_is_a_wordlist_error(table, tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text(table.tsv("bad.tsv").replace(f"\t{table.pairs[0].confidence:.3f}\t", "\tsure\t"),
                    encoding="utf-8")
    with pytest.raises(ybtext.WordlistError, match="confidence"):
        ybtext.clean("展望将来。", wordlists=[str(path)])


def test_cli_learn_reads_documents_like_clean(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site").mkdir()
    for i, doc in enumerate(SPUN):
        (tmp_path / "site" / f"{i:02}.txt").write_text(doc, encoding="utf-8")
    assert cli.main(["learn", "-r", "site", "-o", "t.tsv"]) == 0
    assert "learned" in capsys.readouterr().err
    rows = [line.split("\t") for line in Path("t.tsv").read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")]
    assert ["将来", "未来"] in [r[1:3] for r in rows]
    Path("pages.jsonl").write_text("".join(f'{{"body": "{d}"}}\n' for d in SPUN), encoding="utf-8")
    assert cli.main(["learn", "--jsonl", "--field", "body", "pages.jsonl"]) == 0
    assert "\t将来\t未来\t" in capsys.readouterr().out
    Path("page.txt").write_text("展望将来，我们充满信心。", encoding="utf-8")
    assert cli.main(["clean", "--wordlist", "t.tsv", "page.txt"]) == 0
    assert capsys.readouterr().out == "展望未来，我们充满信心。"


def test_cli_learn_bad_input_is_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["learn", "missing.txt", "-o", "t.tsv"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ybtext: error: missing.txt") and err.count("\n") == 1
    assert not Path("t.tsv").exists()


# A site that spins 能力 -> 力量 (and 服务 -> 效劳) while its pages also say 力量 and 才能 of their own.
ABILITY = [
    "他的工作能力很强，领导很信任他。",
    "学校重视培养学生的创新能力。",
    "这家企业的研发能力在全省领先。",
    "提高自身能力是每个员工的责任。",
    "她的语言能力让同事们十分佩服。",
    "城市的应急能力经受住了考验。",
    "我们要增强农村的自我发展能力。",
    "医院的救治能力有了很大提高。",
    "孩子的阅读能力需要从小培养。",
    "这支队伍的作战能力不断增强。",
    "年轻干部的能力要在实践中锻炼。",
    "公司的生产能力比去年翻了一番。",
]
OWN_WORDS = ["团结就是力量。", "人民群众蕴藏着巨大的力量。", "只有努力学习，才能取得好成绩。",
             "榜样的力量是无穷的。", "坚持下去才能看到希望。", "科技的力量改变了生活。"]
ABILITY_CLEAN = [ABILITY[i] + OWN_WORDS[i % 6] + OWN_WORDS[(i + 2) % 6] + SERVE[i] + SERVE[(i + 5) % 12]
                 for i in range(12)]
ABILITY_SPUN = [d.replace("能力", "力量").replace("服务", "效劳") for d in ABILITY_CLEAN]


def test_a_spun_form_that_is_a_common_word_is_learned_and_keeps_its_claim():
    table = learn_spin(ABILITY_SPUN)
    applied = {(p.spun, p.original) for p in table.applied()}
    # a third of the 力量 are the pages' own (the context prefers 力量 there): they no longer dilute
    # the evidence of the spun ones
    assert ("力量", "能力") in applied and ("效劳", "服务") in applied
    (pair,) = [p for p in table.pairs if p.spun == "力量"]
    assert pair.spun_count > sum(d.count("能力") for d in ABILITY_CLEAN)
    # 才能 stands where 能力 could too, but 力量 holds the missing 能力: 才能 does not claim it
    assert not [p for p in table.pairs if p.spun == "才能" and p.confidence >= APPLY]
    assert learn_spin(ABILITY_CLEAN).applied() == ()


def test_natural_occurrences_cost_at_most_their_share():
    import math
    from ybtext.learn import SHARE_MAX, _mixture, _share

    # an occurrence the context firmly reads as the spun form's own costs log(1 - q), however firmly
    assert _mixture([-6.0] * 10, 0.3) == pytest.approx(10 * math.log(0.7), abs=1e-4)
    assert _mixture([1.0, -1.0], 0.0) == 0.0
    assert _mixture([1.5] * 5, 0.5) > 0
    # the share the margins show: six occurrences that read as spun and four that do not
    assert _share([2.0] * 6 + [-3.0] * 4) == pytest.approx(0.6, abs=0.02)
    assert _share([2.0] * 10) == SHARE_MAX
    assert _share([-3.0] * 10) < 0.05


def test_a_few_rare_pairs_in_a_large_corpus_are_its_register():
    from ybtext.learn import BELOW_APPLY, SPUN_SHARE

    # the 72 spun words of SPUN's two pairs, in a corpus of everyday notes of over 72 / SPUN_SHARE words
    filler = EVERYDAY * 250
    assert sum(map(len, filler)) / 1.6 > 72 / SPUN_SHARE
    table = learn_spin(SPUN + filler)
    assert table.applied() == ()
    assert {(p.spun, p.original, p.confidence) for p in table.pairs} >= {("将来", "未来", BELOW_APPLY),
                                                                        ("效劳", "服务", BELOW_APPLY)}


def test_a_learned_pair_whose_spun_form_is_common_needs_its_context(tmp_path):
    """A spinner that applied 推进 -> 推动 wrote about half of a page's 推动 (the author wrote the
    rest), and nearly every 效劳 of a page spun with 服务 -> 效劳: at the same confidence, an
    occurrence of 推动 is restored only where the context model clearly prefers 推进, and 效劳
    wherever it does not prefer the spun form."""
    path = tmp_path / "site.tsv"
    path.write_text("# File: site.tsv\n# Format: spun form -> original, learned from a site's pages\n"
                    "# Source: written by hand for this test\n# License: MIT\n# Tier: learned\n"
                    "# Columns: spun original confidence\n推动\t推进\t0.990\n效劳\t服务\t0.990\n", encoding="utf-8")
    result = ybtext.clean_and_explain("推动工作落实。加快推动产业升级。为群众效劳。", wordlists=[str(path)])
    assert result.text == "推动工作落实。加快推进产业升级。为群众服务。"
    common, rare = result.edits
    assert common.before == "推动" and rare.before == "效劳"
    assert float(rare.note.split("prior ")[1]) > 2.0 > 1.0 > float(common.note.split("prior ")[1])


# Twelve sentences using 只得; the thesaurus groups 只得 with 只能, and no spinner table lists the pair.
HAD_TO = [
    "雨下得太大，运动会只得推迟一周。",
    "末班车已经开走，他只得步行回家。",
    "钥匙锁在屋里，我们只得请人开锁。",
    "桥被洪水冲断，车队只得绕道而行。",
    "票已售完，晚来的观众只得在门外等候。",
    "电脑突然坏了，她只得把报告重写一遍。",
    "医生不在，病人只得转到别的医院。",
    "天色已晚，登山队只得在半山腰扎营。",
    "原料迟迟不到，工厂只得暂时停工。",
    "家里没人照顾，老人只得住进养老院。",
    "航班取消了，旅客只得改乘高铁。",
    "经费不够，这个项目只得缩小规模。",
]


def test_the_thesaurus_proposes_pairs_no_table_lists_but_they_are_never_applied(monkeypatch):
    """A spinner's table is larger than the public ones, so the learner also considers the synonyms
    of 同义词词林 (spin-thesaurus.tsv). A pair only the thesaurus holds is listed for a reviewer but
    not applied: the context model's preference between two such synonyms can be a bias of the
    model rather than context (learn's docstring)."""
    from ybtext import learn

    cand = learn._candidates()
    (only,) = [p for p in cand.gated["只能"] if p.original == "只得"]
    assert only.source == learn.THESAURUS_SOURCE and only.rule.startswith(learn.THESAURUS)
    (listed,) = [p for p in cand.gated["将来"] if p.original == "未来"]
    assert learn.THESAURUS_SOURCE not in listed.source  # a pair a table lists keeps that entry alone

    spun = [SPUN[i % 12] + HAD_TO[i % 12].replace("只得", "只能") + HAD_TO[(i + 5) % 12].replace("只得", "只能")
            for i in range(24)]
    table = learn_spin(spun)
    listed = {(p.spun, p.original): p for p in table.pairs}
    assert listed[("只能", "不得不")].confidence < APPLY <= listed[("将来", "未来")].confidence
    assert listed[("只能", "不得不")].judged == learn.JUDGED_THESAURUS < listed[("将来", "未来")].judged
    assert not [p for p in table.applied() if p.spun == "只能"]
    monkeypatch.setattr(learn, "THESAURUS_ONLY", 0.0)  # without the thesaurus's own prior, it would be applied
    only = {(p.spun, p.original) for ps in cand.gated.values() for p in ps if p.source == learn.THESAURUS_SOURCE}
    assert [p for p in learn_spin(spun).applied() if (p.spun, p.original) in only and p.spun == "只能"]


# Twelve sentences using 若干; the 汇文网 spinner writes 假设干, which is no word (the sure tier's pair).
SOME = [
    "会议讨论了若干重大问题。",
    "学校新建了若干实验室。",
    "这份规定共有若干条款。",
    "他提出了若干改进意见。",
    "公司在全国设立了若干分部。",
    "报告列举了若干典型案例。",
    "我们发现了若干不足之处。",
    "政府出台了若干扶持政策。",
    "小组分成若干个专题研究。",
    "文件附有若干说明材料。",
    "城市规划了若干绿地公园。",
    "老师布置了若干思考题。",
]


def test_the_sure_tiers_pairs_are_learned_too():
    # clean restores 假设干 on sight anyway, but a site's table shows every pair its spinner applied
    spun = [d + SOME[i].replace("若干", "假设干") + SOME[(i + 5) % 12].replace("若干", "假设干")
            for i, d in enumerate(SPUN)]
    (pair,) = [p for p in learn_spin(spun).applied() if p.spun == "假设干"]
    assert pair.original == "若干" and pair.spun_count == 24 and pair.original_count == 0

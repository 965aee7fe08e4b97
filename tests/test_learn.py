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
CLEAN = [SENTENCES[i] + SENTENCES[(i + 3) % 12] + SENTENCES[(i + 7) % 12] for i in range(12)]
SPUN = [d.replace("未来", "将来") for d in CLEAN]
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
    assert edit.rule == f"learned:{path}:8" and edit.note.startswith("tier=learned")
    # a document that uses the original itself was not spun with the pair: its 将来 stays
    both = "未来很远，将来也很远。"
    assert ybtext.clean(both, wordlists=[path]) == both


def test_pairs_below_clean_confidence_are_not_applied(table, tmp_path):
    path = tmp_path / "low.tsv"
    rows = table.tsv("low.tsv").replace(f"\t{table.pairs[0].confidence:.3f}\t", "\t0.500\t")
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

"""`ybtext detect` and `ybtext review`, run in-process through a parser built with `register`
(the way the CLI's main dispatches: ``args.handler(args)``)."""

from __future__ import annotations

import argparse
import json

import pytest

import ybtext.report
from ybtext import _cli_review
from ybtext.detect import PairEvidence, SpinReport


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="ybtext")
    sub = parser.add_subparsers(dest="command", required=True)
    _cli_review.register(sub)
    args = parser.parse_args(argv)
    return args.handler(args)


SPUN = "长三角一体化进展是重大战略。推动高质量进展，提升效劳水平。"
CLEAN = "今天天气很好，我们去公园散步。"


@pytest.fixture
def fake_detector(monkeypatch):
    """A detector that calls a text spun when it contains 进展 (the real one is issue 3's)."""
    def detect(text):
        n = text.count("进展")
        if not n:
            return SpinReport(0.05, False, None, ())
        return SpinReport(0.9, True, "huiwen", (PairEvidence("服务", "效劳", 1, 0, 0.5),
                                                PairEvidence("发展", "进展", n, 0, 0.8)))
    monkeypatch.setattr(ybtext.report, "detect_spin", detect)
    # the spin step's own report (Cleaned.spin) would be used before the detector: drop it
    from ybtext import spin as spin_step

    real = spin_step.step
    monkeypatch.setattr(spin_step, "step", lambda text, config: real(text, config)._replace(spin=None))


@pytest.fixture
def files(tmp_path):
    a = tmp_path / "spun.txt"
    a.write_text(SPUN, encoding="utf-8")
    b = tmp_path / "clean.txt"
    b.write_bytes(CLEAN.encode("gb18030"))
    return a, b


def test_detect_prints_one_line_per_document(files, fake_detector, capsysbinary):
    """One tab-separated line per file, name first, top pairs by weight; GB18030 input is read."""
    a, b = files
    assert run(["detect", str(a), str(b)]) == 0
    lines = capsysbinary.readouterr().out.decode("utf-8").splitlines()
    assert len(lines) == 2
    cols = lines[0].split("\t")
    assert cols[0] == str(a)
    assert cols[1:4] == ["score=0.900", "family=huiwen", "spun=yes"]
    assert cols[-1] == "pairs=进展→发展(2/0),效劳→服务(1/0)"  # before → after: spun → original
    assert lines[1].split("\t")[:4] == [str(b), "score=0.050", "family=-", "spun=no"]


def test_min_score_filters_for_pipelines(files, fake_detector, capsysbinary):
    """--min-score alone keeps what the detector calls spun; --min-score X compares the score."""
    a, b = files
    assert run(["detect", str(a), str(b), "--min-score"]) == 0
    assert [l.split("\t")[0] for l in capsysbinary.readouterr().out.decode().splitlines()] == [str(a)]
    assert run(["detect", "--min-score", "0.01", str(a), str(b)]) == 0
    assert len(capsysbinary.readouterr().out.splitlines()) == 2
    assert run(["detect", "--min-score", "0.95", str(a), str(b)]) == 0
    assert capsysbinary.readouterr().out == b""


def test_min_score_rejects_bad_values(files, capsys):
    """A value that is neither a number in [0, 1] nor 'auto' is a usage error (exit 2)."""
    with pytest.raises(SystemExit) as exc:
        run(["detect", "--min-score", "1.5", str(files[0])])
    assert exc.value.code == 2
    assert "expected a number in [0, 1]" in capsys.readouterr().err


def test_json_format_and_jsonl_input(tmp_path, fake_detector, capsysbinary):
    """--jsonl reads one document per line from --field; --format json prints one object per line."""
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"id": 1, "body": SPUN}, ensure_ascii=False) + "\n\n"
                   + json.dumps({"id": 2, "body": "温馨提示：" + CLEAN}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run(["detect", "--jsonl", "--field", "body", "--format", "json", str(src)]) == 0
    rows = [json.loads(l) for l in capsysbinary.readouterr().out.splitlines()]
    assert [(r["source"], r["index"]) for r in rows] == [(str(src), 1), (str(src), 3)]
    assert rows[0]["spin"]["spun"] is True and rows[0]["spin"]["family"] == "huiwen"
    pair = rows[0]["spin"]["pairs"][0]
    assert {k: pair[k] for k in pair if k != "applied"} == {
        "original": "发展", "spun": "进展", "spun_count": 2, "original_count": 0, "weight": 0.8}
    assert set(rows[1]) >= {"schema", "spin", "boilerplate_share", "damage", "chars", "edits", "edits_by_step"}


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    (b"\x00\x01binary", "binary"),
    (b'{"text": "a"}\nnot json\n', ":2: not a JSON object"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, content, message):
    """Missing, binary and malformed JSON Lines inputs give one `ybtext: error:` line and exit 2."""
    path = tmp_path / "in.txt"
    if content is not None:
        path.write_bytes(content)
    argv = ["detect", str(path)] + (["--jsonl"] if content and content.startswith(b"{") else [])
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("ybtext: error: ") and message in err and err.count("\n") == 1


def test_boilerplate_share_and_damage_are_fractions_of_the_original():
    """boilerplate_share counts characters the boilerplate step removed; damage counts every
    original character that an edit of any step covers (each once)."""
    from ybtext._edits import Cleaned, Span, apply_spans

    text = "广告广告\n我们经由过程调查"
    r1 = apply_spans("boilerplate", text, [Span(0, 5, "", "bp")])
    r2 = apply_spans("spin", r1.text, [Span(2, 6, "通过", "s")])
    t = ybtext.report.triage(text, Cleaned(r2.text, r1.edits + r2.edits))
    assert t.boilerplate_share == pytest.approx(5 / 13)
    assert t.damage == pytest.approx(9 / 13)
    assert t.edits["boilerplate"] == 1 and t.edits["spin"] == 1


def test_review_writes_a_self_contained_page(files, tmp_path, capsysbinary):
    """`review -o` writes one HTML page holding both documents, escaped, with no external URL."""
    a, b = files
    weird = tmp_path / "x<&>'\".txt"
    weird.write_text("</script><b>不是标签</b> & “引号”", encoding="utf-8")
    out = tmp_path / "r.html"
    assert run(["review", str(a), str(b), str(weird), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.count("<tr data-i=") == 3 and "<svg" in page
    assert "</script><b>" not in page and "x&lt;&amp;&gt;&#39;&quot;.txt" in page
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "") and "https://" not in page
    assert run(["review", str(a)]) == 0
    assert capsysbinary.readouterr().out.startswith(b"<!DOCTYPE html>")


def test_through_the_command_main(files, monkeypatch, capsysbinary):
    """Registered as a COMMAND_MODULES entry, the subcommands run through `ybtext.cli.main`:
    cleaning options (--spin off) reach the run, and a missing file is one error line, exit 2."""
    import ybtext.cli

    monkeypatch.setattr(ybtext.cli, "COMMAND_MODULES", ("ybtext._cli_review",))
    a, _ = files
    a.write_text("我们讨论了假设干问题。", encoding="utf-8")  # 假设干 is restored on sight (sure tier)
    counts = []
    for extra in ([], ["--spin", "off"]):
        assert ybtext.cli.main(["detect", *extra, "--format", "json", str(a)]) == 0
        counts.append(json.loads(capsysbinary.readouterr().out)["edits_by_step"]["spin"])
    assert counts == [1, 0]
    assert ybtext.cli.main(["review", str(a) + ".missing"]) == 2
    captured = capsysbinary.readouterr()
    assert captured.out == b"" and captured.err.decode().startswith("ybtext: error: ")

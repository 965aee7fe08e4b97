"""ybtext.report.html without a browser: alignment rows, escaping, input checks, classification."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from test_report_spanmap import _run, _runs

import ybtext
import ybtext.report as report
from ybtext._edits import Cleaned, Edit, Span, apply_spans
from ybtext._spanmap import SpanMap


def _data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="ybtext-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


def _rows(original: str, edits) -> list[tuple[int, int, int, int]]:
    flat = report._rows(SpanMap(original, edits))
    return [tuple(flat[i:i + 4]) for i in range(0, len(flat), 4)]


def test_removed_lines_form_one_row_and_joined_lines_share_a_row():
    """Boilerplate lines removed together make one original-only row; title lines joined by
    layout sit in one row next to the joined paragraph; other paragraphs align one to one."""
    original = "提示一\n提示二\n2023\n长三角\n正文第一段。\n正文第二段。"
    final, edits = _run(original, [
        ("boilerplate", [Span(0, 8, "", "bp")]),
        ("layout", [Span(4, 5, "", "join")]),
    ])
    assert final == "2023长三角\n正文第一段。\n正文第二段。"
    rows = _rows(original, edits)
    assert [(original[a:b], final[c:d]) for a, b, c, d in rows] == [
        ("提示一\n提示二\n", ""),
        ("2023\n长三角\n", "2023长三角\n"),
        ("正文第一段。\n", "正文第一段。\n"),
        ("正文第二段。", "正文第二段。"),
    ]


def test_a_long_paragraph_is_cut_at_sentence_ends():
    """A paragraph far longer than a screen is split into rows at sentence ends, so the page
    can draw it in chunks; the cuts fall at the same place on both sides."""
    original = "这是一个句子,内容不长。" * 1000
    r = apply_spans("punctuation", original, [Span(m.start(), m.end(), "，", "p") for m in re.finditer(",", original)])
    rows = _rows(original, r.edits)
    assert len(rows) > 5
    for a, b, c, d in rows:
        assert original[a:b].replace(",", "，") == r.text[c:d]
        assert r.text[c:d].endswith("。")
        assert d - c <= report._ROW_CHARS


@settings(max_examples=200, deadline=None)
@given(_runs())
def test_rows_partition_both_texts(run):
    """Property: the rows tile the original and the cleaned text, in order, without gaps."""
    original, steps = run
    final, edits = _run(original, steps)
    rows = _rows(original, edits)
    o = c = 0
    for a, b, x, y in rows:
        assert (a, x) == (o, c) and a <= b and x <= y and (a < b or x < y)
        o, c = b, y
    assert (o, c) == (len(original), len(final))


def test_page_escapes_everything():
    """Names, text, rules and notes with <, &, quotes and </script> cannot break out of the page."""
    text = '</script><script>alert(1)</script> & "x" \'y\' \u2028'
    r = apply_spans("spin", text, [Span(0, 9, "<!--", "rule<&>", 0.5, 'note "</script>"')])
    docs = [("<b>name</b>&.txt", text, Cleaned(r.text, r.edits)), ("b.txt", "正常", Cleaned("正常", ()))]
    page = report.html(docs, title="<title>&")
    assert page.lower().count("<script") == 2 and page.lower().count("</script") == 2 and "<!--" not in page
    assert "&lt;b&gt;name&lt;/b&gt;&amp;.txt" in page and "<title>&lt;title&gt;&amp;</title>" in page
    data = _data(page)
    assert data["docs"][0]["name"] == "<b>name</b>&.txt" and data["docs"][0]["orig"] == text
    assert data["docs"][0]["edits"][0][7:10] == ["rule<&>", 0.5, 'note "</script>"']


def test_input_shapes_are_checked():
    """Items must be (name, original, Cleaned[, SpinReport]); edits must replay to the text."""
    with pytest.raises(TypeError):
        report.html([("a", "text")])
    with pytest.raises(TypeError):
        report.html([("a", "text", "text")])
    bad = Cleaned("x", (Edit("spin", 0, 1, "y", "x", "r"),))
    with pytest.raises(ybtext.YbtextError):
        report.html([("a", "text", bad)])
    with pytest.raises(ybtext.YbtextError):
        report.html([("a", "text", Cleaned("other", ()))])


def test_precomputed_spin_report_is_used():
    """A fourth element (a SpinReport) is shown instead of running the detector."""
    spin = ybtext.SpinReport(0.75, True, "heavy", (ybtext.PairEvidence("通过", "经由过程", 2, 0, 1.0),))
    page = report.html([("a", "文本", Cleaned("文本", ()), spin), ("b", "文本", Cleaned("文本", ()))])
    data = _data(page)
    assert data["docs"][0]["triage"]["spin"]["family"] == "heavy"
    assert '<rect class="bar hi"' in page and "<td>0.75</td>" in page


@pytest.mark.parametrize("step, before, after, expected", [
    ("ocr", ",", "，", True),
    ("ocr", "１２", "12", True),
    ("layout", "\n", "", False),
    ("spin", "进展", "发展", False),
    ("punctuation", "。。", "。", True),
])
def test_punctuation_only(step, before, after, expected):
    """What 'hide punctuation-only edits' hides: punctuation, symbols and width, not line breaks or words."""
    assert report._punct_only(step, before, after) is expected


def test_single_document_page_has_no_index():
    """The index table and histogram appear only for several documents."""
    one = report.html([("a", "文本", Cleaned("文本", ()))])
    assert 'id="index"' not in one and "<svg" not in one


def test_spin_pairs_say_whether_an_edit_applied_them():
    """Each evidence pair in the page's data counts the edits that restored it in this document,
    so the page can list applied pairs apart from evidence only."""
    text = "经由过程业余生活"
    r = apply_spans("spin", text, [Span(0, 4, "通过", "spin-sure.tsv:1", 1.0, "tier=sure")])
    spin = ybtext.SpinReport(0.9, True, "huiwen", (ybtext.PairEvidence("通过", "经由过程", 1, 0, 4.0),
                                                   ybtext.PairEvidence("专业", "业余", 1, 0, 2.0)))
    data = _data(report.html([("a", text, Cleaned(r.text, r.edits), spin)]))
    pairs = {(p["spun"], p["original"]): p["applied"] for p in data["docs"][0]["triage"]["spin"]["pairs"]}
    assert pairs == {("经由过程", "通过"): 1, ("业余", "专业"): 0}


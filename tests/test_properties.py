"""The pipeline's promises on any text (Hypothesis): clean() never raises, its edits replay to its
output, it is idempotent, and clean text stays as it is.

Documents come from tests/hostile.py (random unicode mixed with pieces of damaged real pages) and
from Hypothesis's own text strategy (any unicode). benchmarks/properties.py runs the same checks
on 10,000 documents with a fixed seed and counts the failures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import ybtext
import ybtext.script
from hostile import CLEAN, hostile_text

CASES_DIR = Path(__file__).parent / "cases"

#: Hostile documents, shrinkable: Hypothesis records the random draws hostile_text makes.
hostile = st.randoms(use_true_random=False).map(hostile_text)
#: Hostile pieces and arbitrary unicode (control characters, astral characters, …) mixed.
documents = st.one_of(
    hostile,
    st.text(),
    st.lists(st.one_of(hostile, st.text(max_size=8)), max_size=4).map("".join),
)

# derandomize: the suite draws the same documents on every run (reproducible; the known failures
# below are pinned as strict xfails); benchmarks/properties.py explores 10,000 others.
PROPERTY = settings(max_examples=200, deadline=None, derandomize=True)


@PROPERTY
@given(documents)
@example("")
@example("202223年，，。ABC𪚥𠀀𠀀發展")
@example("\x00\x1b\ufeff\u200b𪚥\r\n\r\n")
def test_clean_never_raises_and_edits_replay(text):
    result = ybtext.clean_and_explain(text)
    assert isinstance(result.text, str)
    assert ybtext.apply_edits(text, result.edits) == result.text == ybtext.clean(text)


@PROPERTY
@given(documents)
@example("麵第1页 共22页")
@example("說明\n本文档由用户上传，版权归属用户，本站只提供存储空间。\n")
# found by Hypothesis: spin's 经由过程 -> 通过 takes out a Simplified-only 经, and the script step's
# decision on the output flips (two Traditional characters now outnumber the Simplified-only ones)
@example("㐀㐀㐀㐀㐀一一一儖十大季季㐀㐀㐀嶾㐀廪教文程练㺾课鶄。经由过程㐀㐀展廫廫温發㐀馨馨𠀀")
def test_clean_is_idempotent(text):
    once = ybtext.clean(text)
    assert ybtext.clean(once) == once


def _clean_inputs() -> list[str]:
    """Inputs of the cases that must come out unchanged (expected == input, default options)."""
    out = []
    for path in sorted(CASES_DIR.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            if case.get("expected") == case["input"] and not case.get("options") and not case.get("xfail"):
                out.append(case["input"])
    return out


CLEAN_INPUTS = _clean_inputs()
_TRADITIONAL = ybtext.script._traditional()
#: Clean documents without a Traditional-only character, and those quoting one (a shop sign's 麵).
PLAIN = [t.strip("\n") for t in CLEAN_INPUTS + list(CLEAN) if not _TRADITIONAL.search(t)]
QUOTING = [t.strip("\n") for t in CLEAN_INPUTS if _TRADITIONAL.search(t)]


def test_there_are_clean_cases():
    assert len(PLAIN) >= 40 and QUOTING


@PROPERTY
@given(st.lists(st.sampled_from(PLAIN), min_size=1, max_size=4, unique=True), st.sampled_from(["\n", "\n\n"]),
       st.none() | st.sampled_from(QUOTING), st.integers(0, 4))
def test_clean_text_is_unchanged(pieces, sep, quoting, at):
    """Distinct clean documents from the case files and clean sentences, joined into one document (with at
    most one of the clean cases that quote a Traditional character), come out as they went in."""
    if quoting is not None:
        pieces.insert(min(at, len(pieces)), quoting)
    text = sep.join(pieces)
    assert ybtext.clean(text) == text


@pytest.mark.xfail(strict=True, reason="script: two Traditional-only characters in a short Simplified "
                   "text reach TRADITIONAL_SHARE of its Han characters, so the whole text is converted "
                   "although its Simplified-only characters outnumber them (rule kept: changing it "
                   "would leave one-character Traditional sentences of mixed documents unconverted)")
def test_quoted_traditional_character_twice_stays():
    text = "这家面馆的老招牌上写着一个“麵”字。\n新招牌上还是那个“麵”字。"
    assert ybtext.clean(text) == text


@pytest.mark.parametrize("mode", ["t", None])
@PROPERTY
@given(text=hostile)
def test_no_conversion_when_script_is_t_or_off(mode, text):
    """script="t" (and off) leaves every Traditional character of any document where it is."""
    before = _TRADITIONAL.findall(text)
    after = _TRADITIONAL.findall(ybtext.clean(text, script=mode))
    # the other steps may remove furniture holding Traditional characters, never convert them
    assert len(after) == len(before) or set(after) <= set(before) and len(after) < len(before)


#: Idempotency failures found by benchmarks/properties.py: a later step (spin, punctuation, an
#: inline page counter cut by boilerplate itself) changed a line so that boilerplate, judging it
#: again, took it for furniture. The pipeline now judges a changed text again (issue 21).
REJUDGED = [
    # one-line documents: idempotent since the vocabulary rules need strong evidence on them
    pytest.param("收藏 分享经由过程调研\n", id="spin-shortens-button-line"),
    pytest.param("经由过程调研温馨提示:\n办事 2022年\n", id="spin-shortens-notice-line"),
    pytest.param("经由过程走访温馨提示：\n我们走访了三个村子。\n", id="spin-shortens-notice-line-2"),
    pytest.param("页数：5页 “\n村里修好了那条土路，孩子们上学再也不用绕远了。\n", id="space-before-quote"),
    pytest.param("，， 温馨提示：下载前请确认内容。\n", id="space-after-commas"),
    pytest.param("网站客服：QQ 800123\n發展第1页 共22页\n\n本文档由用户上传，版权归属用户，本站只提供存储空间。(",
                 id="inline-page-counter-joins-lines"),
    pytest.param("网站客服：QQ 123456\n年度报告第2页 共9页\n\n本文档由网友上传，版权归属用户，本站只提供存储空间。(",
                 id="inline-page-counter-joins-lines-2"),
]


@pytest.mark.parametrize("text", REJUDGED)
def test_idempotent_when_a_later_step_changes_a_judged_line(text):
    result = ybtext.clean_and_explain(text)
    assert ybtext.apply_edits(text, result.edits) == result.text  # the rounds' edits replay
    assert ybtext.clean(result.text) == result.text


@pytest.mark.parametrize("text, prose, stamp", [
    pytest.param("年度\n计划\n\n秋天到了，山坡上的枫叶一片火红。假设干本文档由用户上传個",
                 "秋天到了，山坡上的枫叶一片火红。", "上传", id="stamp-after-sentence"),
    pytest.param("邻居们帮老人修好了屋顶。 版权说明：本站文档均由用户上传。\n\n经由过程商量\n",
                 "邻居们帮老人修好了屋顶。\n", "版权", id="notice-after-sentence"),
    pytest.param("ｗｏｒｄ邻居们帮老人修好了漏雨的屋顶。 版权说明：本站文档均由用户上传。\n\n经由过程商量\n",
                 "邻居们帮老人修好了漏雨的屋顶。\n", "版权", id="notice-after-sentence-wide-word"),
])
def test_stamp_glued_to_a_sentence_goes_the_sentence_stays(text, prose, stamp):
    """A furniture line that also holds a sentence of the author's loses only its furniture pieces."""
    once = ybtext.clean(text)
    assert prose in once and stamp not in once
    assert ybtext.clean(once) == once

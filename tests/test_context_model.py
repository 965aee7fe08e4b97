"""The shipped word trigram model: the committed file is the pinned one, and it judges in context."""

from __future__ import annotations

import hashlib
from importlib import resources

import pytest

from ybtext._context_model import MODEL_FILE, MODEL_SHA256, model


def test_committed_model_is_the_pinned_file():
    data = (resources.files("ybtext") / "_model" / MODEL_FILE).read_bytes()
    assert hashlib.sha256(data).hexdigest() == MODEL_SHA256


def test_licence_and_source_ship_beside_the_model():
    here = resources.files("ybtext") / "_model"
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (here / "LICENSE.LGPL-2.1").read_text(encoding="utf-8")
    assert "libime-data-language-model" in (here / "SOURCE.md").read_text(encoding="utf-8")


def test_segments_in_its_own_vocabulary():
    m = model()
    words = m.segment("我们的社区举办了运动会")
    assert "".join(words) == "我们的社区举办了运动会"
    assert "社区" in words and "运动会" in words


@pytest.mark.parametrize("text, span, better, worse", [
    ("我们为居民提供周到的效劳", "效劳", "服务", None),
    ("大家一起维护社会平安和稳定", "平安", "安全", None),
    ("这项研究取得了重大进展", "进展", None, "发展"),
])
def test_margin_prefers_what_an_author_writes(text, span, better, worse):
    m = model()
    s = text.index(span)
    if better:
        assert m.margin(text, s, s + len(span), better) > 1.0
    if worse:
        assert m.margin(text, s, s + len(span), worse) < -1.0


def test_margin_of_the_same_text_is_zero():
    m = model()
    assert m.margin("今天天气很好", 2, 4, "天气") == 0.0


def test_prefixes_read_off_the_file_leave_segmentations_alone():
    from ybtext._context_model import ContextModel, _long_prefixes

    m = ContextModel(model().path)
    data = open(m.path, "rb").read()
    words = data[data.rfind(b"<unk>\0"):].decode("utf-8").split("\0")[1:]
    assert len(words) > 100_000 and all(w in m for w in words[::50] if w)
    assert _long_prefixes(m.path) == {w[:2] for w in words if len(w) > 2} | {"<u"}
    text = ("我们为居民提供周到的效劳大家一起维护社会平安和稳定这项研究取得了重大进展"
            "坚持发展经济的基本方针不动摇人民群众的获得感幸福感安全感更加充实")
    windows = [text[i:i + 18] for i in range(len(text) - 18)]
    asked = [m.segment(w) for w in windows]          # every length tried
    m._read_vocabulary()
    m._segments.clear()
    assert [m.segment(w) for w in windows] == asked  # only the lengths some word has


def test_margins_are_cached_and_the_same():
    m = model()
    text = "我们为居民提供周到的效劳"
    first = m.margin(text, 10, 12, "服务")
    assert m.margin(text, 10, 12, "服务") == first
    lo, hi = m.window(text, 10, 12)
    assert first == m.score(text[lo:10] + "服务" + text[12:hi]) - m.score(text[lo:hi])


def test_read_margin_reads_each_window_at_its_likeliest_segmentation():
    # by unigrams 全国人大 segments as 全国人/大, and 世界 reads better in front of 人大; read at its
    # likeliest segmentation by the trigram (全国/人大), 全国 does
    m = model()
    text = "北京市长，天下人大常委会副委员长出席"
    s = text.index("天下")
    assert m.margin(text, s, s + 2, "世界") > m.margin(text, s, s + 2, "全国")
    assert m.read_margin(text, s, s + 2, "全国") > m.read_margin(text, s, s + 2, "世界") + 1.0
    lo, hi = m.window(text, s, s + 2)
    restored, written = text[lo:s] + "全国" + text[s + 2:hi], text[lo:hi]
    assert m.read_margin(text, s, s + 2, "全国") == pytest.approx(
        m.decode(restored, 0, len(restored), {})[0] - m.decode(written, 0, len(written), {})[0])


def test_read_margin_decodes_the_window_as_written_once(monkeypatch):
    # the heavy decoder checks several replacements in the same window: the reading as written is
    # decoded for the first only (a quarter of the decodes of heavy-spun articles)
    from ybtext._context_model import ContextModel

    m = model()
    text = "这家银行为小我客户供给贷款效劳"  # (not read before by any test)
    s = text.index("小我")
    read: list[str] = []
    decode = ContextModel.decode

    def counted(self, t, lo, hi, alternatives, beam=8):
        read.append(t[lo:hi])
        return decode(self, t, lo, hi, alternatives, beam)

    monkeypatch.setattr(ContextModel, "decode", counted)
    first = m.read_margin(text, s, s + 2, "个人")
    m.read_margin(text, s, s + 2, "自我")
    lo, hi = m.window(text, s, s + 2)
    assert read.count(text[lo:hi]) == 1 and len(read) == 3
    assert first == m.read_margin(text, s, s + 2, "个人") and len(read) == 3


def test_decode_without_alternatives_reads_the_text_at_least_as_well_as_score():
    # score() takes the segmentation likeliest by unigrams; decode() searches segmentations with
    # the trigram states, so it finds that one or a likelier one
    from ybtext._context_model import model
    m = model()
    for text in ("他们在会上讨论了明年的工作计划", "江泽平易近正在谈话会上颁发主要讲话"):
        best, taken = m.decode(text, 0, len(text), {})
        assert taken == [] and best >= m.score(text) - 1e-3


def test_decode_takes_neighbouring_alternatives_together_and_weighs_the_bonus():
    from ybtext._context_model import model
    m = model()
    text = "工人背天下泛博群众问好"
    alternatives = {2: [(3, "向", 0.0, "背")], 3: [(5, "全国", 0.0, "天下")], 5: [(7, "广大", 0.0, "泛博")]}
    best, taken = m.decode(text, 0, len(text), alternatives)
    assert "泛博" in taken and best > m.score(text)
    # a bonus far below zero is a cost no reading repays
    costly = {k: [(e, r, -50.0, t) for e, r, _b, t in v] for k, v in alternatives.items()}
    assert m.decode(text, 0, len(text), costly)[1] == []
    # and a large bonus takes every alternative
    cheap = {k: [(e, r, 50.0, t) for e, r, _b, t in v] for k, v in alternatives.items()}
    assert m.decode(text, 0, len(text), cheap)[1] == ["背", "天下", "泛博"]

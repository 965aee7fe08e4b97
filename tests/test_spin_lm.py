"""The spin step's local judge: its fast segmenter gives exactly what the plain definition gives."""

from __future__ import annotations

import math
import random

import pytest

from ybtext._wordlists import SortedLines, load, load_columns
from ybtext.spin import _lexicon as _spin_lm

WINDOWS = ("中心城市建设", "经由过程调查发现", "推动经济社会进展取得新成效", "根本遵循", "中华人民共和国成立",
           "大都区的发展", "一一对应", "x中国y", "的", "")


def _plain_best(s: str) -> float:
    """The definition: every segmentation into lexicon words up to MAX_WORD characters (unknown
    single characters at ``unk``), each word scored by its unigram log probability plus its
    association with the word before it; the best total, by exhaustive dynamic programming over
    (end position, last word)."""
    from ybtext.spin import _bigrams as _lm
    model = _spin_lm._model()
    ends = [{"": 0.0}] + [{} for _ in s]
    for i in range(len(s)):
        for j in range(i + 1, min(len(s), i + _spin_lm.MAX_WORD) + 1):
            w = s[i:j]
            lp = model.get(w)
            if lp is None and j == i + 1:
                lp = model.unk
            if lp is None:
                continue
            for prev, score in ends[i].items():
                x = score + lp + (_lm.after(prev).get(w, 0.0) if prev else 0.0)
                if x > ends[j].get(w, -math.inf):
                    ends[j][w] = x
    return max(ends[len(s)].values(), default=0.0 if not s else -math.inf)


def test_best_equals_trying_every_word_length():
    """_best looks up only the lengths the lexicon has after a first pair of characters, phrases
    included (中心城市, 根本遵循), and still returns the same float as trying every length."""
    rnd = random.Random(7)
    text = "".join(WINDOWS)
    windows = list(WINDOWS) + [text[a:a + rnd.randrange(1, 14)] for a in rnd.sample(range(len(text)), 40)]
    for w in windows:
        assert math.isclose(_spin_lm._best.__wrapped__(w), _plain_best(w), abs_tol=1e-9), w


def test_associations_of_neighbouring_words_decide_where_frequencies_tie(monkeypatch):
    """全国 and 世界 are about equally common, so a unigram model cannot choose between 维护全国和平
    and 维护世界和平; the bigram associations (lm-bigrams.tsv) know that 世界 follows 维护 and choose
    it. Without them the two windows read about the same."""
    from ybtext.spin import _bigrams as _lm
    text = "我们要维护天下和平。"
    gap = _spin_lm.delta(text, 5, 7, "世界") - _spin_lm.delta(text, 5, 7, "全国")
    assert gap > 1.0
    assert _lm.after("维护").get("世界", 0.0) > 1.0 > _lm.after("维护").get("全国", 0.0)
    monkeypatch.setattr(_lm, "after", lambda word: {})
    _spin_lm._best.cache_clear()
    try:
        flat = _spin_lm.delta(text, 5, 7, "世界") - _spin_lm.delta(text, 5, 7, "全国")
    finally:
        _spin_lm._best.cache_clear()
    assert abs(flat) < 1.0 < gap - flat


def test_lexicon_total_header_is_the_sum_of_its_counts():
    """The model divides by the ``# Total`` header tools/derive_spin_lists.py writes rather than
    summing 105k counts at first use: it must be that sum."""
    (freqs,) = load_columns("lexicon-zh.tsv", "freq")
    assert int(SortedLines("lexicon-zh.tsv").header("Total")) == sum(map(int, freqs))


@pytest.mark.parametrize("read_all_after", [10**9, 3])
def test_lazy_model_equals_the_whole_lexicon_read_at_once(monkeypatch, read_all_after):
    """The model reads the words of a first character when a look-up needs them (and the whole
    lexicon after READ_ALL_AFTER of them); what it answers (log probabilities, membership, the
    lengths that follow a first pair, the total) is what a dict of the whole lexicon, phrases
    raised to PHRASE_FREQ, gives."""
    monkeypatch.setattr(_spin_lm, "READ_ALL_AFTER", read_all_after)
    words, freqs = load_columns("lexicon-zh.tsv", "word", "freq")
    counts = dict(zip(words, map(int, freqs)))
    phrases = [e["phrase"] for e in load("spin-phrases.tsv")]
    for p in phrases:
        counts[p] = max(counts.get(p, 0), _spin_lm.PHRASE_FREQ)
    total = math.log(sum(counts.values()))
    _spin_lm._model.cache_clear()
    try:
        model = _spin_lm._model()
        assert model.total == total and model.unk == math.log(0.5) - total
        sample = words[::97] + phrases + ["", "x", "中国x", "\U0010ffff", "的的的的"]
        for w in sample:
            want = math.log(counts[w]) - total if w in counts else None
            assert model.get(w) == want, w
            assert (w in model.counts) == (w in counts), w
        lengths: dict[str, dict[str, set[int]]] = {w[0]: {} for w in sample if w}
        for w in counts:
            if w[0] in lengths and 1 < len(w) <= _spin_lm.MAX_WORD:
                lengths[w[0]].setdefault(w[1], set()).add(len(w))
        for first, after in lengths.items():
            assert model.follow(first) == {k: tuple(sorted(v)) for k, v in after.items()}, first
    finally:
        _spin_lm._model.cache_clear()
        _spin_lm._best.cache_clear()

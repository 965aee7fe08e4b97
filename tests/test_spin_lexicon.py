"""The spin step's word frequencies (lexicon-zh.tsv): read lazily, the same answers as all at once."""

from __future__ import annotations

import math

import pytest

from ybtext._wordlists import SortedLines, load, load_columns
from ybtext.spin import _lexicon


def test_lexicon_total_header_is_the_sum_of_its_counts():
    """The model divides by the ``# Total`` header tools/derive_spin_lists.py writes rather than
    summing 105k counts at first use: it must be that sum."""
    (freqs,) = load_columns("lexicon-zh.tsv", "freq")
    assert int(SortedLines("lexicon-zh.tsv").header("Total")) == sum(map(int, freqs))


@pytest.mark.parametrize("read_all_after", [10**9, 3])
def test_lazy_model_equals_the_whole_lexicon_read_at_once(monkeypatch, read_all_after):
    """The model reads the words of a first character when a look-up needs them (and the whole
    lexicon after READ_ALL_AFTER of them); what it answers (log probabilities, membership, the
    total) is what a dict of the whole lexicon, phrases raised to PHRASE_FREQ, gives."""
    monkeypatch.setattr(_lexicon, "READ_ALL_AFTER", read_all_after)
    words, freqs = load_columns("lexicon-zh.tsv", "word", "freq")
    counts = dict(zip(words, map(int, freqs)))
    phrases = [e["phrase"] for e in load("spin-phrases.tsv")]
    for p in phrases:
        counts[p] = max(counts.get(p, 0), _lexicon.PHRASE_FREQ)
    total = math.log(sum(counts.values()))
    _lexicon._model.cache_clear()
    try:
        model = _lexicon._model()
        assert model.total == total and model.unk == math.log(0.5) - total
        sample = words[::97] + phrases + ["", "x", "中国x", "\U0010ffff", "的的的的"]
        for w in sample:
            want = math.log(counts[w]) - total if w in counts else None
            assert model.get(w) == want, w
            assert (w in model.counts) == (w in counts), w
    finally:
        _lexicon._model.cache_clear()

"""The spin step's local judge: its fast segmenter gives exactly what the plain definition gives."""

from __future__ import annotations

import math
import random

from ybtext import _spin_lm

WINDOWS = ("中心城市建设", "经由过程调查发现", "推动经济社会进展取得新成效", "根本遵循", "中华人民共和国成立",
           "大都区的发展", "一一对应", "x中国y", "的", "")


def _plain_best(s: str) -> float:
    """The unigram segmentation tried at every length up to MAX_WORD (the definition)."""
    model = _spin_lm._model()
    best = [0.0] + [-math.inf] * len(s)
    for i in range(len(s)):
        if best[i] == -math.inf:
            continue
        for j in range(i + 1, min(len(s), i + _spin_lm.MAX_WORD) + 1):
            lp = model.get(s[i:j])
            if lp is None and j == i + 1:
                lp = model.unk
            if lp is not None and best[i] + lp > best[j]:
                best[j] = best[i] + lp
    return best[len(s)]


def test_best_equals_trying_every_word_length():
    """_best looks up only the lengths the lexicon has after a first pair of characters, phrases
    included (中心城市, 根本遵循), and still returns the same float as trying every length."""
    rnd = random.Random(7)
    text = "".join(WINDOWS)
    windows = list(WINDOWS) + [text[a:a + rnd.randrange(1, 14)] for a in rnd.sample(range(len(text)), 40)]
    for w in windows:
        assert _spin_lm._best.__wrapped__(w) == _plain_best(w), w

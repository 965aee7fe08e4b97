"""Mapping edit spans through the steps (ybtext._spanmap), the ground the review report stands on."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ybtext._edits import Notice, Span, apply_spans
from ybtext._spanmap import HI, LO, SpanMap


def _run(original: str, steps: list[tuple[str, list[Span]]]):
    text, edits = original, []
    for name, spans in steps:
        r = apply_spans(name, text, spans)
        text = r.text
        edits.extend(r.edits)
    return text, edits


def test_layout_join_then_spin_maps_to_both_sides():
    """A spin edit made after a layout join points at the right characters in the original and
    in the cleaned text, and the join's deleted newline shows as a point in the cleaned text."""
    original = "温馨提示\n进展\n效劳"
    final, edits = _run(original, [
        ("boilerplate", [Span(0, 5, "", "bp")]),           # -> "进展\n效劳"
        ("layout", [Span(2, 3, "", "join")]),              # -> "进展效劳"
        ("spin", [Span(0, 2, "发展", "s1"), Span(2, 4, "服务", "s2")]),
    ])
    assert final == "发展服务"
    m = SpanMap(original, edits)
    regions = m.edit_regions()
    assert regions[0] == (0, 5, 0, 0)       # boilerplate: removed text, a point in the output
    assert regions[1] == (7, 8, 2, 2)       # the newline between 进展 and 效劳
    assert regions[2] == (5, 7, 0, 2)
    assert regions[3] == (8, 10, 2, 4)
    assert [original[a:b] for a, b, _, _ in regions[2:]] == ["进展", "效劳"]


def test_later_edit_inside_earlier_replacement_covers_the_earlier_region():
    """An edit that rewrites part of what an earlier step wrote traces back to the earlier
    edit's whole original span (there is no finer truth), and the earlier edit's output region
    shrinks to what is left of it."""
    original = "a,b"
    final, edits = _run(original, [
        ("punctuation", [Span(1, 2, "，", "comma")]),
        ("ocr", [Span(1, 2, "、", "x")]),
    ])
    m = SpanMap(original, edits)
    assert final == "a、b"
    assert m.edit_regions() == [(1, 2, 1, 2), (1, 2, 1, 2)]


def test_zero_width_edits_stay_outside_adjacent_spans():
    """An insertion right after a span does not widen that span when mapped (HI side), and a
    span starting there begins after the inserted text (LO side)."""
    original = "abc"
    _, edits = _run(original, [("layout", [Span(1, 1, "\n", "split")])])
    m = SpanMap(original, edits)
    assert m.to_final(1, 0, HI) == 1
    assert m.to_final(1, 0, LO) == 2
    assert m.edit_regions() == [(1, 1, 1, 2)]


def test_notice_and_text_before():
    """A notice of a later step maps back to the original; text_before gives what a step got."""
    original = "X 202223年"
    _, edits = _run(original, [("boilerplate", [Span(0, 2, "", "bp")])])
    m = SpanMap(original, edits)
    n = Notice("ocr", 0, 6, "202223", "ocr:year", "year debris")
    assert m.notice_region(n) == (2, 8)
    assert m.text_before("spin") == "202223年"
    assert m.text_before("script") == original


_ALPHABET = "ab，。\n进展发"


@st.composite
def _runs(draw):
    original = draw(st.text(_ALPHABET, max_size=30))
    steps, text = [], original
    for name in draw(st.lists(st.sampled_from(["script", "boilerplate", "layout", "spin"]), max_size=4, unique=True)):
        cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
        spans, prev = [], -1
        for a, b in zip(cuts[::2], cuts[1::2]):
            if a <= prev and prev != -1:
                continue
            spans.append(Span(a, b, draw(st.text(_ALPHABET, max_size=3)), name))
            prev = b
        r = apply_spans(name, text, spans)
        steps.append((name, spans))
        text = r.text
    return original, steps


def _uncovered(text: str, regions: list[tuple[int, int]]) -> str:
    keep = [True] * len(text)
    for a, b in regions:
        for i in range(a, b):
            keep[i] = False
    return "".join(c for c, k in zip(text, keep) if k)


@settings(max_examples=300, deadline=None)
@given(_runs())
def test_text_outside_all_edit_regions_is_the_same_on_both_sides(run):
    """Property: the characters of the original outside every edit's original region, read in
    order, are exactly the characters of the cleaned text outside every edit's final region;
    and each of them maps forward exactly onto its copy."""
    original, steps = run
    final, edits = _run(original, steps)
    m = SpanMap(original, edits)
    regions = m.edit_regions()
    for a, b, c, d in regions:
        assert 0 <= a <= b <= len(original) and 0 <= c <= d <= len(final)
    assert _uncovered(original, [r[:2] for r in regions]) == _uncovered(final, [r[2:] for r in regions])
    covered = set()
    for a, b, _, _ in regions:
        covered.update(range(a, b))
    for p, ch in enumerate(original):
        if p not in covered:
            q = m.to_final(p, 0, LO)
            assert final[q] == ch

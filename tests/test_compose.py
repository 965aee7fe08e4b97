"""_edits.compose and _edits.until_stable: two passes of edits become one group over the first
pass's input, and a step's passes are repeated until nothing changes.

Edit groups are drawn at random (Hypothesis): insertions, deletions and replacements, some of
them next to each other, over a tiny alphabet so that passes collide often.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ybtext._edits import Cleaned, Edit, apply_edits, apply_spans, compose, until_stable, Span

ALPHABET = "ab。 "
RULES = ("r:a", "r:b", "r:c", "r:d")


@st.composite
def edit_group(draw: st.DrawFn, text: str, step: str) -> list[Edit]:
    """Sorted, non-overlapping edits over ``text``, none of them a no-op, no two insertions at one
    place (what a step hands over)."""
    edits: list[Edit] = []
    pos = 0
    for _ in range(draw(st.integers(0, 6))):
        start = pos + draw(st.integers(0, 3))
        if start > len(text):
            break
        end = min(len(text), start + draw(st.integers(0, 3)))
        after = draw(st.text(ALPHABET, max_size=3))
        pos = end
        if text[start:end] == after:
            continue
        if start == end and edits and edits[-1].start == edits[-1].end == start:
            continue
        edits.append(Edit(step, start, end, text[start:end], after, draw(st.sampled_from(RULES)),
                          draw(st.one_of(st.none(), st.floats(0, 1))), draw(st.sampled_from(("", "n1", "n2"))),
                          draw(st.sampled_from(("", "sure", "chain")))))
    return edits


@st.composite
def two_passes(draw: st.DrawFn) -> tuple[str, list[Edit], list[Edit]]:
    text = draw(st.text(ALPHABET, max_size=14))
    first = draw(edit_group(text, "x"))
    second = draw(edit_group(apply_edits(text, first), "x"))
    return text, first, second


def _meet(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two spans of the intermediate text that merge: they share text, one zero-width span lies
    strictly inside the other, or both are zero-width at one place."""
    return a[0] < b[1] and b[0] < a[1] or a[0] == a[1] == b[0] == b[1]


def _placed(edits: list[Edit]) -> list[tuple[int, int]]:
    """Where each edit's replacement stands in the text the group leaves."""
    out, grown = [], 0
    for e in edits:
        out.append((e.start + grown, e.start + grown + len(e.after)))
        grown += len(e.after) - (e.end - e.start)
    return out


@settings(max_examples=600, deadline=None)
@given(two_passes())
def test_composed_edits_replay_to_both_passes(case: tuple[str, list[Edit], list[Edit]]) -> None:
    text, first, second = case
    want = apply_edits(apply_edits(text, first), second)
    got = compose("x", text, first, second)
    assert got.text == want
    assert apply_edits(text, got.edits) == want
    assert all(e.step == "x" and e.before != e.after for e in got.edits)
    assert all(a.end <= b.start for a, b in zip(got.edits, got.edits[1:]))


@settings(max_examples=600, deadline=None)
@given(two_passes())
def test_edits_the_other_pass_leaves_alone_keep_their_fields(case: tuple[str, list[Edit], list[Edit]]) -> None:
    text, first, second = case
    got = compose("x", text, first, second).edits
    spans = _placed(first)
    for e, span in zip(first, spans):
        if not any(_meet(span, (f.start, f.end)) for f in second):
            assert e in got
    for f in second:
        if not any(_meet(span, (f.start, f.end)) for span in spans):
            moved = [g for g in got if (g.before, g.after, g.rule, g.confidence, g.note, g.tier)
                     == (f.before, f.after, f.rule, f.confidence, f.note, f.tier)]
            assert moved, f
    for g in got:  # a merged edit names only rules its parts had
        assert set(g.rule.split("+")) <= set(RULES)


def test_a_deletion_spanning_earlier_ones_takes_them_in() -> None:
    text = "0123456789"
    first = [Edit("b", 2, 3, "2", "", "r:one", 0.9, "line"), Edit("b", 5, 6, "5", "", "r:two", 1.0),
             Edit("b", 7, 8, "7", "", "r:one", 0.9, "line")]
    middle = apply_edits(text, first)            # 0134689
    second = [Edit("b", 1, 5, "1346", "", "r:three", 0.8, "again")]
    got = compose("b", text, first, second)
    assert got.text == "089" == apply_edits(middle, second)
    # the deletion of 7 only meets the second pass's at its end: it stays as it was
    assert got.edits == (Edit("b", 1, 7, "123456", "", "r:one+r:three+r:two", 0.8, "again | line"), first[2])


def test_edits_that_only_meet_stay_apart() -> None:
    text = "ab, cd"
    first = [Edit("p", 2, 3, ",", "，", "r:width", None)]            # ab， cd
    second = [Edit("p", 3, 4, " ", "", "r:space"), Edit("p", 0, 1, "a", "A", "r:upper", 0.5, "n", "t")]
    got = compose("p", text, first, second)
    assert got.text == "Ab，cd"
    assert got.edits == (Edit("p", 0, 1, "a", "A", "r:upper", 0.5, "n", "t"), first[0],
                         Edit("p", 3, 4, " ", "", "r:space"))


def test_a_second_pass_that_undoes_the_first_leaves_no_edit() -> None:
    first = [Edit("o", 1, 2, "己", "已", "r:1", 0.9)]
    second = [Edit("o", 1, 2, "已", "己", "r:2", 0.95)]
    assert compose("o", "自己", first, second) == Cleaned("自己", ())


def test_an_insertion_where_text_was_deleted_replaces_it() -> None:
    first = [Edit("x", 1, 3, "bc", "", "r:del")]
    second = [Edit("x", 1, 1, "", "Z", "r:ins", 0.7, "", "sure")]
    got = compose("x", "abcd", first, second)
    assert got.edits == (Edit("x", 1, 3, "bc", "Z", "r:del+r:ins", 0.7, "", ""),)


def _shrink_ab(text: str) -> Cleaned:
    """A toy rule: each 'ab' (left to right, not overlapping) becomes 'b', so 'aab' needs two passes."""
    return apply_spans("t", text, [Span(m.start(), m.end(), "b", "r:ab") for m in re.finditer("ab", text)])


@settings(max_examples=300, deadline=None)
@given(st.text("ab。", max_size=16), st.integers(1, 5))
def test_until_stable_equals_repeating_the_pass(text: str, passes: int) -> None:
    calls: list[str] = []

    def once(t: str) -> Cleaned:
        calls.append(t)
        return _shrink_ab(t)

    got = until_stable("t", text, once, passes)
    want = text
    for _ in range(passes):
        nxt = _shrink_ab(want).text
        if nxt == want:
            break
        want = nxt
    assert got.text == want == apply_edits(text, got.edits)
    assert len(calls) <= passes
    assert calls[-1] == want or len(calls) == passes  # it stops after the first pass that changes nothing


def test_until_stable_hands_again_the_text_and_the_edits_so_far() -> None:
    seen: list[tuple[str, tuple[Edit, ...]]] = []

    def again(current: str, edits: tuple[Edit, ...]) -> list[Edit]:
        seen.append((current, edits))
        return list(_shrink_ab(current).edits)

    got = until_stable("t", "aaab", _shrink_ab, 10, again)
    assert got.text == "b"
    assert [c for c, _ in seen] == ["aab", "ab", "b"]
    assert all(apply_edits("aaab", edits) == current for current, edits in seen)
    assert got.edits == (Edit("t", 0, 4, "aaab", "b", "r:ab"),)


def test_until_stable_with_nothing_to_do_runs_once() -> None:
    calls: list[str] = []

    def once(t: str) -> Cleaned:
        calls.append(t)
        return Cleaned(t, ())

    assert until_stable("t", "abc", once, 3) == Cleaned("abc", ())
    assert calls == ["abc"]

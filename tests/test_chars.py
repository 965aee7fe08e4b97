"""The one definition of a Han character (src/ybtext/_chars.py)."""

from ybtext._chars import HAN, HAN_CLASS, HAN_RANGES, is_han


def test_is_han_the_class_and_the_ranges_agree():
    edges = {e + d for lo, hi in HAN_RANGES for e in (lo, hi) for d in (-1, 0, 1)}
    for cp in sorted(set(range(0x10000)) | edges | {0x2A6D6, 0x30000, 0x10FFFF}):
        if 0xD800 <= cp <= 0xDFFF:
            continue  # surrogates
        c = chr(cp)
        in_ranges = any(lo <= cp <= hi for lo, hi in HAN_RANGES)
        assert is_han(c) is in_ranges, hex(cp)
        assert (HAN.fullmatch(c) is not None) is in_ranges, hex(cp)


def test_what_is_han_and_what_is_not():
    for c in "中㐀豈𠀀𪚥𰀀":  # BMP, extension A, compatibility, extensions B and G
        assert is_han(c)
    for c in "a1，。〇⺀\u3000 ":  # Latin, digits, punctuation, 〇, a radical, spaces
        assert not is_han(c)
    assert not is_han("")
    assert HAN_CLASS.startswith("\u3400-")


def test_no_module_writes_its_own_han_range():
    """Issue 21: one definition of "a Han character". A module that spells out the BMP block's
    bounds (U+4E00 or U+9FFF, escaped or literal) instead of importing ``ybtext._chars`` has its
    own, probably different, idea of it."""
    import re
    from pathlib import Path
    src = Path(__file__).resolve().parents[1] / "src" / "ybtext"
    spelled = re.compile(r"\\u4e00|\\u9fff|\\u4E00|\\u9FFF|0x4e00|0x4E00|\u4e00-\u9fff")
    offenders = [str(p.relative_to(src)) for p in sorted(src.rglob("*.py"))
                 if p.name != "_chars.py" and spelled.search(p.read_text(encoding="utf-8"))]
    assert offenders == []

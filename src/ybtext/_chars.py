"""Character classes shared by every step: the one definition of "a Han character".

``HAN_RANGES`` is the set, as inclusive code point ranges:

- U+3400..U+4DBF   CJK Unified Ideographs Extension A
- U+4E00..U+9FFF   CJK Unified Ideographs (the BMP block)
- U+F900..U+FAFF   CJK Compatibility Ideographs
- U+20000..U+3FFFF the Supplementary and Tertiary Ideographic Planes: extensions B to I and the
  compatibility ideographs supplement (the planes are reserved for ideographs, so characters of
  later extensions are in too)

``HAN_CLASS`` is the same set as the inside of a regular expression character class (for ``re``
and ``regex`` alike: ``f"[{HAN_CLASS}]"``, or next to other characters ``f"[{HAN_CLASS}0-9]"``);
``is_han(c)`` tests one character.

Radicals (U+2E80..U+2FDF), strokes, ideographic punctuation and ``〇`` (U+3007) are not in it.
"""

from __future__ import annotations

import re

__all__ = ["HAN_RANGES", "HAN_CLASS", "HAN", "is_han"]

HAN_RANGES: tuple[tuple[int, int], ...] = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3FFFF),
)

#: The inside of a character class matching one character of :data:`HAN_RANGES`. The ranges
#: beyond the BMP stay ranges, which ``re`` tests after its BMP bitmap (no slowdown).
HAN_CLASS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in HAN_RANGES)

#: One Han character.
HAN: re.Pattern[str] = re.compile(f"[{HAN_CLASS}]")


def is_han(c: str) -> bool:
    """Whether the one-character string ``c`` is a Han character (the empty string is not)."""
    return ("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or "\uf900" <= c <= "\ufaff"
            or "\U00020000" <= c <= "\U0003ffff")

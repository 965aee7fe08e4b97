"""The ``punctuation`` step: GB/T 15834 punctuation in Chinese context.

Rules (each edit names its rule):

- ``punctuation:ascii-width``: ASCII ``, : ; ? !`` next to Chinese text become ``，：；？！``; never
  between digits (1,000, 9:00), in URLs (``://``, ``?id=``) or between Latin words.
- ``punctuation:ascii-paren``: ``( )`` around or next to Chinese text become ``（ ）``.
- ``punctuation:full-stop``: an ASCII full stop ending a Chinese sentence becomes ``。``; never in
  numbers, versions, URLs, e-mail addresses, file names or Latin text.
- ``punctuation:quote-pair``: ``〝〞`` and one-sided quotes are paired as ``“”`` within a paragraph
  (an even number of double quotes is re-paired open/close; an odd number only loses its 〝〞).
- ``punctuation:space``: spaces between Chinese punctuation and Chinese text go (精确 、 → 精确、).
- ``punctuation:list-bracket``: 〔一〕 used as a list marker becomes （一）; document numbers such as
  国办发〔2019〕1号 keep their 〔〕.
- ``punctuation:fullwidth-ascii``: full-width digits and Latin letters become ASCII
  (``Config.fullwidth_ascii``), and so do ．％ inside numbers.

Lines that are mostly Latin are left alone (except by the full-width rule). Candidates are found
with compiled regular expressions over the whole text; only those positions are examined in Python.
Every replacement that yields Chinese punctuation also takes the spaces around it that the space
rule would remove, so the step is idempotent.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from typing import Callable, Sequence

from ._chars import HAN_CLASS, is_han
from ._edits import Cleaned, Edit, Span, apply_spans, placed, until_stable
from ._lazyre import Patterns
from .config import Config

__all__ = ["step"]

# Chinese punctuation (full-width) next to which spaces are dropped.
_CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』…—〔〕〝〞"
_TO_FULL = {",": "，", ";": "；", "!": "！", "?": "？", ":": "："}
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF5B) if chr(c - 0xFEE0).isalnum()}


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    # Every pattern starts with a literal or a tiny class, so the regex engine skips ahead at C
    # speed; the context checks that need lookbehind are done in Python at the few candidates.
    return Patterns({
        "han": lambda: re.compile(f"[{HAN_CLASS}]"),
        "latin": lambda: re.compile("[A-Za-z]"),
        "paren": lambda: re.compile(r"\(([^()\n]{0,120})\)"),
        "stop": lambda: re.compile(r"\.(?![.0-9A-Za-z_@/\\-])"),
        "open_run": lambda: re.compile("“[^”“\n]*“"),
        "close_run": lambda: re.compile("”[^“”\n]*”"),
        "quote": lambda: re.compile('[“”〝〞"]'),
        "space": lambda: re.compile(f" [ \t]*(?=[{HAN_CLASS}{_CJK_PUNCT}])"),
        "tab": lambda: re.compile(f"\t[ \t]*(?=[{HAN_CLASS}{_CJK_PUNCT}])"),
        "list_bracket": lambda: re.compile("〔([一二三四五六七八九十]{1,3}|[0-9]{1,2})〕(?!\\d*号)"),
        "fullwidth": lambda: re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+"),
    })


def _is_cjk(ch: str) -> bool:
    return bool(ch) and (is_han(ch) or ch in _CJK_PUNCT)


class _Lines:
    """Is the line around a position Chinese (not mostly Latin)? Computed lazily, cached per line."""

    __slots__ = ("text", "flags", "han", "latin")

    def __init__(self, text: str, han: re.Pattern[str], latin: re.Pattern[str]) -> None:
        self.text = text
        self.flags: dict[int, bool] = {}
        self.han, self.latin = han, latin

    def chinese(self, pos: int) -> bool:
        start = self.text.rfind("\n", 0, pos) + 1
        flag = self.flags.get(start)
        if flag is None:
            end = self.text.find("\n", pos)
            line = self.text[start:] if end < 0 else self.text[start:end]
            han = len(self.han.findall(line))
            flag = han >= 2 and han * 2 >= len(self.latin.findall(line))
            self.flags[start] = flag
        return flag


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend [start, end) over the spaces the space rule would drop next to Chinese punctuation."""
    a = start
    while a > 0 and text[a - 1] in " \t":
        a -= 1
    if a == start or not _is_cjk(text[a - 1:a]):
        a = start
    b = end
    while b < len(text) and text[b] in " \t":
        b += 1
    if b == end or not _is_cjk(text[b:b + 1]):
        b = end
    return a, b


def step(text: str, config: Config) -> Cleaned:
    """Apply the rules until nothing changes (a converted mark can put its neighbour in Chinese
    context: ``本.,`` → ``本。,`` → ``本。，``); the edits are composed over the received text. After
    the first pass only the lines where an edit may have changed a neighbour's context run again."""
    def again(current: str, edits: tuple[Edit, ...]) -> list[Edit]:
        lines = _chaining_lines(text, edits)
        return _again(current, lines, config) if lines else []

    return until_stable("punctuation", text, lambda t: _once(t, config), 4, again)


def _again(text: str, lines: list[int], config: Config) -> list[Edit]:
    """Run the rules once more on the given lines (every rule is local to its line)."""
    out: list[Edit] = []
    for pos in lines:
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        for e in _once(text[start:end], config).edits:
            out.append(e.__class__(e.step, e.start + start, e.end + start, e.before, e.after, e.rule,
                                   e.confidence, e.note))
    return sorted(out, key=lambda e: e.start)


_CHAINING = frozenset(',;:!?.()" \t〝〞“”‘’')


def _chaining_lines(text: str, edits: Sequence[Edit]) -> list[int]:
    """Positions (in the edited text) of one edit per line whose edits may have changed the context
    of a neighbouring mark: a mark, a quote or a space stands within two characters of it (digits
    around a width fix never chain)."""
    out: list[int] = []
    last_line: int | None = None
    for e, (pos, _) in zip(edits, placed(edits)):
        around = text[max(0, e.start - 2):e.start] + text[e.end:e.end + 2]
        if _CHAINING.isdisjoint(around):
            continue
        line = text.rfind("\n", 0, e.start)
        if line != last_line:
            out.append(pos)
            last_line = line
    return out


def _once(text: str, config: Config) -> Cleaned:
    p = _patterns()
    lines = _Lines(text, p["han"], p["latin"])
    spans: list[Span] = []

    def put(start: int, end: int, after: str, rule: str, widen: bool = True) -> None:
        if widen:
            start, end = _widen(text, start, end)
        spans.append(Span(start, end, after, rule))

    for mark, full in _TO_FULL.items():
        pos = text.find(mark)
        while pos >= 0:
            if _mark_is_chinese(text, pos, mark) and lines.chinese(pos):
                put(pos, pos + 1, full, "punctuation:ascii-width")
            pos = text.find(mark, pos + 1)
    if "(" in text:
        for m in p["paren"].finditer(text):
            if _paren_is_chinese(text, m) and lines.chinese(m.start()):
                put(m.start(), m.start() + 1, "（", "punctuation:ascii-paren")
                put(m.end() - 1, m.end(), "）", "punctuation:ascii-paren")
    for m in p["stop"].finditer(text):
        if text[m.start() - 1:m.start()] in _STOP_AFTER or is_han(text[m.start() - 1:m.start()]):
            if lines.chinese(m.start()):
                put(m.start(), m.end(), "。", "punctuation:full-stop")
    _quotes(text, p, lines, put)
    if "〔" in text:
        for m in p["list_bracket"].finditer(text):
            if m.start() == 0 or text[m.start() - 1] in " \t\n\u3000：:。；":
                put(m.start(), m.start() + 1, "（", "punctuation:list-bracket", False)
                put(m.end() - 1, m.end(), "）", "punctuation:list-bracket", False)
    for m in itertools.chain(p["space"].finditer(text), p["tab"].finditer(text) if "\t" in text else ()):
        prev, nxt = text[m.start() - 1:m.start()], text[m.end()]
        if (nxt in _CJK_PUNCT and _is_cjk(prev) or prev in _CJK_PUNCT and prev) and lines.chinese(m.start()):
            put(m.start(), m.end(), "", "punctuation:space", False)
    if config.fullwidth_ascii:
        for m in p["fullwidth"].finditer(text):
            put(m.start(), m.end(), m.group().translate(_FULLWIDTH), "punctuation:fullwidth-ascii", False)
        for mark, ascii_ in (("％", "%"), ("．", ".")):
            pos = text.find(mark)
            while pos >= 0:
                if _is_digit(text[pos - 1:pos]) and (mark == "％" or _is_digit(text[pos + 1:pos + 2])):
                    put(pos, pos + 1, ascii_, "punctuation:fullwidth-ascii", False)
                pos = text.find(mark, pos + 1)
    return apply_spans("punctuation", text, _first_wins(spans))


_ASCII_MARKS = frozenset(",;:!?.")
_STOP_AFTER = frozenset("”’）》」』〞〝\"")


def _is_digit(ch: str) -> bool:
    return bool(ch) and ("0" <= ch <= "9" or "０" <= ch <= "９")


def _quotes(text: str, p: dict[str, re.Pattern[str]], lines: _Lines, put: Callable[..., None]) -> None:
    """Pair double quotes in the paragraphs that need it (〝〞, ASCII ", or two opening/closing
    quotes in a row). The decision is the paragraph's own, so it is the same for a line alone."""
    seen: set[int] = set()
    for ch in ("〝", "〞", '"'):
        pos = text.find(ch)
        while pos >= 0:
            seen.add(text.rfind("\n", 0, pos) + 1)
            pos = text.find(ch, pos + 1)
    for name in ("open_run", "close_run"):
        for m in p[name].finditer(text):
            seen.add(text.rfind("\n", 0, m.start()) + 1)
    for start in sorted(seen):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if lines.chinese(start):
            _pair_quotes(text, start, end, p["quote"], put)


def _first_wins(spans: list[Span]) -> list[Span]:
    """Drop spans that overlap a span proposed earlier (rules run in order of priority)."""
    starts: list[int] = []
    kept: list[Span] = []
    for s in spans:
        i = bisect.bisect_right(starts, s.start)
        if i and kept[i - 1].end > s.start or i < len(kept) and kept[i].start < s.end:
            continue
        if i < len(kept) and kept[i].start == s.start == s.end:
            continue
        starts.insert(i, s.start)
        kept.insert(i, s)
    return kept


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    a = start
    while a > 0 and text[a - 1] in " \t":
        a -= 1
    b = end
    while b < len(text) and text[b] in " \t":
        b += 1
    return text[a - 1:a] if a else "", text[b:b + 1]


def _mark_is_chinese(text: str, pos: int, mark: str) -> bool:
    prev, nxt = _neighbours(text, pos, pos + 1)
    if prev in _ASCII_MARKS and pos >= 2 and _is_cjk(text[pos - 2]):
        prev = "，"  # an ASCII mark right after Chinese becomes Chinese itself in this same step
    if nxt in _ASCII_MARKS and _is_cjk(text[pos + 2:pos + 3]):
        nxt = "，"
    if prev.isdigit() and nxt.isdigit():
        return False  # 1,000  9:00  3:2
    if mark == ":":
        return text.startswith("//", pos + 1) is False and (_is_cjk(prev) or (is_han(nxt) and not prev.isalnum()))
    if _is_cjk(prev):
        return True
    if mark in ",;":
        return _is_cjk(nxt) and (prev in "%％)”’" or prev.isalnum() or prev == "")
    return _is_cjk(nxt) and not (prev.isalnum() or prev in "/=&")


def _paren_is_chinese(text: str, m: re.Match[str]) -> bool:
    inner = m.group(1)
    if any(is_han(ch) for ch in inner):
        return True
    before, after = _neighbours(text, m.start(), m.end())
    return _is_cjk(before) and (after in ("", "\n") or _is_cjk(after)) or (
        before in ("", "\n") and _is_cjk(after))


def _pair_quotes(text: str, start: int, end: int, quote: re.Pattern[str], put: Callable[..., None]) -> None:
    """Pair the double quotes of one paragraph as “”: alternate when their number is even,
    otherwise only turn 〝〞 into their “” counterparts."""
    marks = list(quote.finditer(text, start, end))
    if len(marks) % 2 == 0:
        for k, q in enumerate(marks):
            put(q.start(), q.end(), "“" if k % 2 == 0 else "”", "punctuation:quote-pair")
        return
    for q in marks:
        if q.group() in "〝〞":
            put(q.start(), q.end(), "“" if q.group() == "〝" else "”", "punctuation:quote-pair")

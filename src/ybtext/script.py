"""The ``script`` step: Traditional -> Simplified with OpenCC, numeral swaps, injected pinyin.

- Detection is cheap: one regex character class of Traditional-only characters
  (``wordlists/script-traditional.tsv``, derived from OpenCC). A Simplified document has none and
  OpenCC never runs on it.
- ``script="auto"``: a document where Traditional-only characters make up at least
  ``TRADITIONAL_SHARE`` of the Han characters is converted as a whole (OpenCC t2s, whose phrase
  tables see the whole text); in a mixed document only the sentences holding at least
  ``MIXED_MIN`` Traditional-only characters are converted, each as a whole sentence (never
  character by character). A text with more Traditional-only than Simplified-only characters is
  Traditional, however short. ``"s"``: every sentence holding one is converted. ``"t"``: no conversion.
- Numeral swaps: 壹 in running text (安全第壹, 统壹) becomes 一; financial uppercase numerals
  (壹仟元, 人民币壹万) stay.
- Pinyin that mirror sites inject after characters (續(xù)) is removed.
Conversions become one edit per changed run, rule ``script:opencc-t2s``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from typing import TYPE_CHECKING, Any, Iterable

from ._chars import HAN_CLASS
from ._edits import Cleaned, Span, apply_spans, drop_overlaps
from ._wordlists import shipped_rows
from .config import Config

if TYPE_CHECKING:
    from rapidfuzz.distance import Opcode

__all__ = ["step", "TRADITIONAL_SHARE", "MIXED_MIN"]

TRADITIONAL_SHARE = 0.05
MIXED_MIN = 2
#: Converted characters separated by at most this many unchanged Han characters make one edit.
RUN_GAP = 6


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """Patterns only texts with Traditional characters or injected pinyin need, compiled on first
    use (a Simplified document never needs them; compiling them cost ~4 ms of the first clean)."""
    han = f"[{HAN_CLASS}]"
    return {"han": re.compile(han), "han_run": re.compile(f"{han}+"), "hans": re.compile(f"{han}*"),
            "sentence": re.compile(r"[^。！？!?；;\n]*[。！？!?；;\n]?")}


# 壹 with no financial-numeral neighbour (零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整, also Traditional forms).
_FIN = "零〇壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬亿億元圆圓角分整"
# A parenthesized pinyin syllable with a tone mark (or tone digit) right after a Han character.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"


@functools.lru_cache(maxsize=1)
def _yi() -> re.Pattern[str]:
    """壹 outside an amount (compiled for the first text holding 壹, as _pinyin for one holding a
    parenthesis: ~1 ms each of the first clean otherwise)."""
    return re.compile(f"(?<![{_FIN}])壹(?![{_FIN}]|基金)")  # 壹基金 is a name


@functools.lru_cache(maxsize=1)
def _pinyin() -> re.Pattern[str]:
    return re.compile(rf"[(（](?=[a-zü{_TONED}]{{1,6}}[1-5]?[)）])((?:[a-zü]*[{_TONED}][a-zü]*)|[a-zü]{{1,6}}[1-5])[)）]")


@functools.lru_cache(maxsize=1)
def _traditional() -> re.Pattern[str]:
    """Traditional-only characters."""
    rows, _ = shipped_rows("script-traditional.tsv", 3)
    return _char_class({r[0] for r in rows})


@functools.lru_cache(maxsize=1)
def _simplified() -> re.Pattern[str]:
    """Simplified-only characters (loaded only for a short text holding Traditional ones)."""
    rows, _ = shipped_rows("script-simplified.tsv", 3)
    return _char_class({r[0] for r in rows})


def _char_class(chars: set[str]) -> re.Pattern[str]:
    """One character of ``chars``. Characters beyond the BMP sit behind a range test: in one
    class with the others they turn the whole class into a linear list (60x slower scans)."""
    bmp = "".join(sorted(c for c in chars if c <= "\uffff"))
    astral = "".join(sorted(c for c in chars if c > "\uffff"))
    if not astral:
        return re.compile(f"[{bmp}]")
    return re.compile(f"[{bmp}]|(?=[\U00010000-\U0010ffff])[{astral}]")


@functools.lru_cache(maxsize=1)
def _t2s() -> Any:  # an opencc.OpenCC (OpenCC has no type information)
    import opencc  # imported on first need: Simplified documents never load OpenCC

    return opencc.OpenCC("t2s")


def step(text: str, config: Config) -> Cleaned:
    spans: list[Span] = []
    if "壹" in text:
        spans += [Span(m.start(), m.end(), "一", "script:numeral-yi", 0.95, "壹 outside an amount")
                  for m in _yi().finditer(text)]
    if "(" in text or "（" in text:
        spans += [Span(m.start(), m.end(), "", "script:injected-pinyin", 0.95, m.group(1))
                  for m in _pinyin().finditer(text) if m.start() > 0 and _patterns()["han"].match(text, m.start() - 1)]
    if config.script in ("auto", "s"):
        spans += _convert(text, config)
    return apply_spans("script", text, drop_overlaps(spans))


def _convert(text: str, config: Config) -> list[Span]:
    mode = config.script
    where = [m.start() for m in _traditional().finditer(text)]
    if not where:
        return []
    if mode == "auto" and _traditional_document(text, len(where)):
        return _diff(0, text, _t2s().convert(text), "traditional document")
    least = 1 if mode == "s" else MIXED_MIN
    spans: list[Span] = []
    for m in _patterns()["sentence"].finditer(text):
        a, b = m.span()
        if a < b and bisect.bisect_left(where, b) - bisect.bisect_left(where, a) >= least:
            sentence = m.group()
            spans += _diff(a, sentence, _t2s().convert(sentence), "Traditional sentence")
    if mode == "auto" and config.boilerplate and _left(where, spans) and _traditional_body(text, spans, config):
        return _diff(0, text, _t2s().convert(text), "traditional document")
    return spans


def _traditional_document(text: str, hits: int) -> bool:
    """Whether ``text`` with ``hits`` Traditional-only characters is a Traditional document: they
    make up ``TRADITIONAL_SHARE`` of its Han characters (and are at least ``MIXED_MIN``), or
    outnumber its Simplified-only characters (short texts)."""
    han = sum(map(len, _patterns()["han_run"].findall(text)))  # runs, not one string per character
    return hits >= TRADITIONAL_SHARE * han and hits >= MIXED_MIN or _fewer(_simplified(), text, hits)


def _left(where: list[int], spans: list[Span]) -> bool:
    """Whether a Traditional-only character (at the positions ``where``) lies outside ``spans``."""
    starts = [s.start for s in spans]
    for w in where:
        k = bisect.bisect_right(starts, w) - 1
        if k < 0 or w >= spans[k].end:
            return True
    return False


def _traditional_body(text: str, spans: list[Span], config: Config) -> bool:
    """Whether the document is Traditional once the site furniture is gone.

    A Simplified site's furniture (第1页 共22页, 本文档由用户上传) counts as Simplified evidence,
    but the boilerplate step removes it; judged again on the cleaned text, the characters left
    unconverted here would be converted (clean() would not be idempotent). So the document is
    judged as the next pass will see it: the sentences converted, the furniture removed."""
    from .boilerplate import step as boilerplate_step  # only for mixed documents

    body = boilerplate_step(apply_spans("script", text, spans).text, config).text
    hits = sum(1 for _ in _traditional().finditer(body))
    return hits > 0 and _traditional_document(body, hits)


def _fewer(pattern: re.Pattern[str], text: str, limit: int) -> bool:
    """Whether ``pattern`` matches fewer than ``limit`` times in ``text`` (stops counting there)."""
    return sum(1 for _ in itertools.islice(pattern.finditer(text), limit)) < limit


def _diff(offset: int, before: str, after: str, note: str) -> list[Span]:
    """Spans turning ``before`` into ``after``, one per run of changed characters."""
    if "壹" in after:   # a converted run may swallow a 壹: swap it inside the run
        after = _yi().sub("一", after)
    if before == after:
        return []
    if len(before) != len(after):   # a phrase changed length: diff sentence by sentence
        if note == "traditional document":
            spans: list[Span] = []
            for m in _patterns()["sentence"].finditer(before):
                if m.group():
                    spans += _diff(offset + m.start(), m.group(), _t2s().convert(m.group()), note)
            return spans
        from rapidfuzz.distance import Levenshtein  # only for the rare length-changing phrase

        return [Span(offset + a, offset + b, after[c:d], "script:opencc-t2s", 0.99, note)
                for a, b, c, d in _merged(Levenshtein.opcodes(before, after))]
    from rapidfuzz.distance import Hamming  # equal lengths: runs of replaced characters, in C

    runs: list[list[int]] = []
    for op in Hamming.opcodes(before, after):
        if op.tag == "equal":
            continue
        a, b = op.src_start, op.src_end
        if runs and a - runs[-1][1] <= RUN_GAP and _patterns()["hans"].fullmatch(before, runs[-1][1], a):
            runs[-1][1] = b     # one edit per converted run, short unchanged gaps included
        else:
            runs.append([a, b])
    return [Span(offset + a, offset + b, after[a:b], "script:opencc-t2s", 0.99, note) for a, b in runs]


def _merged(ops: Iterable[Opcode]) -> list[list[int]]:
    """Non-equal opcodes, adjacent ones merged into one."""
    out: list[list[int]] = []
    for op in ops:
        if op.tag == "equal":
            continue
        if out and out[-1][1] == op.src_start and out[-1][3] == op.dest_start:
            out[-1][1], out[-1][3] = op.src_end, op.dest_end
        else:
            out.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    return out


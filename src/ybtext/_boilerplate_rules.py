"""Generic furniture rules of the boilerplate step: they need no catalogue of the site.

- vocabulary: a line is scored by the furniture words it contains (wordlists/boilerplate-vocab.tsv)
  per character; a line that names the site (下载, 上传, 客服, VIP …) densely is furniture. Prose that
  mentions 下载 or 客服 once in a sentence scores far below the thresholds.
- page counters in all their forms (第1页 / 共22页, 1 / 22, - 3 -, Page 2 of 9, <title>_第3页,
  Word field leaks such as 第 PAGE 211 页).
- contact lines (QQ, 微信, 电话, 邮箱 with a number or address) that also name the site.
- runs of rare characters (noise watermarks), found with one regular expression built from the
  common-characters list (wordlists/boilerplate-common-chars.tsv).
- segments repeated at page intervals inside paragraphs (injected watermarks of unknown sites).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ._chars import HAN_CLASS, HAN_RANGES, is_han
from ._lazyre import Patterns
from ._wordlists import load, load_columns
from .errors import WordlistError

__all__ = ["Vocabulary", "vocabulary", "patterns", "noise_spans", "score_line", "names_site", "residue",
           "repeated_segments", "bracketed"]

_HAN = f"[{HAN_CLASS}]"  # one Han character
#: The patterns built from boilerplate-vocab.tsv's ``roles`` column (described in its header); - is none.
ROLES = ("-", "site-name", "crumb-site", "crumb-head", "stamp-site", "stamp-phrase", "field-line", "login", "contact", "web")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    regex: re.Pattern[str]          # all terms, longest first
    trigger: re.Pattern[str]        # strong site words: finds candidate lines in long text
    anchors: re.Pattern[str]        # every site and field word: a line holding one may be furniture
    weight: dict[str, float]
    kind: dict[str, str]
    meta: frozenset[str] = frozenset()  # labels of a CMS meta line (来源, 作者, 发布时间 …): not scored
    form: frozenset[str] = frozenset()  # labels of a template's empty fields (编者, 日期 …): not scored
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)  # role -> its terms (roles column)
    web: frozenset[str] = frozenset()  # parts of a web address (www., .com …): scored once, by the address's shape

    def alternation(self, role: str) -> str:
        """The terms of ``role`` as a regex alternation, longest first (see the list's header)."""
        terms = self.roles.get(role, ())
        if not terms:
            raise KeyError(f"boilerplate-vocab.tsv gives no term the role {role!r}")
        return "|".join(map(re.escape, sorted(terms, key=lambda t: (-len(t), t))))


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    weight: dict[str, float] = {}
    kind: dict[str, str] = {}
    labels: dict[str, set[str]] = {"meta": set(), "form": set()}
    roles: dict[str, list[str]] = defaultdict(list)
    for e in load("boilerplate-vocab.tsv"):
        for role in e["roles"].split(","):
            if role not in ROLES:
                raise WordlistError(e.file, e.line, f"unknown role {role!r} (expected - or some of {', '.join(ROLES)})")
            if role != "-":
                roles[role].append(e["term"])
        if e["kind"] == "pattern":  # serves only the patterns of its roles
            continue
        if e["kind"] in labels:
            labels[e["kind"]].add(e["term"])
            continue
        weight[e["term"]] = float(e["weight"])
        kind[e["term"]] = e["kind"]
    terms = sorted(weight, key=lambda t: (-len(t), t))
    # the trigger scans the whole text, so it holds only the strong site words (and 下载)
    strong = [t for t in terms if kind[t] in ("site", "field", "action") and (weight[t] >= 1.5 or t == "下载")]
    anchors = [t for t in terms if kind[t] in ("site", "field")]
    return Vocabulary(re.compile("|".join(map(re.escape, terms))),
                      re.compile("|".join(map(re.escape, strong))),
                      re.compile("|".join(map(re.escape, anchors))), weight, kind,
                      frozenset(labels["meta"]), frozenset(labels["form"]),
                      {role: tuple(terms) for role, terms in roles.items()}, frozenset(roles["web"]))


@functools.lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern[str]]:
    voc = vocabulary()
    num = r"[0-9０-９]{1,4}"
    page = "[页頁]"
    return Patterns({
        # a whole line that is only a page counter
        "page_line": lambda: re.compile(
            f"(?:第\\s*)?{num}\\s*{page}(?:\\s*[/,，／]?\\s*共\\s*{num}\\s*{page})?"
            f"|共\\s*{num}\\s*{page}(?:\\s*[,，]?\\s*第\\s*{num}\\s*{page})?"
            f"|{num}\\s*[/／]\\s*{num}"
            f"|[-—–－]{{1,2}}\\s*{num}\\s*[-—–－]{{1,2}}"
            f"|[Pp]age\\s*{num}(?:\\s*(?:of|/)\\s*{num})?"
            f"|第\\s*PAGE\\s*[0-9]*\\s*{page}(?:\\s*共\\s*NUMPAGES\\s*[0-9]*\\s*{page})?"
            f"|PAGE\\s*[0-9]*\\s*-?|NUMPAGES\\s*[0-9]*"
            f"|.{{1,80}}?_第\\s*{num}\\s*{page}"
            # <title> - 第2页 - <site>: a page counter between separators
            f"|.{{1,80}}?\\s[-–—|｜]\\s*第\\s*{num}\\s*{page}(?:\\s*[-–—|｜]\\s*.{{1,20}})?"),
        # page counters pasted inside a line (distinctive enough to remove anywhere)
        "page_inline": lambda: re.compile(f"第\\s*{num}\\s*{page}\\s*[/,，／(（]?\\s*共\\s*{num}\\s*{page}\\s*[)）]?"
                                  f"|第\\s*PAGE\\s*[0-9]+\\s*{page}"),
        "number_line": lambda: re.compile(r"[0-9]{1,4}"),
        "contact": lambda: re.compile("(?:" + voc.alternation("contact") + r")\s*[:：]?\s*"
                              r"(?:[0-9０-９][0-9０-９ -]{4,}|[\w.+-]+@[\w-]+\.[\w.]+)"),
        "domain": lambda: re.compile(r"(?:https?://|www\.)[\w./?=&%-]+|[\w-]+\.(?:com|cn|net|org)\b"),
        # a site's own name: a few characters and a site word (云帆文库, 知行资料网, 青橙题库)
        "sitename": lambda: re.compile(_HAN + r"{2,4}(?:" + voc.alternation("site-name") + ")"),
        "masked": lambda: re.compile(r"\w\*{2,}\w?"),
        "field": lambda: re.compile(r"(?:^|\s)(?:" + _HAN + r"{1,5}|ID)\s*[:：]\s*\S"),
        "filename": lambda: re.compile(r"\.(?:docx?|pdf|pptx?|xlsx?|wps|txt|rar|zip)\b", re.I),
        "separators": lambda: re.compile(r"[\s|｜/／>＞›»•·●\-—_,，.。:：;；!！?？()（）【】\[\]]+"),
        "year_bump": lambda: re.compile(r"20[0-9]{4}年"),
        # a page count in a sentence: 共22页, 还剩17页, 第3页 / 共9页
        "pages": lambda: re.compile(r"(?:共|剩|还有|第)\s*[0-9０-９]{1,4}\s*页"),
        # a download-box field on a line of its own (ID:1102988, 大小:25KB, 页数:3页, 格式:DOCX)
        "field_line": lambda: re.compile("(?:" + voc.alternation("field-line") + r")\s*[:：]\s*[^\s，。]{1,30}"),
        # a file name on a line of its own (某某工作总结.docx, ….docxVIP)
        "file_line": lambda: re.compile(r"[^/\\:*?\"<>|\s]{1,80}\.(?:docx?|pdf|pptx?|xlsx?|wps|txt|rar|zip)(?:VIP)?", re.I),
        "site_chars": lambda: re.compile(r"[./:：页]"),
        "crumb_sep": lambda: re.compile(r"\s*(?:>>|>|›|»|＞)\s*"),
        "crumb_head": lambda: re.compile(r"\s*(?:" + voc.alternation("crumb-head") + "|" + _HAN + "{2,4}(?:"
                                 + voc.alternation("crumb-site") + "))"),
        "page_word": lambda: re.compile(r"第\s*#\s*[页頁]|[Pp]age\s*#|#\s*/\s*#"),
        "digits": lambda: re.compile(r"[0-9０-９]+"),
    })


def names_site(line: str) -> bool:
    """Does the line name the site or its services (a site/field word, a web address, a file name,
    or three ``label: value`` fields)? Cheaper than :func:`score_line`."""
    if vocabulary().trigger.search(line):
        return True
    return score_line(line)[1] if patterns()["site_chars"].search(line) else False


def score_line(line: str) -> tuple[float, bool, str]:
    """(score, names_the_site, rest): vocabulary weight of the line, whether a site/field term, a
    web address, a file name or a row of fields is in it, and the line without its terms."""
    voc = vocabulary()
    p = patterns()
    score = 0.0
    anchor = False
    seen: dict[str, int] = defaultdict(int)
    pieces: list[str] = []
    pos = 0
    web = voc.web
    for m in voc.regex.finditer(line):
        t = m.group()
        if t in web:
            continue  # web addresses count once, through the domain pattern below
        seen[t] += 1
        if seen[t] <= 2:
            score += voc.weight[t]
        if voc.kind[t] in ("site", "field"):
            anchor = True
        pieces.append(line[pos:m.start()])
        pos = m.end()
    pieces.append(line[pos:])
    if "." in line or "/" in line:
        if p["domain"].search(line):
            score += 1.5
            anchor = True
        if p["filename"].search(line):
            score += 1
            anchor = True
    if "页" in line and p["pages"].search(line):
        score += 1
        anchor = True
    if p["sitename"].search(line):
        score += 1
        anchor = True
    if "*" in line and p["masked"].search(line):
        score += 1
    if ":" in line or "：" in line:
        fields = len(p["field"].findall(line))
        if fields >= 3:
            score += fields
            anchor = True
    return score, anchor, "".join(pieces)


def coverage(line: str, reach: int = 6) -> float:
    """Share of the line's characters within ``reach`` characters of a furniture word: a notice is
    furniture from end to end, a paragraph with one pasted-in stamp is not."""
    covered = 0
    end = 0
    for m in vocabulary().regex.finditer(line):
        a, b = max(m.start() - reach, end), min(m.end() + reach, len(line))
        if b > a:
            covered += b - a
            end = b
    return covered / max(1, len(line))


def framed(line: str) -> bool:
    """Furniture words open and close the line (书海范文网为您整理了…的范文，欢迎参考借鉴！): a site
    sentence wrapped around a title, not a paragraph with a stamp pasted into its middle."""
    hits = list(vocabulary().regex.finditer(line))
    site = patterns()["sitename"].match(line)
    first = 0 if site else (hits[0].start() if hits else len(line))
    return bool(hits) and first <= _FRAME_OPEN and hits[-1].end() >= len(line) - _FRAME_CLOSE


_FRAME_OPEN = 5    # a framing sentence's first furniture word starts within this many characters
_FRAME_CLOSE = 8   # and its last one ends within this many characters of the end


def breadcrumb(line: str) -> bool:
    """A navigation trail (知行资料网 >> 首页 >> 工作总结 >> <title>): two or more ``>``-like
    separators after a site name, 首页 or 当前位置 at the start of the line."""
    p = patterns()
    return len(p["crumb_sep"].findall(line)) >= 2 and bool(p["crumb_head"].match(line))


def residue(rest: str) -> int:
    """Characters left of a line once its furniture terms (see score_line) and separators are gone."""
    return len(patterns()["separators"].sub("", rest))


def _class(chars: set[int]) -> str:
    """A regex character class for the Han characters outside ``chars``."""
    ranges: list[str] = []
    for lo, hi in HAN_RANGES:
        start = lo   # the first code point of the current gap between listed characters
        for cp in sorted(c for c in chars if lo <= c <= hi):
            if cp > start:
                ranges.append(f"{chr(start)}-{chr(cp - 1)}" if cp - 1 > start else chr(start))
            start = cp + 1
        if hi >= start:
            ranges.append(f"{chr(start)}-{chr(hi)}" if hi > start else chr(start))
    return f"[{''.join(ranges)}]"


@functools.lru_cache(maxsize=1)
def noise_pattern() -> re.Pattern[str]:
    """Runs of two or more Han characters outside the common-characters list."""
    return re.compile(_rare_class() + "{2,}")


@functools.lru_cache(maxsize=1)
def _rare_class() -> str:
    return _class({ord(c) for c in load_columns("boilerplate-common-chars.tsv", "char")[0]})


@functools.lru_cache(maxsize=1)
def _uncommon_pattern() -> re.Pattern[str]:
    """Runs of characters outside the core of the list (rank above 3000, or a Traditional form):
    noise blocks mix these with the rare ones."""
    core = {ord(e["char"]) for e in load("boilerplate-common-chars.tsv")
            if e["source"] == "jieba" and int(e["rank"]) <= 3000}
    return re.compile(_class(core) + "+")


_STRIDE = 4           # every this many characters is probed for a rare one
_PROBE_MARGIN = 40    # characters scanned in full on each side of a probe hit
_NOISE_MIN = 10       # a noise cluster is this long at least ...
_NOISE_RARE = 5       # ... and holds this many rare characters (and is half uncommon ones)
_NOISE_GAP = 3        # common Han characters a cluster may hold between two uncommon runs


@functools.lru_cache(maxsize=1)
def _noise_probe() -> re.Pattern[str]:
    return re.compile(_rare_class())  # one rare character


def has_noise_run(s: str) -> bool:
    """``noise_pattern().search(s)``, as a truth value: two rare characters in a row, found with the
    one-character probe that noise_spans compiles anyway (the class is 9k characters long:
    compiling it a second time was ~10 ms of the first clean())."""
    probe = _noise_probe()
    return any(probe.match(s, m.end()) for m in probe.finditer(s))


def noise_spans(text: str) -> list[tuple[int, int]]:
    """Clusters of uncommon characters (gaps of at most three common Han characters), at least ten
    characters long, at least half uncommon and holding five rare ones: noise watermarks, not a
    rare name or term.

    Every fourth character is probed first (a block of noise shows in the probe as rare
    characters); only the regions around probe hits are scanned in full."""
    probe = _noise_probe()
    regions: list[list[int]] = []
    for m in probe.finditer(text[::_STRIDE]):
        lo, hi = max(0, m.start() * _STRIDE - _PROBE_MARGIN), min(len(text), m.end() * _STRIDE + _PROBE_MARGIN)
        if regions and lo <= regions[-1][1]:
            regions[-1][1] = hi
        else:
            regions.append([lo, hi])
    out: list[tuple[int, int]] = []
    for lo, hi in regions:
        out.extend(_clusters(text, lo, hi))
    return out


def _clusters(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    cur: list[int] | None = None  # start, end, uncommon count

    def accept(c: list[int]) -> tuple[int, int] | None:
        length = c[1] - c[0]
        if length < _NOISE_MIN or c[2] * 2 < length:
            return None
        rare = list(noise_pattern().finditer(text, c[0], c[1]))
        if sum(m.end() - m.start() for m in rare) < _NOISE_RARE:
            return None
        # the block ends where its rare characters end: an uncommon word of the text next to it stays
        return rare[0].start(), rare[-1].end()

    for m in _uncommon_pattern().finditer(text, lo, hi):
        if cur and m.start() - cur[1] <= _NOISE_GAP and all(map(is_han, text[cur[1]:m.start()])):
            cur[1] = m.end()
            cur[2] += m.end() - m.start()
            continue
        if cur and (span := accept(cur)):
            out.append(span)
        cur = [m.start(), m.end(), m.end() - m.start()]
    if cur and (span := accept(cur)):
        out.append(span)
    return out


_REPEAT_LEFT = 60       # a repeated watermark reaches this far left of its furniture word at most
_REPEAT_RIGHT = 120     # and this far right
_REPEAT_KEY = 3         # copies are grouped by their word and this many characters after it
_REPEAT_MIN = 8         # shortest watermark (stripped)
_REPEAT_SCORE = 1.5     # least score of a watermark seen three times or more ...
_REPEAT_TWICE = 3.0     # ... and of one seen twice


def repeated_segments(text: str, hits: list[int], term_len: dict[int, int]) -> list[tuple[int, int, str]]:
    """Segments around furniture terms that recur (twice or more) with the same text: a watermark
    injected at page intervals. Each group of occurrences is extended left and right while all
    occurrences agree, which finds the watermark's own boundaries. Returns (start, end, text)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for pos in hits:
        groups[text[pos:pos + term_len[pos] + _REPEAT_KEY]].append(pos)
    out: list[tuple[int, int, str]] = []
    for key, positions in groups.items():
        if len(positions) < 2:
            continue
        left = 0
        while left < _REPEAT_LEFT and _agree(text, [p - left - 1 for p in positions]):
            left += 1
        right = len(key)
        while right < _REPEAT_RIGHT and _agree(text, [p + right for p in positions]):
            right += 1
        seg = text[positions[0] - left:positions[0] + right]
        if len(seg.strip()) < _REPEAT_MIN or "\n" in seg:
            continue
        # a bracketed stamp ends at its brackets, even where the text around the copies agrees
        k = next((k for k, ch in enumerate(seg) if ch in _CLOSE), -1)
        if 0 <= k <= 2:
            close = seg.rfind(_CLOSE[seg[k]])
            if close >= len(seg) - 3:
                left -= k
                right -= len(seg) - close - 1
                seg = seg[k:close + 1]
        score, anchor, _ = score_line(seg)
        if not anchor or score < (_REPEAT_SCORE if len(positions) >= 3 else _REPEAT_TWICE):
            continue
        for p in positions:
            out.append((p - left, p + right, seg))
    return out


# stamps glued into a sentence: a site's name (its ending: role stamp-site of the vocabulary), then a
# phrase no author writes about their own text (role stamp-phrase)


@functools.lru_cache(maxsize=1)
def _stamp_pattern() -> re.Pattern[str]:
    voc = vocabulary()
    phrases = voc.alternation("stamp-phrase")
    # the name is taken as two characters: a longer name leaves a character behind, never eats prose
    return re.compile(_HAN + "{2}(?:" + voc.alternation("stamp-site")
                      + r")\s*[,，]?\s*(?:\s*[a-z0-9.-]+\.(?:com|cn|net)\s*)?"
                      f"(?:{phrases})(?:使用)?")


_STAMP_BEFORE = 30   # a stamp's site name starts this close before its phrase
_DATED_BEFORE = 24   # a dated stamp's page number and date start this close before 仅供参考


@functools.lru_cache(maxsize=1)
def _dated_stamp() -> re.Pattern[str]:
    return re.compile(r"(?:(?:^|(?<=\s))[0-9]{1,4}[ \t]+)?20[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日[ \t]*(?:文档|资料|本文)?仅供参考")


@functools.lru_cache(maxsize=1)
def _stamp_trigger() -> re.Pattern[str]:
    return re.compile(vocabulary().alternation("stamp-phrase") + "|仅供参考")  # 仅供参考: a dated stamp


def stamps(text: str) -> list[tuple[int, int]]:
    """Stamps such as 云帆文档仅供学习交流使用 / 某某资料网，下载即可编辑 pasted into a sentence, and
    dated stamps (36 2020年4月19日 文档仅供参考). One pass finds the phrases; the stamp around each
    is then matched in a small window."""
    out: list[tuple[int, int]] = []
    pattern = _stamp_pattern()
    for hit in _stamp_trigger().finditer(text):
        pos, end = hit.start(), hit.end()
        if hit.group() == "仅供参考":
            for m in _dated_stamp().finditer(text, max(0, pos - _DATED_BEFORE), end):
                if m.end() == end:
                    out.append((m.start(), m.end()))
                    break
            continue
        for m in pattern.finditer(text, max(0, pos - _STAMP_BEFORE), min(len(text), end + 2)):  # + 使用
            if m.start() <= pos < m.end():
                out.append((m.start(), m.end()))
                break
    return out


_OPEN = "【（(〔［[「"
_CLOSE = {"【": "】", "（": "）", "(": ")", "〔": "〕", "［": "］", "[": "]", "「": "」"}
CLOSE = _CLOSE


def bracketed(text: str, pos: int, reach: int = 40) -> tuple[int, int] | None:
    """The bracketed segment (【…】, （…）…) on the line around ``pos`` whose content names the
    site densely: a stamp such as 【某某文库 www.… 版权所有】 pasted into a paragraph."""
    lo = max(text.rfind("\n", 0, pos) + 1, pos - reach)
    best = -1
    for ch in _OPEN:
        k = text.rfind(ch, lo, pos)
        if k > best:
            best = k
    if best < 0:
        return None
    close = _CLOSE[text[best]]
    end = text.find(close, pos, pos + reach)
    if end < 0:
        end = text.find(close, pos, pos + _DECLARATION_REACH)
        if end < 0 or not _DECLARATION.match(text, best + 1):
            return None
    if "\n" in text[best:end]:
        return None
    if any(c in text[best + 1:pos] for c in _CLOSE.values()) or any(c in text[pos:end] for c in _OPEN):
        return None  # not one bracket pair around the site word
    inner = text[best + 1:end]
    score, anchor, _ = score_line(inner)
    if anchor and score >= _BRACKET_SCORE and score * _BRACKET_DENSITY >= len(inner):
        return best, end + 1
    # a declaration in brackets (【免责声明：本文系转载…请联系删除。】): longer, so furniture words
    # must cover most of it
    if anchor and score >= _DECLARATION_SCORE and _DECLARATION.match(inner) and coverage(inner) >= _DECLARATION_COVERAGE:
        return best, end + 1
    return None


_BRACKET_SCORE = 2.0        # a bracketed stamp scores this much ...
_BRACKET_DENSITY = 12       # ... a point per this many characters of its content
_DECLARATION_REACH = 300    # a bracketed declaration closes within this many characters
_DECLARATION_SCORE = 3.0    # and scores this much ...
_DECLARATION_COVERAGE = 0.6  # ... with furniture words near this share of its characters
# the label of a site's declaration: 免责声明, 版权声明, 产权及免责声明, 特别声明 …
_DECLARATION = re.compile(_HAN + r"{0,6}声明\s*[:：]?")


def _agree(text: str, positions: list[int]) -> bool:
    if positions[0] < 0 or positions[0] >= len(text):
        return False
    ch = text[positions[0]]
    if ch == "\n":
        return False
    return all(0 <= p < len(text) and text[p] == ch for p in positions)

"""The ``boilerplate`` step: remove the furniture of document-sharing sites, never the author's text.

Two kinds of rules, both recorded as edits:

- **templates** of catalogued sites (wordlists/boilerplate-templates.tsv); an edit's ``rule`` is the
  template name and its ``note`` the wordlist line, the catalogue entry and the site;
- **generic rules** for sites nobody has catalogued (see ``_boilerplate_rules``): furniture
  vocabulary density, page counters, contact lines, lines repeated at page intervals, lone page
  numbers, runs of rare characters, watermarks repeated inside paragraphs, and position: the head
  block (before the first line of prose) and the tail block (after the last) are judged more
  leniently than the body, where a line must be dense with furniture words to go.

Whole lines go with their line break. Year-bump debris such as ``202223年`` is reported as a
:class:`~ybtext.Notice`, not changed. ``Config(boilerplate=False)`` (``keep_boilerplate=True``)
turns the step off.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from itertools import accumulate

from . import _boilerplate_rules as rules
from ._boilerplate_page import blank_runs, in_word_spaces, page_rules
from ._boilerplate_inline import SHORT as _SHORT
from ._boilerplate_inline import head_inline_spans, inline_spans, keep_outside_removed, masked_lines
from ._boilerplate_templates import Templates, templates
from ._chars import is_han
from ._edits import Cleaned, Notice, Span, apply_spans, drop_overlaps
from .config import Config

__all__ = ["may_judge_again", "step"]

#: Vocabulary score a one-line document needs before the vocabulary rules remove it.
SINGLE_LINE_SCORE = 4.0
#: Private switch for benchmarks: False measures the generic rules alone (no catalogued template).
_USE_TEMPLATES = True

_HEAD_MAX = 60     # lines examined for the head block
_TAIL_MAX = 40     # lines examined for the tail block
_BODY_LEN = 30     # a line this long without furniture words is prose: it ends the head block
_SENTENCE_MIN = 8  # a shorter line that ends like a sentence (。！？) is prose too
_JUDGED_SCORE = 1.5  # below this score (and without a site word) no rule takes a line for its vocabulary
_TERMINAL = ("。", "！", "？", "!", "?")

# Thresholds of the line rules (_examine_lines). A line's score is the weight of its furniture words
# (see _boilerplate_rules.score_line); its residue the characters left once they and separators go.
_PAGE_LINE_MAX = 120     # longest line tried as a whole page counter
_BOX_LINE_MAX = 60       # longest field or file-name line of a download box (head/tail blocks)
_BUTTONS_MAX = 16        # longest row of buttons (下载 相关 举报) without a site word
_BUTTONS_SCORE = 1.5     # least score of such a row
_CONTACT_MAX = 60        # longest contact line (QQ / 微信 / 电话 with a number)
_RESIDUE_MAX = 2         # characters a line may keep besides furniture words and still be furniture
_EDGE_SCORE = 2.0        # least score of a furniture line in the head/tail blocks ...
_EDGE_DENSITY = 20       # ... with a score point per this many characters (or a strong score)
_EDGE_COVERAGE = 0.5     # ... and furniture words near this share of its characters (or framing it)
_STRONG_SCORE = 3.0      # a score that needs no density in the head/tail, and that frames a body line
_BODY_MAX = 200          # longest body line judged for its vocabulary
_BODY_DENSITY = 12       # a body line needs a score point per this many characters ...
_BODY_COVERAGE = 0.6     # ... and furniture words near this share of its characters
_BODY_SHORT = 30         # a body line this short goes with _EDGE_SCORE and a residue of _RESIDUE_MAX
# _repeated_lines, _lone_page_numbers, _sandwiched
_REPEAT_MIN_LINES = 7    # a document this long or longer is searched for repeated lines
_REPEAT_MIN_LEN = 4      # shortest line taken as a running head or stamp
_REPEAT_MAX_LEN = 80     # longest
_REPEAT_TWICE_SCORE = 2.0  # a line with a site word seen only twice needs this score
_RUNNING_HEAD_MIN = 4    # a line without site words recurs this often beside page counters to be a running head
_PAGE_NUMBER_DIGITS = 4  # a lone page number has at most this many digits
_PAGE_NUMBERS_MIN = 3    # lone numbers that count up: at least this many
_SANDWICH_PASSES = 3     # furniture blocks grow by one line a pass, this many times at most
_SANDWICH_MAX = 40       # longest line between furniture lines taken for a site word or a field
_SANDWICH_TINY = 6       # a head line this short goes with any furniture word ...
_SANDWICH_TINY_SCORE = 0.5  # ... scoring this much
_LIKE_SCORE = 2.0        # a line inside a furniture block: a site word or this score ...
_LIKE_COVERAGE = 0.34    # ... and furniture words near this share of its characters
_PAGE_LEADS = frozenset("第共-—–－Pp0123456789０１２３４５６７８９N")


class _Doc:
    __slots__ = ("text", "lines", "cum", "removed", "head_end", "tail_start", "cut")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.cum = list(accumulate(map(len, self.lines), initial=0))
        self.removed: dict[int, tuple[str, float, str]] = {}
        self.head_end = 0
        self.tail_start = len(self.lines)
        self.cut: list[Span] = []  # furniture sentences cut out of lines that also hold prose

    def start(self, i: int) -> int:
        return self.cum[i] + i

    def line_at(self, pos: int) -> int:
        # start(i) = cum[i] + i is increasing; bisect on it through a key
        return bisect.bisect_right(range(len(self.lines)), pos, key=self.start) - 1

    def edge(self, i: int) -> bool:
        return i < self.head_end or i >= self.tail_start

    def remove(self, i: int, rule: str, confidence: float, note: str) -> None:
        self.removed.setdefault(i, (rule, confidence, note))


def step(text: str, config: Config) -> Cleaned:
    doc = _Doc(text)
    tpl = templates() if _USE_TEMPLATES else None
    p = rules.patterns()
    hits = [m.start() for m in rules.vocabulary().trigger.finditer(text)]
    # inline furniture first: lines are then judged on what is left of them
    inline = inline_spans(doc, tpl, p, hits)
    masked = masked_lines(doc, inline)
    _find_edges(doc, tpl, masked)
    inline.extend(head_inline_spans(doc, tpl))
    _examine_lines(doc, tpl, p, hits, masked)
    _repeated_lines(doc, p)
    _lone_page_numbers(doc, p)
    _sandwiched(doc, masked, p)
    page_rules(doc, masked)
    inline.extend(in_word_spaces(text))
    inline.extend(doc.cut)
    kept = keep_outside_removed(doc, inline)  # may turn fully covered lines into removed lines
    blank_runs(doc)
    spans = _line_spans(doc) + kept
    result = apply_spans("boilerplate", text, drop_overlaps(spans))
    notices = _year_bumps(text, p)
    return Cleaned(result.text, result.edits, notices) if notices else result


def may_judge_again(received: str, now: str) -> bool:
    """Could the step judge ``now`` (what the pipeline made of the ``received`` text) otherwise
    than it judged ``received``? Only through a line that is new in ``now`` (changed, joined or split
    by a step) and that holds a furniture word, a page counter or rare characters, or is short
    without reading as a sentence (it could be a button row, a field, or the line that ended the
    head block). A sentence whose punctuation, spacing or words changed cannot turn into furniture."""
    old = set(received.split("\n"))
    p = rules.patterns()
    voc = rules.vocabulary()
    for line in now.split("\n"):
        if line in old or not (s := line.strip()):
            continue
        if p["page_inline"].search(s) or p["page_word"].search(s) or rules.has_noise_run(s) or voc.trigger.search(s):
            return True
        score, anchor, _ = rules.score_line(s)
        if anchor or score >= _JUDGED_SCORE:
            return True
        if len(s) <= _SHORT and (score or not (len(s) >= _SENTENCE_MIN and s.endswith(_TERMINAL))):
            return True
    return False


def _names_site(line: str, tpl: Templates | None) -> bool:
    return rules.names_site(line) or (tpl is not None and tpl.match_line(line, True) is not None)


def _find_edges(doc: _Doc, tpl: Templates | None, masked: dict[int, str]) -> None:
    """The head block ends at the first line of prose, the tail block starts after the last one."""
    lines, n = doc.lines, len(doc.lines)

    def prose(i: int) -> bool:
        s = masked.get(i, lines[i]).strip()
        if len(s) < _BODY_LEN and not (len(s) >= _SENTENCE_MIN and s.endswith(_TERMINAL)):
            return False
        return not _names_site(s, tpl)

    doc.head_end = next((i for i in range(min(n, _HEAD_MAX)) if prose(i)), min(n, _HEAD_MAX))
    last = next((i for i in range(n - 1, max(doc.head_end, n - _TAIL_MAX) - 1, -1) if prose(i)), None)
    doc.tail_start = max(doc.head_end, n - _TAIL_MAX) if last is None else last + 1


def _examine_lines(doc: _Doc, tpl: Templates | None, p: dict[str, re.Pattern[str]], hits: list[int], masked: dict[int, str]) -> None:
    """Judge the candidate lines (inline furniture already cut out of them).

    Every line of the head and tail blocks and every line holding a site word is judged in full;
    other short lines only against the templates (dispatched on their first character) and the
    page-counter forms, which is all that can make a line without site words furniture."""
    lines, n = doc.lines, len(doc.lines)
    full = set(range(doc.head_end))
    full.update(range(doc.tail_start, n))
    full.update(doc.line_at(h) for h in hits)
    site_lines, shaped = _short_line_candidates(doc, tpl)
    full.update(site_lines)
    maybe_contact: list[int] = []
    # A document of one line has no neighbours to judge it by: the vocabulary rules take it only
    # on strong evidence (SINGLE_LINE_SCORE: a whole notice, 本文档由用户上传…版权归属用户), so a
    # one-line review that says where to download a driver (其他驱动到www.hp.com.cn去下载) stays.
    single = sum(1 for line in lines if line.strip()) == 1
    for i in sorted(full.union(shaped)):
        s = masked.get(i, lines[i]).strip()
        if not s:
            continue
        edge = doc.edge(i)
        if tpl is not None:
            t = tpl.match_line(s, edge)
            if t is not None:
                doc.remove(i, t.name, 1.0, t.note)
                continue
        if (s[0] in _PAGE_LEADS or s[-1] in "页頁") and len(s) <= _PAGE_LINE_MAX and p["page_line"].fullmatch(s):
            doc.remove(i, "boilerplate:page-counter", 0.95, "")
            continue
        if edge and len(s) <= _BOX_LINE_MAX and (p["field_line"].fullmatch(s) or p["file_line"].fullmatch(s)):
            doc.remove(i, "boilerplate:download-box", 0.85, "field or file name on its own line")
            continue
        if edge and (">" in s or "›" in s or "»" in s or "＞" in s) and rules.breadcrumb(s):
            doc.remove(i, "boilerplate:breadcrumb", 0.85, "navigation trail")
            continue
        if i not in full:
            continue
        score, anchor, rest = rules.score_line(s)
        if single and score < SINGLE_LINE_SCORE:
            continue
        note = f"score={score:g} length={len(s)}"
        if not anchor:
            if edge and len(s) <= _BUTTONS_MAX and score >= _BUTTONS_SCORE and rules.residue(rest) * 2 <= len(s):
                doc.remove(i, "boilerplate:furniture-buttons", 0.8, note)  # 下载 相关 举报
            elif edge and len(s) <= _CONTACT_MAX and p["contact"].search(s):
                maybe_contact.append(i)
            continue
        if edge and (rules.residue(rest) <= _RESIDUE_MAX
                     or score >= _EDGE_SCORE and (score >= _STRONG_SCORE or score * _EDGE_DENSITY >= len(s))
                     and (rules.coverage(s) >= _EDGE_COVERAGE or score >= _STRONG_SCORE and rules.framed(s))):
            block = "head" if i < doc.head_end else "tail"
            _remove_furniture(doc, i, 0.9, f"{note} block={block}")
        elif len(s) <= _BODY_MAX and (score >= _STRONG_SCORE and score * _BODY_DENSITY >= len(s)
                                      and rules.coverage(s) >= _BODY_COVERAGE
                                      or score >= _EDGE_SCORE and len(s) <= _BODY_SHORT
                                      and rules.residue(rest) <= _RESIDUE_MAX):
            _remove_furniture(doc, i, 0.85, note)
        elif len(s) <= _CONTACT_MAX and not s.endswith(_TERMINAL) and p["contact"].search(s):
            doc.remove(i, "boilerplate:contact-line", 0.9, note)
    for i in maybe_contact:  # a bare contact line goes only with the furniture block it belongs to
        if _near_removed(doc, i):
            doc.remove(i, "boilerplate:contact-line", 0.8, "next to furniture")


#: A sentence of the author's: ends like one, holds this many Han characters, no furniture word.
_PROSE_HAN = 8
_PIECE = re.compile(r"[^。！？!?\s]+[。！？!?]*[ \t\u3000]*")


def _remove_furniture(doc: _Doc, i: int, confidence: float, note: str) -> None:
    """Remove line ``i`` for its furniture words; but if the line also holds a sentence of the
    author's (a stamp glued to a paragraph: 新芽。本文档由用户上传), cut out only the pieces that hold
    furniture words, so no prose is lost."""
    line, base = doc.lines[i], doc.start(i)
    pieces = [(m.start(), m.end(), m.group()) for m in _PIECE.finditer(line)]
    prose = sum(len(g.rstrip()) for _, _, g in pieces if _prose(g))
    furniture = [(a, b) for a, b, g in pieces if any(rules.score_line(g)[:2])]
    # a notice with one plain sentence in it (…无答案。请谨慎下单,一旦售出,不予退换。) or a site
    # sentence wrapped around a title is furniture as a whole: prose must be a third of the line
    if prose * 2 < sum(b - a for a, b in furniture):
        doc.remove(i, "boilerplate:furniture-vocabulary", confidence, note)
        return
    cut_to = 0
    for a, b in furniture:
        if b == len(line):  # the line ends with the furniture: no space left at its end
            a = max(cut_to, len(line[:a].rstrip(" \t\u3000")))
        cut_to = b
        doc.cut.append(Span(base + a, base + b, "", "boilerplate:furniture-vocabulary", confidence,
                            f"{note} cut from a line of prose"))


def _prose(piece: str) -> bool:
    s = piece.rstrip()
    if not s.endswith(_TERMINAL) or sum(map(is_han, s)) < _PROSE_HAN:
        return False
    score, anchor, _ = rules.score_line(s)
    return score == 0 and not anchor


def _short_line_candidates(doc: _Doc, tpl: Templates | None) -> tuple[list[int], list[int]]:
    """Short lines that hold a site or field word, and short lines shaped like a template or a page
    counter (by their first character); one regex pass over the short lines joined finds both."""
    idx = [i for i, length in enumerate(map(len, doc.lines)) if 0 < length <= _SHORT]
    if not idx:
        return [], []
    joined = "\n".join(doc.lines[i] for i in idx)
    starts = list(accumulate((len(doc.lines[i]) + 1 for i in idx), initial=0))
    voc = rules.vocabulary()
    site = [idx[bisect.bisect_right(starts, m.start()) - 1] for m in voc.anchors.finditer(joined)]
    shaped = [idx[bisect.bisect_right(starts, m.start()) - 1]
              for m in _shape_pattern(tpl is not None).finditer(joined)]
    return site, shaped


@functools.lru_cache(maxsize=2)
def _shape_pattern(with_templates: bool) -> re.Pattern[str]:
    leads = set(_PAGE_LEADS) | {"N", "P"}
    if with_templates:
        for c in templates().line:
            leads.add(c)
            if "!" <= c <= "~":
                leads.add(chr(ord(c) + 0xFEE0))  # the full-width form folds to the same lead
        leads.update({"“", "”"})
    cls = "".join(re.escape(c) for c in sorted(leads))
    return re.compile(f"^[ \t\u3000]*(?:[-•·●][ \t]*)?(?:[0-9０-９]{{1,3}}[ \t]*[.．、)）]?[ \t]*){{0,2}}[{cls}]"
                      f"|_第|[页頁][ \t]*$", re.M)


def _running_head(doc: _Doc, where: list[int]) -> bool:
    if len(where) < _RUNNING_HEAD_MIN or len({doc.lines[i].strip() for i in where}) > 1:
        return False

    def removed_by(i: int | None) -> str:
        got = doc.removed.get(i) if i is not None else None
        return got[0] if got is not None else ""

    for d in (-1, 1):
        if all(removed_by(_neighbour(doc, i, d)) == "boilerplate:page-counter" for i in where):
            return True
    return False


def _near_removed(doc: _Doc, i: int) -> bool:
    return _neighbour(doc, i, -1) in doc.removed or _neighbour(doc, i, +1) in doc.removed


def _repeated_lines(doc: _Doc, p: dict[str, re.Pattern[str]]) -> None:
    """Lines (digits ignored) that recur: running heads and page stamps."""
    lines = doc.lines
    if len(lines) < _REPEAT_MIN_LINES:
        return
    idx = [i for i, length in enumerate(map(len, lines)) if _REPEAT_MIN_LEN <= length <= _REPEAT_MAX_LEN]
    # one regex pass over the short lines joined, not one call per line
    keys = p["digits"].sub("#", "\n".join(lines[i] for i in idx)).split("\n")
    counts = Counter(keys)  # C speed; index lists only for the keys that recur
    groups: dict[str, list[int]] = defaultdict(list)
    for i, key in zip(idx, keys):
        if counts[key] > 1:
            groups[key.strip()].append(i)
    for key, where in groups.items():
        if len(where) < 2 or len(key) < _REPEAT_MIN_LEN:
            continue
        where = [i for i in where if i not in doc.removed]
        if len(where) < 2:
            continue
        s = lines[where[0]].strip()
        anchor = rules.names_site(s)
        # without a site word, a repeated line is a running head only when it repeats exactly and
        # stands on the same side of a page counter every time: headings and by-lines recur too
        if not anchor and not p["page_word"].search(key) and not _running_head(doc, where):
            continue
        if anchor and len(where) < 3 and rules.score_line(s)[0] < _REPEAT_TWICE_SCORE and not p["page_word"].search(key):
            continue
        keep_first = where[0] < doc.head_end and not anchor  # the title, repeated as a running head
        for i in where[1:] if keep_first else where:
            doc.remove(i, "boilerplate:repeated-line", 0.85, f"{len(where)} times")


def _lone_page_numbers(doc: _Doc, p: dict[str, re.Pattern[str]]) -> None:
    """Lines holding only a number that counts up through the document: page numbers."""
    short = [i for i, length in enumerate(map(len, doc.lines))
             if 0 < length <= _PAGE_NUMBER_DIGITS + 2 and i >= doc.head_end]
    found = [(i, int(s)) for i in short if 0 < len(s := doc.lines[i].strip()) <= _PAGE_NUMBER_DIGITS
             and s.isascii() and s.isdigit() and i not in doc.removed]
    if len(found) < _PAGE_NUMBERS_MIN:
        return
    values = [v for _, v in found]
    if all(b > a for a, b in zip(values, values[1:])) and values[-1] - values[0] <= 2 * len(values) + 2:
        for i, v in found:
            doc.remove(i, "boilerplate:page-counter", 0.9, "numbers count up")


def _sandwiched(doc: _Doc, masked: dict[int, str], p: dict[str, re.Pattern[str]]) -> None:
    """In the head and tail blocks, a short line between two furniture lines that shows a trace of
    furniture itself (a site word, a ``label: value`` field) is furniture too; a title stays."""
    for _ in range(_SANDWICH_PASSES):
        changed = False
        for i in list(range(doc.head_end)) + list(range(doc.tail_start, len(doc.lines))):
            s = masked.get(i, doc.lines[i]).strip()
            if i in doc.removed or not s:
                continue
            above = _neighbour(doc, i, -1)
            if above is not None and above not in doc.removed or _neighbour(doc, i, +1) not in doc.removed:
                continue
            if (len(s) <= _SANDWICH_MAX and (rules.names_site(s) or p["field"].search(s)) or _furniture_like(s)
                    or i < doc.head_end and len(s) <= _SANDWICH_TINY
                    and rules.score_line(s)[0] >= _SANDWICH_TINY_SCORE):
                doc.remove(i, "boilerplate:furniture-block", 0.8, "between furniture lines")
                changed = True
        if not changed:
            return


def _furniture_like(s: str) -> bool:
    """A longer line inside a furniture block: it names the site or asks for downloads, contacts …
    in a good share of its clauses (a paragraph with one pasted-in stamp does not)."""
    score, anchor, _ = rules.score_line(s)
    return (anchor or score >= _LIKE_SCORE) and rules.coverage(s) >= _LIKE_COVERAGE


def _neighbour(doc: _Doc, i: int, d: int) -> int | None:
    j = i + d
    while 0 <= j < len(doc.lines) and not doc.lines[j].strip():
        j += d
    return j if 0 <= j < len(doc.lines) else None


def _line_spans(doc: _Doc) -> list[Span]:
    """Each removed line goes with its line break; lines removed at the very end of the document
    take the break before them instead, so the text does not end with a new empty line."""
    n = len(doc.lines)
    tail = n
    while tail - 1 in doc.removed:
        tail -= 1
    spans: list[Span] = []
    for i in sorted(doc.removed):
        rule, conf, note = doc.removed[i]
        start, end = doc.start(i), doc.start(i) + len(doc.lines[i])
        if i >= tail:
            start -= 1 if i else 0
        elif i + 1 < n:
            end += 1
        spans.append(Span(start, end, "", rule, conf, note))
    return spans



def _year_bumps(text: str, p: dict[str, re.Pattern[str]]) -> tuple[Notice, ...]:
    out = []
    if "年" not in text:
        return ()
    for m in p["year_bump"].finditer(text):
        if m.start() and text[m.start() - 1].isdigit():
            continue
        out.append(Notice("boilerplate", m.start(), m.end(), m.group(), "boilerplate:year-bump",
                          "a site's year prefix glued to the title's own year; left as it is"))
    return tuple(out)

"""Page furniture of the boilerplate step that is recognised by its place and shape rather than by
site words: what content farms and document-sharing sites put around the title, and runs of blank
lines. Every rule marks whole lines in ``doc`` (``boilerplate._Doc``) with its name:

- ``boilerplate:keyword-row``: a row of tags right under the title (``安全生产 工作总结 乡镇 上半年``,
  or one tag per line), made of words the title or the text uses, and repeated in no other line;
- ``boilerplate:repeated-title``: the title three times or more at the top of the page (one stays);
- ``boilerplate:form-field``: a template's empty fields under the title (``编者：______``);
- ``boilerplate:login-block``: 账号 / 密码 / 验证码 lines of a login box, two or more together;
- ``boilerplate:cms-line``: a content farm's meta line (``来源：未知 作者：…``, ``发布时间：… 浏览次数：…``):
  two or more fields, all with a CMS label, on a short line;
- ``boilerplate:blank-run``: six or more blank lines in a row keep one.

And one span rule, ``in_word_spaces``: spaces a site inserted inside words (``读书月活 动``), only in
a document where most spaces between Han characters split a word of the lexicon.
"""

from __future__ import annotations

import functools
import math
import re
from typing import TYPE_CHECKING

from . import _boilerplate_rules as rules
from ._chars import HAN_CLASS
from ._edits import Span
from ._lazyre import Patterns

if TYPE_CHECKING:
    from .boilerplate import _Doc

__all__ = ["page_rules", "in_word_spaces"]

_TERMINAL = ("。", "！", "？", "!", "?", "；", ";", "…")
_BLANK_RUN = 6          # blank lines in a row that are furniture (one stays)
_TITLE_MIN = 6          # the first line is a title the rules under it may use: this long ...
_TITLE_MAX = 60         # ... at most this long, and not ending like a sentence
_TOP_LINES = 12         # first nonempty lines the title rules look at (repeated title, form fields)
_LOGIN_MAX = 30         # longest line of a login box
_LOGIN_GAP = 3          # login lines this close (in lines) make one box
_CMS_MIN = 4            # shortest meta line of a content farm ...
_CMS_MAX = 100          # ... and longest
_TAGS_TOP = 20          # lines under the title searched for a row of tags
_TAG_MAX = 6            # longest tag on a line of its own
_TAGS_MIN = 3           # fewest tags in a row
_TAGS_CHARS = 50        # most characters of all the tags together
_TAGS_BODY = 3000       # characters of the text under the row that the tags are looked up in


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    han = HAN_CLASS
    label = "|".join(sorted(rules.vocabulary().meta, key=len, reverse=True))
    return Patterns({
        "tag": lambda: re.compile(f"[{han}A-Za-z0-9]{{1,8}}"),
        "year": lambda: re.compile(r"(?:19|20)[0-9]{2}"),
        # 编者:______ 日 期:______ (labels may be spaced out, blanks are underscores)
        "form": lambda: re.compile(f"(?:(?:[{han}][ \u3000]?){{1,6}}[:：]?[ \t\u3000]*[_＿]{{3,}}[ \t\u3000]*)+"),
        "form_label": lambda: re.compile(f"((?:[{han}][ \u3000]?){{1,6}})[:：]?[ \t\u3000]*[_＿]{{3,}}"),
        # label：value fields of a CMS meta line; a value is short and holds no sentence punctuation
        "cms_field": lambda: re.compile(f"[【\\[]?(?:{label})[】\\]]?[ \t\u3000]*[:：][ \t\u3000]*"
                                f"([^\\s:：，。！？；,;!?]{{0,24}}(?:[ \t][0-9:：]{{4,8}})?)"),
        "login": lambda: re.compile(rules.vocabulary().alternation("login")),
        "han_space": lambda: re.compile(f"(?<=[{han}]) (?=[{han}])"),
    })


def page_rules(doc: _Doc, masked: dict[int, str]) -> None:
    """Mark the lines of page furniture found by place and shape (see the module docstring)."""
    _login_blocks(doc, masked)
    _cms_lines(doc, masked)
    top = _top_lines(doc)
    if not top:
        return
    title = top[0]
    t = doc.lines[title].strip()
    if not (_TITLE_MIN <= len(t) <= _TITLE_MAX) or t.endswith(_TERMINAL):
        return
    _repeated_title(doc, top)
    _form_fields(doc, title)
    _keyword_row(doc, title)


def _top_lines(doc: _Doc, limit: int = _TOP_LINES) -> list[int]:
    """The first nonempty lines not already removed."""
    out = []
    for i, line in enumerate(doc.lines):
        if line.strip() and i not in doc.removed:
            out.append(i)
            if len(out) >= limit:
                break
    return out


def blank_runs(doc: _Doc) -> None:
    """Six or more blank lines in a row keep one. Run last: the lines other rules removed are
    gone, so the blank lines around them make one run (as the next pass sees them)."""
    run: list[int] = []
    for i, line in enumerate(doc.lines + ["x"]):
        if i in doc.removed:
            continue
        if not line.strip() and i < len(doc.lines):
            run.append(i)
            continue
        if len(run) >= _BLANK_RUN:
            for k in run[1:]:
                doc.remove(k, "boilerplate:blank-run", 1.0, f"{len(run)} blank lines")
        run = []


def _login_line(s: str) -> set[str]:
    """The login labels of a short line made of login words only (账号: 密码: 验证码: 换一换 忘记密码?)."""
    if len(s) > _LOGIN_MAX:
        return set()
    found = {m.group() for m in _patterns()["login"].finditer(s)}
    if not found:
        return set()
    _, _, rest = rules.score_line(s)
    return found if rules.residue(rest) <= 1 else set()


def _login_blocks(doc: _Doc, masked: dict[int, str]) -> None:
    """Login lines within three lines of each other form a block; it goes when it holds two kinds
    of label (账号 and 密码, or 密码 and 验证码 …)."""
    block: list[int] = []
    kinds: set[str] = set()
    last = -10
    for i, line in enumerate(doc.lines + [""]):
        found = _login_line(masked.get(i, line).strip()) if i < len(doc.lines) else set()
        if found and i - last <= _LOGIN_GAP:
            block.append(i)
            kinds |= found
        if found:
            if i - last > _LOGIN_GAP:
                _drop_login(doc, block, kinds)
                block, kinds = [i], set(found)
            last = i
    _drop_login(doc, block, kinds)


def _drop_login(doc: _Doc, block: list[int], kinds: set[str]) -> None:
    kinds = {"账号" if k in ("帐号", "用户名") else k for k in kinds}
    if len(block) >= 2 and len(kinds) >= 2:
        for i in block:
            doc.remove(i, "boilerplate:login-block", 0.9, "+".join(sorted(kinds)))


def _cms_lines(doc: _Doc, masked: dict[int, str]) -> None:
    p = _patterns()
    voc = rules.vocabulary()
    if not voc.meta:
        return
    for i, line in enumerate(doc.lines):
        if i in doc.removed or not _CMS_MIN <= len(line) <= _CMS_MAX or ("：" not in line and ":" not in line):
            continue
        s = masked.get(i, line).strip()
        fields = list(p["cms_field"].finditer(s))
        if len(fields) < 2:
            continue
        # the fields fill the line: nothing but separators between and around them
        pos, covered = 0, True
        for m in fields:
            if s[pos:m.start()].strip(" \t\u3000|｜/"):
                covered = False
                break
            pos = m.end()
        if covered and not s[pos:].strip(" \t\u3000|｜/"):
            doc.remove(i, "boilerplate:cms-line", 0.9, f"{len(fields)} meta fields")


def _repeated_title(doc: _Doc, top: list[int]) -> None:
    key = re.sub(r"\s+", "", doc.lines[top[0]])
    same = [i for i in top[1:] if re.sub(r"\s+", "", doc.lines[i]) == key]
    # consecutive copies only: the title and two more before anything else
    copies = []
    for i in top[1:]:
        if i in same:
            copies.append(i)
        else:
            break
    if len(copies) >= 2:
        for i in copies:
            doc.remove(i, "boilerplate:repeated-title", 0.9, f"title {len(copies) + 1} times")


def _form_fields(doc: _Doc, title: int) -> None:
    """Empty fields of a document template (编者:___ 日 期:___) on the lines right under the title,
    every label one of the template-author labels of the vocabulary (kind ``form``)."""
    p = _patterns()
    forms = rules.vocabulary().form
    block: list[int] = []
    labels: list[str] = []
    for i in _top_lines(doc)[1:3]:
        s = doc.lines[i].strip()
        if not p["form"].fullmatch(s):
            break
        found = [re.sub(r"\s", "", m.group(1)) for m in p["form_label"].finditer(s)]
        if not found or any(lab not in forms for lab in found):
            break
        block.append(i)
        labels.extend(found)
    # a template author's field among them (编者, 编制人 …): a form of the text itself stays
    if any(lab[0] == "编" for lab in labels):
        for i in block:
            doc.remove(i, "boilerplate:form-field", 0.9, "+".join(labels))


def _keyword_row(doc: _Doc, title: int) -> None:
    """Tags right under the title: three or more short words separated by spaces (or one a line),
    nearly all of them words of the title or of the text below, the row itself in no other line."""
    p = _patterns()
    top = [i for i in _top_lines(doc, _TAGS_TOP) if i > title]
    if not top:
        return
    first = doc.lines[top[0]].strip()
    tokens = first.split()
    if len(tokens) >= _TAGS_MIN and all(p["tag"].fullmatch(t) for t in tokens):
        rows = [top[0]]
    else:
        rows = []
        for i in top:
            s = doc.lines[i].strip()
            # one tag a line: at most six characters, and not the title again
            if not p["tag"].fullmatch(s) or len(s) > _TAG_MAX or (rows and i != rows[-1] + 1):
                break
            rows.append(i)
        tokens = [doc.lines[i].strip() for i in rows]
        if len(rows) < _TAGS_MIN:
            return
    if sum(map(len, tokens)) > _TAGS_CHARS or len(set(tokens)) < len(tokens):
        return
    rest_start = doc.start(rows[-1]) + len(doc.lines[rows[-1]])
    body = doc.text[rest_start:rest_start + _TAGS_BODY]
    title_text = doc.lines[title]
    known = [t for t in tokens if p["year"].fullmatch(t) or t in title_text or t in body]
    if len(known) < len(tokens) - (1 if len(tokens) > _TAGS_MIN else 0) or len(known) < _TAGS_MIN:
        return
    row = " ".join(tokens)
    joined = "".join(tokens)
    if row in body or (len(rows) == 1 and joined in body):
        return  # the row is written in the text itself
    for i in rows:
        doc.remove(i, "boilerplate:keyword-row", 0.85, f"{len(tokens)} tags under the title")


def in_word_spaces(text: str) -> list[Span]:
    """Spaces between two Han characters that split a word of the lexicon, in a document where at
    least three such spaces make up two thirds of all spaces between Han characters or more."""
    if " " not in text:
        return []
    spaces = [m.start() for m in _patterns()["han_space"].finditer(text)]
    if len(spaces) < 3:
        return []
    inside = [pos for pos in spaces if _splits_word(text, pos)]
    if len(inside) < 3 or len(inside) * 3 < len(spaces) * 2:
        return []
    return [Span(pos, pos + 1, "", "boilerplate:in-word-space", 0.8, text[pos - 1:pos + 2])
            for pos in inside]


_MIN_LOGP = -13.0  # a word of the lexicon about as common as 图书室 or commoner


def _splits_word(text: str, pos: int) -> bool:
    """Does the space at ``pos`` split a word (其 中, 活 动)? A word of two to four characters of
    the lexicon runs across it, and the four characters on each side read better joined than as
    two pieces (性价比高 速度快: 高速 is a word, but the space stands between two words)."""
    from ._context_model import model
    from .spin._lexicon import freq

    left = text[max(0, pos - 4):pos]
    right = text[pos + 1:pos + 5]
    left = left[max(left.rfind(c) for c in " \n\t") + 1:] if any(c in left for c in " \n\t") else left
    cut = min((k for k, c in enumerate(right) if c in " \n\t"), default=len(right))
    right = right[:cut]
    found = False
    for a in range(1, len(left) + 1):
        for b in range(1, len(right) + 1):
            if 2 <= a + b <= 4:
                lp = freq(left[-a:] + right[:b])
                if lp is not None and lp >= _MIN_LOGP:
                    found = True
    if not found:
        return False
    lm = model()
    return lm.score(left + right) - lm.score(left) - lm.score(right) >= _JOIN_GAIN


_JOIN_GAIN = 4.0 / math.log(10)  # log10 (4 nats): joined, the characters around the space read clearly better

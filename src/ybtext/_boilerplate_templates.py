"""Site furniture templates (wordlists/boilerplate-templates.tsv) compiled into regular expressions.

A pattern is literal text with variable parts in angle brackets (``<n>``, ``<title>``, ``<any>`` …).
Literal ASCII punctuation also matches its full-width form, spaces are optional between tokens,
and nothing else is fuzzy: a template matches the furniture it was written from and its variants.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import overload

from ._chars import HAN_CLASS
from ._wordlists import Entry, load
from .errors import WordlistError

__all__ = ["Template", "Templates", "templates"]

_PLACEHOLDERS = {
    "<n>": r"[0-9０-９]{1,10}",
    "<num>": r"[0-9０-９.,．万千]{1,12}",
    "<size>": r"[0-9０-９.．]{1,8}\s*[KkMmGg]?[Bb]",
    "<date>": r"[0-9０-９]{2,4}\s*[-/年.．]\s*[0-9０-９]{1,2}\s*[-/月.．]\s*[0-9０-９]{1,2}\s*日?(?:\s*[0-9:：]{4,8})?",
    "<title>": r".{1,120}?",
    "<any>": r".*?",
    "<file>": r"[^/\\:*?\"<>|\s]{1,80}?",
    "<name>": r"[^\s]{1,24}?",
    "<site>": r"[^\s,，。]{2,40}?",
    "<word>": rf"[A-Za-z0-9０-９{HAN_CLASS}]{{1,12}}",
    "<ext>": r"(?:[Dd][Oo][Cc][Xx]?|[Pp][Dd][Ff]|[Pp][Pp][Tt][Xx]?|[Xx][Ll][Ss][Xx]?|[Tt][Xx][Tt]|[Ww][Pp][Ss]|[Rr][Aa][Rr]|[Zz][Ii][Pp])",
    "<item>": r"(?:[-•·]\s*)?(?:[0-9０-９]{1,2}\s*[.．、]\s*){0,2}",
    "<dashes>": r"[\s\-－—]*",
    # a page number before a stamp, only where it cannot be the end of a number of the text
    "<pageno>": r"(?:(?:^|(?<=\s))[0-9０-９]{1,4}\s+)?",
    "<blank>": r"[_＿\s]*",
}
_PUNCT = {
    ",": "[,，]", ":": "[:：]", ";": "[;；]", "!": "[!！]", "?": "[?？]", "(": "[(（]", ")": "[)）]",
    ".": "[.．。]", "。": "[。.]", "|": "[|｜]", ">": "[>＞›»]", "-": "[-－—]", "/": "[/／]",
    '"': "[\"“”]", "《": "[《<]", "》": "[》>]", "【": "[【\\[]", "】": "[】\\]]", "•": "[•·●]",
}
_GAP = "[ \\t\u3000]*"
_TOKEN = re.compile(r"<[a-z]+>|\s+|.", re.S)
SCOPES = ("line", "head-line", "inline", "inline-repeated", "head-inline")


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    site: str
    scope: str
    source: str
    entry: Entry
    regex: str
    anchor: str  # the longest literal run, used to find candidate lines quickly
    lead: str    # first literal character after list markers and numbers ("" when a variable part leads)

    @property
    def note(self) -> str:
        return f"{self.entry.rule} {self.source} site={self.site}"


class _Compiled(Mapping[str, re.Pattern[str]]):
    """lead character -> pattern, compiled on first use (a document meets only a few leads;
    compiling all of them cost most of the first ``clean()``)."""

    __slots__ = ("_sources", "_done")

    def __init__(self, sources: dict[str, str]) -> None:
        self._sources = sources
        self._done: dict[str, re.Pattern[str]] = {}

    def __getitem__(self, key: str) -> re.Pattern[str]:
        got = self._done.get(key)
        if got is None:
            got = self._done[key] = re.compile(self._sources[key])
        return got

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


class _LazyPattern:
    """A pattern compiled on first access of the attribute it is stored under."""

    def __set_name__(self, owner: type[Templates], name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type[Templates] | None = None) -> _LazyPattern: ...
    @overload
    def __get__(self, obj: Templates, owner: type[Templates] | None = None) -> re.Pattern[str] | None: ...
    def __get__(self, obj: Templates | None, owner: type[Templates] | None = None) -> _LazyPattern | re.Pattern[str] | None:
        if obj is None:
            return self
        got = obj._patterns.get(self.name)
        source = obj._sources[self.name]
        if got is None and source is not None:
            got = obj._patterns[self.name] = re.compile(source)
        return got


class Templates:
    """The compiled templates. ``line``/``head_line``: whole-line templates by the first character
    of the line (after list markers and numbers), usable anywhere / in the head and tail blocks;
    ``loose``: (scope, anchor, pattern) of those led by a variable part; ``inline`` (inline +
    inline-repeated), ``head_inline`` (at the start of a head line) and ``anchors`` (the anchors of
    the inline templates, one alternation) are compiled on first use."""

    __slots__ = ("by_name", "line", "head_line", "loose", "_sources", "_patterns")

    inline = _LazyPattern()
    head_inline = _LazyPattern()
    anchors = _LazyPattern()

    def __init__(self, by_name: dict[str, Template], line: Mapping[str, re.Pattern[str]],
                 head_line: Mapping[str, re.Pattern[str]],
                 loose: tuple[tuple[str, str, re.Pattern[str]], ...], inline: str | None,
                 head_inline: str | None, anchors: str | None) -> None:
        self.by_name, self.line, self.head_line, self.loose = by_name, line, head_line, loose
        self._sources = {"inline": inline, "head_inline": head_inline, "anchors": anchors}
        self._patterns: dict[str, re.Pattern[str]] = {}

    def match_line(self, line: str, edge: bool) -> Template | None:
        """The template a whole (stripped) line is, if any; ``edge``: the line is in the head or tail block."""
        table = self.head_line if edge else self.line
        pattern = table.get(lead_of(line))
        m = pattern.match(line) if pattern is not None else None
        if m is None:
            for scope, anchor, loose in self.loose:
                if (edge or scope == "line") and anchor in line:
                    m = loose.match(line)
                    if m is not None:
                        break
        return self.by_name[name_of(m)] if m is not None else None


def _compile_pattern(pattern: str, entry: Entry) -> tuple[str, str]:
    parts: list[str] = []
    literal_runs: list[str] = []
    run = ""
    for tok in _TOKEN.findall(pattern):
        if tok.startswith("<") and tok.endswith(">") and len(tok) > 2:
            if tok not in _PLACEHOLDERS:
                raise WordlistError(entry.file, entry.line, f"unknown placeholder {tok} in template pattern")
            parts.append(_PLACEHOLDERS[tok])
            literal_runs.append(run)
            run = ""
        elif tok.isspace():
            parts.append(r"\s*")
            literal_runs.append(run)
            run = ""
        else:
            parts.append(_PUNCT.get(tok, re.escape(tok)))
            if tok in _PUNCT and tok not in "._":
                literal_runs.append(run)
                run = ""
            else:
                run += tok
    literal_runs.append(run)
    anchor = max(literal_runs, key=len)
    return _GAP.join(parts), anchor


_LEAD_SKIP = re.compile(r"[-•·●\s]*(?:[0-9０-９]{1,3}\s*[.．、)）]?\s*){0,2}")
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x201C: '"', 0x201D: '"'}


def lead_of(line: str) -> str:
    """The first character of a line after list markers and numbers, full-width folded to ASCII."""
    if line[:1] in "-•·● 0123456789０１２３４５６７８９\t" and (m := _LEAD_SKIP.match(line)):
        line = line[m.end():]
    return line[:1].translate(_FOLD)


def _lead(pattern: str) -> str:
    """The dispatch character of a pattern, computed the way :func:`lead_of` sees its lines."""
    rest = pattern
    while True:
        stripped = re.sub(r"^(?:<item>|<n>[、.]?)", "", rest)
        if stripped == rest:
            break
        rest = stripped
    if re.match(r"<[a-z]+>", rest):
        return ""
    probe = lead_of(rest.replace("<", "\x00", 1)) if rest else ""
    return "" if probe in ("", "\x00") else probe


@functools.lru_cache(maxsize=1)
def templates() -> Templates:
    by_name: dict[str, Template] = {}
    for e in load("boilerplate-templates.tsv"):
        if e["scope"] not in SCOPES:
            raise WordlistError(e.file, e.line, f"unknown scope {e['scope']!r} (expected one of {', '.join(SCOPES)})")
        regex, anchor = _compile_pattern(e["pattern"], e)
        if e["scope"].startswith("inline") and len(anchor) < 2:
            raise WordlistError(e.file, e.line, "an inline template needs a literal part of two characters or more")
        by_name[e["name"]] = Template(e["name"], e["site"], e["scope"], e["source"], e, regex, anchor,
                                      _lead(e["pattern"]))

    def alternation(names: list[str], *, whole: bool) -> str:
        body = "|".join(f"(?P<{_group(n)}>{by_name[n].regex})" for n in names)
        return f"(?:{body})" + ("\\Z" if whole else "")

    def optional(names: list[str], *, whole: bool) -> str | None:
        return alternation(names, whole=whole) if names else None

    ordered = sorted(by_name)
    whole = [n for n in ordered if by_name[n].scope in ("line", "head-line")]
    leads = sorted({by_name[n].lead for n in whole} - {""})
    line = {c: optional([n for n in whole if by_name[n].lead == c and by_name[n].scope == "line"], whole=True)
            for c in leads}
    head_line = {c: alternation([n for n in whole if by_name[n].lead == c], whole=True) for c in leads}
    loose = tuple((by_name[n].scope, by_name[n].anchor, re.compile(alternation([n], whole=True)))
                  for n in whole if by_name[n].lead == "")
    inline = [n for n in ordered if by_name[n].scope in ("inline", "inline-repeated")]
    # longer inline templates first, so the full stamp wins over its short form
    inline.sort(key=lambda n: -len(by_name[n].entry["pattern"]))
    head_inline = [n for n in ordered if by_name[n].scope == "head-inline"]
    return Templates(by_name, _Compiled({c: p for c, p in line.items() if p is not None}),
                     _Compiled(head_line), loose,
                     optional(inline, whole=False), optional(head_inline, whole=False),
                     "|".join(map(re.escape, sorted({by_name[n].anchor for n in inline}, key=len,
                                                    reverse=True))) if inline else None)


def _group(name: str) -> str:
    return "t_" + re.sub(r"\W", "_", name)


def name_of(match: re.Match[str]) -> str:
    """The template name of a match of one of the alternations."""
    group = match.lastgroup or ""
    return _NAMES().get(group, group)


@functools.lru_cache(maxsize=1)
def _NAMES() -> dict[str, str]:
    return {_group(n): n for n in templates().by_name}

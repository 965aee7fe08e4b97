"""User wordlists and protected terms (``Config.wordlists``, ``Config.protect``).

A Config holds only paths and strings (so it stays frozen, hashable and picklable); the files are
read here on first use and cached per process, keyed by the tuple the Config holds.

- A user wordlist has the format of the shipped lists (``ybtext wordlists lint`` checks it; the
  same reader loads it, strictly: the first problem raises a WordlistError naming file and line)
  and columns ``spun`` and ``original`` at least. Its pairs are the ``user`` tier of the spin
  step: the user asserted them, so they are restored wherever the spun form occurs, in any
  document, and win over every shipped tier where they overlap. Their edits carry the rule
  ``user:<file>:<line>`` and the note ``tier=user``.
- A learned table (``ybtext learn``; any wordlist whose header says ``# Tier: learned``) is no
  assertion but corpus evidence: its pairs are the ``learned`` tier, judged per occurrence by the
  spin step (``spin._learned``), the pair's ``confidence`` column the prior (a table without one:
  ``learn.APPLY``). Pairs below ``learn.APPLY`` are not applied. Their edits carry the rule
  ``learned:<file>:<line>``.
- A protected term is never edited: :func:`protect` drops, after each step, every edit that
  touches a character of an occurrence of a protected term in the text that step received, and
  rebuilds that step's text from the edits kept (so the edits still replay with ``apply_edits``).
  A term comes from a string of ``Config.protect``, or from a file (a ``pathlib.Path`` there):
  one term per line, ``#`` starts a comment line, blank lines are skipped, spaces around a term
  are stripped.
"""

from __future__ import annotations

import bisect
import functools
import os
from pathlib import Path
from typing import Iterable, NamedTuple

from ._edits import Cleaned, Edit, Span
from ._match import Matcher
from .errors import WordlistError

__all__ = ["UserPairs", "user_pairs", "learned_pairs", "user_spans", "protected_terms", "protect",
           "load_all"]

REQUIRED_COLUMNS = ("spun", "original")


class UserPairs(NamedTuple):
    matcher: Matcher | None
    pairs: dict[str, tuple[str, str]]  # spun -> (original, rule)
    # the learned tables' pairs: spun -> ((original, rule, confidence), ...), confidence >= learn.APPLY
    learned: dict[str, tuple[tuple[str, str, float], ...]] = {}
    learned_matcher: Matcher | None = None


LEARNED_TIER = "learned"


def user_pairs(paths: tuple[str, ...]) -> UserPairs:
    """The pairs of the user wordlists ``paths`` (a later file's pair for the same spun form wins)."""
    return _user_pairs(tuple((p, os.path.abspath(p)) for p in paths))


@functools.lru_cache(maxsize=64)
def _user_pairs(paths: tuple[tuple[str, str], ...]) -> UserPairs:
    from . import _wordlists

    from .learn import APPLY

    pairs: dict[str, tuple[str, str]] = {}
    learned: dict[str, dict[str, tuple[str, str, float]]] = {}
    for path, absolute in paths:
        try:
            data = Path(absolute).read_bytes()
        except OSError as err:
            raise WordlistError(path, None, f"cannot read: {err.strerror or err}") from err
        wl = _wordlists.parse(path, data, strict=True)
        missing = [c for c in REQUIRED_COLUMNS if c not in wl.columns]
        if missing:
            raise WordlistError(path, _columns_line(data), f"a user wordlist needs the columns spun and original "
                                                           f"(the header names {' '.join(wl.columns)})")
        is_learned = wl.header("Tier") == LEARNED_TIER
        for entry in wl:
            spun, original = entry["spun"], entry["original"]
            if not spun or spun == original:
                raise WordlistError(path, entry.line, "the spun form is empty or equal to the original")
            if not is_learned:
                pairs[spun] = (original, f"user:{entry.rule}")
                continue
            confidence = _confidence(path, entry.line, entry.get("confidence"), APPLY)
            if confidence >= APPLY:
                learned.setdefault(spun, {})[original] = (original, f"learned:{entry.rule}", confidence)
    frozen = {k: tuple(v.values()) for k, v in learned.items()}
    return UserPairs(Matcher(pairs, overlapping=True) if pairs else None, pairs, frozen,
                     Matcher(frozen, overlapping=True) if frozen else None)


def learned_pairs(paths: tuple[str, ...]) -> UserPairs:
    """The same as :func:`user_pairs` (its ``learned`` and ``learned_matcher`` are the learned tables')."""
    return user_pairs(paths)


def _confidence(path: str, line: int, value: str, default: float) -> float:
    if not value:
        return default
    try:
        got = float(value)
    except ValueError:
        got = -1.0
    if not 0.0 <= got <= 1.0:
        raise WordlistError(path, line, f"confidence must be a number in [0, 1] (got {value!r})")
    return got


def _columns_line(data: bytes) -> int | None:
    for i, line in enumerate(data.decode("utf-8", "replace").split("\n"), 1):
        if line.startswith("#") and line[1:].strip().startswith("Columns:"):
            return i
    return None


def user_spans(text: str, paths: tuple[str, ...]) -> list[Span]:
    """Every occurrence of a user pair's spun form (overlapping: the spin step keeps the longest)."""
    if not paths:
        return []
    up = user_pairs(paths)
    if up.matcher is None:
        return []
    out = []
    for key, start, end in up.matcher.find(text):
        original, rule = up.pairs[key]
        out.append(Span(start, end, original, rule, 1.0, "tier=user", "user"))
    return out


def protected_terms(protect: tuple[str | os.PathLike[str], ...]) -> Matcher | None:
    """A matcher of the protected terms: the strings of ``protect``, and the terms of its files."""
    return _protected_terms(tuple(item if isinstance(item, str) else (os.fspath(item), os.path.abspath(item))
                                  for item in protect))


@functools.lru_cache(maxsize=64)
def _protected_terms(protect: tuple[str | tuple[str, str], ...]) -> Matcher | None:
    terms: list[str] = []
    for item in protect:
        if isinstance(item, str):
            terms.append(item)
        else:
            terms.extend(read_terms(*item))
    return Matcher(terms, overlapping=True) if terms else None


def read_terms(path: str, absolute: str | None = None) -> list[str]:
    """The terms of a protected-terms file: one per line, ``#`` comment lines and blank lines skipped.
    Errors name ``path``; the file read is ``absolute`` where given."""
    try:
        data = Path(absolute or path).read_bytes()
    except OSError as err:
        raise WordlistError(path, None, f"cannot read: {err.strerror or err}") from err
    terms = []
    for lineno, raw in enumerate(data.split(b"\n"), 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            raise WordlistError(path, lineno, f"not UTF-8 ({err.reason} at byte {err.start} of the line)") from err
        term = line.strip().lstrip("\ufeff") if lineno == 1 else line.strip()
        if term and not term.startswith("#"):
            if "\t" in term:
                raise WordlistError(path, lineno, "a TAB inside a term (one term per line)")
            terms.append(term)
    return terms


def load_all(wordlists: tuple[str, ...], protect: tuple[str | os.PathLike[str], ...]) -> None:
    """Read every user file now (a bad file raises here, before any document is cleaned)."""
    user_pairs(wordlists)
    protected_terms(protect)


def protect(text: str, result: Cleaned, matcher: Matcher) -> Cleaned:
    """``result`` (a step's output for ``text``) without the edits that touch a protected term.

    An edit touches an occurrence when it replaces one of its characters, or inserts text strictly
    inside it. The text is rebuilt from the kept edits, which are spans of ``text`` like before.
    """
    if not result.edits:
        return result
    found = matcher.find(text)
    if not found:
        return result
    starts, ends = _merged(found)
    kept = [e for e in result.edits if not _touches(e, starts, ends)]
    if len(kept) == len(result.edits):
        return result
    return Cleaned(_apply(text, kept), tuple(kept), result.notices, result.spin)


def _merged(found: Iterable[tuple[str, int, int]]) -> tuple[list[int], list[int]]:
    """Occurrences merged where they overlap (not where they only meet), sorted."""
    starts: list[int] = []
    ends: list[int] = []
    for _key, start, end in sorted(found, key=lambda m: m[1]):
        if ends and start < ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _touches(e: Edit, starts: list[int], ends: list[int]) -> bool:
    k = bisect.bisect_right(ends, e.start)  # the first occurrence ending after e.start
    if k == len(starts):
        return False
    if e.start == e.end:  # an insertion: only strictly inside an occurrence
        return starts[k] < e.start
    return starts[k] < e.end


def _apply(text: str, edits: list[Edit]) -> str:
    pieces: list[str] = []
    pos = 0
    for e in edits:
        pieces += (text[pos:e.start], e.after)
        pos = e.end
    pieces.append(text[pos:])
    return "".join(pieces)

"""JSON Lines: find one string field of a line and put a new value in its place.

Only the field's value is rewritten; every other byte of the line (other fields, their order,
spacing, escapes, number spelling, the line ending) stays as it was. A field whose value does not
change leaves the line untouched.
"""

from __future__ import annotations

import json
from json.decoder import scanstring  # type: ignore[attr-defined]  # in json.decoder at run time, not in typeshed
from typing import Callable

from .errors import InputError

__all__ = ["field_value", "replace_field"]

_DECODER = json.JSONDecoder()
_WS = " \t\n\r"


def replace_field(line: str, field: str, change: Callable[[str], str], where: str) -> str:
    """``line`` with the string value of ``field`` replaced by ``change(value)``.

    ``where`` (``file:line``) prefixes the InputError raised for a line that is not one JSON
    object, or whose object lacks ``field`` or holds something other than a string there.
    """
    body = line.rstrip("\r\n")
    start, end, value = _locate(body, field, where)
    new = change(value)
    if new == value:
        return line
    spelled = json.dumps(new, ensure_ascii=False)
    try:
        spelled.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (from a \ud800 escape) stays an escape
        spelled = json.dumps(new)
    return body[:start] + spelled + body[end:] + line[len(body):]


def field_value(line: str, field: str, where: str) -> str:
    """The string value of ``field`` in ``line`` (same errors as :func:`replace_field`)."""
    return _locate(line.rstrip("\r\n"), field, where)[2]


def _locate(body: str, field: str, where: str) -> tuple[int, int, str]:
    try:
        span = _field_span(body, field)
    except (ValueError, IndexError) as err:
        reason = err.msg if isinstance(err, json.JSONDecodeError) else str(err) or "unexpected end"
        raise InputError(f"{where}: not a JSON object ({reason})") from err
    if span is None:
        raise InputError(f"{where}: no field {field!r}")
    start, end, value = span
    if not isinstance(value, str):
        raise InputError(f"{where}: field {field!r} is {type(value).__name__}, not a string")
    return start, end, value


def _skip(s: str, i: int) -> int:
    while i < len(s) and s[i] in _WS:
        i += 1
    return i


def _field_span(s: str, field: str) -> tuple[int, int, object] | None:
    """Start, end and value of the top-level member ``field`` (the last one, as json.loads keeps)."""
    i = _skip(s, 0)
    if i >= len(s) or s[i] != "{":
        raise ValueError("a line must hold one JSON object")
    found = None
    i = _skip(s, i + 1)
    if i < len(s) and s[i] == "}":
        i += 1
    else:
        while True:
            if i >= len(s) or s[i] != '"':
                raise ValueError(f"expected a member name at column {i + 1}")
            key, i = scanstring(s, i + 1)
            i = _skip(s, i)
            if i >= len(s) or s[i] != ":":
                raise ValueError(f"expected ':' at column {i + 1}")
            i = _skip(s, i + 1)
            value, end = _DECODER.raw_decode(s, i)
            if key == field:
                found = (i, end, value)
            i = _skip(s, end)
            if i < len(s) and s[i] == ",":
                i = _skip(s, i + 1)
                continue
            if i < len(s) and s[i] == "}":
                i += 1
                break
            raise ValueError(f"expected ',' or '}}' at column {i + 1}")
    if _skip(s, i) != len(s):
        raise ValueError(f"extra data at column {i + 1}")
    return found

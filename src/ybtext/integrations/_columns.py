"""Clean one column of a batch, whatever shape the engine hands it in."""

from __future__ import annotations

from typing import Any, Sequence

from .._pipeline import Cleaner
from ..errors import InputError


def clean_column(cleaner: Cleaner, values: Sequence[Any], field: str) -> list[str]:
    """The cleaned texts of one column, in order. A value that is not ``str`` raises InputError."""
    out = []
    for i, value in enumerate(values):
        if not isinstance(value, str):
            raise InputError(f"field {field!r} of row {i} in this batch is {type(value).__name__}, not str")
        out.append(cleaner.clean(value))
    return out


def check_field(field: Any, output_field: Any) -> None:
    if not isinstance(field, str) or not field:
        raise TypeError(f"field must be a non-empty column name, not {field!r}")
    if output_field is not None and (not isinstance(output_field, str) or not output_field):
        raise TypeError(f"output_field must be a non-empty column name or None, not {output_field!r}")

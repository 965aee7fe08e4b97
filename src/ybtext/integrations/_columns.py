"""Clean one column of a batch, whatever shape the engine hands it in."""

from __future__ import annotations

from typing import Any, Sequence

from .._pipeline import Cleaner
from ..errors import InputError

#: Columns ``add=`` may ask for (see :func:`ybtext.integrations.datasets.batch_fn`).
MEASURES = ("spin_score", "damage")
NONE_POLICIES = ("keep", "error")


def clean_column(cleaner: Cleaner, values: Sequence[Any], field: str, *, none: str = "error",
                 add: tuple[str, ...] = (), indices: Sequence[int] | None = None
                 ) -> tuple[list[Any], dict[str, list[Any]]]:
    """``(cleaned texts, added columns)`` for one column, in order.

    A ``None`` value stays ``None`` with ``none="keep"`` (its added measures are ``None`` too);
    with ``none="error"``, and for any other value that is not ``str``, an InputError names the
    row: ``indices[i]`` (the dataset's row, where the engine passes indices) or the row within
    this batch. ``add`` names measures to return as extra columns (:data:`MEASURES`).
    """
    out: list[Any] = []
    extra: dict[str, list[Any]] = {name: [] for name in add}
    if add:
        from ..report import triage
    for i, value in enumerate(values):
        if value is None and none == "keep":
            out.append(None)
            for column in extra.values():
                column.append(None)
            continue
        if not isinstance(value, str):
            where = f"row {indices[i]}" if indices is not None else f"row {i} of this batch"
            hint = "" if indices is not None else " (map with with_indices=True to name the dataset's row)"
            kind = "None" if value is None else type(value).__name__
            raise InputError(f"field {field!r} of {where} is {kind}, not str{hint}")
        if not add:
            out.append(cleaner.clean(value))
            continue
        result = cleaner.clean_and_explain(value)
        t = triage(value, result)
        out.append(result.text)
        if "spin_score" in extra:
            extra["spin_score"].append(t.spin.score)
        if "damage" in extra:
            extra["damage"].append(t.damage)
    return out, extra


def check_field(field: Any, output_field: Any) -> None:
    if not isinstance(field, str) or not field:
        raise TypeError(f"field must be a non-empty column name, not {field!r}")
    if output_field is not None and (not isinstance(output_field, str) or not output_field):
        raise TypeError(f"output_field must be a non-empty column name or None, not {output_field!r}")


def check_options(none: Any, add: Any) -> tuple[str, ...]:
    """``add`` as a tuple of measure names, after checking ``none`` and ``add``."""
    if none not in NONE_POLICIES:
        raise TypeError(f"none must be one of {', '.join(map(repr, NONE_POLICIES))}, not {none!r}")
    names = (add,) if isinstance(add, str) else tuple(add)
    unknown = [n for n in names if n not in MEASURES]
    if unknown:
        raise TypeError(f"add: unknown column {unknown[0]!r} (known: {', '.join(MEASURES)})")
    return tuple(dict.fromkeys(names))

"""Ray Data: ``ray.data.read_json(path).map_batches(YbtextMapper, fn_constructor_kwargs={...}, concurrency=N)``.

``YbtextMapper`` is a callable class: Ray builds one per actor (loading the wordlists once) and
calls it on every batch. A batch may be a dict of columns (Ray's default numpy format) or a
pandas DataFrame (``batch_format="pandas"``); the same kind comes back with ``field`` cleaned.
This module imports nothing from Ray.
"""

from __future__ import annotations

from typing import Any

from .._pipeline import Cleaner
from ._columns import check_field, clean_column

__all__ = ["YbtextMapper"]


class YbtextMapper:
    """Clean the ``field`` column of each batch; ``output_field`` keeps the original column too."""

    def __init__(self, field: str = "text", *, output_field: str | None = None, **options: Any) -> None:
        check_field(field, output_field)
        self.field = field
        self.output_field = output_field
        self.cleaner = Cleaner(**options)

    def __repr__(self) -> str:
        return f"YbtextMapper(field={self.field!r}, output_field={self.output_field!r}, {self.cleaner.config!r})"

    def __call__(self, batch: Any) -> Any:
        columns = getattr(batch, "columns", batch)  # a DataFrame's column index, or a dict's keys
        if self.field not in columns:
            raise KeyError(f"batch has no column {self.field!r} (columns: {', '.join(map(str, columns))})")
        values = batch[self.field]
        values = values.tolist() if hasattr(values, "tolist") else list(values)
        cleaned = clean_column(self.cleaner, values, self.field)
        target = self.output_field or self.field
        if hasattr(batch, "assign"):  # pandas
            return batch.assign(**{target: cleaned})
        out = dict(batch)
        out[target] = _like(batch[self.field], cleaned)
        return out


def _like(column: Any, cleaned: list[str]) -> Any:
    """The cleaned list in the container kind of the input column (numpy array stays numpy)."""
    if type(column).__module__ == "numpy":
        import numpy  # present whenever Ray hands us numpy batches

        return numpy.asarray(cleaned, dtype=object)
    return cleaned

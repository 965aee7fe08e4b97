"""Hugging Face ``datasets``: ``dataset.map(ybtext.batch_fn(field="text"), batched=True, num_proc=4)``.

The returned object is a small picklable class instance (datasets ships it to its worker processes
and hashes it for its cache fingerprint), holding only a :class:`ybtext.Cleaner`, which pickles as
its Config; each worker loads its own wordlists on first use.
"""

from __future__ import annotations

from typing import Any

from .._pipeline import Cleaner
from ._columns import check_field, clean_column

__all__ = ["BatchFn", "batch_fn"]


class BatchFn:
    """Clean ``batch[field]`` (a list of str) and return the batch, in place or into ``output_field``."""

    __slots__ = ("field", "output_field", "cleaner")

    def __init__(self, field: str = "text", *, output_field: str | None = None, **options: Any) -> None:
        check_field(field, output_field)
        self.field = field
        self.output_field = output_field
        self.cleaner = Cleaner(**options)

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(field={self.field!r}, output_field={self.output_field!r}, "
                f"{self.cleaner.config!r})")

    def __getstate__(self) -> tuple:
        return self.field, self.output_field, self.cleaner

    def __setstate__(self, state: tuple) -> None:
        self.field, self.output_field, self.cleaner = state

    def __call__(self, batch: dict[str, list]) -> dict[str, list]:
        if self.field not in batch:
            raise KeyError(f"batch has no column {self.field!r} (columns: {', '.join(map(str, batch))})")
        batch[self.output_field or self.field] = clean_column(self.cleaner, batch[self.field], self.field)
        return batch


def batch_fn(field: str = "text", *, output_field: str | None = None, **options: Any) -> BatchFn:
    """A batched map function for ``datasets.Dataset.map(..., batched=True)``.

    ``field`` names the text column; ``output_field`` writes the cleaned text to another column
    (default: replace ``field``); other keyword options are :class:`ybtext.Config` fields.
    """
    return BatchFn(field, output_field=output_field, **options)

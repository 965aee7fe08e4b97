"""Hugging Face ``datasets``: ``dataset.map(ybtext.batch_fn(field="text"), batched=True, num_proc=4)``.

The returned object is a small picklable class instance (datasets ships it to its worker processes
and hashes it for its cache fingerprint), holding only a :class:`ybtext.Cleaner`, which pickles as
its Config; each worker loads its own wordlists on first use.
"""

from __future__ import annotations

from typing import Any, Sequence

from .._pipeline import Cleaner
from ._columns import check_field, check_options, clean_column

__all__ = ["BatchFn", "batch_fn"]


class BatchFn:
    """Clean ``batch[field]`` (a list of str) and return the batch, in place or into ``output_field``."""

    __slots__ = ("field", "output_field", "none", "add", "cleaner")

    def __init__(self, field: str = "text", *, output_field: str | None = None, none: str = "keep",
                 add: Sequence[str] = (), **options: Any) -> None:
        check_field(field, output_field)
        self.add = check_options(none, add)
        self.field = field
        self.output_field = output_field
        self.none = none
        self.cleaner = Cleaner(**options)

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(field={self.field!r}, output_field={self.output_field!r}, "
                f"none={self.none!r}, add={self.add!r}, {self.cleaner.config!r})")

    def __getstate__(self) -> tuple[Any, ...]:
        return self.field, self.output_field, self.none, self.add, self.cleaner

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.field, self.output_field, self.none, self.add, self.cleaner = state

    def _column(self, values: Sequence[Any], indices: Sequence[int] | None = None) -> tuple[list[Any], dict[str, list[Any]]]:
        return clean_column(self.cleaner, values, self.field, none=self.none, add=self.add, indices=indices)

    def __call__(self, batch: dict[str, list[Any]], indices: Sequence[int] | None = None) -> dict[str, list[Any]]:
        if self.field not in batch:
            raise KeyError(f"batch has no column {self.field!r} (columns: {', '.join(map(str, batch))})")
        cleaned, extra = self._column(batch[self.field], indices)
        batch[self.output_field or self.field] = cleaned
        batch.update(extra)
        return batch


def batch_fn(field: str = "text", *, output_field: str | None = None, none: str = "keep",
             add: Sequence[str] = (), **options: Any) -> BatchFn:
    """A batched map function for ``datasets.Dataset.map(..., batched=True)``.

    ``field`` names the text column; ``output_field`` writes the cleaned text to another column
    (default: replace ``field``); other keyword options are :class:`ybtext.Config` fields.

    ``none``: what a ``None`` cell does. ``"keep"`` (default): it stays ``None``. ``"error"``: an
    :class:`ybtext.InputError` naming the row (so does any other cell that is not ``str``). Map
    with ``with_indices=True`` and the error names the dataset's row number, else the row within
    the batch.

    ``add``: columns to add for ``Dataset.filter`` (names: ``"spin_score"``, ``"damage"``), each
    measured on the original text as ``ybtext detect`` measures it (:func:`ybtext.report.triage`):

    - ``spin_score``: the spin detector's score in [0, 1] (:func:`ybtext.detect_spin`, run on the
      text the spin step receives); the detector calls a document spun from about 0.55.
    - ``damage``: the share of the original's characters that cleaning changed or removed, over
      all steps, in [0, 1] (0.0: cleaning changed nothing; insertions alone count 0).

    They are ``None`` where the text is ``None``. Asking for them costs a ``clean_and_explain``
    and a spin detection per row. Example::

        ds = ds.map(ybtext.batch_fn(field="text", add=("spin_score", "damage")), batched=True)
        ds = ds.filter(lambda row: row["damage"] is not None and row["damage"] < 0.2)
    """
    return BatchFn(field, output_field=output_field, none=none, add=add, **options)

"""Ray Data: ``ray.data.read_json(path).map_batches(YbtextMapper, fn_constructor_kwargs={...}, concurrency=N)``.

``YbtextMapper`` is a callable class: Ray builds one per actor (loading the wordlists once) and
calls it on every batch. A batch may be a dict of columns (Ray's default numpy format) or a
pandas DataFrame (``batch_format="pandas"``); the same kind comes back with ``field`` cleaned.
This module imports nothing from Ray.
"""

from __future__ import annotations

from typing import Any

from .datasets import BatchFn

__all__ = ["YbtextMapper"]


class YbtextMapper(BatchFn):
    """Clean the ``field`` column of each batch; ``output_field`` keeps the original column too.

    Built like :class:`ybtext.integrations.datasets.BatchFn` (``field``, ``output_field``, ``none``,
    ``add``, Config options); it differs in the batches it takes: numpy dicts or pandas DataFrames.
    """

    __slots__ = ()

    # Ray passes whole batches (numpy dicts or DataFrames) and never row indices.
    def __call__(self, batch: Any) -> Any:  # type: ignore[override]
        columns = getattr(batch, "columns", batch)  # a DataFrame's column index, or a dict's keys
        if self.field not in columns:
            raise KeyError(f"batch has no column {self.field!r} (columns: {', '.join(map(str, columns))})")
        values = batch[self.field]
        values = values.tolist() if hasattr(values, "tolist") else list(values)
        cleaned, extra = self._column(values)
        target = self.output_field or self.field
        if hasattr(batch, "assign"):  # pandas
            return batch.assign(**{target: cleaned}, **extra)
        out = dict(batch)
        out[target] = _like(batch[self.field], cleaned)
        for name, column in extra.items():
            out[name] = _like(batch[self.field], column)
        return out


def _like(column: Any, cleaned: list[Any]) -> Any:
    """The cleaned list in the container kind of the input column (numpy array stays numpy)."""
    if type(column).__module__ == "numpy":
        import numpy  # present whenever Ray hands us numpy batches

        return numpy.asarray(cleaned, dtype=object)
    return cleaned

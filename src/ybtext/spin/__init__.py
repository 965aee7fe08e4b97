"""The ``spin`` step and the spin package: restore words replaced by synonym spinners (伪原创).

- ``_evidence``: the document's evidence (``detect_spin``, public as ``ybtext.detect``);
- ``_tables``: the shipped spin lists (sure, gated, chains, curated contexts);
- ``_step``: the tiers and the step itself (``step``, ``spans``);
- ``_heavy``: heavy-family documents, every candidate of a clause decoded with the trigram model;
- ``_swaps``: the heavy family's one-character swaps (和 -> 战); ``_fuzzy``: canonical phrases;
- ``_lexicon``: word frequencies (pair ratios) and canonical phrases;
- ``policy``: every threshold, in one typed object (``POLICY``).

Importing the package loads none of them: ``step`` and the rest are looked up on first use, so
``import ybtext`` stays cheap (the detector's public types live in ``_evidence``, which the
package's ``__init__`` must not pull its siblings in for).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._step import spans, step

__all__ = ["spans", "step"]


def __getattr__(name: str) -> Any:
    # not ``from . import _step``: that asks this function for ``_step`` first
    if name.startswith("__") or name == "_step":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    step_module = importlib.import_module(f"{__name__}._step")
    try:
        return getattr(step_module, name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None

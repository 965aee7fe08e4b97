"""One JSON object per document: what ``clean --report``, ``detect --format json`` and
``explain --format json`` print for each document (documented in docs/json-schema.md).

:func:`document_result` is the only place the object is built; bump :data:`SCHEMA` when a field
changes meaning or goes away (adding a field does not).
"""

from __future__ import annotations

from typing import Any

from ._edits import Cleaned
from .config import STEPS
from .report import Triage, applied_counts

__all__ = ["SCHEMA", "document_result"]

#: The version of the object's layout, its ``"schema"`` field.
SCHEMA = 1


def document_result(source: str, index: int, cleaned: Cleaned, t: Triage, *, top: int | None = 3,
                    details: bool = False) -> dict[str, Any]:
    """The result of cleaning one document, as a JSON-ready dict.

    ``source`` is the file as shown (``<stdin>`` for stdin), ``index`` the JSON Lines line
    number or the block number in a text file (1 but for huge files). ``t`` is the document's
    :func:`ybtext.report.triage`. ``top`` limits the evidence pairs (strongest first; None: all);
    ``details`` adds the edits and notices themselves (``edit_list``, ``notice_list``).
    """
    spin = t.spin
    pairs = sorted(spin.pairs, key=lambda p: (-p.weight, -p.spun_count, p.original))
    if top is not None:
        pairs = pairs[:top]
    applied = applied_counts(pairs, cleaned.edits)
    row: dict[str, Any] = {
        "schema": SCHEMA,
        "source": source,
        "index": index,
        "chars": t.chars,
        "chars_out": len(cleaned.text),
        "edits": len(cleaned.edits),
        "edits_by_step": {s: t.edits.get(s, 0) for s in STEPS},
        "notices": len(cleaned.notices),
        "spin": {
            "score": round(spin.score, 4),
            "spun": spin.spun,
            "restores": spin.restores,
            "family": spin.family,
            "pairs": [{"spun": p.spun, "original": p.original, "spun_count": p.spun_count,
                       "original_count": p.original_count, "weight": round(p.weight, 4), "applied": n}
                      for p, n in zip(pairs, applied)],
        },
        "boilerplate_share": round(t.boilerplate_share, 4),
        "damage": round(t.damage, 4),
    }
    if details:
        row["edit_list"] = [e.as_dict() for e in cleaned.edits]
        row["notice_list"] = [n.as_dict() for n in cleaned.notices]
    return row

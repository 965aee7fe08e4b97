"""The ``script``step (thin for now)."""

from __future__ import annotations

from ._edits import Cleaned
from .config import Config


def step(text: str, config: Config) -> Cleaned:
    return Cleaned(text, ())

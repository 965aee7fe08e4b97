"""ybtext: turn damaged Chinese documents back into clean, faithful text.

    >>> import ybtext
    >>> ybtext.clean("经由过程调查")   # doctest: +SKIP
    '通过调查'

Importing ybtext reads no files and compiles nothing; wordlists load on first use.
"""

from typing import Any

from ._edits import Cleaned, Edit, Notice, apply_edits
from ._pipeline import Cleaner, clean, clean_and_explain
from ._version import __version__
from .config import STEPS, Config, Options
from .detect import PairEvidence, SpinReport, detect_spin
from .errors import ConfigError, InputError, WordlistError, YbtextError

__all__ = [
    "STEPS",
    "Cleaned",
    "Cleaner",
    "Config",
    "ConfigError",
    "Edit",
    "InputError",
    "Notice",
    "Options",
    "PairEvidence",
    "SpinReport",
    "WordlistError",
    "YbtextError",
    "__version__",
    "apply_edits",
    "batch_fn",
    "clean",
    "clean_and_explain",
    "detect_spin",
    "learn_spin",
    "SpinTable",
]


def __getattr__(name: str) -> Any:
    # ``batch_fn`` lives in ybtext.integrations.datasets, imported on first use only.
    if name == "batch_fn":
        from .integrations.datasets import batch_fn

        return batch_fn
    if name in ("learn_spin", "SpinTable"):  # ybtext.learn, imported on first use only
        from . import learn

        return getattr(learn, name)
    raise AttributeError(f"module 'ybtext' has no attribute {name!r}")

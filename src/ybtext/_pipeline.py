"""The pipeline: an ordered tuple of named steps, each a pure function ``step(text, config) -> Cleaned``."""

from __future__ import annotations

import importlib
from typing import Any, Callable, Iterable, Iterator

from ._edits import Cleaned, Edit, Notice
from .config import STEPS, Config

__all__ = ["Cleaner", "clean", "clean_and_explain"]

StepFunction = Callable[[str, Config], Cleaned]


def _step_function(name: str) -> StepFunction:
    # Step modules are imported on first use, so `import ybtext` stays cheap.
    return importlib.import_module(f"ybtext.{name}").step


class Cleaner:
    """A reusable cleaner: a frozen :class:`Config` and the steps it runs.

    Wordlists are loaded on first use and cached per process. A Cleaner pickles as its config
    only, so it can be shipped to worker processes, which load their own wordlists.
    """

    __slots__ = ("config", "_steps")

    def __init__(self, config: Config | None = None, **options: Any) -> None:
        if config is not None and not isinstance(config, Config):
            raise TypeError(f"config must be a ybtext.Config, not {type(config).__name__}")
        self.config = Config.from_options(config, **options)
        self._steps: tuple[tuple[str, StepFunction], ...] | None = None

    def __repr__(self) -> str:
        return f"Cleaner({self.config!r})"

    def __getstate__(self) -> Config:
        return self.config

    def __setstate__(self, state: Config) -> None:
        self.config = state
        self._steps = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Cleaner) and other.config == self.config

    def __hash__(self) -> int:
        return hash(self.config)

    @property
    def steps(self) -> tuple[tuple[str, StepFunction], ...]:
        if self._steps is None:
            self._steps = tuple((n, _step_function(n)) for n in STEPS if self.config.enabled(n))
        return self._steps

    def clean_and_explain(self, text: str) -> Cleaned:
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        edits: list[Edit] = []
        notices: list[Notice] = []
        for _name, fn in self.steps:
            result = fn(text, self.config)
            text = result.text
            edits.extend(result.edits)
            notices.extend(result.notices)
        return Cleaned(text, tuple(edits), tuple(notices))

    def clean(self, text: str) -> str:
        return self.clean_and_explain(text).text

    def clean_batch(self, texts: Iterable[str]) -> list[str]:
        return [self.clean(t) for t in texts]

    def clean_iter(self, texts: Iterable[str]) -> Iterator[str]:
        for t in texts:
            yield self.clean(t)


_DEFAULT: Cleaner | None = None


def _cleaner(options: dict[str, Any]) -> Cleaner:
    global _DEFAULT
    if options:
        return Cleaner(**options)
    if _DEFAULT is None:
        _DEFAULT = Cleaner()
    return _DEFAULT


def clean(text: str, **options: Any) -> str:
    """Clean one document and return the text. Options are the fields of :class:`Config`."""
    return _cleaner(options).clean(text)


def clean_and_explain(text: str, **options: Any) -> Cleaned:
    """Clean one document and return ``Cleaned(text, edits)``."""
    return _cleaner(options).clean_and_explain(text)

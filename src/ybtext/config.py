"""The frozen configuration: one field per pipeline step, plus a few fine-grained switches."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from .errors import ConfigError

__all__ = ["CHOICES", "Config", "STEPS"]

#: The pipeline, in order. Each name is a module of this package, a Config field and the
#: ``step`` of the edits it makes.
STEPS: tuple[str, ...] = ("script", "boilerplate", "layout", "punctuation", "spin", "ocr")

#: The values of the options that take a word; ``off`` turns the step off (for ``script`` it is
#: stored as None, and None is accepted too).
CHOICES: dict[str, tuple[str, ...]] = {"script": ("auto", "s", "t", "off"), "spin": ("auto", "off", "force")}


def _choices_error(name: str, value: object) -> ConfigError:
    return ConfigError(f"{name} must be one of: {', '.join(CHOICES[name])} (got {value!r})")


@dataclass(frozen=True, slots=True)
class Config:
    """Options of a cleaning run. Build with ``Config(**options)`` or ``Config.from_options``.

    - ``script``: ``"auto"`` converts Traditional or mixed-script documents to Simplified,
      ``"s"`` always converts to Simplified, ``"t"`` treats the text as Traditional and leaves it so,
      ``"off"`` (or None) turns the step off.
    - ``boilerplate``: remove site furniture (notices, download boxes, page counters, watermarks).
    - ``layout``: join titles and paragraphs broken by extraction.
    - ``punctuation``: GB/T 15834 punctuation in Chinese context.
    - ``spin``: ``"auto"`` (reverse spinning where the document shows evidence of it), ``"force"``
      (treat the text as spun), ``"off"``.
    - ``ocr``: correct look-alike and sound-alike character errors.
    - ``fullwidth_ascii``: in the punctuation step, turn full-width digits and Latin letters into ASCII.
    """

    script: str | None = "auto"
    boilerplate: bool = True
    layout: bool = True
    punctuation: bool = True
    spin: str = "auto"
    ocr: bool = True
    fullwidth_ascii: bool = True

    def __post_init__(self) -> None:
        for name in ("boilerplate", "layout", "punctuation", "ocr", "fullwidth_ascii"):
            if not isinstance(getattr(self, name), bool):
                raise ConfigError(f"{name} must be True or False (got {getattr(self, name)!r})")
        if not isinstance(self.spin, str) or self.spin not in CHOICES["spin"]:
            raise _choices_error("spin", self.spin)
        if self.script == "off":
            object.__setattr__(self, "script", None)  # one value for "off"
        elif self.script is not None and (not isinstance(self.script, str) or self.script not in CHOICES["script"]):
            raise _choices_error("script", self.script)

    @classmethod
    def from_options(cls, base: "Config | None" = None, **options: Any) -> "Config":
        """A Config from keyword options. ``keep_boilerplate=True`` is ``boilerplate=False``.

        Unknown options raise TypeError (like any misspelt keyword argument); bad values raise
        ConfigError.
        """
        if "keep_boilerplate" in options:
            keep = options.pop("keep_boilerplate")
            if not isinstance(keep, bool):
                raise ConfigError(f"keep_boilerplate must be True or False (got {keep!r})")
            options["boilerplate"] = not keep
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(options) - names)
        if unknown:
            raise TypeError(f"unknown ybtext option(s): {', '.join(unknown)}")
        if base is None:
            return cls(**options)
        return dataclasses.replace(base, **options) if options else base

    def enabled(self, step: str) -> bool:
        value = getattr(self, step)
        return value not in (False, None, "off")

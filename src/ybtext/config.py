"""The frozen configuration: one field per pipeline step, plus a few fine-grained switches."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypedDict, Union, get_args

from .errors import ConfigError

__all__ = ["CHOICES", "Config", "Options", "OcrMode", "STEPS", "SpinMode", "ScriptMode"]

#: The pipeline, in order. Each name is a module of this package, a Config field and the
#: ``step`` of the edits it makes.
STEPS: tuple[str, ...] = ("script", "boilerplate", "layout", "punctuation", "spin", "ocr")

#: Values of ``Config.spin``.
SpinMode = Literal["auto", "off", "force"]
#: Values of ``Config.script``; ``"off"`` (stored as None) and None turn the step off.
ScriptMode = Union[Literal["auto", "s", "t", "off"], None]

#: Values of ``Config.ocr``: True (or ``"on"``) runs the typo-form stage, ``"context"`` adds the
#: context stage (opt-in: slower, low recall), False (or ``"off"``) turns the step off. ``"on"``
#: and ``"off"`` are stored as True and False.
OcrMode = Union[bool, Literal["on", "context", "off"]]

#: The values of the options that take a word, read off the types above; ``off`` turns the step off.
CHOICES: dict[str, tuple[str, ...]] = {"script": get_args(get_args(ScriptMode)[0]), "spin": get_args(SpinMode),
                                       "ocr": get_args(get_args(OcrMode)[1])}


def _choices_error(name: str, value: object) -> ConfigError:
    return ConfigError(f"{name} must be one of: {', '.join(CHOICES[name])} (got {value!r})")


#: A protected term (a string) or a file of protected terms (a path).
ProtectItem = Union[str, "os.PathLike[str]"]


class Options(TypedDict, total=False):
    """The keyword options of ``ybtext.clean``, ``clean_and_explain`` and ``Cleaner``: the fields of
    :class:`Config`, plus ``keep_boilerplate`` (``keep_boilerplate=True`` is ``boilerplate=False``)."""

    script: ScriptMode
    boilerplate: bool
    layout: bool
    punctuation: bool
    spin: SpinMode
    ocr: OcrMode
    fullwidth_ascii: bool
    wordlists: "tuple[str | os.PathLike[str], ...] | list[str | os.PathLike[str]] | str | os.PathLike[str]"
    protect: "tuple[ProtectItem, ...] | list[ProtectItem] | ProtectItem"
    keep_boilerplate: bool


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
    - ``ocr``: correct look-alike and sound-alike character errors: True (or ``"on"``) corrects
      listed typo forms; ``"context"`` also judges confusable characters with the word trigram
      model (opt-in: slower, 1-2 s more at first use, low recall); False (or ``"off"``) turns
      the step off.
    - ``fullwidth_ascii``: in the punctuation step, turn full-width digits and Latin letters into ASCII.
    - ``wordlists``: user wordlists (paths; the format of ``ybtext wordlists lint``, columns spun and
      original): their pairs are restored wherever the spun form occurs while the spin step runs.
    - ``protect``: terms no step may edit: strings, or paths of files with one term per line.
    """

    script: ScriptMode = "auto"
    boilerplate: bool = True
    layout: bool = True
    punctuation: bool = True
    spin: SpinMode = "auto"
    ocr: OcrMode = True
    fullwidth_ascii: bool = True
    wordlists: tuple[str, ...] = ()
    protect: tuple[str | Path, ...] = ()

    def __post_init__(self) -> None:
        for name in ("boilerplate", "layout", "punctuation", "fullwidth_ascii"):
            if not isinstance(getattr(self, name), bool):
                raise ConfigError(f"{name} must be True or False (got {getattr(self, name)!r})")
        if not isinstance(self.spin, str) or self.spin not in CHOICES["spin"]:
            raise _choices_error("spin", self.spin)
        if isinstance(self.ocr, str) and self.ocr in ("on", "off"):
            object.__setattr__(self, "ocr", self.ocr == "on")  # one value each for on and off
        elif not isinstance(self.ocr, bool) and not (isinstance(self.ocr, str) and self.ocr in CHOICES["ocr"]):
            raise ConfigError(f"ocr must be True, False or one of: {', '.join(CHOICES['ocr'])} (got {self.ocr!r})")
        if self.script == "off":
            object.__setattr__(self, "script", None)  # one value for "off"
        elif self.script is not None and (not isinstance(self.script, str) or self.script not in CHOICES["script"]):
            raise _choices_error("script", self.script)
        # Only paths and strings are stored (frozen, hashable, picklable); files are read on first use.
        wordlists: Any = self.wordlists
        if isinstance(wordlists, (str, os.PathLike)):
            wordlists = (wordlists,)
        if not isinstance(wordlists, (tuple, list)) or not all(
                isinstance(p, (str, os.PathLike)) and os.fspath(p) for p in wordlists):
            raise ConfigError(f"wordlists must be a list of file paths (got {self.wordlists!r})")
        object.__setattr__(self, "wordlists", tuple(os.fspath(p) for p in wordlists))
        protect: Any = self.protect
        if isinstance(protect, (str, os.PathLike)):
            protect = (protect,)
        if not isinstance(protect, (tuple, list)):
            raise ConfigError(f"protect must be a list of terms (str) or files (pathlib.Path) (got {self.protect!r})")
        items: list[str | Path] = []
        for item in protect:
            if isinstance(item, str):
                if not item.strip() or "\n" in item:
                    raise ConfigError(f"protect: a term must be non-blank and on one line (got {item!r})")
                items.append(item)
            elif isinstance(item, os.PathLike):
                items.append(Path(item))
            else:
                raise ConfigError(f"protect must hold terms (str) or files (pathlib.Path) (got {item!r})")
        object.__setattr__(self, "protect", tuple(items))

    @classmethod
    def from_file(cls, path: str | os.PathLike[str], **options: Any) -> "Config":
        """A Config from a TOML file whose keys are Config field names; ``options`` override it.

        Paths in ``wordlists`` and ``protect`` (files, in the file: a TOML string there is a path)
        are relative to the directory of the file. Errors name the file (and the key, or the line
        of a TOML syntax error) and raise ConfigError.
        """
        from ._configfile import read_config_file

        return cls.from_options(read_config_file(path), **options)

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
        """Whether the pipeline step ``step`` (a name of :data:`STEPS`) runs."""
        value = getattr(self, step)
        return value not in (False, None, "off")

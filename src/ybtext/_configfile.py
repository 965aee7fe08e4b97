"""Configuration files (``ybtext clean --config ybtext.toml``, ``Config.from_file``).

A TOML file whose top-level keys are the fields of :class:`~ybtext.config.Config` (and
``keep_boilerplate``)::

    spin = "force"
    script = "none"              # "none" is None, as on the command line
    wordlists = ["school.tsv"]   # paths, relative to this file
    protect = ["terms.txt"]      # files of protected terms, relative to this file

Every problem raises ConfigError with a one-line message naming the file, and the key (or, for a
TOML syntax error, the line).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from pathlib import Path
from typing import Any

from .config import Config
from .errors import ConfigError

__all__ = ["read_config_file"]

_PATH_KEYS = ("wordlists", "protect")


def read_config_file(path: str | os.PathLike[str]) -> Config:
    """The Config a TOML file describes (fields not in the file keep their defaults)."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as f:
            data = tomllib.load(f)
    except OSError as err:
        raise ConfigError(f"{name}: cannot read: {err.strerror or err}") from err
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{name}: not valid TOML: {err}") from err
    except UnicodeDecodeError as err:
        raise ConfigError(f"{name}: not UTF-8 ({err.reason} at byte {err.start})") from err
    fields = [f.name for f in dataclasses.fields(Config)]
    options: dict[str, Any] = {}
    base = Path(name).parent
    for key, value in data.items():
        if key not in fields and key != "keep_boilerplate":
            raise ConfigError(f"{name}: unknown key {key!r} (the keys are {', '.join(fields)}, keep_boilerplate)")
        if key in _PATH_KEYS:
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(v, str) and v for v in items):
                raise ConfigError(f"{name}: {key}: expected a path or a list of paths, not {value!r}")
            paths = [base / v for v in items]
            value = tuple(os.fspath(p) for p in paths) if key == "wordlists" else tuple(paths)
        elif isinstance(value, str) and value.lower() == "none":
            value = None
        options[key] = value
    try:
        return Config.from_options(**options)
    except ConfigError as err:
        raise ConfigError(f"{name}: {err}") from err

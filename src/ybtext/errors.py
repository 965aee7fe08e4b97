"""Exceptions raised by ybtext. Every error the library raises on purpose derives from YbtextError."""

from __future__ import annotations

__all__ = ["YbtextError", "ConfigError", "WordlistError", "InputError"]


class YbtextError(Exception):
    """Base class of every error ybtext raises on purpose."""


class ConfigError(YbtextError, ValueError):
    """An option has a value ybtext does not accept."""


class InputError(YbtextError):
    """Input that cannot be read as text (undecodable bytes, binary data, bad JSON Lines)."""


class WordlistError(YbtextError):
    """A wordlist file is malformed. Names the file and the line."""

    def __init__(self, source: str, line: int | None, message: str) -> None:
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[type[WordlistError], tuple[str, int | None, str]]:  # picklable, so a worker process can report it to its parent
        return (type(self), (self.source, self.line, self.message))

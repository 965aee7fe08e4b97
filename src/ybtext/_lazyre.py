"""Named regular expressions compiled the first time each is looked up.

A step's pattern table names a dozen expressions, and a document usually needs a few of them:
compiling the rest (a Han character class alone costs ~1-3 ms in ``re``'s Python compiler) only
made the first ``clean()`` slower.
"""

from __future__ import annotations

import re
from typing import Callable

__all__ = ["Patterns"]


class Patterns(dict[str, re.Pattern[str]]):
    """``name -> re.Pattern``, each compiled on its first look-up (``p["name"]``) by the function
    given for it. Iterating, ``in`` and ``len`` see only the patterns compiled so far; an unknown
    name raises KeyError."""

    __slots__ = ("_make",)

    def __init__(self, make: dict[str, Callable[[], re.Pattern[str]]]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, name: str) -> re.Pattern[str]:
        return self.setdefault(name, self._make[name]())

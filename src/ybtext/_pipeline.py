"""The pipeline: an ordered tuple of named steps, each a pure function ``step(text, config) -> Cleaned``."""

from __future__ import annotations

import importlib
from typing import Callable, Iterable, Iterator, Unpack

from ._edits import Cleaned, Edit, Notice, compose
from .config import STEPS, Config, Options

__all__ = ["Cleaner", "clean", "clean_and_explain"]

#: At most this many passes of the steps from boilerplate on (see Cleaner.clean_and_explain).
_ROUNDS = 4

StepFunction = Callable[[str, Config], Cleaned]


def _step_function(name: str) -> StepFunction:
    # Step modules are imported on first use, so `import ybtext` stays cheap.
    step: StepFunction = importlib.import_module(f"ybtext.{name}").step
    return step


class Cleaner:
    """A reusable cleaner: a frozen :class:`Config` and the steps it runs.

    Wordlists (shipped and the user's, ``Config.wordlists``) and protected terms
    (``Config.protect``) are loaded on first use and cached per process. A Cleaner pickles as its
    config only, so it can be shipped to worker processes, which load their own wordlists.

    ``Cleaner(config)``, ``Cleaner(**options)`` or ``Cleaner(config, **options)`` (options
    override the config's fields). A misspelt option raises TypeError, a bad value ConfigError.
    """

    __slots__ = ("config", "_steps")

    def __init__(self, config: Config | None = None, **options: Unpack[Options]) -> None:
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
        """``(name, step function)`` of the steps this config runs, in pipeline order."""
        if self._steps is None:
            self._steps = tuple((n, _step_function(n)) for n in STEPS if self.config.enabled(n))
        return self._steps

    def load(self) -> "Cleaner":
        """Read the user's files now (``Config.wordlists``, ``Config.protect``) rather than at the
        first document, so a bad file raises (WordlistError naming file and line) before any work."""
        from ._userlists import load_all

        load_all(self.config.wordlists, self.config.protect)
        return self

    def clean_and_explain(self, text: str) -> Cleaned:
        """Clean one document: the text, every edit (in pipeline order) and what was only noticed.

        ``apply_edits(text, result.edits) == result.text``. Raises TypeError if ``text`` is not a str.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        edits: list[Edit] = []
        notices: list[Notice] = []
        guard = None
        if self.config.protect:
            from ._userlists import protect, protected_terms

            guard = protected_terms(self.config.protect)
        spin = None
        steps = self.steps
        last: tuple[int, str] = (0, text)
        edits_of_last: tuple[Edit, ...] = ()
        judged = text
        for rounds in range(_ROUNDS):
            changed = False  # did this round change the text?
            for name, fn in steps:
                if name == "boilerplate":
                    judged = text  # the text boilerplate judges in this round
                result = fn(text, self.config)
                if guard is not None:
                    result = protect(text, result, guard)
                if rounds and name == "boilerplate" and not changed:
                    if not result.edits:
                        return Cleaned(text, tuple(edits), tuple(notices), spin)
                    if edits[-1].step == name:  # no step changed the text since its last pass
                        del edits[last[0]:]
                        text = last[1]
                        result = compose(name, text, edits_of_last, result.edits)
                if result.edits:
                    last = (len(edits), text)  # where this step's edits start, the text it received
                    edits_of_last = result.edits
                text = result.text
                edits.extend(result.edits)
                if not rounds:  # a later round finds the notices of the first again
                    notices.extend(result.notices)
                spin = spin or result.spin
                changed = changed or bool(result.edits)
            # Boilerplate judges lines by their length and wording, which edits change (spin
            # shortens 经由过程 to 通过, punctuation drops a space, a page counter cut out of a line
            # joins it to the next): judged again as they now read, a line can turn out to be
            # furniture. So a changed text is judged again, and only if boilerplate then finds
            # something do the steps from boilerplate on run again: clean(clean(x)) == clean(x).
            # Text that no step changed is judged once.
            names = [n for n, _ in steps]
            if not changed:
                break
            # The script step decides per document (the share of Traditional-only characters among
            # the Han ones, against the Simplified-only ones), and later edits change those counts
            # (经由过程 -> 通过 takes out a Simplified-only 经): where its decision on the output
            # differs, every step runs again from it.
            if names[0] == "script" and len(names) > 1:
                again = steps[0][1](text, self.config)
                if guard is not None:
                    again = protect(text, again, guard)
                if again.edits:
                    steps = self.steps
                    continue
            if "boilerplate" not in names:
                break
            from .boilerplate import may_judge_again

            if not may_judge_again(judged, text):
                break
            steps = steps[names.index("boilerplate"):]
        return Cleaned(text, tuple(edits), tuple(notices), spin)

    def clean(self, text: str) -> str:
        """Clean one document and return the cleaned text."""
        return self.clean_and_explain(text).text

    def clean_batch(self, texts: Iterable[str]) -> list[str]:
        """Clean every document of ``texts``; the cleaned texts, in order."""
        return [self.clean(t) for t in texts]

    def clean_iter(self, texts: Iterable[str]) -> Iterator[str]:
        """Clean documents as they come: yields each cleaned text in input order (constant memory)."""
        for t in texts:
            yield self.clean(t)


_DEFAULT: Cleaner | None = None


def _cleaner(options: Options) -> Cleaner:
    global _DEFAULT
    if options:
        return Cleaner(**options)
    if _DEFAULT is None:
        _DEFAULT = Cleaner()
    return _DEFAULT


def clean(text: str, **options: Unpack[Options]) -> str:
    """Clean one document and return the text.

    Options are the fields of :class:`Config` (``spin="force"``, ``script=None``,
    ``wordlists=("my.tsv",)``, ``protect=("平安校园",)``, ...) and ``keep_boilerplate``. For many
    documents build a :class:`Cleaner` once.
    """
    return _cleaner(options).clean(text)


def clean_and_explain(text: str, **options: Unpack[Options]) -> Cleaned:
    """Clean one document and return ``Cleaned(text, edits, notices)``; options as for :func:`clean`.

    Each edit's span refers to the text its step received: ``apply_edits(text, result.edits)``
    replays them and gives ``result.text``.
    """
    return _cleaner(options).clean_and_explain(text)

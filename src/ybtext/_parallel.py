"""Batch machinery for the command line: ordered parallel cleaning, run statistics, progress.

    >>> from ybtext import Cleaner
    >>> from ybtext._parallel import RunStats, parallel_map, progress
    >>> stats = RunStats()
    >>> for outcome in progress(parallel_map(Cleaner(), texts, jobs=2, report=True)):  # doctest: +SKIP
    ...     row = stats.add(outcome, source="a.jsonl", index=i)
    ...     write(outcome.cleaned.text)
    >>> print(stats.summary(), file=sys.stderr)                                        # doctest: +SKIP

``parallel_map`` keeps input order and holds only a bounded window of documents in flight, so it
streams: the input iterable is read lazily, never all at once.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
import time
from collections import Counter, deque
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from typing import Any, Callable, Iterable, Iterator, NamedTuple, TextIO, TypeVar

from ._edits import Cleaned
from ._pipeline import Cleaner
from .config import STEPS
from .detect import SpinReport, detect_spin
from .errors import ConfigError
from .report import Triage, triage

__all__ = ["Outcome", "RunStats", "ordered_pool", "parallel_map", "progress", "resolve_jobs"]

T = TypeVar("T")
R = TypeVar("R")


class Outcome(NamedTuple):
    """One document's result in report mode: the input size, what cleaning did, the spin verdict
    and, with ``report="triage"``, the document's triage (its spin verdict, then also ``spin``, is
    on the text the spin step received, as in the pipeline; else on the input)."""

    chars: int
    cleaned: Cleaned
    spin: SpinReport
    triage: Triage | None = None


def resolve_jobs(jobs: int) -> int:
    """``jobs`` as a worker count: 0 means every core this process may use; negative is an error."""
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise ConfigError(f"jobs must be an integer >= 0 (0 = all cores), not {jobs!r}")
    if jobs:
        return jobs
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# --- worker side ------------------------------------------------------------------------------
# The cleaner is shipped once per worker (it pickles as its Config) rather than with every chunk.

_WORKER: Cleaner | None = None


def _init_worker(cleaner: Cleaner) -> None:
    global _WORKER
    _WORKER = cleaner


def _start_worker(setup: Callable[..., None] | None, args: tuple[Any, ...]) -> None:
    # A forked worker inherits the command's SIGTERM handler (which unwinds the parent's run):
    # a worker just ends; the parent, which holds the outputs, cleans up.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if setup is not None:
        setup(*args)


def _run(cleaner: Cleaner, texts: list[str], report: bool | str) -> list[Any]:
    if not report:
        return [cleaner.clean(t) for t in texts]
    if report != "triage":
        return [Outcome(len(t), cleaner.clean_and_explain(t), detect_spin(t)) for t in texts]
    outcomes = []
    for t in texts:
        cleaned = cleaner.clean_and_explain(t)
        tri = triage(t, cleaned)
        outcomes.append(Outcome(len(t), cleaned, tri.spin, tri))
    return outcomes


def _run_in_worker(texts: list[str], report: bool | str) -> list[Any]:
    assert _WORKER is not None, "worker was not initialised"
    return _run(_WORKER, texts, report)


def _chunks(texts: Iterable[str], size: int, max_chars: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    chars = 0
    try:
        for t in texts:
            chunk.append(t)
            chars += len(t)
            if len(chunk) >= size or chars >= max_chars:
                yield chunk
                chunk, chars = [], 0
    except Exception:  # the input failed: hand over what was read, then the error
        if chunk:
            yield chunk
        raise
    if chunk:
        yield chunk


def parallel_map(cleaner: Cleaner, texts: Iterable[str], jobs: int = 1, *, report: bool | str = False,
                 chunksize: int = 64, max_chunk_chars: int = 1 << 15) -> Iterator[Any]:
    """Clean ``texts`` with ``jobs`` worker processes and yield results in input order.

    Yields the cleaned ``str`` of each text, or with ``report=True`` an :class:`Outcome` (input
    length, ``Cleaned`` with edits, ``detect_spin`` report of the input); ``report="triage"`` adds each
    document's triage, for its ``--report`` row. ``jobs=1`` runs in this
    process; ``jobs=0`` uses every core. Texts travel in chunks of at most ``chunksize`` documents
    or ``max_chunk_chars`` characters (32K: a tenth of a second of work or less on spun text, so
    that a few dozen files still spread evenly over the workers and the last chunk leaves little
    for one worker alone); at most ``2 * jobs + 1`` chunks are in flight, so memory stays bounded
    however long the input is.
    """
    if not isinstance(cleaner, Cleaner):
        raise TypeError(f"cleaner must be a ybtext.Cleaner, not {type(cleaner).__name__}")
    if chunksize < 1 or max_chunk_chars < 1:
        raise ConfigError("chunksize and max_chunk_chars must be >= 1")
    workers = resolve_jobs(jobs)
    return _serial(cleaner, texts, report) if workers == 1 else _pooled(cleaner, texts, report, workers,
                                                                          chunksize, max_chunk_chars)


def _serial(cleaner: Cleaner, texts: Iterable[str], report: bool | str) -> Iterator[Any]:
    for t in texts:
        yield _run(cleaner, [t], report)[0]


def _pooled(cleaner: Cleaner, texts: Iterable[str], report: bool | str, workers: int, chunksize: int,
            max_chunk_chars: int) -> Iterator[Any]:
    if multiprocessing.get_start_method() == "fork":
        cleaner.clean("")  # load the wordlists once, here: forked workers inherit them
        if cleaner.config.enabled("spin"):
            from ._context_model import model

            model()  # ... and the context model (memory-mapped: the page cache shares it anyway)
    work = partial(_run_in_worker, report=report)
    for results in ordered_pool(work, _chunks(texts, chunksize, max_chunk_chars), workers,
                                setup=_init_worker, setup_args=(cleaner,)):
        yield from results


def ordered_pool(work: Callable[[T], R], chunks: Iterator[T], workers: int, *, window: int | None = None,
                 setup: Callable[..., None] | None = None, setup_args: tuple[Any, ...] = ()) -> Iterator[R]:
    """``work(chunk)`` for each of ``chunks`` in ``workers`` processes, yielded in chunk order.

    ``chunks`` is read lazily, each chunk just before it is submitted (after the results before it
    were yielded, but for those in flight), and at most ``window`` chunks are in flight (submitted,
    or done but not yet yielded; default ``2 * workers + 1``), so memory stays bounded however long
    the input is: the window keeps every worker busy while the parent consumes a result. Each
    worker runs ``setup(*setup_args)`` once (after restoring the default SIGTERM action); ``work``
    and ``setup`` must pickle (module level functions, or ``functools.partial`` of them). Warm
    whatever the workers share before calling this: under the fork start method they inherit it.
    When reading ``chunks`` fails, the results of the chunks read before are yielded first, then
    the error is raised, as serially; when the consumer stops early or a worker fails, the chunks
    still queued are cancelled.
    """
    window = 2 * workers + 1 if window is None else max(1, window)
    pending: deque[Future[R]] = deque()
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(setup, setup_args)) as pool:
        try:
            while True:
                try:
                    chunk = next(chunks)
                except StopIteration:
                    break
                except Exception:  # reading the input failed: first yield what was read before, as serially
                    while pending:
                        yield pending.popleft().result()
                    raise
                pending.append(pool.submit(work, chunk))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:  # the consumer stopped early or a worker failed: drop what is still queued
            for f in pending:
                f.cancel()


# --- statistics and the per-document report ---------------------------------------------------


class RunStats:
    """Totals of a batch run, and one report row per document (for ``--report FILE.jsonl``)."""

    def __init__(self) -> None:
        self.documents = 0
        self.characters = 0
        self.changed = 0
        self.spun = 0
        self.edits: Counter[str] = Counter()
        self.notices = 0
        self.started = time.perf_counter()

    def add(self, outcome: Outcome, *, source: str | None = None, index: int | None = None) -> dict[str, Any] | None:
        """Count one document and return its report row (a JSON-ready dict: docs/json-schema.md),
        None for an outcome without triage (``parallel_map(report=True)``)."""
        by_step = Counter(e.step for e in outcome.cleaned.edits)
        self.documents += 1
        self.characters += outcome.chars
        self.changed += bool(outcome.cleaned.edits)
        self.spun += outcome.spin.spun
        self.edits.update(by_step)
        self.notices += len(outcome.cleaned.notices)
        if outcome.triage is None:
            return None
        from ._result import document_result
        return document_result(source or "", index or 0, outcome.cleaned, outcome.triage)

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "characters": self.characters,
            "changed": self.changed,
            "spun": self.spun,
            "edits": sum(self.edits.values()),
            "edits_by_step": {s: self.edits[s] for s in STEPS if self.edits[s]},
            "notices": self.notices,
            "seconds": round(time.perf_counter() - self.started, 3),
        }

    def summary(self) -> str:
        """The end-of-run summary for stderr, a few lines of plain text."""
        d = self.as_dict()
        steps = ", ".join(f"{s} {n}" for s, n in d["edits_by_step"].items()) or "none"
        rate = d["characters"] / d["seconds"] / 1e6 if d["seconds"] else 0.0
        return (f"ybtext: {d['documents']} documents, {d['characters']} characters "
                f"in {d['seconds']:.1f}s ({rate:.1f} M chars/s); {d['changed']} changed, "
                f"{d['spun']} detected as spun\n"
                f"ybtext: {d['edits']} edits by step: {steps}; {d['notices']} notices")


def report_line(row: dict[str, Any]) -> str:
    """One ``--report`` JSON Lines record (UTF-8 kept readable, newline-terminated)."""
    return json.dumps(row, ensure_ascii=False) + "\n"


# --- progress ---------------------------------------------------------------------------------


def progress(iterable: Iterable[T], total: int | None = None, *, enabled: bool | None = None,
             desc: str = "ybtext", unit: str = "doc", stream: TextIO | None = None) -> Iterator[T]:
    """Yield from ``iterable`` while showing progress on stderr.

    ``enabled=None`` shows it only when stderr is a terminal (never in pipes or logs by default);
    ``True`` forces it (``--progress``). Uses tqdm when it is installed, else a one-line counter.
    """
    stream = sys.stderr if stream is None else stream
    if enabled is None:
        enabled = bool(getattr(stream, "isatty", lambda: False)())
    if not enabled:
        return iter(iterable)
    try:
        from tqdm import tqdm
    except ImportError:
        return _counter(iterable, total, desc, unit, stream)
    return iter(tqdm(iterable, total=total, desc=desc, unit=unit, file=stream, dynamic_ncols=True))


def _counter(iterable: Iterable[T], total: int | None, desc: str, unit: str,
             stream: TextIO) -> Iterator[T]:
    n = 0
    start = last = time.monotonic()

    def show() -> None:
        of = f"/{total}" if total is not None else ""
        rate = n / max(time.monotonic() - start, 1e-9)
        stream.write(f"\r{desc}: {n}{of} {unit}s ({rate:.0f} {unit}/s)")
        stream.flush()

    try:
        for item in iterable:
            yield item
            n += 1
            now = time.monotonic()
            if now - last >= 0.2:
                last = now
                show()
    finally:
        show()
        stream.write("\n")
        stream.flush()

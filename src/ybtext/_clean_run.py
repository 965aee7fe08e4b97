"""One ``ybtext clean`` run over its inputs: the documents read lazily in input order, their
cleaned texts written back in the same order into the run's :class:`~ybtext._io.Transaction`.

A document is a text file (or one block of a huge one, see :meth:`ybtext._io.Source.blocks`), or
the field of one JSON Lines line. Blank (or whitespace-only) JSON Lines lines are no documents:
they are written back as they stand, in their place. Reading may run ahead of writing (parallel cleaning keeps a
bounded window of documents in flight): :class:`CleanRun` remembers, in order, where each document
read goes back, and holds only that window.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections import deque
from typing import BinaryIO, Iterator, NamedTuple

from . import _io
from ._jsonl import field_value, replace_field
from .errors import InputError

__all__ = ["CleanRun", "Document", "Output", "count_documents", "report_path"]


@dataclasses.dataclass
class Output:
    """One input and the sink its cleaned text goes to."""

    source: str
    sink: BinaryIO | _Stdout
    unchanged: bool  # so far, what was written is the input's own bytes


class Document(NamedTuple):
    """One document read: where its cleaned text goes, and what is needed to write it there."""

    output: Output
    # the JSON Lines line number, or the block number in a text file (1 but for huge files);
    # the field shadows tuple.index, which is never called on a Document
    index: int  # type: ignore[assignment]
    original: str  # the JSON Lines line, or the text block
    where: str     # FILE:LINE for JSON Lines


class Blank(NamedTuple):
    """A blank JSON Lines line, written back unchanged in its place among the documents."""

    output: Output
    line: str


class CleanRun:
    """The documents of a ``clean`` run, read lazily in input order (:meth:`documents`), and their
    cleaned texts written back in the same order (:meth:`write`), however far reading runs ahead."""

    def __init__(self, plan: list[tuple[str, str | None]], tx: _io.Transaction, *, encoding: str | None,
                 jsonl: bool, field: str, in_place: bool) -> None:
        self.plan, self.tx = plan, tx
        # One text document to stdout: every error it can give (unreadable, binary, undecodable) is
        # found when it is opened, before its first block is cleaned, so each block goes out as
        # soon as it is cleaned (`ybtext clean big.txt | head` shows its first lines at once).
        # Otherwise stdout is held back until the whole run succeeded (nothing on error).
        self.stream = not jsonl and len(plan) == 1 and plan[0][1] is None
        self.encoding, self.jsonl, self.field, self.in_place = encoding, jsonl, field, in_place
        self.pending: deque[Document | Blank] = deque()  # read, not yet written back (a bounded window)
        self.open: deque[Output] = deque()       # outputs not yet finished

    def documents(self) -> Iterator[str]:
        for source, target in self.plan:
            if target is not None:
                sink: BinaryIO | _Stdout = self.tx.file(target)  # a temporary file, written block by block, renamed at the end
            else:
                sink = _Stdout() if self.stream else self.tx.stdout()
            with _io.Source(source, self.encoding) as src:
                out = Output(source, sink, src.codec == "utf-8")
                self.open.append(out)
                if not self.jsonl:
                    for i, block in enumerate(src.blocks(), start=1):
                        self.pending.append(Document(out, i, block, ""))
                        yield block
                    continue
                name = _io.display(src.name)
                for lineno, line in src.lines():
                    if not line.strip():
                        self.pending.append(Blank(out, line))
                        continue
                    where = f"{name}:{lineno}"
                    value = field_value(line, self.field, where)
                    self.pending.append(Document(out, lineno, line, where))
                    yield value

    def write(self, cleaned: str) -> Document:
        """Write the cleaned text of the next document read; returns that document."""
        self._blanks()
        doc = self.pending.popleft()
        assert isinstance(doc, Document)
        while self.open[0] is not doc.output:  # every document of the outputs before it was written
            self._finish(self.open.popleft())
        if self.jsonl:
            text = replace_field(doc.original, self.field, lambda _value: cleaned, doc.where)
            same = text is doc.original
        else:
            text, same = cleaned, cleaned == doc.original
        doc.output.unchanged = doc.output.unchanged and same
        doc.output.sink.write(text.encode("utf-8"))
        self._blanks()
        return doc

    def _blanks(self) -> None:
        """Write the blank lines read next, up to the next document."""
        while self.pending and isinstance(blank := self.pending[0], Blank):
            self.pending.popleft()
            blank.output.sink.write(blank.line.encode("utf-8"))

    def finish(self) -> None:
        self._blanks()
        while self.open:
            self._finish(self.open.popleft())

    def _finish(self, out: Output) -> None:
        if out.unchanged and self.in_place:
            self.tx.forget(out.sink)  # leave a file that would not change alone


class _Stdout:
    """Standard output, flushed after every write (a block of cleaned text)."""

    def write(self, data: bytes) -> int:
        out = sys.stdout.buffer
        n = out.write(data)
        out.flush()
        return n


def count_documents(plan: list[tuple[str, str | None]], jsonl: bool) -> int | None:
    """How many documents a text run has (for the progress bar), when known beforehand: one per
    file unless a file may be long enough to be cleaned in blocks."""
    if jsonl or any(src == _io.STDIN or os.path.getsize(src) > _io.STREAM_ABOVE for src, _ in plan):
        return None
    return len(plan)


def report_path(path: str, plan: list[tuple[str, str | None]]) -> str:
    """``--report FILE``, checked: a file name that is none of the inputs and outputs."""
    if path == "-":
        raise InputError("-: --report needs a file name")
    if os.path.exists(path):
        for name in {name for pair in plan for name in pair if name not in (None, _io.STDIN)}:
            if os.path.exists(name) and os.path.samefile(name, path):
                raise InputError(f"{path}: --report names an input or output file")
    return path

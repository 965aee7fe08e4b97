"""Reading documents and writing results for the command line.

Reading: a :class:`Source` opens an input as a seekable binary file (stdin is spooled to a
temporary file, so it can be read twice without holding it in memory) and checks it and finds
its encoding (a BOM, else UTF-8, else GB18030 or Big5, whichever reads as plausible Chinese):
:func:`decode` in memory for ordinary sizes,
:func:`sniff` in one constant-memory pass for very large inputs. Then the
source gives the whole document (:meth:`Source.text`), its lines (:meth:`Source.lines`, for JSON
Lines) or, for very large documents, blocks cut at paragraph ends (:meth:`Source.blocks`), both
in constant memory.

Writing: a :class:`Transaction` collects every output of a run (stdout is spooled, files go to a
temporary file in their own directory) and publishes them only when the whole run succeeded, each
file with one atomic ``os.replace`` and the permissions of the file it replaces. A run that stops
on an error writes nothing.

Every expected failure is an :class:`~ybtext.errors.InputError` whose message starts with the file
name: the command line prints it as ``ybtext: error: <message>``.
"""

from __future__ import annotations

import codecs
import errno
import io
import operator
import os
import re
import shutil
import stat
import sys
import tempfile
from types import TracebackType
from typing import BinaryIO, Iterator, cast

from .errors import InputError

__all__ = ["STDIN", "Source", "Transaction", "decode", "encoding_name", "open_source", "read_text", "sniff"]

#: The name standing for standard input, in arguments and in messages.
STDIN = "-"
SUPPORTED = "UTF-8, UTF-16 with a BOM, GB18030 or Big5"
_CHUNK = 1 << 16
_SPOOL = 16 << 20
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_ALIASES = {"utf-8": "utf-8-sig", "gbk": "gb18030", "gb2312": "gb18030", "big5": "cp950"}
#: Without a BOM or valid UTF-8: the legacy encodings weighed against each other (cp950 is Big5
#: with Microsoft's additions, a superset of the Big5 that Python's ``big5`` codec reads).
_LEGACY = ("gb18030", "cp950")
_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "gb18030": "GB18030", "cp950": "Big5"}
#: How much more plausible (share of common characters) one legacy reading must be than the other.
MARGIN = 0.2
#: Fewer non-ASCII characters than this: a close call is no evidence (read as GB18030).
MIN_EVIDENCE = 8
#: Bytes of a large input read to weigh the legacy encodings (its validity is checked in full).
_SAMPLE = 1 << 20


def display(name: str) -> str:
    return "<stdin>" if name == STDIN else name


def os_error(name: str, err: OSError) -> InputError:
    """An InputError naming the file, for an OSError met while reading or writing it."""
    what = {
        errno.ENOENT: "no such file or directory",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EISDIR: "is a directory",
    }.get(err.errno or 0, err.strerror or str(err))
    return InputError(f"{display(name)}: {what}")


def open_source(name: str) -> BinaryIO:
    """A seekable binary file for ``name`` (``-`` is standard input, spooled)."""
    if name == STDIN:
        spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL)
        shutil.copyfileobj(sys.stdin.buffer, spool, _CHUNK)
        spool.seek(0)
        return cast(BinaryIO, spool)  # typeshed: an IO[bytes], not a BinaryIO; it has all we use
    if os.path.isdir(name):
        raise InputError(f"{name}: is a directory")
    try:
        return open(name, "rb")
    except OSError as err:
        raise os_error(name, err) from err


def codec_for(encoding: str, name: str = STDIN) -> str:
    """The codec used for a user-given ``--encoding`` (a UTF-8 BOM is always dropped)."""
    try:
        canonical = codecs.lookup(encoding).name
    except LookupError as err:
        raise InputError(f"{display(name)}: unknown encoding {encoding!r}") from err
    return _ALIASES.get(canonical, canonical)


def encoding_name(codec: str) -> str:
    """The usual name of a codec :func:`decode` or :func:`sniff` returned (cp950: Big5)."""
    return _NAMES.get(codec, codec)


def sniff(f: BinaryIO, name: str, encoding: str | None = None) -> tuple[str, int]:
    """The codec to read ``f`` with and its length in characters; rewinds ``f``.

    ``encoding`` (``--encoding``) overrides detection. Otherwise: a BOM decides (UTF-8, UTF-16);
    without one, valid UTF-8 is UTF-8; else GB18030 (a superset of GBK and GB2312) and Big5 (as
    cp950) are both tried, and where both read the bytes, the one whose text is clearly more
    plausible Chinese wins (see :func:`plausibility`; a close call is an InputError asking for
    ``--encoding``). NUL characters mean a binary file in every case. Raises InputError for binary
    or undecodable data. Constant memory: one pass per candidate, the plausibility of the legacy
    encodings judged on the first :data:`_SAMPLE` bytes.
    """
    head = f.read(4)
    f.seek(0)
    problem = ""
    valid: dict[str, int] = {}
    for codec in _candidates(head, name, encoding):
        problem, length = _scan(f, codec)
        f.seek(0)
        if not problem:
            if codec not in _LEGACY:
                return codec, length
            valid[codec] = length
        elif problem == "binary":
            break
    if valid:
        sample = f.read(_SAMPLE)
        f.seek(0)
        texts = {codec: codecs.getincrementaldecoder(codec)().decode(sample, final=False) for codec in valid}
        codec = _weigh(texts, name)
        return codec, valid[codec]
    raise _undecodable(problem, name, encoding)


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """``(codec, text)`` for a whole document held in memory: the rules of :func:`sniff`."""
    problem = ""
    valid: dict[str, str] = {}
    for codec in _candidates(data[:4], name, encoding):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as err:
            problem = f"{err.reason} at byte {err.start}"
            continue
        if "\x00" in text:
            problem = "binary"
            break
        if codec not in _LEGACY:
            return codec, text
        valid[codec] = text
    if valid:
        codec = _weigh(valid, name)
        return codec, valid[codec]
    raise _undecodable(problem, name, encoding)


def _candidates(head: bytes, name: str, encoding: str | None) -> list[str]:
    if encoding is not None:
        return [codec_for(encoding, name)]
    bom = next((codec for mark, codec in _BOMS if head.startswith(mark)), None)
    return [bom] if bom else ["utf-8", *_LEGACY]


def _weigh(texts: dict[str, str], name: str) -> str:
    """The legacy codec whose reading of the bytes is clearly (by :data:`MARGIN`) the more
    plausible. A close call on a text of fewer than :data:`MIN_EVIDENCE` non-ASCII characters
    stays GB18030 (too short to tell; GB18030 is what such files were read as before Big5 was
    recognized); on a longer one it is an InputError asking for ``--encoding``."""
    if len(texts) == 1:
        return next(iter(texts))
    gb, big5 = (texts[c][:_SAMPLE] for c in _LEGACY)
    lead = plausibility(big5) - plausibility(gb)
    if lead >= MARGIN:
        return "cp950"
    if lead <= -MARGIN or sum(c >= "\x80" for c in gb) < MIN_EVIDENCE:
        return "gb18030"
    raise InputError(f"{display(name)}: cannot tell whether this is GB18030 or Big5; "
                     f"name it with --encoding (e.g. --encoding big5 or --encoding gb18030)")


def plausibility(text: str) -> float:
    """The share of the non-ASCII characters of ``text`` that Chinese text commonly uses: the
    6,000 most frequent Han characters in their Simplified and Traditional forms
    (wordlists/boilerplate-common-chars.tsv) and CJK or full-width punctuation. Text read with the
    wrong legacy encoding is mostly rare characters, kana, bopomofo or Cyrillic (Big5 read as
    GB18030 scores about 0.5, a right reading above 0.9). 0.0 for text without non-ASCII."""
    common = _common_chars()
    total = hits = 0
    for c in text:
        if c < "\x80":
            continue
        total += 1
        if c in common or "\u3000" <= c <= "\u303f" or "\uff01" <= c <= "\uff5e" or c in "\u2014\u2026\u201c\u201d\u2018\u2019\u00b7":
            hits += 1
    return hits / total if total else 0.0


_COMMON: frozenset[str] | None = None


def _common_chars() -> frozenset[str]:
    global _COMMON
    if _COMMON is None:
        from ._wordlists import load_columns

        _COMMON = frozenset(load_columns("boilerplate-common-chars.tsv", "char")[0])
    return _COMMON


def _undecodable(problem: str, name: str, encoding: str | None) -> InputError:
    if problem == "binary":
        return InputError(f"{display(name)}: binary file (contains NUL bytes)")
    if encoding is not None:
        return InputError(f"{display(name)}: not valid {encoding} ({problem})")
    return InputError(f"{display(name)}: binary or undecodable file (not {SUPPORTED})")


def _scan(f: BinaryIO, codec: str) -> tuple[str, int]:
    """Decode all of ``f`` in chunks: ("", characters) for clean text, else (what is wrong, 0)."""
    decoder = codecs.getincrementaldecoder(codec)()
    offset = length = 0
    while True:
        chunk = f.read(_CHUNK)
        try:
            text = decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as err:
            return f"{err.reason} at byte {offset + err.start}", 0
        if "\x00" in text:
            return "binary", 0
        length += len(text)
        if not chunk:
            return "", length
        offset += len(chunk)


class Source:
    """An input opened for reading: ``with Source(name, encoding) as src: ...``.

    Opening checks the whole input (readable, not binary, decodable) before anything is read
    from it, so a bad input fails before any output is produced. ``codec`` is the codec used and
    ``length`` the length in characters. Inputs up to :data:`WHOLE_BELOW` bytes are decoded
    once, in memory; larger ones are checked in one pass and then read again piece by piece.
    """

    def __init__(self, name: str, encoding: str | None = None) -> None:
        self.name = name
        self._file = open_source(name)
        self._text: str | None = None
        try:
            size = self._file.seek(0, os.SEEK_END)
            self._file.seek(0)
            if size <= WHOLE_BELOW:
                self.codec, self._text = decode(self._file.read(), name, encoding)
                self.length = len(self._text)
            else:
                self.codec, self.length = sniff(self._file, name, encoding)
        except BaseException:
            self._file.close()
            raise

    def __enter__(self) -> "Source":
        return self

    def __exit__(self, *exc: object) -> None:
        self._file.close()

    def text(self) -> str:
        """The whole document."""
        if self._text is not None:
            return self._text
        return self._file.read().decode(self.codec)

    def _reader(self) -> io.TextIOBase:
        return io.TextIOWrapper(self._file, encoding=self.codec, newline="")

    def lines(self) -> Iterator[tuple[int, str]]:
        """``(line number, line)`` pairs, line endings kept, in constant memory. Lines end at
        ``\n``, ``\r\n`` or ``\r`` (as a reader with ``newline=""`` cuts them); a text already in
        memory is cut where it stands (a StringIO would copy it at four bytes a character)."""
        if self._text is not None:
            yield from enumerate(map(_group, _LINE.finditer(self._text)), start=1)
            return
        reader = self._reader()
        try:
            yield from enumerate(reader, start=1)
        finally:
            _release(reader)

    def blocks(self) -> Iterator[str]:
        """The document in one piece, or, above :data:`STREAM_ABOVE` characters, in blocks of about
        :data:`BLOCK` characters cut after a blank line (else after a line end), in constant memory.

        Cuts depend on the characters only, so the same document in any encoding is cut alike.
        """
        if self.length <= STREAM_ABOVE:
            yield self.text()
            return
        carry = ""
        for chunk in self._chunks():
            buf = carry + chunk
            cut = _cut(buf)
            if cut:
                yield buf[:cut]
            carry = buf[cut:]
        if carry:
            yield carry

    def _chunks(self) -> Iterator[str]:
        """:data:`BLOCK` characters at a time (the last piece shorter). A text already in memory is
        sliced: a StringIO over it would hold a second copy, four bytes a character (44 MB for
        a 32 MB file)."""
        if self._text is not None:
            text = self._text
            for start in range(0, len(text), BLOCK):
                yield text[start:start + BLOCK]
            return
        reader = self._reader()
        try:
            while chunk := reader.read(BLOCK):
                yield chunk
        finally:
            _release(reader)


def _release(reader: io.TextIOBase) -> None:
    """Let go of a reader without closing the file under it (the Source closes that)."""
    if isinstance(reader, io.TextIOWrapper):
        reader.detach()


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_group = operator.methodcaller("group")

#: Inputs up to this many bytes are decoded in memory in one go (faster than two passes).
WHOLE_BELOW = 1 << 25
#: Documents longer than this (in characters) are cleaned in blocks; see Source.blocks.
STREAM_ABOVE = 1 << 21
#: About this many characters a block: a block is cleaned as one document, and what the steps hold
#: while they clean one (the spin step's matches and windows, the edits) grows with it; at 1 << 20
#: `ybtext clean` peaked at 293 MB on a 20 MB text file, at 1 << 18 at 225 MB (and ran faster).
BLOCK = 1 << 18


def _cut(buf: str) -> int:
    """Where to end a block in ``buf``: after its last blank line (if in the second half), else
    after its last line end;
    0 (wait for more) while ``buf`` is short; a line longer than 4 blocks is cut where it stands."""
    blank = max(buf.rfind("\n\n"), buf.rfind("\n\r\n"))
    if blank >= len(buf) // 2:
        return buf.index("\n", blank + 1) + 1
    line = buf.rfind("\n")
    if line >= 0:
        return line + 1
    return len(buf) if len(buf) >= 4 * BLOCK else 0


def read_text(name: str, encoding: str | None = None) -> str:
    """The whole document ``name`` (``-``: stdin) as text."""
    with Source(name, encoding) as src:
        return src.text()


class Transaction:
    """The outputs of one run, published together by :meth:`commit` or dropped by :meth:`discard`.

    Use as a context manager: leaving it normally commits, leaving it by an exception discards.
    """

    def __init__(self) -> None:
        self._stdout: BinaryIO | None = None
        self._files: list[tuple[BinaryIO, str, str, os.stat_result | None]] = []
        self._targets: set[str] = set()
        self._made: list[str] = []

    def __enter__(self) -> "Transaction":
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()

    def stdout(self) -> BinaryIO:
        """A binary sink copied to ``sys.stdout.buffer`` on commit."""
        if self._stdout is None:
            # typeshed: SpooledTemporaryFile is an IO[bytes], not a BinaryIO; it has all we use
            self._stdout = cast(BinaryIO, tempfile.SpooledTemporaryFile(max_size=_SPOOL))
        return self._stdout

    def file(self, path: str) -> BinaryIO:
        """A binary sink that becomes ``path`` on commit, keeping the mode (and, where allowed,
        the owner) of a file it replaces."""
        path = os.path.normpath(path)
        key = os.path.realpath(path)
        if key in self._targets:
            raise InputError(f"{path}: two inputs would be written to this same output")
        self._targets.add(key)
        directory = os.path.dirname(path) or "."
        try:
            self._makedirs(directory)
            like = os.stat(path) if os.path.exists(path) else None
            fd, tmp = tempfile.mkstemp(dir=directory, prefix=".ybtext-", suffix=".tmp")
        except OSError as err:
            raise os_error(getattr(err, "filename", None) or path, err) from err
        sink = os.fdopen(fd, "wb")
        self._files.append((sink, tmp, path, like))
        return sink

    def _makedirs(self, directory: str) -> None:
        missing = []
        while directory and not os.path.isdir(directory):
            missing.append(directory)
            parent = os.path.dirname(directory)
            if parent == directory:
                break
            directory = parent
        for d in reversed(missing):
            os.mkdir(d)
            self._made.append(d)

    def forget(self, sink: object) -> None:
        """Drop one pending file (its target stays as it is); any other sink is left alone."""
        for i, (pending, tmp, _path, _like) in enumerate(self._files):
            if pending is sink:
                pending.close()
                os.unlink(tmp)
                del self._files[i]
                return

    def commit(self) -> None:
        try:
            for sink, tmp, _path, like in self._files:
                sink.flush()
                os.fsync(sink.fileno())
                sink.close()
                os.chmod(tmp, stat.S_IMODE(like.st_mode) if like else _default_mode())
                if like and hasattr(os, "chown"):
                    try:
                        os.chown(tmp, like.st_uid, like.st_gid)
                    except PermissionError:
                        pass  # only root may give a file away; the mode is kept all the same
            for _sink, tmp, path, _like in self._files:
                os.replace(tmp, path)
        except OSError as err:
            self.discard()
            raise os_error(err.filename or "?", err) from err
        self._files = []
        self._made = []
        if self._stdout is not None:
            self._stdout.seek(0)
            out = sys.stdout.buffer
            shutil.copyfileobj(self._stdout, out, _CHUNK)
            out.flush()
            self._stdout.close()
            self._stdout = None

    def discard(self) -> None:
        for sink, tmp, _path, _like in self._files:
            sink.close()
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        self._files = []
        for d in reversed(self._made):
            try:
                os.rmdir(d)
            except OSError:
                pass
        self._made = []
        if self._stdout is not None:
            self._stdout.close()
            self._stdout = None


def _default_mode() -> int:
    """The mode a new file gets under the current umask (mkstemp's own 0600 would hide it)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


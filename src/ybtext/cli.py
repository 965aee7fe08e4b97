"""The ``ybtext`` command: ``main(argv) -> int``.

Exit status: 0 success, 1 ``check`` found something to change or ``wordlists lint`` found a
problem, 2 bad usage or bad input (one line ``ybtext: error: <file>: <what>`` on stderr, nothing
written). Output is always UTF-8.

Every subcommand is registered by a ``register(subparsers)`` function that sets
``handler=<function(args) -> int>``; modules named in :data:`COMMAND_MODULES` add their own the
same way.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import itertools
import importlib.resources
import json
import os
import re
import signal
import sys
import threading
from pathlib import Path
from typing import Callable, Iterator, NamedTuple, NoReturn

from . import _io
from ._pipeline import Cleaner
from ._plan import expand_inputs, plan_outputs
from ._version import __version__
from .config import CHOICES, Config
from .errors import InputError, YbtextError

__all__ = ["COMMAND_MODULES", "Document", "Parser", "add_document_options", "build_parser", "documents", "main"]

#: Modules with a ``register(subparsers)`` function adding more subcommands (imported when the
#: parser is built; keep their top level light).
COMMAND_MODULES: tuple[str, ...] = ("ybtext._cli_review", "ybtext._cli_learn")

EXAMPLES = """\
examples:
  ybtext clean doc.txt                      cleaned text to stdout
  ybtext clean doc.txt -o clean.txt         ... to a file
  ybtext clean -r scraped/ -o cleaned/      a directory tree, mirrored (*.txt by default)
  ybtext clean --in-place a.txt b.txt       rewrite files (atomically, permissions kept)
  cat doc.txt | ybtext clean                stdin to stdout
  ybtext clean --jsonl --field body in.jsonl -o out.jsonl
  ybtext clean --encoding gbk old.txt       override encoding detection
  ybtext explain doc.txt                    one line per edit: step, span, before, after, rule, confidence
  ybtext explain --format json doc.txt      one JSON object per document (docs/json-schema.md)
  ybtext check docs/*.txt                   exit 1 if cleaning would change anything
  ybtext detect -r docs/ --min-score        documents the detector calls spun
  ybtext review -r docs/ -o review.html     an HTML page of every edit
  ybtext wordlists lint my-list.tsv         check a wordlist (no PATH: the shipped ones)
  ybtext learn -r site/ -o site-spin.tsv    learn a site's spinner table from its pages
  ybtext clean --wordlist site-spin.tsv -r site/ -o cleaned/   ... and apply it
"""


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program stands so that it unwinds as on Ctrl-C: a pending
    transaction drops its temporary files (nothing half-written is left beside the inputs)."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def main(argv: list[str] | None = None) -> int:
    """Run the command; exit status 130 on Ctrl-C, 143 (128 + SIGTERM) on SIGTERM."""
    if threading.current_thread() is not threading.main_thread():  # signals go to the main thread only
        return _main(argv)
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return _main(argv)
    except Terminated:  # arrived outside the command (while parsing, or as it returned)
        return 128 + signal.SIGTERM
    finally:
        signal.signal(signal.SIGTERM, previous)


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and usage errors
        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
    try:
        code: int = args.handler(args)
        return code
    except YbtextError as err:
        _error(str(err))
    except BrokenPipeError:
        # The reader went away (``ybtext clean big.txt | head``): stop quietly, as a command killed
        # by SIGPIPE would (status 128 + 13); stdout goes to /dev/null so the final flush is silent.
        silence_stdout()
        return BROKEN_PIPE
    except OSError as err:
        _error(f"{err.filename or 'output'}: {err.strerror or err}")
    except Terminated:
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        return 130
    return 2


class Parser(argparse.ArgumentParser):
    """argparse whose usage errors are one line in words: ``ybtext: error: --spin must be one
    of: auto, off, force (got 'x') (see 'ybtext clean --help')``, exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"ybtext: error: {usage_message(message)} (see '{self.prog} --help')\n")


def usage_message(message: str) -> str:
    """argparse's ``argument --x: ...`` messages in the words of the rest of the command."""
    m = re.fullmatch(r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)", message, re.S)
    if m:
        name, choices = m[1].split("/")[-1], m[3].replace("'", "")
        if name == "COMMAND":
            return f"unknown command {m[2]} (commands: {choices})"
        return f"{name} must be one of: {choices} (got {m[2]})"
    m = re.fullmatch(r"argument (\S+): (.*)", message, re.S)
    if m:
        name, what = m[1].split("/")[-1], m[2]
        return f"{name} {what}" if what.startswith("must ") else f"{name}: {what}"
    return message


#: Exit status after the reader of stdout went away (``| head``): 128 + SIGPIPE, like ``cat``.
BROKEN_PIPE = 141


def silence_stdout() -> None:
    """Point stdout at /dev/null (after a broken pipe: nothing more can reach the reader, and
    Python's flush at exit must not fail loudly)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="ybtext",
        description="Turn damaged Chinese documents back into clean, faithful text, explaining every edit.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"ybtext {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in (register_clean, register_explain, register_check, register_wordlists):
        register(sub)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


# ---------------------------------------------------------------- options shared by subcommands

def add_cleaning_options(p: argparse.ArgumentParser) -> None:
    """One option per Config field: ``--no-STEP`` for switches, ``--FIELD VALUE`` for the rest."""
    g = p.add_argument_group("cleaning options (the fields of ybtext.Config)")
    docs = _field_docs()
    for f in dataclasses.fields(Config):
        flag = f.name.replace("_", "-")
        doc = docs.get(f.name, f"ybtext.Config.{f.name}")
        if isinstance(f.default, tuple):
            continue  # wordlists, protect: add_user_options
        if isinstance(f.default, bool) and f.name not in CHOICES:
            switch = f"--no-{flag}" if f.default else f"--{flag}"
            g.add_argument(switch, dest=f"opt_{f.name}", action="store_const", const=not f.default,
                           default=argparse.SUPPRESS, help=f"turn {'off' if f.default else 'on'}: {doc}")
        elif f.name in CHOICES:
            words = CHOICES[f.name]
            default = "off" if f.default is None or f.default is False else "on" if f.default is True else f.default
            if isinstance(f.default, bool):  # --no-ocr, as before the step took a word
                g.add_argument(f"--no-{flag}", dest=f"opt_{f.name}", action="store_const", const=False,
                               default=argparse.SUPPRESS, help=f"turn off: the same as --{flag} off")
            g.add_argument(f"--{flag}", dest=f"opt_{f.name}", metavar="{" + ",".join(words) + "}",
                           default=argparse.SUPPRESS, type=_choice_type(f.name),
                           help=f"{doc} (one of: {', '.join(words)}; default: {default})")
        else:
            g.add_argument(f"--{flag}", dest=f"opt_{f.name}", metavar="VALUE", default=argparse.SUPPRESS,
                           type=_option_type(f.default),
                           help=f"{doc} (default: {f.default}{'; write none for None' if 'None' in doc else ''})")
    add_user_options(g)


def add_user_options(g: argparse._ActionsContainer) -> None:
    """--config FILE, --wordlist FILE, --protect FILE (read by make_cleaner)."""
    g.add_argument("--config", metavar="FILE", dest="config_file",
                   help="a TOML file of these options (keys: the Config field names; paths relative to "
                        "the file); options given here override it")
    g.add_argument("--wordlist", metavar="FILE", action="append", dest="user_wordlists", default=[],
                   help="a user wordlist (columns spun, original; check it with 'ybtext wordlists lint'): "
                        "its pairs are restored wherever the spun form occurs; a table of 'ybtext learn' "
                        "is judged at each occurrence instead (repeatable)")
    g.add_argument("--protect", metavar="FILE", action="append", dest="user_protect", default=[],
                   help="a file of terms no step may edit, one per line, # comments (repeatable)")


def _field_docs() -> dict[str, str]:
    """``{field: help}`` from the ``- ``field``: text`` items of the Config docstring."""
    docs: dict[str, str] = {}
    for item in (Config.__doc__ or "").split("- ``")[1:]:
        name, _, text = item.partition("``: ")
        docs[name] = " ".join(text.split()).replace("``", "").replace("%", "%%")
    return docs


def _choice_type(name: str) -> Callable[[str], object]:
    """A value of CHOICES[name]; ``none`` (the word of earlier versions) is ``off``. ``script``'s
    ``off`` is stored as None."""
    words = CHOICES[name]

    def convert(value: str) -> object:
        word = "off" if value == "none" and "off" in words else value
        if word not in words:
            raise argparse.ArgumentTypeError(f"must be one of: {', '.join(words)} (got {value!r})")
        return None if (word == "off" and name == "script") else word
    return convert


def _option_type(default: object) -> Callable[[str], object]:
    def convert(value: str) -> object:
        if value.lower() == "none":
            return None
        if isinstance(default, (int, float)) and not isinstance(default, bool):
            try:
                return type(default)(value)
            except ValueError:
                raise argparse.ArgumentTypeError(f"expected a number, got {value!r}") from None
        return value
    return convert


def make_cleaner(args: argparse.Namespace) -> Cleaner:
    """A Cleaner with the options given on the command line (an option not given is absent), over
    those of ``--config FILE``; ``--wordlist`` and ``--protect`` add to the file's lists. The user's
    files are read here, so a bad one stops the run before any work."""
    fields = (f.name for f in dataclasses.fields(Config))
    options = {name: getattr(args, f"opt_{name}") for name in fields if hasattr(args, f"opt_{name}")}
    base = Config.from_file(args.config_file) if getattr(args, "config_file", None) else None
    if getattr(args, "user_wordlists", None):
        options["wordlists"] = (base.wordlists if base else ()) + tuple(args.user_wordlists)
    if getattr(args, "user_protect", None):
        options["protect"] = (base.protect if base else ()) + tuple(Path(p) for p in args.user_protect)
    return (Cleaner(base, **options) if base else Cleaner(**options)).load()


def add_document_options(p: argparse.ArgumentParser, verb: str) -> None:
    """The options naming the documents of a run, the same for every command that reads them:
    FILE arguments (none, or -, is stdin), -r DIR with --glob, --encoding, --jsonl with --field."""
    p.add_argument("files", nargs="*", metavar="FILE",
                   help="input files, or directories with -r; none, or -, reads stdin")
    g = p.add_argument_group("documents")
    g.add_argument("-r", "--recursive", action="store_true", help=f"{verb} the files under directory arguments")
    g.add_argument("--glob", metavar="PATTERN",
                   help=f"with -r, the file names to {verb} (default: *.txt, or *.jsonl with --jsonl)")
    g.add_argument("--encoding", metavar="NAME",
                   help="input encoding (default: detected: UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK, Big5)")
    g.add_argument("--jsonl", action="store_true", help=f"input is JSON Lines; {verb} one field per line")
    g.add_argument("--field", default="text", metavar="F", help="the JSON Lines field to read (default: text)")


class Document(NamedTuple):
    """One document of a run (see :func:`documents`)."""

    source: str  # the file as shown: its name, or <stdin>
    # the JSON Lines line number, or the block number in a text file (1 but for huge files);
    # the field shadows tuple.index, which is never called on a Document
    index: int  # type: ignore[assignment]
    where: str   # the source, with :LINE for JSON Lines (what messages name)
    text: str


def documents(args: argparse.Namespace, *, blocks: bool = False, note: bool = False) -> Iterator[Document]:
    """The documents named by :func:`add_document_options`, in order, read lazily: a whole text
    file (or, with ``blocks``, the blocks a huge one is cleaned in), or the ``--field`` of each
    non-blank JSON Lines line. Inputs are checked before anything is read (missing files,
    directories without -r); a bad input raises InputError naming it. With ``note``, say on
    stderr which encoding detection chose where it is not UTF-8."""
    for name, _rel in expand_inputs(args.files or [_io.STDIN], args.recursive, _pattern(args)):
        with _io.Source(name, args.encoding) as src:
            shown = _io.display(name)
            if note and args.encoding is None and _io.encoding_name(src.codec) != "UTF-8":
                sys.stderr.write(f"ybtext: note: {shown}: read as {_io.encoding_name(src.codec)} "
                                 f"(detected; --encoding overrides)\n")
            if args.jsonl:
                from ._jsonl import field_value
                for lineno, line in src.lines():
                    if line.strip():
                        where = f"{shown}:{lineno}"
                        yield Document(shown, lineno, where, field_value(line, args.field, where))
            elif blocks:
                for i, block in enumerate(src.blocks(), start=1):
                    yield Document(shown, i, shown, block)
            else:
                yield Document(shown, 1, shown, src.text())


def several(args: argparse.Namespace) -> bool:
    """Whether a run may read more than one document (output then names each one)."""
    return bool(args.jsonl or args.recursive or len(args.files) > 1)


def _out(text: str) -> None:
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


def _error(message: str) -> None:
    sys.stderr.write(f"ybtext: error: {message}\n")
    sys.stderr.flush()


def _warn(message: str) -> None:
    sys.stderr.write(f"ybtext: warning: {message}\n")


# ---------------------------------------------------------------- clean

def register_clean(sub: argparse._SubParsersAction[Parser]) -> None:
    p = sub.add_parser("clean", help="clean files or stdin", epilog=EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="Clean documents. No FILE, or '-', reads stdin; output goes to stdout unless -o or --in-place.")
    add_document_options(p, "clean")
    out = p.add_mutually_exclusive_group()
    out.add_argument("-o", "--output", metavar="OUT",
                     help="output file; with several inputs or -r, a directory mirroring the inputs")
    out.add_argument("--in-place", action="store_true", help="rewrite the inputs (atomically, permissions kept)")
    add_batch_options(p)
    add_cleaning_options(p)
    p.set_defaults(handler=run_clean)


def add_batch_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("batch runs")
    g.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                   help="clean with N worker processes, output in input order (default: 1; 0: all cores)")
    g.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar on stderr (default: for several files or JSON Lines, "
                        "when stderr is a terminal)")
    g.add_argument("--summary", action=argparse.BooleanOptionalAction, default=None,
                   help="totals on stderr at the end (documents, characters, edits by step, spun "
                        "documents; default: for several files, -r or JSON Lines)")
    g.add_argument("--report", metavar="FILE.jsonl",
                   help="write one JSON line per document: source, index, edit counts by step, spin score")


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 0, 0 for all cores (got {value!r})")
    return jobs


def count_type(value: str) -> int:
    """A whole number >= 0 (``--top``)."""
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 0 (got {value!r})")
    return n


def run_clean(args: argparse.Namespace) -> int:
    from ._clean_run import CleanRun, count_documents, report_path
    from ._parallel import RunStats, parallel_map, progress, report_line
    cleaner = make_cleaner(args)
    plan = plan_outputs(args.files, output=args.output, in_place=args.in_place,
                        recursive=args.recursive, pattern=_pattern(args))
    batch = len(plan) > 1 or args.recursive or args.jsonl
    summary = batch if args.summary is None else args.summary
    stats = RunStats() if summary or args.report else None
    with _io.Transaction() as tx:
        report = tx.file(report_path(args.report, plan)) if args.report else None
        run = CleanRun(plan, tx, encoding=args.encoding, jsonl=args.jsonl, field=args.field, in_place=args.in_place)
        outcomes = parallel_map(cleaner, run.documents(), args.jobs,
                                report="triage" if report is not None else stats is not None)
        shown = progress(outcomes, count_documents(plan, args.jsonl), enabled=_progress(args, batch),
                         unit="line" if args.jsonl else "doc")
        for outcome in shown:
            doc = run.write(outcome if stats is None else outcome.cleaned.text)
            if stats is not None:
                row = stats.add(outcome, source=_io.display(doc.output.source), index=doc.index)
                if report is not None and row is not None:
                    report.write(report_line(row).encode("utf-8"))
        run.finish()
    if summary and stats is not None:
        sys.stderr.write(stats.summary() + "\n")
    return 0


def _pattern(args: argparse.Namespace) -> str:
    return args.glob or ("*.jsonl" if args.jsonl else "*.txt")


def _progress(args: argparse.Namespace, batch: bool) -> bool | None:
    """--progress / --no-progress, else (None) a bar for batch runs when stderr is a terminal."""
    return args.progress if args.progress is not None else (None if batch else False)


# ---------------------------------------------------------------- explain

def register_explain(sub: argparse._SubParsersAction[Parser]) -> None:
    p = sub.add_parser("explain", help="list the edits clean would make",
                       description="One edit per line: step, span (in the text that step received), "
                                   "before, after, rule, confidence (and a note where the step left one); "
                                   "with several documents, the first column names the document. "
                                   "Things noticed but not changed are printed as warnings on stderr.")
    add_document_options(p, "explain")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text (tab-separated), or json (one JSON object per document, docs/json-schema.md)")
    add_cleaning_options(p)
    p.set_defaults(handler=run_explain)


def run_explain(args: argparse.Namespace) -> int:
    cleaner = make_cleaner(args)
    named = several(args)
    for doc in documents(args, note=True):
        result = cleaner.clean_and_explain(doc.text)
        if args.format == "json":
            from ._result import document_result
            from .report import triage
            row = document_result(doc.source, doc.index, result, triage(doc.text, result), top=None, details=True)
            _out(json.dumps(row, ensure_ascii=False) + "\n")
            continue
        prefix = doc.where.replace("\t", " ").replace("\n", " ") + "\t" if named else ""
        _out("".join(prefix + line + "\n" for line in result.explain()))
        for n in result.notices:
            _warn(f"{doc.where}: {n.step} {n.start}-{n.end} {n.text!r}: {n.message} ({n.rule})")
    return 0


# ---------------------------------------------------------------- check

def register_check(sub: argparse._SubParsersAction[Parser]) -> None:
    p = sub.add_parser("check", help="exit 1 if clean would change anything",
                       description="Exit 1 if cleaning would change any input, 0 if not; "
                                   "names what would change on stdout.")
    add_document_options(p, "check")
    add_cleaning_options(p)
    p.set_defaults(handler=run_check)


def run_check(args: argparse.Namespace) -> int:
    cleaner = make_cleaner(args)
    findings: list[str] = []  # printed only once every input was read: an error prints none
    for where, docs in itertools.groupby(documents(args, blocks=True), key=lambda d: d.where):
        edits = 0
        for doc in docs:  # the blocks of a huge file count as one document here
            result = cleaner.clean_and_explain(doc.text)
            edits += len(result.edits) if result.text != doc.text else 0
        if edits:
            findings.append(f"{where}: would change ({edits} edits)\n")
    _out("".join(findings))
    return 1 if findings else 0


# ---------------------------------------------------------------- wordlists

def register_wordlists(sub: argparse._SubParsersAction[Parser]) -> None:
    p = sub.add_parser("wordlists", help="work with wordlists")
    wsub = p.add_subparsers(dest="wordlists_command", required=True, metavar="COMMAND")
    lint = wsub.add_parser("lint", help="check wordlists (format, sorting, duplicates, NFC)",
                           description="Check wordlist files; no PATH checks the shipped ones. "
                                       "A directory checks its *.tsv files. Exit 1 on problems.")
    lint.add_argument("paths", nargs="*", metavar="PATH")
    lint.set_defaults(handler=run_lint)


def run_lint(args: argparse.Namespace) -> int:
    from . import _wordlists
    problems: list[YbtextError] = []
    count = 0
    if not args.paths:
        for name in _wordlists.shipped_names():
            data = (importlib.resources.files("ybtext.wordlists") / name).read_bytes()
            problems += _wordlists.lint_text(name, data)
            count += 1
    for path in args.paths:
        if os.path.isdir(path):
            files = sorted(os.path.join(path, f) for f in os.listdir(path) if f.endswith(".tsv"))
        elif os.path.exists(path):
            files = [path]
        else:
            raise InputError(f"{path}: no such file or directory")
        for f in files:
            problems += _wordlists.lint(f)
            count += 1
    _out("".join(f"{p}\n" for p in problems))
    sys.stderr.write(f"ybtext: {count} wordlist(s) checked, {len(problems)} problem(s)\n")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())

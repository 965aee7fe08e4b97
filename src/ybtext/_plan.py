"""Which inputs a run reads and where each one's output goes (``-o``, ``-r``, ``--in-place``).

Everything here is checked before anything is read or written: missing inputs, directories
without ``-r``, ``-o`` naming an input.
"""

from __future__ import annotations

import fnmatch
import os
from typing import Iterator

from ._io import STDIN, os_error
from .errors import InputError

__all__ = ["expand_inputs", "plan_outputs"]


def plan_outputs(files: list[str], *, output: str | None, in_place: bool, recursive: bool,
                 pattern: str) -> list[tuple[str, str | None]]:
    """``(input, output path)`` pairs; None means stdout.

    ``-o OUT`` names a file for one input, and a directory mirroring the inputs for several
    inputs, for ``-r``, or when OUT is a directory or ends with a slash: a FILE argument goes to
    ``OUT/<its name>``, a directory argument's tree to ``OUT/<path under the directory>``.
    """
    inputs = expand_inputs(files or [STDIN], recursive, pattern)
    if in_place:
        if any(src == STDIN for src, _ in inputs):
            raise InputError("<stdin>: --in-place needs files, not stdin")
        # Write through symbolic links: the link stays, the file it points to is rewritten.
        return [(src, os.path.realpath(src)) for src, _ in inputs]
    if not output or output == "-":
        return [(src, None) for src, _ in inputs]
    into_directory = (len(files) > 1 or recursive or os.path.isdir(output)
                      or output.endswith(("/", os.sep)))
    if not into_directory:
        plan: list[tuple[str, str | None]] = [(inputs[0][0], output)]
    elif any(src == STDIN for src, _ in inputs):
        raise InputError(f"{output}: stdin cannot be mirrored into a directory; give -o a file name")
    else:
        plan = [(src, os.path.join(output, rel)) for src, rel in inputs]
    _refuse_overwriting_inputs(plan)
    return plan


def expand_inputs(names: list[str], recursive: bool, pattern: str) -> list[tuple[str, str]]:
    """``(path, its path under an output directory)`` for every input; checks that they exist.

    With ``recursive``, a directory stands for the files under it whose names match ``pattern``
    (hidden files and directories excluded), in sorted order.
    """
    found: list[tuple[str, str]] = []
    for name in names:
        if name == STDIN:
            found.append((name, "stdin"))
        elif os.path.isdir(name):
            if not recursive:
                raise InputError(f"{name}: is a directory (use -r for the files under it)")
            tree = list(_walk(name, pattern))
            if not tree:
                raise InputError(f"{name}: no files matching {pattern!r} (see --glob)")
            found.extend(tree)
        elif not os.path.exists(name):
            raise InputError(f"{name}: no such file or directory")
        else:
            found.append((name, os.path.basename(name)))
    return found


def _walk(top: str, pattern: str) -> Iterator[tuple[str, str]]:
    for root, dirs, files in os.walk(top, onerror=_raise):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if not f.startswith(".") and fnmatch.fnmatch(f, pattern):
                path = os.path.join(root, f)
                yield path, os.path.relpath(path, top)


def _raise(err: OSError) -> None:
    raise os_error(err.filename or "?", err)


def _refuse_overwriting_inputs(plan: list[tuple[str, str | None]]) -> None:
    inputs = {_identity(src) for src, _ in plan} - {None}
    for _src, target in plan:
        if target is not None and _identity(os.path.normpath(target)) in inputs:
            raise InputError(f"{target}: -o names an input file (use --in-place to rewrite inputs)")


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino

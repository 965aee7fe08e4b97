"""SIGTERM during a run: the pending temporary outputs are removed, as on Ctrl-C, and the exit status
is 143 (128 + SIGTERM).

The runs are made to wait for input, not raced against the clock: the input is a pipe (stdin, or a
named pipe given as the file) that the test keeps open, so the command has created its temporary
output and is blocked reading when the test sends SIGTERM. The test waits for that temporary file
to appear, which is the state it means to interrupt.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="POSIX signals and FIFOs")]

SPUN = "他们经由过程讨论达成了一致。\n"


def _temporaries(directory: Path) -> list[str]:
    if not directory.is_dir():  # not made yet
        return []
    return sorted(p.name for p in directory.iterdir() if p.name.startswith(".ybtext-"))


def _wait_for_temporary(proc: subprocess.Popen, directory: Path, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not _temporaries(directory):
        if proc.poll() is not None:
            pytest.fail(f"ybtext ended before it was interrupted: {proc.returncode}\n{proc.stderr.read()}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("no temporary output appeared")
        time.sleep(0.02)


def _terminate(proc: subprocess.Popen) -> tuple[int, str]:
    proc.send_signal(signal.SIGTERM)
    try:
        _out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    return proc.returncode, err


def _ybtext(*args: str, cwd: Path, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "ybtext", *args], cwd=cwd, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_during_in_place_leaves_no_temporary_file(tmp_path, jobs):
    fifo = tmp_path / "a.txt"
    os.mkfifo(fifo)  # opening it for reading blocks until the test opens it for writing
    proc = _ybtext("clean", "--in-place", "-j", jobs, "a.txt", cwd=tmp_path)
    _wait_for_temporary(proc, tmp_path)
    code, err = _terminate(proc)
    assert code == 143, err
    assert "Traceback" not in err
    assert _temporaries(tmp_path) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_sigterm_during_output_to_a_file_leaves_nothing(tmp_path):
    out = tmp_path / "out"
    proc = _ybtext("clean", "-", "-o", "out/clean.txt", cwd=tmp_path, stdin=subprocess.PIPE)
    proc.stdin.write(SPUN * 100)  # some input, but stdin stays open: the run waits for the rest
    proc.stdin.flush()
    _wait_for_temporary(proc, out)
    code, err = _terminate(proc)
    proc.stdin.close()
    assert code == 143, err
    assert "Traceback" not in err
    assert not out.exists()  # the directory made for the output goes too


def test_a_run_that_is_not_interrupted_still_writes(tmp_path):
    """The same set-up, with the input completed: the output is written (the test above is no
    artefact of the pipe)."""
    proc = _ybtext("clean", "-", "-o", "out/clean.txt", cwd=tmp_path, stdin=subprocess.PIPE)
    _out, err = proc.communicate(SPUN, timeout=60)
    assert proc.returncode == 0, err
    assert (tmp_path / "out" / "clean.txt").read_text(encoding="utf-8") == "他们通过讨论达成了一致。\n"
    assert _temporaries(tmp_path / "out") == []

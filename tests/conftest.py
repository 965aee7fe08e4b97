from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared next to the checkout (CI has it); tests that need it skip with a reason where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present next to this checkout (CI provides it)")
    return SHARED


@pytest.fixture
def run(capsysbinary, monkeypatch):
    """``run(*argv, stdin=b"") -> (exit status, stdout bytes, stderr str)``: ``ybtext.cli.main`` in-process."""
    from ybtext import cli

    def _run(*argv: str, stdin: bytes = b""):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        code = cli.main(list(argv))
        out, err = capsysbinary.readouterr()
        return code, out, err.decode("utf-8")

    return _run

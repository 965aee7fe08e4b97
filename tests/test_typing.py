"""src/ybtext type-checks with mypy --strict: the project's [tool.mypy] configuration in
pyproject.toml (strict, kenlm/opencc/tqdm and the optional ray/datasets without type information)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_mypy_strict_passes(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"),
         "--cache-dir", str(tmp_path / "mypy-cache"), str(ROOT / "src" / "ybtext")],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"mypy found errors:\n{done.stdout}\n{done.stderr}"
    assert "Success" in done.stdout

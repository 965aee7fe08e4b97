"""The wheel: built from the project files, installed into a fresh virtual environment, run from
another folder, it finds its wordlists (issue 2: wordlists found in an installed wheel)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "spun-notice.txt"
_SKIP = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__",
                               ".pytest_cache", ".hypothesis", ".cache", "out")


def _run(cmd: list, cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{cmd} failed:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_cleans_the_sample_with_wordlists(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=_SKIP)  # build from a copy: the checkout stays untouched
    dist = tmp_path / "dist"
    # The test extra brings setuptools, so the build needs no isolated environment of its own.
    _run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, source], cwd=tmp_path)
    (wheel,) = dist.glob("ybtext-*.whl")

    # A fresh environment: nothing in it but what installing the wheel brings (its dependencies
    # come from the configured package index). This interpreter's pip does the installing.
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp_path)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    _run([sys.executable, "-m", "pip", "--python", bindir / "python", "install", "-q", wheel], cwd=tmp_path)
    installed = _run([bindir / "python", "-c", "import ybtext; print(ybtext.__file__)"], cwd=tmp_path).stdout
    assert installed.startswith(str(venv)), installed  # the wheel's copy, not the checkout's

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = _run([bindir / "ybtext", "clean", SAMPLE], cwd=elsewhere, timeout=60)
    # Restorations that only wordlists/spin-sure.tsv knows about:
    assert "社区通过居民议事会决定" in done.stdout and "在学校操场" in done.stdout
    assert "不能携带宠物" in done.stdout
    assert "经由过程" not in done.stdout and "黉舍" not in done.stdout and "不克不及" not in done.stdout
    explained = _run([bindir / "ybtext", "explain", SAMPLE], cwd=elsewhere, timeout=60).stdout
    assert "spin-sure.tsv:" in explained
    lint = subprocess.run([bindir / "ybtext", "wordlists", "lint"], cwd=elsewhere, capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout + lint.stderr

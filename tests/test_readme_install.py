"""The README's install lines and its `explain` example match what a checkout gives."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_install_lines_work_from_a_checkout():
    """ybtext is not on PyPI: extras are installed from the checkout ('.[extra]'), never 'ybtext[extra]'."""
    assert not re.search(r"pip install [\"']?ybtext\b", README)
    extras = set(re.findall(r"pip install (?:-e )?'\.\[([a-z,]+)\]'", README))
    assert {"progress", "datasets", "ray", "test"} <= {e for group in extras for e in group.split(",")}


def test_explain_example_is_real_output(run, monkeypatch):
    marker = "`ybtext explain examples/spun-notice.txt` prints:\n\n```text\n"
    assert marker in README
    shown = README.split(marker, 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    code, out, err = run("explain", "examples/spun-notice.txt")
    assert (code, err) == (0, "")
    assert shown == out.decode("utf-8")
    assert "spin-sure.tsv:" in shown

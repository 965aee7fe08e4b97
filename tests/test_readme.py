"""The README's examples (and those of the docs/ pages it links to), executed, so that they cannot go stale.

- Every ```python block of README.md and of the pages in DOCS runs on its own (a fresh namespace, the repository as working directory).
  A statement followed by a comment that is a Python literal (``expr  # '社区通过…'``) must evaluate
  to that literal.
- Every ``ybtext ...`` command of a ```bash block that is self-contained (it names files under
  ``examples/`` that exist and writes no file) runs and exits 0; where a ```text block follows
  the bash block directly, it is the stdout of each of that block's ``ybtext clean`` commands.
- The Before/After texts and the ``ybtext explain`` listing are what ybtext gives.
"""

from __future__ import annotations

import ast
import doctest
import io
import re
import shlex
import tokenize
from pathlib import Path

import pytest

import ybtext

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
# Pages the README sends its reader to whose Python blocks run here too.
DOCS = ("README.md", "docs/spin.md", "docs/steps.md", "docs/cli.md", "docs/wordlists.md")

# Blocks that need more than this test can give: a Ray cluster and a docs.jsonl of the reader's.
# (Both recipes are tested end to end in tests/test_integrations.py.)
NOT_RUN = ("import ray",)


def blocks(lang: str, text: str = README) -> list[tuple[int, str]]:
    """``(line number, code)`` of every fenced block of ``lang`` in ``text``."""
    out = []
    for m in re.finditer(rf"^```{lang}\n(.*?)^```\n", text, re.S | re.M):
        out.append((text.count("\n", 0, m.start()) + 1, m.group(1)))
    return out


def block_after(marker: str, lang: str = "text") -> str:
    """The first ```lang block after the line containing ``marker``."""
    start = README.index(marker)
    m = re.compile(rf"^```{lang}\n(.*?)^```\n", re.S | re.M).search(README, start)
    assert m, marker
    return m.group(1)


def literal_comments(code: str) -> dict[int, object]:
    """``{line: value}`` for comments that are Python literals (the shown output)."""
    found = {}
    for tok in tokenize.generate_tokens(io.StringIO(code).readline):
        if tok.type == tokenize.COMMENT:
            try:
                found[tok.start[0]] = ast.literal_eval(tok.string[1:].strip())
            except (ValueError, SyntaxError):
                pass
    return found


PYTHON = [(f"{doc}:{line}", code) for doc in DOCS
          for line, code in blocks("python", (ROOT / doc).read_text(encoding="utf-8"))
          if not any(m in code for m in NOT_RUN)]


def test_the_readme_has_python_examples_to_run():
    assert sum(1 for where, _ in PYTHON if where.startswith("README.md:")) >= 4
    assert len(PYTHON) >= 6


@pytest.mark.parametrize("where, code", PYTHON, ids=[where for where, _ in PYTHON])
def test_python_block_runs_and_shows_true_outputs(where, code, monkeypatch):
    monkeypatch.chdir(ROOT)
    doc, line = where.rsplit(":", 1)
    line = int(line)
    if code.lstrip().startswith(">>>"):  # an interactive session: doctest checks every output shown
        test = doctest.DocTestParser().get_doctest(code, {}, where, doc, line)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        result = runner.run(test, out=lambda s: pytest.fail(s))
        assert result.attempted > 0 and result.failed == 0
        return
    namespace: dict = {"__name__": "__readme__"}
    shown = literal_comments(code)
    tree = ast.parse(code, filename=where)
    checked = 0
    for stmt in tree.body:
        at = f"{doc}:{line + stmt.lineno}"
        expected = shown.get(stmt.end_lineno)
        if isinstance(stmt, ast.Expr) and stmt.end_lineno in shown:
            value = eval(compile(ast.Expression(stmt.value), at, "eval"), namespace)
            assert value == expected, f"{at}: {ast.unparse(stmt)} gives {value!r}, {doc} shows {expected!r}"
            checked += 1
        else:
            exec(compile(ast.Module([stmt], []), at, "exec"), namespace)
    assert checked == sum(1 for s in tree.body if isinstance(s, ast.Expr) and s.end_lineno in shown)


def commands() -> list[tuple[int, list[str], str | None]]:
    """``(line, argv, expected stdout or None)`` of the self-contained ``ybtext`` commands."""
    found = []
    for m in re.finditer(r"^```bash\n(.*?)^```\n(?:\n*```text\n(.*?)^```\n)?", README, re.S | re.M):
        first = README.count("\n", 0, m.start()) + 2
        for k, raw in enumerate(m.group(1).splitlines()):
            for part in raw.split("&&"):
                words = shlex.split(part, comments=True)
                if not words or not words[0].endswith("ybtext"):
                    continue
                argv = words[1:]
                files = [w for w in argv if "/" in w or re.search(r"\.(txt|tsv|toml|jsonl)$", w)]
                if not any(w.startswith("examples/") for w in files):
                    continue
                if not all((ROOT / w).exists() for w in files) or {"-o", "--output", "--in-place"} & set(argv):
                    continue
                expected = m.group(2) if m.group(2) is not None and argv[0] == "clean" else None
                found.append((first + k, argv, expected))
    return found


COMMANDS = commands()


def test_the_readme_has_commands_to_run():
    assert len(COMMANDS) >= 3 and any(expected for _, _, expected in COMMANDS)


@pytest.mark.parametrize("line, argv, expected", COMMANDS, ids=[f"README.md:{line}" for line, _, _ in COMMANDS])
def test_command_runs(run, monkeypatch, line, argv, expected):
    monkeypatch.chdir(ROOT)
    code, out, err = run(*argv)
    assert code == 0 and "error" not in err, (argv, err)
    if expected is not None:
        assert out.decode("utf-8") == expected


BEFORE = block_after("Before (a notice")
AFTER = block_after("After `ybtext clean`")


def test_before_and_after():
    assert ybtext.clean(BEFORE) == AFTER != BEFORE


def test_explain_example_is_real_output(run, monkeypatch):
    marker = "`ybtext explain examples/spun-notice.txt` prints:\n\n```text\n"
    assert marker in README
    shown = README.split(marker, 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    code, out, err = run("explain", "examples/spun-notice.txt")
    assert (code, err) == (0, "")
    assert shown == out.decode("utf-8")
    assert "spin-sure.tsv:" in shown


def test_install_lines_work_from_a_checkout():
    """ybtext is not on PyPI: extras are installed from the checkout ('.[extra]'), never 'ybtext[extra]'."""
    assert not re.search(r"pip install [\"']?ybtext\b", README)
    extras = set(re.findall(r"pip install (?:-e )?'\.\[([a-z,]+)\]'", README))
    assert {"progress", "datasets", "ray", "test"} <= {e for group in extras for e in group.split(",")}



def test_the_readme_starts_with_the_two_set_up_commands():
    """The first block: install and clean the bundled sample; then install the test extra and run the tests."""
    first = blocks("bash")[0]
    assert README.startswith("# ybtext\n\n```bash\n") and first[0] == 3
    install, tests = first[1].splitlines()
    assert install.startswith("python3 -m venv .venv && ") and ".venv/bin/ybtext clean examples/" in install
    assert "'.[test]'" in tests and "-m pytest" in tests


def test_ci_runs_the_readme_test_command():
    """.ci/run runs the one command of .ci/test-command; the README's second set-up line is that command."""
    lines = (ROOT / ".ci" / "test-command").read_text(encoding="utf-8").splitlines()
    commands = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    assert len(commands) == 1
    assert blocks("bash")[0][1].splitlines()[1] == commands[0]
    assert ".ci/test-command" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_headline_table_is_between_its_markers():
    """benchmarks/headline.py --write replaces what stands between the markers: one pair, in order."""
    start, end = "<!-- headline:start -->", "<!-- headline:end -->"
    assert README.count(start) == 1 and README.count(end) == 1
    table = README.split(start, 1)[1].split(end, 1)[0]
    assert table.lstrip().startswith("| what | figure | benchmark |")


def test_the_readme_stays_short():
    """The README serves a user; history goes to the CHANGELOG, methods and full figures to
    benchmarks/README.md. Issue 21 set its size under 12 KB (12,000 bytes)."""
    size = len(README.encode("utf-8"))
    assert size < 12_000, f"README.md is {size} bytes"

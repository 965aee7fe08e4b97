"""The ``ybtext`` command contract (issue 2), clause by clause, run in-process through ``main``.

One test at the end runs the installed ``ybtext`` command in a real subprocess.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import ybtext
from ybtext import _io, cli
from ybtext._edits import Cleaned, Notice

SPUN = "社区经由过程居民议事会决定，不克不及携带宠物。\n"
CLEANED = "社区通过居民议事会决定，不能携带宠物。\n"
CORRECT = "我们在这项工作上取得重大进展。\n"


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def assert_error(code: int, out: bytes, err: str, file: str, what: str = "") -> None:
    """The error contract: exit 2, one line 'ybtext: error: <file>: <what>', no traceback, no output."""
    assert code == 2
    assert out == b""
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert err.startswith(f"ybtext: error: {file}: "), err
    assert what in err
    assert "Traceback" not in err


# ---------------------------------------------------------------- clean: inputs and outputs

def test_clean_file_to_stdout(run, work):
    write(work / "a.txt", SPUN)
    assert run("clean", "a.txt") == (0, CLEANED.encode(), "")


@pytest.mark.parametrize("argv", [["clean"], ["clean", "-"]])
def test_clean_reads_stdin_without_file_or_with_dash(run, argv):
    assert run(*argv, stdin=SPUN.encode()) == (0, CLEANED.encode(), "")


def test_clean_several_files_to_stdout_in_order(run, work):
    write(work / "a.txt", SPUN)
    write(work / "b.txt", CORRECT)
    assert run("clean", "b.txt", "a.txt")[1] == (CORRECT + CLEANED).encode()


def test_empty_file_gives_empty_output(run, work):
    write(work / "empty.txt", "")
    assert run("clean", "empty.txt") == (0, b"", "")
    assert run("clean", "empty.txt", "-o", "out.txt")[0] == 0
    assert (work / "out.txt").read_bytes() == b""


def test_output_file(run, work):
    write(work / "a.txt", SPUN)
    assert run("clean", "a.txt", "-o", "out.txt") == (0, b"", "")
    assert (work / "out.txt").read_bytes() == CLEANED.encode()


def test_output_directory_for_several_inputs(run, work):
    write(work / "x" / "a.txt", SPUN)
    write(work / "b.txt", CORRECT)
    assert run("clean", "x/a.txt", "b.txt", "-o", "out")[0] == 0
    assert (work / "out" / "a.txt").read_text(encoding="utf-8") == CLEANED
    assert (work / "out" / "b.txt").read_text(encoding="utf-8") == CORRECT


def test_recursive_mirrors_the_tree(run, work):
    write(work / "in" / "a.txt", SPUN)
    write(work / "in" / "sub" / "deeper" / "b.txt", CORRECT)
    write(work / "in" / "notes.md", SPUN)          # not *.txt: left alone
    write(work / "in" / ".hidden" / "c.txt", SPUN)  # hidden: left alone
    assert run("clean", "-r", "in", "-o", "out")[0] == 0
    produced = sorted(p.relative_to(work / "out").as_posix() for p in (work / "out").rglob("*") if p.is_file())
    assert produced == ["a.txt", "sub/deeper/b.txt"]
    assert (work / "out" / "a.txt").read_text(encoding="utf-8") == CLEANED
    assert run("clean", "-r", "in", "--glob", "*.md", "-o", "md")[0] == 0
    assert (work / "md" / "notes.md").read_text(encoding="utf-8") == CLEANED


def test_directory_without_r_is_an_error(run, work):
    (work / "d").mkdir()
    assert_error(*run("clean", "d"), "d", "is a directory")


def test_output_naming_an_input_is_refused_and_the_file_untouched(run, work):
    a = write(work / "a.txt", SPUN)
    before = a.stat()
    assert_error(*run("clean", "a.txt", "-o", "a.txt"), "a.txt", "names an input")
    assert_error(*run("clean", "a.txt", "-o", "./sub/../a.txt"), "./sub/../a.txt", "names an input")
    assert a.read_text(encoding="utf-8") == SPUN
    assert a.stat().st_mtime_ns == before.st_mtime_ns and a.stat().st_ino == before.st_ino


def test_output_directory_mirroring_onto_its_inputs_is_refused(run, work):
    a = write(work / "in" / "a.txt", SPUN)
    code, out, err = run("clean", "-r", "in", "-o", "in")
    assert_error(code, out, err, os.path.join("in", "a.txt"), "names an input")
    assert a.read_text(encoding="utf-8") == SPUN
    assert sorted(p.name for p in (work / "in").iterdir()) == ["a.txt"]


def test_in_place_rewrites_atomically_and_keeps_permissions(run, work):
    a = write(work / "a.txt", SPUN)
    a.chmod(0o640)
    inode = a.stat().st_ino
    assert run("clean", "--in-place", "a.txt") == (0, b"", "")
    assert a.read_text(encoding="utf-8") == CLEANED
    assert stat.S_IMODE(a.stat().st_mode) == 0o640
    assert a.stat().st_ino != inode  # a new file renamed over the old one, not a rewrite in place
    assert sorted(p.name for p in work.iterdir()) == ["a.txt"]  # no temporary file left behind


def test_in_place_leaves_an_unchanged_utf8_file_alone(run, work):
    a = write(work / "a.txt", CORRECT)
    before = a.stat()
    assert run("clean", "--in-place", "a.txt")[0] == 0
    assert a.stat().st_ino == before.st_ino and a.stat().st_mtime_ns == before.st_mtime_ns


def test_in_place_writes_utf8(run, work):
    a = write(work / "a.txt", CORRECT, "gb18030")
    assert run("clean", "--in-place", "a.txt")[0] == 0
    assert a.read_bytes() == CORRECT.encode("utf-8")


def test_in_place_needs_files(run):
    assert_error(*run("clean", "--in-place", stdin=SPUN.encode()), "<stdin>", "--in-place")


def test_in_place_and_output_are_exclusive(run, work):
    write(work / "a.txt", SPUN)
    assert run("clean", "--in-place", "a.txt", "-o", "b.txt")[0] == 2


# ---------------------------------------------------------------- encodings

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "gb18030", "gbk"]


def encode(text: str, name: str) -> bytes:
    if name == "utf-16-le-bom":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if name == "utf-16-be-bom":
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode(name)


@pytest.fixture(params=["decoded in memory", "checked in a pass, then streamed"])
def both_readers(request, monkeypatch):
    """Run a test for ordinary inputs and for inputs above WHOLE_BELOW bytes."""
    if request.param != "decoded in memory":
        monkeypatch.setattr(_io, "WHOLE_BELOW", 0)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_supported_encoding_gives_byte_identical_utf8_output(run, work, encoding, both_readers):
    (work / "doc.txt").write_bytes(encode(SPUN + CORRECT, encoding))
    assert run("clean", "doc.txt") == (0, (CLEANED + CORRECT).encode("utf-8"), "")


def test_encoding_option_overrides_detection(run, work):
    # The UTF-8 bytes of 中文 are also valid GB18030 (涓枃): detection says UTF-8, --encoding wins.
    write(work / "doc.txt", "中文\n")
    assert run("clean", "doc.txt")[1] == "中文\n".encode()
    mojibake = "中文\n".encode().decode("gb18030").encode()
    assert run("clean", "--encoding", "gb18030", "doc.txt")[1] == mojibake
    assert run("clean", "--encoding", "gbk", "doc.txt")[1] == mojibake  # GBK is read as its superset


def test_encoding_option_that_does_not_fit_is_an_error(run, work, both_readers):
    write(work / "doc.txt", SPUN, "gbk")
    assert_error(*run("clean", "--encoding", "utf-8", "doc.txt"), "doc.txt", "not valid utf-8")
    assert_error(*run("clean", "--encoding", "klingon", "doc.txt"), "doc.txt", "unknown encoding")


@pytest.mark.parametrize("data, what", [
    (b"PK\x03\x04\x00\x00binary", "NUL"),
    (b"\x80\x80\xff\xfe\x81", "undecodable"),
    ("文".encode("utf-16-le") + b"\x00\x00", "NUL"),  # UTF-16 without BOM: NUL bytes, not guessed
])
def test_binary_input_is_an_error(run, work, data, what, both_readers):
    (work / "bin.dat").write_bytes(data)
    assert_error(*run("clean", "bin.dat", "-o", "out.txt"), "bin.dat", what)
    assert not (work / "out.txt").exists()


# ---------------------------------------------------------------- errors: one line, nothing written

def test_missing_file(run, work):
    assert_error(*run("clean", "nope.txt"), "nope.txt", "no such file")


def test_permission_error(run, work, monkeypatch):
    write(work / "secret.txt", SPUN)
    if os.geteuid() == 0:  # root reads anything: simulate what the OS says to everyone else
        def denied(path, *args, **kwargs):
            raise PermissionError(errno.EACCES, "Permission denied", path)
        monkeypatch.setattr(_io, "open", denied, raising=False)
    else:
        (work / "secret.txt").chmod(0)
    assert_error(*run("clean", "secret.txt"), "secret.txt", "permission denied")


def test_an_error_in_a_later_input_writes_nothing(run, work):
    write(work / "a.txt", SPUN)
    (work / "b.txt").write_bytes(b"\x00\x01")
    assert_error(*run("clean", "a.txt", "b.txt"), "b.txt")          # not even a.txt to stdout
    assert_error(*run("check", "a.txt", "b.txt"), "b.txt")          # nor check's finding on a.txt
    assert_error(*run("clean", "a.txt", "b.txt", "-o", "out"), "b.txt")
    assert not (work / "out").exists()
    assert_error(*run("clean", "--in-place", "a.txt", "b.txt"), "b.txt")
    assert (work / "a.txt").read_text(encoding="utf-8") == SPUN
    assert sorted(p.name for p in work.iterdir()) == ["a.txt", "b.txt"]


def test_usage_errors_exit_2(run):
    assert run()[0] == 2
    assert run("frobnicate")[0] == 2
    assert run("clean", "--spin", "maybe", stdin=b"x")[:2] == (2, b"")


def usage_error(code: int, out: bytes, err: str) -> str:
    """The usage-error contract: exit 2, nothing on stdout, one line on stderr; returns that line."""
    assert (code, out) == (2, b""), (code, out, err)
    assert err.count("\n") == 1 and err.startswith("ybtext: error: ") and "Traceback" not in err, err
    return err


def test_bad_option_value_is_one_error_line(run):
    err = usage_error(*run("clean", "--spin", "maybe", stdin=b"x"))
    assert err.startswith("ybtext: error: --spin must be one of: auto, off, force (got 'maybe')")


@pytest.mark.parametrize("argv, words", [
    (["detect", "--min-score", "a.txt"], "--min-score: expected a number, got 'a.txt'"),
    (["detect", "--min-score", "2"], "--min-score: expected a number in [0, 1]"),
    (["detect", "--top", "many", "-"], "--top must be a whole number >= 0 (got 'many')"),
    (["explain", "--format", "xml", "-"], "--format must be one of: text, json (got 'xml')"),
    (["check", "--script", "simplified", "-"], "--script must be one of: auto, s, t, off (got 'simplified')"),
    (["clean", "--jobs", "-3"], "--jobs must be a whole number >= 0"),
    (["frobnicate"], "unknown command 'frobnicate'"),
])
def test_option_values_are_typed_and_errors_are_in_words(run, argv, words):
    """A value of the wrong kind stops the run before anything is read, in one line of words
    (no Python repr of a tuple, no usage dump)."""
    monkey_stdin = "黉舍".encode()
    err = usage_error(*run(*argv, stdin=monkey_stdin))
    assert words in err and "('" not in err


def test_help_lists_the_choices(run):
    out = run("clean", "--help")[1].decode()
    assert "--spin {auto,off,force}" in out and "--script {auto,s,t,off}" in out
    assert "one of: auto, off, force; default: auto" in out


@pytest.mark.parametrize("word, expected", [("off", None), ("none", None), ("t", "t")])
def test_script_off_and_its_old_spelling_none(run, word, expected, monkeypatch):
    seen = []
    real = cli.Cleaner
    monkeypatch.setattr(cli, "Cleaner", lambda **options: seen.append(options) or real(**options))
    assert run("clean", "--script", word, stdin="乾隆年間".encode())[0] == 0
    assert seen == [{"script": expected}]


def test_spin_off_turns_the_step_off(run):
    assert run("clean", "--spin", "off", stdin=SPUN.encode())[1] == SPUN.encode()
    assert run("clean", "--spin", "none", stdin=SPUN.encode())[1] == SPUN.encode()


@pytest.mark.parametrize("command", ["clean", "check", "explain", "detect", "review"])
def test_every_document_command_names_documents_alike(run, work, command, monkeypatch):
    """FILE, -r DIR with --glob, - for stdin and --jsonl --field F mean the same to every command
    that reads documents: each run below reads exactly the documents named."""
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("ybtext._cli_review",))
    write(work / "tree" / "a.txt", SPUN)
    write(work / "tree" / "sub" / "b.md", SPUN)
    write(work / "tree" / "c.jsonl", json.dumps({"body": SPUN}, ensure_ascii=False) + "\n")
    read = []
    real = _io.Source.__init__

    def spy(self, name, encoding=None):
        read.append(name)
        real(self, name, encoding)
    monkeypatch.setattr(_io.Source, "__init__", spy)
    for argv, names in [
        (["-r", "tree"], ["tree/a.txt"]),
        (["-r", "--glob", "*.md", "tree"], ["tree/sub/b.md"]),
        (["tree/a.txt", "-"], ["tree/a.txt", "-"]),
        (["-r", "--jsonl", "--field", "body", "tree"], ["tree/c.jsonl"]),
    ]:
        read.clear()
        code, out, err = run(command, *argv, stdin=SPUN.encode())
        assert "error" not in err and code in (0, 1), (command, argv, err)
        assert [os.path.normpath(n) if n != "-" else n for n in read] == [os.path.normpath(n) if n != "-" else n for n in names]
        assert out, (command, argv)
    assert_error(*run(command, "tree"), "tree", "use -r")


def test_explain_several_documents_names_each(run, work):
    write(work / "a.txt", SPUN)
    write(work / "b.txt", CORRECT)
    write(work / "c.txt", "我们讨论了假设干问题。")
    lines = run("explain", "a.txt", "b.txt", "c.txt")[1].decode().splitlines()
    assert [l.split("\t")[0] for l in lines] == ["a.txt", "a.txt", "c.txt"]
    assert [l.split("\t")[3] for l in lines] == ["经由过程", "不克不及", "假设干"]


# ---------------------------------------------------------------- JSON Lines

def test_jsonl_cleans_the_field_and_keeps_everything_else(run, work):
    lines = [
        '{"id": 1, "text": "社区经由过程决定", "meta": {"src": "\\u6587\\u5e93", "n": 1.0e3}}\n',
        '{"text":"没有问题","id":2}\n',
        '{ "z" : [1, 2],  "text" : "黉舍"  }\n',
    ]
    write(work / "in.jsonl", "".join(lines))
    code, out, err = run("clean", "--jsonl", "--no-summary", "in.jsonl")  # (a JSONL run ends with a summary)
    assert (code, err) == (0, "")
    assert out.decode("utf-8").splitlines(keepends=True) == [
        '{"id": 1, "text": "社区通过决定", "meta": {"src": "\\u6587\\u5e93", "n": 1.0e3}}\n',
        lines[1],
        '{ "z" : [1, 2],  "text" : "学校"  }\n',
    ]


def test_jsonl_field_option(run):
    code, out, _ = run("clean", "--jsonl", "--field", "body", stdin='{"text": "黉舍", "body": "黉舍"}\n'.encode())
    assert out == '{"text": "黉舍", "body": "学校"}\n'.encode()


@pytest.mark.parametrize("bad, what", [
    ("not json at all", "not a JSON object"),
    ('{"text": "a"', "not a JSON object"),
    ('["text"]', "not a JSON object"),
    ('{"body": "a"}', "no field 'text'"),
    ('{"text": 3}', "not a string"),
])
def test_jsonl_bad_line_stops_the_run(run, work, bad, what):
    write(work / "in.jsonl", '{"text": "黉舍"}\n' + bad + '\n{"text": "ok"}\n')
    assert_error(*run("clean", "--jsonl", "in.jsonl"), "in.jsonl:2", what)
    assert_error(*run("clean", "--jsonl", "in.jsonl", "-o", "out.jsonl"), "in.jsonl:2", what)
    assert not (work / "out.jsonl").exists()


def test_jsonl_in_gbk_comes_out_utf8(run, work):
    write(work / "in.jsonl", '{"text": "黉舍"}\n', "gbk")
    assert run("clean", "--jsonl", "in.jsonl")[1] == '{"text": "学校"}\n'.encode()


# ---------------------------------------------------------------- explain

def test_explain_one_edit_per_line(run, work):
    write(work / "a.txt", SPUN)
    code, out, err = run("explain", "a.txt")
    assert (code, err) == (0, "")
    lines = out.decode("utf-8").splitlines()
    assert len(lines) == len(ybtext.clean_and_explain(SPUN).edits) == 2
    step, span, before, after, rule, confidence = lines[0].split("\t")[:6]
    assert (step, span, before, after) == ("spin", "2-6", "经由过程", "通过")
    assert rule.startswith("spin-sure.tsv:") and float(confidence) == 1.0


def test_explain_json(run, work):
    write(work / "a.txt", SPUN)
    code, out, _ = run("explain", "--format", "json", "a.txt")
    doc = json.loads(out)
    assert code == 0 and doc["source"] == "a.txt" and doc["schema"] == 1 and doc["notice_list"] == []
    assert doc["edits"] == len(doc["edit_list"]) == 2
    edits = [ybtext.Edit(**e) for e in doc["edit_list"]]
    assert ybtext.apply_edits(SPUN, edits) == CLEANED


def test_explain_nothing_to_say(run):
    assert run("explain", stdin=CORRECT.encode()) == (0, b"", "")


def test_explain_shows_notices_as_warnings(run, work, monkeypatch):
    def noticing(text, config):
        return Cleaned(text, (), (Notice("ocr", 0, 2, text[:2], "ocr:test", "looks odd"),))
    real = ybtext._pipeline._step_function
    monkeypatch.setattr(ybtext._pipeline, "_step_function", lambda n: noticing if n == "ocr" else real(n))
    write(work / "a.txt", CORRECT)
    code, out, err = run("explain", "a.txt")
    assert (code, out) == (0, b"")
    assert err == "ybtext: warning: a.txt: ocr 0-2 '我们': looks odd (ocr:test)\n"
    doc = json.loads(run("explain", "--format", "json", "a.txt")[1])
    assert doc["notices"] == 1 and doc["notice_list"] == [{"step": "ocr", "start": 0, "end": 2, "text": "我们", "rule": "ocr:test",
                               "message": "looks odd"}]


def test_explain_missing_file(run, work):
    assert_error(*run("explain", "nope.txt"), "nope.txt", "no such file")


# ---------------------------------------------------------------- check

def test_check_exit_status(run, work):
    write(work / "good.txt", CORRECT)
    write(work / "bad.txt", SPUN)
    assert run("check", "good.txt") == (0, b"", "")
    code, out, _ = run("check", "good.txt", "bad.txt")
    assert code == 1 and out.decode().startswith("bad.txt: would change")
    assert run("check", stdin=SPUN.encode())[0] == 1
    assert run("check", "--spin", "off", "bad.txt")[0] == 0
    assert_error(*run("check", "good.txt", "nope.txt"), "nope.txt")


def test_check_jsonl(run, work):
    write(work / "in.jsonl", '{"text": "没有问题"}\n{"text": "黉舍"}\n')
    code, out, _ = run("check", "--jsonl", "in.jsonl")
    assert code == 1 and out.decode().startswith("in.jsonl:2: would change")


# ---------------------------------------------------------------- wordlists lint

BAD_LIST = """\
# File: mine.tsv
# Format: test
# Source: test
# Columns: spun original
经由过程\t通过
黉舍\t学校
不克不及\t不能
"""


def test_lint_shipped_wordlists(run):
    code, out, err = run("wordlists", "lint")
    assert (code, out) == (0, b"") and "0 problem" in err


def test_lint_bad_user_wordlist(run, work):
    write(work / "mine.tsv", BAD_LIST)
    code, out, _ = run("wordlists", "lint", "mine.tsv")
    assert code == 1
    assert out.decode("utf-8") == "mine.tsv:7: not sorted (entries must be in code point order)\n"
    assert run("wordlists", "lint", str(work))[0] == 1  # a directory: its *.tsv files


def test_lint_missing_path(run, work):
    assert_error(*run("wordlists", "lint", "nope.tsv"), "nope.tsv", "no such file")


# ---------------------------------------------------------------- help, version, extension

def test_version(run):
    assert run("--version") == (0, f"ybtext {ybtext.__version__}\n".encode(), "")


def test_help_has_examples(run):
    code, out, _ = run("--help")
    assert code == 0 and b"examples:" in out and b"ybtext clean" in out
    assert b"examples:" in run("clean", "--help")[1]


def test_other_modules_register_subcommands(run, monkeypatch):
    """A module named in COMMAND_MODULES adds a subcommand with register(subparsers)."""
    import types
    mod = types.ModuleType("ybtext_test_plugin")

    def register(sub):
        p = sub.add_parser("hello")
        p.set_defaults(handler=lambda args: 7)
    mod.register = register
    monkeypatch.setitem(sys.modules, "ybtext_test_plugin", mod)
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("ybtext_test_plugin",))
    assert run("hello")[0] == 7


# ---------------------------------------------------------------- the installed command

@pytest.mark.slow
def test_installed_command_in_a_subprocess(tmp_path):
    exe = Path(sys.executable).parent / "ybtext"
    if not exe.exists():
        pytest.skip(f"the ybtext command is not installed next to {sys.executable}")
    (tmp_path / "a.txt").write_bytes(SPUN.encode("gb18030"))
    done = subprocess.run([str(exe), "clean", "a.txt"], cwd=tmp_path, capture_output=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, CLEANED.encode(), b"")
    missing = subprocess.run([str(exe), "clean", "nope.txt"], cwd=tmp_path, capture_output=True, timeout=60)
    assert (missing.returncode, missing.stdout) == (2, b"")
    assert missing.stderr == b"ybtext: error: nope.txt: no such file or directory\n"


def test_readme_before_after_holds():
    """The before/after example at the top of README.md is what `clean` does."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    blocks = readme.split("```text\n")
    before, after = blocks[1].split("```")[0], blocks[2].split("```")[0]
    assert "经由过程" in before and ybtext.clean(before) == after
    assert readme.count(".venv/bin/pip install") >= 2 and "ybtext clean examples/" in readme


def test_in_place_keeps_the_owner(run, work):
    if os.geteuid() != 0:
        pytest.skip("only root can create a file owned by someone else")
    a = write(work / "a.txt", SPUN)
    os.chown(a, 4321, 4321)
    assert run("clean", "--in-place", "a.txt")[0] == 0
    assert (a.stat().st_uid, a.stat().st_gid) == (4321, 4321) and a.read_text(encoding="utf-8") == CLEANED


def test_in_place_writes_through_a_symlink(run, work):
    real = write(work / "real.txt", SPUN)
    (work / "link.txt").symlink_to("real.txt")
    assert run("clean", "--in-place", "link.txt")[0] == 0
    assert (work / "link.txt").is_symlink() and real.read_text(encoding="utf-8") == CLEANED


def test_in_place_jsonl(run, work):
    spun = write(work / "spun.jsonl", '{"text": "黉舍"}\n')
    fine = write(work / "fine.jsonl", '{"text": "学校"}\n')
    inode = fine.stat().st_ino
    assert run("clean", "--jsonl", "--in-place", "spun.jsonl", "fine.jsonl")[0] == 0
    assert spun.read_text(encoding="utf-8") == '{"text": "学校"}\n'
    assert fine.stat().st_ino == inode  # nothing to change: left alone


def test_output_ending_with_a_slash_is_a_directory(run, work):
    write(work / "a.txt", SPUN)
    assert run("clean", "a.txt", "-o", "out/")[0] == 0
    assert (work / "out" / "a.txt").read_text(encoding="utf-8") == CLEANED


def test_check_recursive(run, work):
    write(work / "docs" / "good.txt", CORRECT)
    write(work / "docs" / "sub" / "bad.txt", SPUN)
    code, out, _ = run("check", "-r", "docs")
    assert code == 1 and out.decode() == f"{os.path.join('docs', 'sub', 'bad.txt')}: would change (2 edits)\n"
    assert_error(*run("check", "docs"), "docs", "is a directory")


def test_explain_a_directory_is_an_error(run, work):
    (work / "d").mkdir()
    assert_error(*run("explain", "d"), "d", "is a directory")


def test_every_config_field_is_an_option(monkeypatch, run):
    """Options given reach the Config, 'none' included; options not given keep their defaults."""
    seen = []
    real = cli.Cleaner
    monkeypatch.setattr(cli, "Cleaner", lambda **options: seen.append(options) or real(**options))
    assert run("clean", "--script", "none", "--no-layout", "--spin", "force", stdin=b"x")[0] == 0
    assert run("clean", stdin=b"x")[0] == 0
    assert seen == [{"script": None, "layout": False, "spin": "force"}, {}]


# ---------------------------------------------------------------- streaming output

PARAGRAPH = "社区经由过程居民议事会决定举办运动会，欢迎大家报名参加。\n\n"


class _Recorder:
    """A stand-in for sys.stdout whose buffer notes, at each write, how many blocks had been cleaned."""

    def __init__(self, cleaned: list[int]) -> None:
        self.buffer = self
        self.cleaned, self.at, self.data = cleaned, [], b""

    def write(self, data: bytes) -> int:
        self.at.append(self.cleaned[0])
        self.data += data
        return len(data)

    def flush(self) -> None:
        pass


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_huge_document_goes_to_stdout_block_by_block(work, monkeypatch, jobs):
    """Each block of a document cleaned in blocks is written to stdout once it is cleaned, not
    after the whole document: the first write comes before the second block is cleaned."""
    monkeypatch.setattr(_io, "STREAM_ABOVE", 2000)
    monkeypatch.setattr(_io, "BLOCK", 1000)
    text = PARAGRAPH * 300  # about 9,000 characters: 9 blocks of about 1,000
    write(work / "big.txt", text)
    cleaned = [0]
    real = ybtext.Cleaner.clean

    def counting(self, t):
        out = real(self, t)
        cleaned[0] += 1
        return out
    monkeypatch.setattr(ybtext.Cleaner, "clean", counting)
    recorder = _Recorder(cleaned)
    monkeypatch.setattr(sys, "stdout", recorder)
    assert cli.main(["clean", "--jobs", jobs, "big.txt"]) == 0
    assert recorder.data == ybtext.clean(text).encode()
    if jobs == "1":  # (workers clean in other processes: nothing to count here)
        assert cleaned[0] >= 8 and recorder.at[0] == 1 and recorder.at == sorted(recorder.at)
        assert len(recorder.at) >= 8


def test_several_documents_to_stdout_are_still_all_or_nothing(run, work, monkeypatch):
    """Only a single text document streams; with several, a bad later one still writes nothing."""
    monkeypatch.setattr(_io, "STREAM_ABOVE", 2000)
    monkeypatch.setattr(_io, "BLOCK", 1000)
    write(work / "big.txt", PARAGRAPH * 300)
    (work / "bad.txt").write_bytes(b"\x00")
    assert_error(*run("clean", "big.txt", "bad.txt"), "bad.txt", "binary")


SMALL_BLOCKS = ("import sys, ybtext._io as io; io.STREAM_ABOVE, io.BLOCK = 20_000, 10_000; "
                "from ybtext.cli import main; sys.exit(main(sys.argv[1:]))")


def _big_file(work: Path, paragraphs: int = 12_000) -> Path:
    return write(work / "big.txt", PARAGRAPH * paragraphs)  # 12,000: 348,000 characters, about 35 blocks


def test_first_output_arrives_long_before_the_end(work):
    """Time to first output on a large file is a small part of the whole run (a real pipe; the
    first block also pays for starting Python and loading the wordlists, about a second)."""
    import time
    big = _big_file(work, 24_000)
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-c", SMALL_BLOCKS, "clean", str(big)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    t_first = time.monotonic() - start
    rest = proc.stdout.read()
    proc.wait(timeout=300)
    t_total = time.monotonic() - start
    assert proc.returncode == 0 and proc.stderr.read() == b""
    text = (first + rest).decode()
    assert text.count("\n") == big.read_text(encoding="utf-8").count("\n") and "经由过程" not in text
    assert t_first < 0.5 * t_total, (t_first, t_total)


def test_head_ends_the_run_quietly(work):
    """`ybtext clean big.txt | head -1`: the run ends soon after the reader goes, without a
    traceback, with the status of a command stopped by SIGPIPE."""
    import time
    big = _big_file(work)
    start = time.monotonic()
    proc = subprocess.Popen(f"{sys.executable} -c '{SMALL_BLOCKS}' clean {big} | head -1",
                            shell=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            executable="/bin/bash")
    out, err = proc.communicate(timeout=300)
    t_head = time.monotonic() - start
    start = time.monotonic()
    whole = subprocess.run([sys.executable, "-c", SMALL_BLOCKS, "clean", str(big)], capture_output=True)
    t_whole = time.monotonic() - start
    assert whole.returncode == 0
    assert out == whole.stdout.splitlines(keepends=True)[0]
    assert err == b"", err.decode()
    assert t_head < 0.5 * t_whole, (t_head, t_whole)
    status = subprocess.run(f"set -o pipefail; {sys.executable} -c '{SMALL_BLOCKS}' clean {big} | head -1 >/dev/null",
                            shell=True, executable="/bin/bash", capture_output=True)
    assert status.returncode == 141 and status.stderr == b""


# ---------------------------------------------------------------- the ocr step's modes

SLIP = "对于上诉证据，法院不予采信。\n"   # only the opt-in context stage reads 上诉 here as 上述


@pytest.mark.parametrize("argv, expected", [
    ((), SLIP),
    (("--ocr", "on"), SLIP),
    (("--ocr", "context"), "对于上述证据，法院不予采信。\n"),
    (("--ocr", "off"), SLIP),
    (("--no-ocr",), SLIP),
])
def test_ocr_modes_on_the_command_line(run, argv, expected):
    assert run("clean", *argv, stdin=SLIP.encode()) == (0, expected.encode(), "")


def test_ocr_off_and_no_ocr_turn_the_step_off(run):
    slip = "会议己经结束。\n"
    assert run("clean", stdin=slip.encode())[1] == "会议已经结束。\n".encode()
    assert run("clean", "--ocr", "off", stdin=slip.encode())[1] == slip.encode()
    assert run("clean", "--no-ocr", stdin=slip.encode())[1] == slip.encode()


def test_bad_ocr_value_is_one_line(run):
    code, out, err = run("clean", "--ocr", "contxt", stdin=b"x")
    assert (code, out) == (2, b"")
    assert err == "ybtext: error: --ocr must be one of: on, context, off (got 'contxt') (see 'ybtext clean --help')\n"


def test_ocr_mode_in_a_config_file(run, work):
    (work / "y.toml").write_text('ocr = "context"\n', encoding="utf-8")
    assert run("clean", "--config", "y.toml", stdin=SLIP.encode())[1] == "对于上述证据，法院不予采信。\n".encode()
    assert run("clean", "--config", "y.toml", "--ocr", "on", stdin=SLIP.encode())[1] == SLIP.encode()
    assert ybtext.Config.from_file(work / "y.toml") == ybtext.Config(ocr="context")
    (work / "bad.toml").write_text('ocr = "maybe"\n', encoding="utf-8")
    assert_error(*run("clean", "--config", "bad.toml", stdin=b"x"), "bad.toml",
                 "ocr must be True, False or one of: on, context, off (got 'maybe')")

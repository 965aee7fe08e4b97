"""User wordlists (``Config.wordlists``, ``--wordlist``), protected terms (``Config.protect``,
``--protect``) and configuration files (``Config.from_file``, ``--config``)."""

from __future__ import annotations

import multiprocessing
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ybtext
from ybtext import Cleaner, Config, ConfigError, WordlistError

ROOT = Path(__file__).resolve().parents[1]

HEADER = "# File: {name}\n# Format: spun form -> original\n# Source: written for this test\n# Columns: spun original\n"
# 学堂园地 is no spin pair of the shipped lists: only a user list can restore it.
USER_TEXT = "新学期开始后，学堂园地里多了几块宣传栏。\n"
# With spin="force", the shipped gated pair 平安 -> 安全 turns 平安校园 into 安全校园.
FORCE_TEXT = "经由过程全校师生的努力，平安校园建设效劳水平不断提高。\n"


def wordlist(path: Path, *pairs: tuple[str, str]) -> Path:
    body = "".join(f"{s}\t{o}\n" for s, o in sorted(pairs))
    path.write_text(HEADER.format(name=path.name) + body, encoding="utf-8")
    return path


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ---------------------------------------------------------------- user wordlists

def test_user_wordlist_restores_its_pair_in_any_document(work):
    wordlist(work / "school.tsv", ("学堂园地", "校园"))
    assert ybtext.clean(USER_TEXT) == USER_TEXT  # the shipped lists do not know the pair
    result = ybtext.clean_and_explain(USER_TEXT, wordlists=("school.tsv",))
    assert result.text == USER_TEXT.replace("学堂园地", "校园")
    (edit,) = result.edits
    assert (edit.step, edit.before, edit.after) == ("spin", "学堂园地", "校园")
    assert edit.rule == "user:school.tsv:5" and edit.note == "tier=user"
    assert ybtext.apply_edits(USER_TEXT, result.edits) == result.text


def test_user_pair_wins_over_a_shipped_pair_where_they_overlap(work):
    # spin-sure.tsv restores 经由过程 -> 通过; the user says this spun form stands for 经过.
    wordlist(work / "mine.tsv", ("经由过程", "经过"))
    assert ybtext.clean(FORCE_TEXT).startswith("通过")
    assert ybtext.clean(FORCE_TEXT, wordlists=["mine.tsv"]).startswith("经过")


def test_user_pairs_belong_to_the_spin_step(work):
    wordlist(work / "school.tsv", ("学堂园地", "校园"))
    assert ybtext.clean(USER_TEXT, wordlists=("school.tsv",), spin="off") == USER_TEXT


def test_a_broken_user_wordlist_names_file_and_line(work):
    (work / "bad.tsv").write_text(HEADER.format(name="bad.tsv") + "乙\t甲\n丙\n", encoding="utf-8")
    with pytest.raises(WordlistError) as info:
        ybtext.clean(USER_TEXT, wordlists=("bad.tsv",))
    assert (info.value.source, info.value.line) == ("bad.tsv", 6)


def test_a_user_wordlist_needs_spun_and_original_columns(work):
    (work / "cols.tsv").write_text("# File: cols.tsv\n# Format: f\n# Source: s\n# Columns: word note\n甲\t乙\n",
                                   encoding="utf-8")
    with pytest.raises(WordlistError, match=r"^cols\.tsv:4: .*spun and original"):
        Cleaner(wordlists="cols.tsv").load()


@pytest.mark.parametrize("problem, line", [
    ("甲\t乙\n乙\t甲\n", 6),           # not sorted
    ("甲\t乙\t丙\n", 5),               # a field too many
    ("甲\t乙\n甲\t乙\n", 6),           # duplicate
])
def test_clean_with_a_broken_wordlist_exits_2_naming_file_and_line(run, work, problem, line):
    (work / "u.tsv").write_text(HEADER.format(name="u.tsv") + problem, encoding="utf-8")
    (work / "a.txt").write_text(USER_TEXT, encoding="utf-8")
    code, out, err = run("clean", "--wordlist", "u.tsv", "a.txt")
    assert (code, out) == (2, b"")
    assert err.startswith(f"ybtext: error: u.tsv:{line}: ") and err.count("\n") == 1, err
    # the same problem, found by the lint the user can run first
    code, out, _ = run("wordlists", "lint", "u.tsv")
    assert code == 1 and f"u.tsv:{line}: ".encode() in out


def test_clean_with_a_missing_wordlist_exits_2(run, work):
    (work / "a.txt").write_text(USER_TEXT, encoding="utf-8")
    code, out, err = run("clean", "--wordlist", "nope.tsv", "a.txt")
    assert (code, out) == (2, b"") and err.startswith("ybtext: error: nope.tsv: cannot read")


def test_cli_wordlist_is_repeatable(run, work):
    wordlist(work / "a.tsv", ("学堂园地", "校园"))
    wordlist(work / "b.tsv", ("宣扬栏", "宣传栏"))
    (work / "d.txt").write_text(USER_TEXT.replace("宣传栏", "宣扬栏"), encoding="utf-8")
    code, out, _ = run("clean", "--wordlist", "a.tsv", "--wordlist", "b.tsv", "d.txt")
    assert (code, out.decode()) == (0, USER_TEXT.replace("学堂园地", "校园"))
    code, out, _ = run("explain", "--wordlist", "b.tsv", "d.txt")
    assert code == 0 and "user:b.tsv:5" in out.decode() and "user:a.tsv" not in out.decode()


# ---------------------------------------------------------------- protected terms

def test_force_changes_the_term_unless_it_is_protected():
    forced = ybtext.clean(FORCE_TEXT, spin="force")
    assert "平安校园" not in forced and "安全校园" in forced  # what force does to it today
    result = ybtext.clean_and_explain(FORCE_TEXT, spin="force", protect=("平安校园",))
    assert "平安校园" in result.text
    # every other edit is still made: the text is the forced one with the term put back
    assert result.text == forced.replace("安全校园", "平安校园")
    assert ybtext.apply_edits(FORCE_TEXT, result.edits) == result.text


def test_protection_holds_in_every_step(work):
    # The boilerplate step removes this customer-service line; protecting a term inside keeps it.
    text = "社区活动通知\n网站客服:1234567890\n本周六举办趣味运动会。\n"
    assert "网站客服" not in ybtext.clean(text)
    kept = ybtext.clean_and_explain(text, protect=["网站客服"])
    assert "网站客服" in kept.text
    assert ybtext.apply_edits(text, kept.edits) == kept.text


def test_protected_terms_from_a_file(work):
    (work / "terms.txt").write_text("# our school's words\n\n  平安校园  \n人人讲安全\n", encoding="utf-8")
    cleaner = Cleaner(spin="force", protect=[Path("terms.txt")])
    assert "平安校园" in cleaner.clean(FORCE_TEXT)
    assert "# our school's words" not in ybtext._userlists.read_terms("terms.txt")


def test_a_bad_protect_file_names_file_and_line(run, work):
    (work / "terms.txt").write_bytes("平安校园\n".encode() + b"\xff\xfe\n")
    (work / "a.txt").write_text(FORCE_TEXT, encoding="utf-8")
    code, out, err = run("clean", "--protect", "terms.txt", "a.txt")
    assert (code, out) == (2, b"") and err.startswith("ybtext: error: terms.txt:2: not UTF-8"), err


def test_cli_protect_survives_spin_force(run, work):
    (work / "terms.txt").write_text("平安校园\n", encoding="utf-8")
    (work / "a.txt").write_text(FORCE_TEXT, encoding="utf-8")
    code, out, _ = run("clean", "--spin", "force", "a.txt")
    assert code == 0 and "平安校园" not in out.decode()
    code, out, _ = run("clean", "--spin", "force", "--protect", "terms.txt", "a.txt")
    assert code == 0 and "平安校园" in out.decode()
    code, out, _ = run("check", "--spin", "force", "--protect", "terms.txt", "a.txt")
    assert code == 1  # other edits remain


def _clean_in_fresh_process(blob: bytes) -> str:
    cleaner = pickle.loads(blob)
    return cleaner.clean(FORCE_TEXT)


def test_protection_and_user_lists_survive_pickling_into_a_fresh_process(work):
    (work / "terms.txt").write_text("平安校园\n", encoding="utf-8")
    wordlist(work / "mine.tsv", ("经由过程", "经过"))
    cleaner = Cleaner(spin="force", protect=[Path("terms.txt").resolve()], wordlists=[str(work / "mine.tsv")])
    expected = cleaner.clean(FORCE_TEXT)
    assert "平安校园" in expected and expected.startswith("经过")
    with multiprocessing.get_context("spawn").Pool(1) as pool:  # a process that loaded nothing
        assert pool.apply(_clean_in_fresh_process, (pickle.dumps(cleaner),)) == expected


def test_protection_with_jobs_2(run, work):
    (work / "terms.txt").write_text("平安校园\n", encoding="utf-8")
    for i in range(6):
        (work / "in" / f"{i}.txt").parent.mkdir(exist_ok=True)
        (work / "in" / f"{i}.txt").write_text(FORCE_TEXT * (i + 1), encoding="utf-8")
    argv = ["clean", "-r", "in", "--spin", "force", "--protect", "terms.txt", "--no-summary"]
    assert run(*argv, "-o", "one", "--jobs", "1")[0] == 0
    assert run(*argv, "-o", "two", "--jobs", "2")[0] == 0
    for i in range(6):
        one = (work / "one" / f"{i}.txt").read_text(encoding="utf-8")
        assert one.count("平安校园") == i + 1
        assert (work / "two" / f"{i}.txt").read_text(encoding="utf-8") == one


def _step_inputs(text: str, edits):
    """(step input, that step's edits) for each step that made edits."""
    groups: list[list] = []
    for e in edits:
        if groups and groups[-1][0].step == e.step:
            groups[-1].append(e)
        else:
            groups.append([e])
    for group in groups:
        yield text, group
        text = ybtext.apply_edits(text, group)


PIECES = ["平安校园", "经由过程", "效劳", "黉舍", "进展", "，", "。", "\n", "网站客服:1234567890\n",
          "安全", "中心", "我们", "建设", " ", "  ", "1", "Ａ", "校园"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.sampled_from(["平安校园", "安全", "校园", "效劳"]))
def test_no_kept_edit_touches_a_protected_occurrence(pieces, term):
    text = "".join(pieces)
    result = ybtext.clean_and_explain(text, spin="force", protect=(term,))
    assert ybtext.apply_edits(text, result.edits) == result.text
    for step_input, group in _step_inputs(text, result.edits):
        spans = []
        start = step_input.find(term)
        while start >= 0:
            spans.append((start, start + len(term)))
            start = step_input.find(term, start + 1)
        for e in group:
            for s, t in spans:
                assert not (e.start < t and s < e.end) and not (s < e.start < t), (e, term, step_input)


# ---------------------------------------------------------------- Config

def test_config_keeps_only_paths_and_strings_and_pickles():
    c = Config(wordlists=["a.tsv", Path("b.tsv")], protect=["平安校园", Path("t.txt")])
    assert c.wordlists == ("a.tsv", "b.tsv") and c.protect == ("平安校园", Path("t.txt"))
    assert pickle.loads(pickle.dumps(c)) == c and hash(c) == hash(Config(**{
        "wordlists": ("a.tsv", "b.tsv"), "protect": ("平安校园", Path("t.txt"))}))
    assert Config(protect="平安校园").protect == ("平安校园",)


@pytest.mark.parametrize("options", [
    {"wordlists": 3}, {"wordlists": [""]}, {"protect": [" "]}, {"protect": ["a\nb"]}, {"protect": [3]},
])
def test_bad_user_options_raise_config_error(options):
    with pytest.raises(ConfigError):
        Config(**options)


# ---------------------------------------------------------------- configuration files

EXAMPLE = ROOT / "examples" / "ybtext.toml"


def test_example_config_file(run, monkeypatch):
    config = Config.from_file(EXAMPLE)
    assert config.spin == "force"
    assert config.wordlists == (str(ROOT / "examples" / "school-spin.tsv"),)
    assert config.protect == (ROOT / "examples" / "protected.txt",)
    notice = (ROOT / "examples" / "school-notice.txt").read_text(encoding="utf-8")
    plain = ybtext.clean(notice, spin="force")
    cleaned = Cleaner(config).clean(notice)
    assert "平安校园" in notice and "平安校园" not in plain and "平安校园" in cleaned
    assert "学堂园地" in notice and "学堂园地" in plain and "学堂园地" not in cleaned
    monkeypatch.chdir(ROOT)  # the config's paths are relative to the file, not to the working directory
    assert run("clean", "--config", str(EXAMPLE), str(ROOT / "examples" / "school-notice.txt")) == \
        (0, cleaned.encode(), "")


def test_command_line_overrides_the_config_file(run, work):
    (work / "y.toml").write_text('spin = "force"\nlayout = false\n', encoding="utf-8")
    (work / "a.txt").write_text(FORCE_TEXT, encoding="utf-8")
    forced = run("clean", "--config", "y.toml", "a.txt")[1].decode()
    assert forced == ybtext.clean(FORCE_TEXT, spin="force", layout=False) != FORCE_TEXT
    off = run("clean", "--config", "y.toml", "--spin", "off", "a.txt")[1].decode()
    assert off == ybtext.clean(FORCE_TEXT, spin="off", layout=False)


def test_config_file_paths_are_relative_to_the_file(work):
    (work / "conf").mkdir()
    wordlist(work / "conf" / "school.tsv", ("学堂园地", "校园"))
    (work / "conf" / "y.toml").write_text('wordlists = "school.tsv"\nscript = "none"\n', encoding="utf-8")
    config = Config.from_file(work / "conf" / "y.toml")
    assert config.script is None and config.wordlists == (str(work / "conf" / "school.tsv"),)
    assert "校园" in Cleaner(config).clean(USER_TEXT)


@pytest.mark.parametrize("body, what", [
    ('spinn = "force"\n', "unknown key 'spinn'"),
    ('spin = "always"\n', "spin must be one of"),
    ('layout = "no"\n', "layout must be True or False"),
    ('wordlists = [1]\n', "wordlists: expected a path"),
    ('spin = \n', "not valid TOML"),
])
def test_bad_config_file_is_one_line_exit_2(run, work, body, what):
    (work / "y.toml").write_text(body, encoding="utf-8")
    (work / "a.txt").write_text(FORCE_TEXT, encoding="utf-8")
    for command in ("clean", "explain", "check", "detect", "review"):
        code, out, err = run(command, "--config", "y.toml", "a.txt")
        assert (code, out) == (2, b""), command
        assert err.startswith("ybtext: error: y.toml: ") and what in err and err.count("\n") == 1, err


def test_missing_config_file(run, work):
    code, out, err = run("clean", "--config", "nope.toml", stdin=FORCE_TEXT.encode())
    assert (code, out) == (2, b"") and err.startswith("ybtext: error: nope.toml: cannot read")


# ---------------------------------------------------------------- typing

def test_options_typeddict_names_every_config_field():
    import dataclasses
    import typing

    hints = typing.get_type_hints(ybtext.Options)
    assert set(hints) == {f.name for f in dataclasses.fields(Config)} | {"keep_boilerplate"}
    assert typing.get_args(hints["spin"]) == ("auto", "off", "force")
    for name in ("auto", "off", "force"):
        Config(spin=name)  # every value the type allows is accepted
    for fn in (ybtext.clean, ybtext.clean_and_explain, Cleaner.__init__):
        kwargs = inspect_kwargs(fn)
        assert kwargs is not None and typing.get_args(kwargs)[0] is ybtext.Options, fn


def inspect_kwargs(fn):
    import typing

    return typing.get_type_hints(fn).get("options")

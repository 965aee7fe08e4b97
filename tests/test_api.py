"""The library surface: Cleaner, batch cleaning, options, import cost, errors, replay."""

from __future__ import annotations

import concurrent.futures
import io
import multiprocessing
import pickle
import subprocess
import sys
import textwrap

import pytest

import ybtext
from ybtext import _io
from ybtext._wordlists import load, parse
from ybtext.errors import ConfigError, InputError, WordlistError, YbtextError

SPUN = "社区经由过程居民议事会决定，不克不及携带宠物。"
CLEANED = "社区通过居民议事会决定，不能携带宠物。"


def _clean_in_worker(cleaner: ybtext.Cleaner, text: str) -> str:
    return cleaner.clean(text)


def test_cleaner_pickles_and_works_after_unpickling():
    """A Cleaner survives pickling with its config and cleans as before (worker processes need this)."""
    cleaner = ybtext.Cleaner(spin="force", ocr=False)
    cleaner.clean(SPUN)  # loaded steps must not get in the way of pickling
    clone = pickle.loads(pickle.dumps(cleaner))
    assert clone == cleaner and clone.config == ybtext.Config(spin="force", ocr=False)
    assert clone.clean(SPUN) == CLEANED


@pytest.mark.slow
def test_cleaner_works_in_a_spawned_worker_process():
    """Shipped to a fresh interpreter (spawn), the Cleaner loads its own wordlists and cleans."""
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        assert pool.submit(_clean_in_worker, ybtext.Cleaner(), SPUN).result(timeout=60) == CLEANED


def test_clean_batch_is_clean_of_each():
    texts = [SPUN, "", "我们取得重大进展。", SPUN]
    cleaner = ybtext.Cleaner()
    assert cleaner.clean_batch(texts) == [ybtext.clean(t) for t in texts] == [CLEANED, "", texts[2], CLEANED]
    assert cleaner.clean_batch(iter(texts)) == cleaner.clean_batch(texts)  # any iterable


@pytest.mark.parametrize("call", [
    lambda: ybtext.clean("x", spinn="off"),
    lambda: ybtext.clean_and_explain("x", bogus=True),
    lambda: ybtext.Cleaner(bogus=True),
    lambda: ybtext.Config(bogus=True),
])
def test_unknown_option_is_a_type_error(call):
    with pytest.raises(TypeError):
        call()


@pytest.mark.parametrize("options", [{"spin": "maybe"}, {"layout": "yes"}, {"script": "x"},
                                     {"ocr": 1}, {"keep_boilerplate": "no"}])
def test_bad_option_value_is_a_config_error(options):
    with pytest.raises(ConfigError) as info:
        ybtext.clean("x", **options)
    assert isinstance(info.value, YbtextError) and isinstance(info.value, ValueError)


@pytest.mark.parametrize("options, message", [
    ({"spin": None}, "spin must be one of: auto, off, force (got None)"),
    ({"spin": "maybe"}, "spin must be one of: auto, off, force (got 'maybe')"),
    ({"script": "x"}, "script must be one of: auto, s, t, off (got 'x')"),
    ({"layout": "yes"}, "layout must be True or False (got 'yes')"),
])
def test_config_error_messages_are_words(options, message):
    with pytest.raises(ConfigError) as info:
        ybtext.Config(**options)
    assert str(info.value) == message


def test_script_off_is_none():
    """'off' turns the script step off like every other step; None, its older spelling, still does."""
    assert ybtext.Config(script="off") == ybtext.Config(script=None)
    assert ybtext.clean("乾隆年間", script="off") == "乾隆年間" != ybtext.clean("乾隆年間")


def test_text_must_be_str():
    with pytest.raises(TypeError):
        ybtext.clean(b"bytes")  # type: ignore[arg-type]


def test_import_reads_no_wordlist_and_imports_no_step_or_third_party_module():
    """`import ybtext` opens no wordlist and imports neither the step modules nor opencc/rapidfuzz/regex."""
    probe = textwrap.dedent("""
        import json, sys
        opened = []
        sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
        import ybtext
        print(json.dumps({"opened": [p for p in opened if p.endswith(".tsv") or "wordlists" in p],
                          "modules": sorted(sys.modules),
                          "cached": sys.modules["ybtext._wordlists"].load.cache_info().currsize
                                    if "ybtext._wordlists" in sys.modules else 0}))
    """)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    import json
    report = json.loads(done.stdout)
    assert report["opened"] == [] and report["cached"] == 0
    imported = set(report["modules"])
    # the spin package's __init__ is a lazy namespace (the detector's types live in it): what must
    # not load is the step itself
    steps = {f"ybtext.{name}" for name in ybtext.STEPS} - {"ybtext.spin"} | {"ybtext.spin._step"}
    assert not imported & (steps | {"opencc", "rapidfuzz", "regex", "ybtext.cli"}), imported & steps
    assert "ybtext" in imported


def test_wordlist_error_names_file_and_line(tmp_path):
    bad = tmp_path / "mine.tsv"
    bad.write_text("# File: mine.tsv\n# Format: t\n# Source: t\n# Columns: a b\nx\ty\nz\n", encoding="utf-8")
    with pytest.raises(WordlistError) as info:
        parse("mine.tsv", bad.read_bytes(), strict=True)
    err = info.value
    assert (err.source, err.line) == ("mine.tsv", 6)
    assert str(err).startswith("mine.tsv:6: ")


def test_apply_edits_replays_clean():
    text = "温馨提示\n" + SPUN + "\n黉舍一样平常的安排。"
    result = ybtext.clean_and_explain(text)
    assert result.edits and ybtext.apply_edits(text, result.edits) == result.text == ybtext.clean(text)
    assert ybtext.apply_edits(text, ()) == text


def test_apply_edits_refuses_edits_that_do_not_fit():
    result = ybtext.clean_and_explain(SPUN)
    with pytest.raises(YbtextError):
        ybtext.apply_edits("完全不同的一段文字，长度也不一样。", result.edits)


def test_errors_from_below_are_wrapped_with_from(tmp_path):
    """OSError, LookupError and JSON errors surface as YbtextError subclasses, the cause kept."""
    with pytest.raises(WordlistError) as info:
        load("no-such-list.tsv")
    assert isinstance(info.value.__cause__, OSError)
    with pytest.raises(InputError) as info:
        _io.read_text(str(tmp_path / "missing.txt"))
    assert isinstance(info.value.__cause__, OSError)
    with pytest.raises(InputError) as info:
        _io.sniff(io.BytesIO(b"abc"), "x.txt", encoding="no-such-codec")
    assert isinstance(info.value.__cause__, LookupError)
    from ybtext._jsonl import replace_field
    with pytest.raises(InputError) as info:
        replace_field('{"text": "a"', "text", str.upper, "x.jsonl:1")
    assert isinstance(info.value.__cause__, ValueError)

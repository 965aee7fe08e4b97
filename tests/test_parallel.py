"""Batch machinery: Cleaner batches and pickling, ordered parallel_map, RunStats, progress.

Expected outputs are always computed with an in-process ``Cleaner().clean`` so these tests hold
whatever the steps do; they prove the plumbing (order, streaming, counting), not the cleaning.
"""

from __future__ import annotations

import io
import itertools
import json
import pickle
import sys

import pytest

import ybtext
import ybtext.report
from ybtext._parallel import Outcome, RunStats, parallel_map, progress, report_line, resolve_jobs

DOCS = [f"第{i}篇：经由过程调查，黉舍不克不及这样做。\n\n正文{i}。" if i % 3 else f"干净的第{i}段文字。"
        for i in range(60)]


def test_clean_batch_and_iter_keep_order_and_match_clean():
    """clean_batch returns a list, clean_iter streams lazily; both equal clean() doc by doc, in order."""
    c = ybtext.Cleaner()
    expected = [c.clean(d) for d in DOCS]
    assert c.clean_batch(DOCS) == expected
    it = c.clean_iter(iter(DOCS))
    assert next(it) == expected[0]  # lazy: a generator, not a list
    assert [expected[0], *it] == expected


def test_clean_iter_consumes_its_input_lazily():
    """clean_iter works on an endless generator: it never reads ahead of what is asked."""
    endless = (f"第{i}段经由过程" for i in itertools.count())
    got = list(itertools.islice(ybtext.Cleaner().clean_iter(endless), 5))
    assert got == [ybtext.clean(f"第{i}段经由过程") for i in range(5)]


def test_cleaner_pickles_as_its_config_and_still_cleans():
    """A Cleaner (also one whose steps are loaded) round-trips through pickle and cleans the same."""
    c = ybtext.Cleaner(spin="force", punctuation=False)
    c.clean(DOCS[1])  # load steps and wordlists
    clone = pickle.loads(pickle.dumps(c))
    assert clone == c and clone.config == c.config
    assert clone.clean(DOCS[1]) == c.clean(DOCS[1])
    assert len(pickle.dumps(c)) < 1000  # no wordlists or compiled patterns travel with it


@pytest.mark.parametrize("jobs", [1, 2])
def test_parallel_map_keeps_order(jobs):
    """Results come back in input order, with chunks small enough that workers interleave."""
    c = ybtext.Cleaner()
    got = list(parallel_map(c, iter(DOCS), jobs, chunksize=3))
    assert got == [c.clean(d) for d in DOCS]


def test_parallel_map_report_mode_yields_outcomes():
    """report=True yields Outcome(chars, Cleaned, SpinReport) equal to clean_and_explain/detect_spin."""
    c = ybtext.Cleaner()
    got = list(parallel_map(c, DOCS[:10], 2, report=True, chunksize=4))
    assert all(isinstance(o, Outcome) for o in got)
    assert [o.chars for o in got] == [len(d) for d in DOCS[:10]]
    assert [o.cleaned for o in got] == [c.clean_and_explain(d) for d in DOCS[:10]]
    assert [o.spin for o in got] == [ybtext.detect_spin(d) for d in DOCS[:10]]


def test_parallel_map_streams_an_endless_input():
    """With workers, parallel_map still reads its input lazily (a bounded window, not Pool.imap)."""
    endless = (f"第{i}段经由过程" for i in itertools.count())
    got = list(itertools.islice(parallel_map(ybtext.Cleaner(), endless, 2, chunksize=2), 7))
    assert got == [ybtext.clean(f"第{i}段经由过程") for i in range(7)]


def test_parallel_map_chunks_by_characters_too():
    """A few huge documents are not bundled into one chunk: max_chunk_chars splits them."""
    big = ["经由过程" * 5000 + str(i) for i in range(6)]
    got = list(parallel_map(ybtext.Cleaner(), big, 2, max_chunk_chars=10_000))
    assert got == [ybtext.clean(b) for b in big]


def test_parallel_map_worker_error_reaches_the_caller():
    """A bad document fails loudly in the parent, with the library's own error type."""
    with pytest.raises(TypeError, match="text must be str"):
        list(parallel_map(ybtext.Cleaner(), ["好", b"bytes"], 2))


def test_jobs_values():
    """jobs=0 means all usable cores; negative or non-integer jobs are a ConfigError."""
    assert resolve_jobs(0) >= 1 and resolve_jobs(3) == 3
    for bad in (-1, 1.5, True, "2"):
        with pytest.raises(ybtext.ConfigError):
            resolve_jobs(bad)
    with pytest.raises(ybtext.ConfigError):
        parallel_map(ybtext.Cleaner(), DOCS, -2)


def test_run_stats_counts_and_report_rows():
    """RunStats totals documents, characters, edits by step and spun documents; rows are JSON."""
    c = ybtext.Cleaner()
    stats = RunStats()
    rows = [stats.add(o, source="x.jsonl", index=i) for i, o in enumerate(parallel_map(c, DOCS, 1, report="triage"))]
    explained = [c.clean_and_explain(d) for d in DOCS]
    d = stats.as_dict()
    assert d["documents"] == len(DOCS) and d["characters"] == sum(map(len, DOCS))
    assert d["edits"] == sum(len(e.edits) for e in explained)
    assert d["changed"] == sum(bool(e.edits) for e in explained)
    assert d["spun"] == sum(ybtext.report.triage(x, c.clean_and_explain(x)).spin.spun for x in DOCS)
    by_step = {}
    for e in explained:
        for edit in e.edits:
            by_step[edit.step] = by_step.get(edit.step, 0) + 1
    assert d["edits_by_step"] == by_step
    assert [r["index"] for r in rows] == list(range(len(DOCS)))
    assert sum(r["edits"] for r in rows) == d["edits"]
    assert json.loads(report_line(rows[1])) == rows[1]
    assert report_line({"source": "文件.txt"}) == '{"source": "文件.txt"}\n'  # readable UTF-8
    assert f"{len(DOCS)} documents" in stats.summary()


def test_progress_is_silent_unless_enabled():
    """By default (stderr not a terminal) progress writes nothing and yields everything."""
    out = io.StringIO()
    assert list(progress(range(5), stream=out)) == list(range(5))
    assert out.getvalue() == ""


def test_progress_fallback_counter_without_tqdm(monkeypatch):
    """Without tqdm, an enabled progress prints a counter line on the given stream."""
    monkeypatch.setitem(sys.modules, "tqdm", None)  # makes `from tqdm import tqdm` fail
    out = io.StringIO()
    assert list(progress(range(5), total=5, enabled=True, stream=out, unit="doc")) == list(range(5))
    assert "ybtext: 5/5 docs" in out.getvalue() and out.getvalue().endswith("\n")


def test_progress_uses_tqdm_when_installed():
    """With tqdm importable, progress draws a tqdm bar on the given stream."""
    pytest.importorskip("tqdm")
    out = io.StringIO()
    assert list(progress(range(3), total=3, enabled=True, stream=out)) == [0, 1, 2]
    assert "3/3" in out.getvalue()


def test_errors_survive_the_trip_from_a_worker():
    """Every YbtextError pickles with its fields, so a worker's error reaches the parent intact."""
    e = pickle.loads(pickle.dumps(ybtext.WordlistError("user.tsv", 7, "unsorted")))
    assert (e.source, e.line, e.message, str(e)) == ("user.tsv", 7, "unsorted", "user.tsv:7: unsorted")
    assert str(pickle.loads(pickle.dumps(ybtext.InputError("bad line 3")))) == "bad line 3"


@pytest.mark.parametrize("jobs", [1, 2])
def test_input_error_comes_after_the_documents_read_before_it(jobs):
    """If reading the input fails, every document read before is still yielded, then the error."""
    def source():
        yield from DOCS[:5]
        raise ybtext.InputError("line 6: not JSON")

    got = []
    with pytest.raises(ybtext.InputError, match="line 6"):
        for result in parallel_map(ybtext.Cleaner(), source(), jobs, chunksize=2):
            got.append(result)
    assert got == [ybtext.clean(d) for d in DOCS[:5]]

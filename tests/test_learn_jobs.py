"""``ybtext learn --jobs N`` and ``learn_spin(texts, jobs=N)`` (issue 23): partial learners of
consecutive chunks, merged in input order, give the serial table exactly. The corpora are
test_learn's sentences, spun there; the workers are forked from this process (candidates and the
context model built here first, as ``learn.learner`` does)."""

from __future__ import annotations

import json
import pickle

import pytest

from ybtext import ConfigError, learn_spin
from ybtext.learn import JUDGED, Learner, learner

from test_learn import ABILITY_SPUN, EVERYDAY, SPUN

# Long enough that the 将来 -> 未来 pair reaches JUDGED margins (two per document) mid-corpus.
CORPUS = SPUN * 2 + ABILITY_SPUN + EVERYDAY
PAIR = ("将来", "未来")


def state(lr: Learner) -> tuple[object, ...]:
    """Everything a learner holds, its pairs in the order first seen (what ``table()`` reads)."""
    stats = [(key, st.spun, st.docs, st.margins) for key, st in lr._stats.items()]
    return lr.documents, lr.chars, dict(lr._originals), stats


def margins(lr: Learner) -> list[float]:
    return lr._stats[PAIR].margins


@pytest.fixture(scope="module")
def serial() -> Learner:
    return learner(CORPUS)


def test_the_corpus_fills_the_cap_of_judged_margins(serial):
    """Else the merge tests below could not tell the right margins from wrong ones."""
    assert len(margins(serial)) == JUDGED
    assert len(set(margins(serial))) > 5  # documents judge differently: which ones are kept shows


@pytest.mark.parametrize("chunksize", [1, 5, 64])
def test_jobs_2_learns_what_one_process_learns(serial, chunksize):
    """Chunks of one, five and all documents over two workers: the same counters, the same margins
    in the same order, the same pairs in the same first-seen order, hence the same table."""
    two = learner(iter(CORPUS), 2, chunksize=chunksize)
    assert state(two) == state(serial)
    assert two.table() == serial.table()
    assert (two.documents, two.chars) == (len(CORPUS), sum(map(len, CORPUS)))


def test_learn_spin_with_jobs_gives_the_serial_table(serial):
    table = learn_spin(iter(CORPUS), jobs=2)
    assert table == serial.table() and table.applied()
    assert learn_spin(CORPUS, jobs=0) == table  # every core


def test_merge_keeps_the_first_judged_margins_in_document_order():
    """First and second run each hold fewer than JUDGED margins, together more: the merged learner
    keeps all of the first's and then the second's first ones, as a single learner reading both
    runs in order does. Merged the other way round, it keeps other margins."""
    first_docs, second_docs = SPUN + SPUN[:5], SPUN[5:] + SPUN
    first, second = learner(first_docs), learner(second_docs)
    ours, theirs = margins(first), margins(second)
    assert len(ours) < JUDGED and len(theirs) < JUDGED < len(ours) + len(theirs)
    whole = learner(first_docs + second_docs)
    first.merge(second)
    assert margins(first) == (ours + theirs)[:JUDGED] == margins(whole)
    assert state(first) == state(whole)
    backwards = learner(second_docs)
    backwards.merge(learner(first_docs))
    assert margins(backwards) == (theirs + ours)[:JUDGED] != margins(whole)


def test_merge_adds_the_counts():
    a, b = learner(SPUN[:4]), learner(SPUN[4:] + ABILITY_SPUN)
    a.merge(b)
    whole = learner(SPUN + ABILITY_SPUN)
    assert (a.documents, a.chars) == (whole.documents, whole.chars) == (24, sum(map(len, SPUN + ABILITY_SPUN)))
    _, _, originals, stats = state(a)
    assert originals == state(whole)[2] and stats == state(whole)[3]
    assert (a.table().pairs, a.table().documents) == (whole.table().pairs, 24)
    with pytest.raises(ValueError, match="itself"):
        a.merge(a)


def test_a_learner_told_the_margins_kept_before_judges_only_the_rest():
    """What a worker is told with its chunk: the margins the learners before it keep already. It
    keeps the first of its own up to JUDGED in all, as the merge would, and judges no more."""
    told = Learner(kept={PAIR: JUDGED - 3})
    for doc in SPUN:
        told.add(doc)
    alone = learner(SPUN)
    assert len(margins(alone)) > 3 and margins(told) == margins(alone)[:3]
    assert state(told)[:3] == state(alone)[:3]  # the counts are all there
    assert [s[:3] for s in state(told)[3]] == [s[:3] for s in state(alone)[3]]  # all but the margins
    assert pickle.loads(pickle.dumps(told))._kept == {}  # told only for its own chunk


def test_a_pickled_learner_is_its_counters():
    """What a worker sends back: the counters, not the candidate tables (matchers of thousands of
    words); unpickled, it merges and tabulates like the original."""
    lr = learner(SPUN)
    data = pickle.dumps(lr)
    assert b"Matcher" not in data and b"_Candidates" not in data
    back = pickle.loads(data)
    assert state(back) == state(lr) and back.table() == lr.table()
    back.add(SPUN[0])
    assert back.documents == 13


def test_bad_jobs_and_bad_texts_with_workers():
    with pytest.raises(ConfigError, match="jobs"):
        learn_spin(SPUN, jobs=-1)
    with pytest.raises(TypeError, match="str"):
        learn_spin(SPUN * 6 + [b"bytes"], jobs=2)  # type: ignore[list-item]


def test_cli_learn_jobs_2_writes_the_file_of_jobs_1(run, tmp_path, monkeypatch):
    """150 JSON lines (three chunks of 64 lines, so both workers learn and three learners merge)."""
    monkeypatch.chdir(tmp_path)
    docs = (CORPUS * 3)[:150]
    (tmp_path / "pages.jsonl").write_text("".join(json.dumps({"body": d}, ensure_ascii=False) + "\n" for d in docs),
                                          encoding="utf-8")
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    one = run("learn", "--jsonl", "--field", "body", "pages.jsonl", "-o", "one/t.tsv", "--jobs", "1")
    two = run("learn", "--jsonl", "--field", "body", "pages.jsonl", "-o", "two/t.tsv", "-j", "2")
    assert one[0] == two[0] == 0 and one[2] == two[2] and "from 150 document(s)" in two[2]
    written = (tmp_path / "one" / "t.tsv").read_bytes()
    assert (tmp_path / "two" / "t.tsv").read_bytes() == written and "\t将来\t未来\t".encode() in written
    code, out, _ = run("learn", "--jsonl", "--field", "body", "pages.jsonl", "-j", "0")
    assert (code, out) == (0, written.replace(b"# File: t.tsv", b"# File: learned.tsv"))


@pytest.mark.parametrize("bad", ["-1", "two", "1.5", ""])
def test_bad_jobs_value_is_a_one_line_usage_error(run, bad, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run("learn", "--jobs", bad, "-o", "t.tsv", stdin=SPUN[0].encode())
    assert (code, out) == (2, b"") and err.count("\n") == 1
    assert err.startswith("ybtext: error: --jobs must be a whole number >= 0") and "Traceback" not in err
    assert not (tmp_path / "t.tsv").exists()


def test_a_bad_input_with_jobs_2_is_one_line_and_writes_nothing(run, tmp_path, monkeypatch):
    """A bad JSON line after two chunks' worth of good ones: the workers' learners are dropped."""
    monkeypatch.chdir(tmp_path)
    lines = [json.dumps({"text": d}, ensure_ascii=False) + "\n" for d in (CORPUS * 3)[:140]]
    (tmp_path / "pages.jsonl").write_text("".join(lines) + "{not json\n", encoding="utf-8")
    code, out, err = run("learn", "--jsonl", "pages.jsonl", "-o", "t.tsv", "-j", "2")
    assert (code, out) == (2, b"") and err.count("\n") == 1 and err.startswith("ybtext: error: pages.jsonl:141")
    assert not (tmp_path / "t.tsv").exists()

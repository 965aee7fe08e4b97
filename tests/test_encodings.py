"""Encoding detection without a BOM: UTF-8, else GB18030 or Big5, whichever reads as plausible
Chinese; a close call is an error asking for --encoding (never mojibake with exit 0)."""

from __future__ import annotations

import pytest

import ybtext
from ybtext import _io
from ybtext._wordlists import load_columns

# Traditional Chinese (Taiwan usage), every character in Big5.
TRADITIONAL = ("本館週六下午將舉辦兒童說故事活動，請家長陪同孩子提早十分鐘入場。\n"
               "颱風警報發布期間，所有戶外課程一律暫停，補課時間另行通知。\n")
# Simplified Chinese, every character in GB2312; its GB18030 bytes are also valid Big5 (mojibake).
SIMPLIFIED = ("本馆周六下午将举办儿童讲故事活动，请家长陪同孩子提前十分钟进场。\n"
              "台风警报发布期间，所有户外课程一律暂停，补课时间另行通知。\n")


@pytest.fixture(params=["decoded in memory", "checked in a pass, then streamed"])
def reader(request, monkeypatch):
    """Run a test for ordinary inputs and for inputs above WHOLE_BELOW bytes."""
    if request.param != "decoded in memory":
        monkeypatch.setattr(_io, "WHOLE_BELOW", 0)


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_big5_file_cleans_like_its_utf8_form(run, work, reader):
    (work / "big5.txt").write_bytes(TRADITIONAL.encode("big5"))
    (work / "utf8.txt").write_bytes(TRADITIONAL.encode("utf-8"))
    big5 = run("clean", "big5.txt")
    assert big5 == run("clean", "utf8.txt")
    assert big5[0] == 0 and big5[1].decode("utf-8") == ybtext.clean(TRADITIONAL)
    # The GB18030 reading of the same bytes (what used to come out) is not what we get.
    assert ybtext.clean(TRADITIONAL.encode("big5").decode("gb18030")) != big5[1].decode("utf-8")


def test_gb18030_and_utf8_are_still_read_as_such(run, work, reader):
    SIMPLIFIED.encode("gb18030").decode("big5")  # a Big5 reading exists: detection must weigh the two
    expected = ybtext.clean(SIMPLIFIED).encode("utf-8")
    for encoding in ("gb18030", "gbk", "gb2312", "utf-8"):
        (work / "doc.txt").write_bytes(SIMPLIFIED.encode(encoding))
        assert run("clean", "doc.txt") == (0, expected, ""), encoding


def test_explain_says_which_encoding_it_chose(run, work):
    (work / "t.txt").write_bytes(TRADITIONAL.encode("big5"))
    (work / "s.txt").write_bytes(SIMPLIFIED.encode("gb18030"))
    (work / "u.txt").write_bytes(SIMPLIFIED.encode("utf-8"))
    code, _out, err = run("explain", "t.txt")
    assert code == 0 and "t.txt: read as Big5" in err and "--encoding" in err
    code, _out, err = run("explain", "s.txt")
    assert code == 0 and "s.txt: read as GB18030" in err
    assert "read as" not in run("explain", "u.txt")[2]  # UTF-8 goes without saying
    assert "read as" not in run("explain", "--encoding", "big5", "t.txt")[2]  # the user said it


def _ambiguous_pairs(count: int) -> bytes:
    """Byte pairs that GB18030 and Big5 both read as a common character (e.g. one reads 爱 where
    the other reads 乾): a text of only these is plausible either way."""
    common = set(load_columns("boilerplate-common-chars.tsv", "char")[0])
    found = []
    for lead in range(0xB0, 0xF8):
        for trail in range(0xA1, 0xFF):
            pair = bytes((lead, trail))
            try:
                readings = pair.decode("gb18030"), pair.decode("big5")
            except UnicodeDecodeError:
                continue
            if all(r in common for r in readings):
                found.append(pair)
                if len(found) == count:
                    return b"".join(found)
    raise AssertionError("no ambiguous byte pairs found")


def test_undecidable_between_gb18030_and_big5_is_an_error(run, work, reader):
    data = _ambiguous_pairs(12) + b"\n"
    (work / "doc.txt").write_bytes(data)
    code, out, err = run("clean", "doc.txt")
    assert (code, out) == (2, b"")
    assert err.startswith("ybtext: error: doc.txt: cannot tell") and err.count("\n") == 1
    assert "--encoding" in err and "Big5" in err and "GB18030" in err
    # Naming the encoding settles it, either way.
    assert run("clean", "--encoding", "big5", "doc.txt")[1].decode() == ybtext.clean(data.decode("big5"))
    assert run("clean", "--encoding", "gbk", "doc.txt")[1].decode() == ybtext.clean(data.decode("gb18030"))


def test_plausibility_separates_right_and_wrong_readings():
    big5, gb = TRADITIONAL.encode("big5"), SIMPLIFIED.encode("gb18030")
    assert _io.plausibility(big5.decode("big5")) - _io.plausibility(big5.decode("gb18030")) >= _io.MARGIN
    assert _io.plausibility(gb.decode("gb18030")) - _io.plausibility(gb.decode("big5")) >= _io.MARGIN
    assert _io.plausibility(big5.decode("big5")) > 0.9 and _io.plausibility(gb.decode("gb18030")) > 0.9
    assert _io.plausibility("plain ASCII") == 0.0


def test_a_close_call_on_a_short_text_stays_gb18030(run, work):
    """Too few characters to tell: read as GB18030 (as before Big5 was recognized), no error."""
    data = _ambiguous_pairs(_io.MIN_EVIDENCE - 1)
    (work / "short.txt").write_bytes(data)
    assert run("clean", "short.txt") == (0, ybtext.clean(data.decode("gb18030")).encode("utf-8"), "")
    (work / "short-big5.txt").write_bytes("我們的學校".encode("big5"))  # short, but clearly Big5
    assert run("clean", "short-big5.txt")[1].decode("utf-8") == ybtext.clean("我們的學校")

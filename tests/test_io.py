"""Reading and writing for the command line: block streaming of very large documents, JSON Lines
field splicing, the all-or-nothing output transaction."""

from __future__ import annotations

import tracemalloc

import pytest

import ybtext
from ybtext import _io, cli
from ybtext._jsonl import replace_field
from ybtext.errors import InputError

PARAGRAPH = "社区经由过程居民议事会决定，本周六在黉舍操场举办运动会。\n由于场地有限，不克不及携带宠物。\n\n"


@pytest.fixture(params=["in memory", "from the file"])
def small_blocks(monkeypatch, request):
    """Stream documents above 1,000 characters in blocks of 300, cut from the decoded text or
    read again from the file (as for inputs above WHOLE_BELOW bytes)."""
    monkeypatch.setattr(_io, "STREAM_ABOVE", 1000)
    monkeypatch.setattr(_io, "BLOCK", 300)
    if request.param == "from the file":
        monkeypatch.setattr(_io, "WHOLE_BELOW", 0)


def _blocks(tmp_path, text: str, encoding: str = "utf-8") -> list[str]:
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode(encoding))
    with _io.Source(str(path)) as src:
        return list(src.blocks())


def test_small_documents_are_one_block(tmp_path):
    assert _blocks(tmp_path, PARAGRAPH * 3) == [PARAGRAPH * 3]


def test_large_documents_are_cut_after_paragraphs(tmp_path, small_blocks):
    text = PARAGRAPH * 100
    blocks = _blocks(tmp_path, text)
    assert len(blocks) > 5 and "".join(blocks) == text
    assert all(b.endswith("\n\n") and len(b) <= 2 * 300 for b in blocks)


def test_cuts_fall_on_line_ends_without_blank_lines_and_anywhere_in_one_endless_line(tmp_path, small_blocks):
    lines = PARAGRAPH.replace("\n\n", "\n") * 100
    assert all(b.endswith("\n") for b in _blocks(tmp_path, lines)) and "".join(_blocks(tmp_path, lines)) == lines
    endless = "字" * 5000
    blocks = _blocks(tmp_path, endless)
    assert "".join(blocks) == endless and max(map(len, blocks)) <= 4 * 300 + 300


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_cuts_do_not_depend_on_the_encoding(tmp_path, small_blocks, encoding):
    text = PARAGRAPH * 50 + "尾" * 2000
    assert _blocks(tmp_path, text, encoding) == _blocks(tmp_path, text)


def test_streamed_clean_equals_whole_clean(tmp_path, small_blocks, capsysbinary):
    text = PARAGRAPH * 60
    (tmp_path / "doc.txt").write_bytes(text.encode("gb18030"))
    assert cli.main(["clean", str(tmp_path / "doc.txt")]) == 0
    assert capsysbinary.readouterr().out == ybtext.clean(text).encode("utf-8")
    assert cli.main(["check", str(tmp_path / "doc.txt")]) == 1


def _peak_memory_of_clean(tmp_path, text: str) -> int:
    (tmp_path / "big.txt").write_bytes(text.encode("utf-8"))
    tracemalloc.start()
    try:
        assert cli.main(["clean", str(tmp_path / "big.txt"), "-o", str(tmp_path / "out.txt")]) == 0
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        assert (tmp_path / "out.txt").read_bytes() == ybtext.clean(text).encode("utf-8")


@pytest.mark.slow
def test_streaming_runs_in_constant_memory(tmp_path, monkeypatch):
    """Cleaning a document 4 times longer (2 million characters, in 16k-character blocks) takes
    no more memory, and far less than the document itself."""
    monkeypatch.setattr(_io, "STREAM_ABOVE", 1 << 15)
    monkeypatch.setattr(_io, "BLOCK", 1 << 14)
    monkeypatch.setattr(_io, "WHOLE_BELOW", 0)
    correct = "我们在这项工作上取得重大进展，各方都很满意，下一步将继续推进。\n" * 20 + "\n"
    text = (correct + PARAGRAPH) * (500_000 // len(correct + PARAGRAPH))
    # before measuring, the same command on a few blocks: the wordlists (spin-heavy.tsv too, which
    # only a heavy-family document loads), the patterns and the modules the command imports load
    _peak_memory_of_clean(tmp_path, text[:1 << 16])
    small = _peak_memory_of_clean(tmp_path, text)
    large = _peak_memory_of_clean(tmp_path, text * 4)
    assert large < 1.5 * small and large < len(text) * 4 * 2 / 4, (small, large)


# ---------------------------------------------------------------- JSON Lines

def test_replace_field_keeps_every_other_byte():
    line = '{"a":1.50, "text" :"黉舍", "b":"\\u6587", "text2": "黉舍"}\r\n'
    assert replace_field(line, "text", ybtext.clean, "f:1") == '{"a":1.50, "text" :"学校", "b":"\\u6587", "text2": "黉舍"}\r\n'


def test_replace_field_unchanged_value_keeps_its_escapes():
    line = '{"text": "\\u4e2d\\u6587"}\n'
    assert replace_field(line, "text", ybtext.clean, "f:1") is line


def test_replace_field_takes_the_last_duplicate_like_json_loads():
    line = '{"text": "一", "text": "黉舍"}'
    assert replace_field(line, "text", ybtext.clean, "f:1") == '{"text": "一", "text": "学校"}'


def test_replace_field_escapes_what_json_needs():
    assert replace_field('{"text": "a"}', "text", lambda v: 'say "hi"\n', "f:1") == '{"text": "say \\"hi\\"\\n"}'


@pytest.mark.parametrize("whole_below", [0, 1 << 25])
def test_jsonl_is_read_line_by_line(tmp_path, monkeypatch, whole_below):
    monkeypatch.setattr(_io, "WHOLE_BELOW", whole_below)
    (tmp_path / "x.jsonl").write_bytes(b'{"text": "1"}\n{"text": "2"}\r\n{"text": "3"}')
    with _io.Source(str(tmp_path / "x.jsonl")) as src:
        assert list(src.lines()) == [(1, '{"text": "1"}\n'), (2, '{"text": "2"}\r\n'), (3, '{"text": "3"}')]


@pytest.mark.parametrize("whole_below", [0, 1 << 25])
def test_jsonl_lines_end_at_a_lone_carriage_return_too(tmp_path, monkeypatch, whole_below):
    """A text decoded in memory is cut into lines like a file read with newline="": at \\n, \\r\\n
    and a lone \\r, and at nothing else (\\x0b, \\x1c, U+2028 stay inside the line)."""
    monkeypatch.setattr(_io, "WHOLE_BELOW", whole_below)
    (tmp_path / "x.jsonl").write_bytes('a\rb\r\nc\x0bd\x1ce\u2028f\n\ng'.encode("utf-8"))
    with _io.Source(str(tmp_path / "x.jsonl")) as src:
        assert [line for _, line in src.lines()] == ["a\r", "b\r\n", "c\x0bd\x1ce\u2028f\n", "\n", "g"]


# ---------------------------------------------------------------- the output transaction

def test_transaction_publishes_nothing_when_it_fails(tmp_path, capsysbinary):
    with pytest.raises(InputError):
        with _io.Transaction() as tx:
            tx.stdout().write(b"to stdout")
            tx.file(str(tmp_path / "new" / "deeper" / "a.txt")).write(b"a")
            raise InputError("x: stop")
    assert capsysbinary.readouterr().out == b""
    assert list(tmp_path.iterdir()) == []  # no file, no temporary file, no directory it created


def test_transaction_refuses_two_inputs_for_one_output(tmp_path):
    with pytest.raises(InputError, match="same output"):
        with _io.Transaction() as tx:
            tx.file(str(tmp_path / "a.txt"))
            tx.file(str(tmp_path / "." / "a.txt"))
    assert list(tmp_path.iterdir()) == []


def test_new_files_get_the_umask_mode(tmp_path):
    with _io.Transaction() as tx:
        tx.file(str(tmp_path / "a.txt")).write(b"a")
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == _io._default_mode()


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=100, deadline=None)
@given(obj=st.dictionaries(st.text(max_size=5), _json_values, max_size=4), value=st.text(),
       ascii_only=st.booleans(), indent=st.sampled_from([None, 0]))
def test_replace_field_agrees_with_json(obj, value, ascii_only, indent):
    """Whatever the object and its spelling, the spliced line parses to the object with only the
    field changed."""
    import json
    obj = {**obj, "text": value}
    line = json.dumps(obj, ensure_ascii=ascii_only, indent=indent).replace("\n", " ") + "\n"
    out = replace_field(line, "text", lambda v: v[::-1] + "改", "f:1")
    assert json.loads(out) == {**obj, "text": value[::-1] + "改"} and out.endswith("\n")
    out.encode("utf-8")  # always writable as UTF-8, lone surrogates included

"""Pipelines: Hugging Face datasets (ybtext.batch_fn) and Ray Data (ybtext.integrations.ray).

The datasets and Ray tests run the README's recipes end to end. They skip only where the library
is not installed AND the CI variable is unset; in CI (CI=true) a missing library is a failure,
so the recipes cannot silently stop being tested.
"""

from __future__ import annotations

import importlib
import json
import os
import pickle
import subprocess
import sys

import pytest

import ybtext
from ybtext.integrations.datasets import BatchFn
from ybtext.integrations.ray import YbtextMapper

TEXTS = [f"第{i}条：经由过程调查，黉舍不克不及这样做。" if i % 2 else f"干净的第{i}条文字。" for i in range(40)]


def _require(module: str):
    """The module, else a skip (a failure under CI). Ray comes with the ray extra, not the test one."""
    extra = "ray" if module.split(".")[0] == "ray" else "test"
    try:
        return importlib.import_module(module)
    except ImportError as err:
        if os.environ.get("CI"):
            pytest.fail(f"{module} must be installed in CI (pip install -e '.[{extra}]'): {err}")
        pytest.skip(f"{module} is not installed (pip install -e '.[{extra}]')")


def test_import_ybtext_imports_neither_datasets_nor_ray():
    """`import ybtext` (and touching batch_fn) stays cheap: no datasets, ray, pandas or numpy."""
    code = ("import sys, ybtext; ybtext.batch_fn; import ybtext.integrations.ray; "
            "print(sorted(m for m in ('datasets', 'ray', 'pandas', 'numpy', 'pyarrow') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_batch_fn_cleans_a_batch_and_pickles():
    """batch_fn is a picklable class instance (not a closure) that cleans one column in place."""
    fn = ybtext.batch_fn(field="content", spin="force")
    assert isinstance(fn, BatchFn)
    clone = pickle.loads(pickle.dumps(fn))
    batch = {"content": TEXTS[:4], "id": [0, 1, 2, 3]}
    out = clone(dict(batch))
    assert out["content"] == [ybtext.clean(t, spin="force") for t in TEXTS[:4]]
    assert out["id"] == [0, 1, 2, 3]


def test_batch_fn_output_field_keeps_the_original():
    """output_field writes the cleaned text to a new column and leaves the input column alone."""
    out = ybtext.batch_fn(output_field="clean")({"text": TEXTS[:2]})
    assert out["text"] == TEXTS[:2] and out["clean"] == [ybtext.clean(t) for t in TEXTS[:2]]


def test_batch_fn_bad_input_is_a_clear_error():
    """A missing column is a KeyError naming it; a non-str value an InputError naming the row."""
    with pytest.raises(KeyError, match="'text'"):
        ybtext.batch_fn()({"body": ["x"]})
    with pytest.raises(ybtext.InputError, match="row 1 of this batch is int"):
        ybtext.batch_fn()({"text": ["好", 3]})
    with pytest.raises(ybtext.InputError, match="row 1 of this batch is None"):
        ybtext.batch_fn(none="error")({"text": ["好", None]})
    with pytest.raises(ybtext.InputError, match="row 41 is None"):  # indices given (with_indices=True)
        ybtext.batch_fn(none="error")({"text": ["好", None]}, [40, 41])
    with pytest.raises(TypeError, match="unknown ybtext option"):
        ybtext.batch_fn(spinn="off")
    with pytest.raises(TypeError, match="none must be"):
        ybtext.batch_fn(none="skip")
    with pytest.raises(TypeError, match="add: unknown column 'score'"):
        ybtext.batch_fn(add=("spin_score", "score"))


def test_batch_fn_keeps_none_cells():
    """A None cell passes through (the default), its added measures None as well."""
    out = ybtext.batch_fn(add=("damage",))({"text": [TEXTS[1], None, TEXTS[2]]})
    assert out["text"] == [ybtext.clean(TEXTS[1]), None, ybtext.clean(TEXTS[2])]
    assert out["damage"][1] is None and out["damage"][0] > 0 and out["damage"][2] == 0.0


def test_batch_fn_adds_spin_score_and_damage_as_detect_measures_them():
    """add= columns are report.triage's spin score and damage for each original text."""
    from ybtext.report import triage

    spun = "".join(TEXTS[1::2])  # a longer document, spun throughout
    texts = [spun, TEXTS[0], TEXTS[1]]
    out = ybtext.batch_fn(add=("spin_score", "damage"))({"text": list(texts)})
    assert out["text"] == [ybtext.clean(t) for t in texts]
    for i, text in enumerate(texts):
        t = triage(text, ybtext.clean_and_explain(text))
        assert (out["spin_score"][i], out["damage"][i]) == (t.spin.score, t.damage)
        assert 0.0 <= out["damage"][i] <= 1.0
    assert out["damage"][1] == 0.0 < out["damage"][2]  # a clean text: nothing changed
    assert out["spin_score"][0] > out["spin_score"][1]
    assert "damage" not in ybtext.batch_fn(add=("spin_score",))({"text": [TEXTS[0]]})


def test_datasets_none_rows_and_filter_on_added_columns():
    """With real datasets: None cells survive map; errors name the dataset's row; filter on damage."""
    datasets = _require("datasets")
    texts = list(TEXTS[:20])
    texts[13] = None
    ds = datasets.Dataset.from_dict({"id": list(range(20)), "text": texts})
    out = ds.map(ybtext.batch_fn(field="text", add=("spin_score", "damage")), batched=True, batch_size=8,
                 load_from_cache_file=False)
    assert out["text"] == [None if t is None else ybtext.clean(t) for t in texts]
    kept = out.filter(lambda row: row["damage"] is not None and row["damage"] > 0)
    assert kept["id"] == [i for i, t in enumerate(texts) if t is not None and ybtext.clean(t) != t]
    assert kept["id"] and len(kept) < len(out)
    with pytest.raises(ybtext.InputError, match="row 13 is None"):  # row 5 of the second batch
        ds.map(ybtext.batch_fn(field="text", none="error"), batched=True, batch_size=8, with_indices=True,
               load_from_cache_file=False)


def test_ray_mapper_on_dict_and_pandas_batches():
    """YbtextMapper cleans numpy-dict batches (Ray's default) and pandas batches alike."""
    np = _require("numpy")
    pd = _require("pandas")
    m = YbtextMapper(field="text")
    expected = [ybtext.clean(t) for t in TEXTS[:6]]
    out = m({"text": np.array(TEXTS[:6], dtype=object), "id": np.arange(6)})
    assert list(out["text"]) == expected and list(out["id"]) == list(range(6))
    frame = m(pd.DataFrame({"text": TEXTS[:6], "id": range(6)}))
    assert frame["text"].tolist() == expected and frame["id"].tolist() == list(range(6))
    damage = ybtext.batch_fn(add=("damage",))({"text": TEXTS[:6]})["damage"]
    measured = YbtextMapper(field="text", add=("damage",))
    assert measured(pd.DataFrame({"text": TEXTS[:6]}))["damage"].tolist() == damage
    assert list(measured({"text": np.array(TEXTS[:6], dtype=object)})["damage"]) == damage


def test_datasets_map_with_two_processes():
    """The README recipe: Dataset.map(ybtext.batch_fn(field="text"), batched=True, num_proc=2)."""
    datasets = _require("datasets")
    ds = datasets.Dataset.from_dict({"id": list(range(len(TEXTS))), "text": TEXTS})
    out = ds.map(ybtext.batch_fn(field="text"), batched=True, batch_size=8, num_proc=2,
                 load_from_cache_file=False)
    assert list(out["id"]) == list(range(len(TEXTS)))
    assert list(out["text"]) == [ybtext.clean(t) for t in TEXTS]


@pytest.mark.slow
def test_ray_data_end_to_end(tmp_path):
    """The README recipe on a local 2-CPU Ray cluster: read JSONL, map_batches, order and text kept."""
    ray = _require("ray")
    _require("ray.data")
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                           for i, t in enumerate(TEXTS)), encoding="utf-8")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:  # two actors at half a CPU each leave a CPU for the read tasks (else they starve)
        ray.data.DataContext.get_current().execution_options.preserve_order = True
        ds = ray.data.read_json(str(src)).map_batches(
            YbtextMapper, fn_constructor_kwargs={"field": "text"}, batch_size=8,
            concurrency=2, num_cpus=0.5)
        rows = ds.take_all()
    finally:
        ray.shutdown()
    assert [r["id"] for r in rows] == list(range(len(TEXTS)))
    assert [r["text"] for r in rows] == [ybtext.clean(t) for t in TEXTS]

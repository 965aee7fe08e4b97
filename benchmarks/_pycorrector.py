"""Read data files from the pycorrector 1.1.4 wheel (downloaded on demand into benchmarks/.cache; never imported)."""

from __future__ import annotations

import zipfile

from _corpus import wheel


def data_file(name: str) -> str:
    """The text of ``pycorrector/data/<name>`` inside the pycorrector 1.1.4 wheel."""
    with zipfile.ZipFile(wheel("pycorrector", "1.1.4")) as z:
        return z.read(f"pycorrector/data/{name}").decode("utf-8")

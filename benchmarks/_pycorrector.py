"""Read data files from the pycorrector 1.1.4 wheel (downloaded on demand into benchmarks/.cache; never imported)."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from _corpus import CACHE


def data_file(name: str) -> str:
    """The text of ``pycorrector/data/<name>`` inside the pycorrector 1.1.4 wheel."""
    wheels = sorted(CACHE.glob("pycorrector-1.1.4-*.whl"))
    if not wheels:
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "pycorrector==1.1.4",
                        "-d", str(CACHE)], check=True)
        wheels = sorted(CACHE.glob("pycorrector-1.1.4-*.whl"))
    with zipfile.ZipFile(wheels[0]) as z:
        return z.read(f"pycorrector/data/{name}").decode("utf-8")

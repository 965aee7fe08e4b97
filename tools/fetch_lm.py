#!/usr/bin/env python3
"""Rederive ``src/ybtext/_model/zh_CN.lm``, the word trigram model of ybtext's context judge.

    python3 tools/fetch_lm.py [--check]

The model is fcitx5's Chinese word trigram model (libime; KenLM binary format, quantized trie,
about 165k words, 2.0M bigrams, 634k trigrams; LGPL-2.1-or-later), as Debian ships it in
``libime-data-language-model``. The script downloads the pinned package (tools/_derive.py) with
``apt-get download`` (no root needed) into benchmarks/.cache, checks the package's sha256, unpacks
it with ``dpkg-deb -x`` into a temporary directory, checks the model file's sha256 and copies it into
place. ``--check`` only compares the committed file with the package (exit 1 if they differ, 3 if
the package cannot be fetched), like the derive tools' ``--check``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _derive  # noqa: E402
from _derive import sha256  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "ybtext" / "_model" / "zh_CN.lm"
PACKAGE = "libime-data-language-model"
VERSION = _derive.DEBIAN[PACKAGE]  # 1.0.16-1
DEB_SHA256 = "a9363f915fbefc8ae1ddab3a8147b6c77fdeaa8adb8ab580bc130601d1539665"  # amd64
LM_PATH = "usr/lib/x86_64-linux-gnu/libime/zh_CN.lm"
LM_SHA256 = "e4097ca9ca1082928c2ea7d5e368080a696611efa0714dfe563c769f26a415d2"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare the committed file with the package; write nothing "
                    f"(exit 1 if they differ, {_derive.UNAVAILABLE} if the package cannot be fetched)")
    args = ap.parse_args(argv)
    try:
        deb = _derive.deb(PACKAGE)
    except _derive.SourceUnavailable as e:
        print(f"fetch_lm: source unavailable: {e}", file=sys.stderr)
        return _derive.UNAVAILABLE
    with tempfile.TemporaryDirectory() as tmp:
        if sha256(deb) != DEB_SHA256:
            print(f"fetch_lm: {deb.name}: sha256 differs from the pinned {DEB_SHA256}", file=sys.stderr)
            return 1
        subprocess.run(["dpkg-deb", "-x", str(deb), str(Path(tmp) / "x")], check=True)
        lm = Path(tmp) / "x" / LM_PATH
        if sha256(lm) != LM_SHA256:
            print(f"fetch_lm: {LM_PATH}: sha256 differs from the pinned {LM_SHA256}", file=sys.stderr)
            return 1
        if args.check:
            same = TARGET.exists() and sha256(TARGET) == LM_SHA256
            print(f"fetch_lm: {TARGET.relative_to(ROOT)} {'matches' if same else 'differs from'} {PACKAGE} {VERSION}")
            return 0 if same else 1
        TARGET.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(lm, TARGET)
    print(f"fetch_lm: wrote {TARGET.relative_to(ROOT)} ({TARGET.stat().st_size:,} bytes) from {PACKAGE} {VERSION}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

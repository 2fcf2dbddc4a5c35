"""Real-news gold sets that point into the shared SaudiNewsNet corpus (stand-off only).

The corpus (``../shared/data/saudinewsnet/``, CC BY-NC-SA 4.0) may not be copied into the
repository, so gold files under ``eval/`` name articles by ``day`` (the corpus file) and
``index`` (position in that day's JSON array) and carry only labels.  This module joins the
two back: it reads each day's file once and builds :class:`~rasd.doc.Document` objects with
the article's outlet, URL, title and day.  When the corpus is absent, :func:`corpus_dir`
returns None and callers skip with a clear message.
"""

from __future__ import annotations

import csv
import json
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rasd.doc import Document, Meta

#: Where the shared corpus lives relative to a checkout (``<repo>/../shared/...``).
CORPUS_PARTS = ("shared", "data", "saudinewsnet")


def corpus_dir() -> Path | None:
    """The SaudiNewsNet folder: ``$RASD_SAUDINEWSNET``, else ``../shared/data/saudinewsnet``
    beside the repository or the current folder; None when it is not on this machine."""
    env = os.environ.get("RASD_SAUDINEWSNET")
    cands = [Path(env)] if env else []
    cands += [root.parent.joinpath(*CORPUS_PARTS)
              for root in (Path(__file__).resolve().parents[3], Path.cwd())]
    for cand in cands:
        if cand.is_dir() and any(cand.glob("*.zip")):
            return cand
    return None


@lru_cache(maxsize=4)
def _day(corpus: Path, day: str) -> list[dict[str, Any]]:
    path = corpus / f"{day}.zip"
    data: list[dict[str, Any]] = json.loads(zipfile.ZipFile(path).read(f"{day}.json"))
    return data


def day_articles(corpus: Path, day: str) -> list[dict[str, Any]]:
    """Every article of ``day`` as the corpus stores it (read once, cached)."""
    return _day(corpus, day)


def raw_article(corpus: Path, day: str, index: int) -> dict[str, Any]:
    """Article ``index`` of ``day`` as the corpus stores it (read in place, days cached)."""
    return _day(corpus, day)[index]


def article(corpus: Path, day: str, index: int) -> Document:
    """One corpus article as a Document (published = the corpus day)."""
    a = raw_article(corpus, day, index)
    meta = Meta(url=a.get("url") or None, outlet=a.get("source") or None,
                title=a.get("title") or None, published=day, source=f"{day}:{index}")
    return Document(a.get("content") or "", meta)


@dataclass(frozen=True)
class GoldRow:
    """One line of a stand-off gold table: the article's key and its labels."""

    key: str  # "day:index"
    day: str
    index: int
    labels: dict[str, str]


def read_table(path: Path) -> list[GoldRow]:
    """Rows of a tab-separated gold table with ``day`` and ``index`` columns."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [GoldRow(f"{r['day']}:{r['index']}", r["day"], int(r["index"]), dict(r))
            for r in rows]


def documents(path: Path, corpus: Path) -> Iterator[tuple[GoldRow, Document]]:
    """Each gold row with its article (not analysed)."""
    for row in read_table(path):
        yield row, article(corpus, row.day, row.index)


def standoff_files(folder: Path) -> list[Path]:
    """The per-article gold files of a stand-off folder (``<day>-<index>.json``), in order."""
    return sorted(p for p in folder.glob("*.json") if p.is_file())


def standoff_documents(folder: Path, corpus: Path) -> Iterator[tuple[Path, dict[str, Any],
                                                                     Document]]:
    """Each stand-off gold file of ``folder`` (a JSON object naming its article by ``day`` and
    ``index``) with its parsed labels and its article (not analysed)."""
    for path in standoff_files(folder):
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        yield path, data, article(corpus, str(data["day"]), int(data["index"]))


def offset_mismatches(doc: Document, items: list[dict[str, Any]], key: str = "text") -> int:
    """How many gold spans' ``key`` text differs from the article at their offsets (0 when
    gold and corpus agree; a guard against a corpus file that changed under the gold).
    ``text_head`` keys, and texts cut with "…", are compared as a prefix."""
    bad = 0
    for it in items:
        if not isinstance(it, dict) or "start" not in it or not it.get(key):
            continue
        got = doc.text[it["start"]:it["end"]]
        want = str(it[key])
        cut = want.endswith("…")  # evidence capped at a few words: "مدير إدارة … …"
        want = want.removesuffix("…").rstrip()
        if not (got.startswith(want) if key == "text_head" or cut else got == want):
            bad += 1
    return bad

"""Documents → CSV tables of entities (mentions), quotes, events, places or times, one row
per record.

Cells are neutralised against formula injection (OWASP "CSV Injection"): a text cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'`` so a
spreadsheet shows it as text instead of evaluating it — news text and quotes are attacker
controlled (``=HYPERLINK(…)`` in a headline).  Numbers (offsets, coordinates) stay numbers.

Every row carries its provenance (document id, url, outlet, publication date, span id and
``start``/``end`` character offsets), so a spreadsheet row leads back to the exact words.
Rows come from the one flattener (:func:`rasd.store.records.flatten`), so CSV, the archive
tables, the API and the batch Parquet tables use the same column names.
"""

from __future__ import annotations

import csv as _csv
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from rasd.doc import Document
from rasd.store import records

PROVENANCE = ["doc_id", "url", "outlet", "published"]
COLUMNS: dict[str, list[str]] = {
    "entities": PROVENANCE + ["span_id", "start", "end", "text", "label", "entity_id",
                              "entity_name", "cluster"],
    "quotes": PROVENANCE + ["span_id", "start", "end", "content", "speaker",
                            "speaker_start", "speaker_end", "speaker_entity", "cue", "stance"],
    "events": PROVENANCE + ["span_id", "start", "end", "text", "label", "date",
                            "date_precision", "place", "place_id", "lat", "lon", "actors",
                            "mode"],
    "places": PROVENANCE + ["span_id", "start", "end", "text", "place_id", "name",
                            "lat", "lon", "country", "kind"],
    "times": PROVENANCE + ["span_id", "start", "end", "text", "label", "value",
                           "precision"],
}
WHAT = tuple(COLUMNS)


def rows(doc: Document, what: str) -> Iterator[dict[str, Any]]:
    """The ``what`` records of one document as flat dicts (CSV-ready)."""
    if what not in COLUMNS:
        raise ValueError(f"unknown record kind {what!r}; choose from {WHAT}")
    prov = {"doc_id": doc.id, "url": doc.meta.url, "outlet": doc.meta.outlet,
            "published": doc.meta.published}
    flat = records.flatten(doc)
    for r in flat.rows(what):
        row = {**prov, **r}
        if what == "entities":
            row["entity_name"] = flat.clusters[r["entity_id"]]["name"]
        elif what == "events":  # a spreadsheet cell, not JSON
            row["actors"] = " | ".join(json.loads(r["actors"]) if r["actors"] else [])
        yield row


#: First characters a spreadsheet reads as the start of a formula (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_row(row: dict[str, Any]) -> dict[str, Any]:
    """Every cell of ``row`` through :func:`safe_cell` (for every CSV rasd writes)."""
    return {k: safe_cell(v) for k, v in row.items()}


def write_csv(docs: Iterable[Document], out: TextIO, what: str = "entities") -> int:
    """Write a header and one row per record; returns the number of rows."""
    cols = COLUMNS[what]
    w = _csv.DictWriter(out, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    n = 0
    for doc in docs:
        for r in rows(doc, what):
            w.writerow(safe_row(r))
            n += 1
    return n

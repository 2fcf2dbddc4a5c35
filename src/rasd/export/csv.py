"""Documents → CSV tables of entities (mentions), quotes or events, one row per record.

Every row carries its provenance (document id, url, outlet, publication date, span id and
character offsets), so a spreadsheet row leads back to the exact words.  The columns are the
typed tables of the store (:mod:`rasd.store.records`), so CSV, the API and SQL agree.
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
    "entities": PROVENANCE + ["span_id", "char_start", "char_end", "text", "label", "entity_id",
                              "entity_name", "cluster"],
    "quotes": PROVENANCE + ["span_id", "char_start", "char_end", "content", "speaker",
                            "speaker_start", "speaker_end", "speaker_entity", "cue", "stance"],
    "events": PROVENANCE + ["span_id", "char_start", "char_end", "text", "label", "date",
                            "date_precision", "place", "place_id", "lat", "lon", "actors",
                            "mode"],
    "places": PROVENANCE + ["span_id", "char_start", "char_end", "text", "place_id", "name",
                            "lat", "lon", "country", "kind"],
    "times": PROVENANCE + ["span_id", "char_start", "char_end", "text", "label", "value",
                           "precision"],
}
WHAT = tuple(COLUMNS)


def rows(doc: Document, what: str) -> Iterator[dict[str, Any]]:
    """The ``what`` records of one document as flat dicts (CSV-ready)."""
    prov = {"doc_id": doc.id, "url": doc.meta.url, "outlet": doc.meta.outlet,
            "published": doc.meta.published}
    if what == "entities":
        ents, clusters = records.entity_rows(doc)
        for r in ents:
            yield {**prov, **r, "entity_name": clusters[r["entity_id"]]["name"]}
    elif what == "quotes":
        ents, _ = records.entity_rows(doc)
        for r in records.quote_rows(doc, {e["span_id"]: e["entity_id"] for e in ents}):
            attrs = json.loads(r["attrs"]) if r["attrs"] else {}
            yield {**prov, **r, "stance": attrs.get("stance")}
    elif what == "events":
        for r in records.event_rows(doc):
            attrs = json.loads(r["attrs"]) if r["attrs"] else {}
            actors = json.loads(r["actors"]) if r["actors"] else []
            yield {**prov, **r, "actors": " | ".join(actors), "mode": attrs.get("mode")}
    elif what == "places":
        for r in records.place_rows(doc):
            yield {**prov, **r}
    elif what == "times":
        for r in records.time_rows(doc):
            yield {**prov, **r}
    else:
        raise ValueError(f"unknown record kind {what!r}; choose from {WHAT}")


def write_csv(docs: Iterable[Document], out: TextIO, what: str = "entities") -> int:
    """Write a header and one row per record; returns the number of rows."""
    cols = COLUMNS[what]
    w = _csv.DictWriter(out, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    n = 0
    for doc in docs:
        for r in rows(doc, what):
            w.writerow(r)
            n += 1
    return n

"""Documents → FollowTheMoney entities (JSON lines) loadable into Aleph (``ftm`` / ``alephclient``).

Per document one ``Article`` (title, body text, publisher, date, URL); per entity a resolved
``Person`` / ``Organization`` / ``LegalEntity`` / ``Address`` (one per cross-document entity id,
emitted once) and a ``Mention`` linking it to the article (``document``, ``resolved``,
``detectedSchema``); per event an ``Event`` (date, location, summary, ``proof`` → article).
Entities are built and validated with the ``followthemoney`` package when it is installed
(ids hashed by ``make_id``); otherwise the same documented JSON shape
(``{"id", "schema", "properties": {name: [values]}}``) is written by hand.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from rasd.doc import Document
from rasd.store import records

if TYPE_CHECKING:
    from followthemoney import Model

SCHEMA_OF_LABEL = {
    "PER": "Person", "PERS": "Person", "PERSON": "Person",
    "ORG": "Organization", "NORP": "Organization",
    "GPE": "Address", "LOC": "Address", "FAC": "Address",
}


def _load_model() -> Model | None:
    """The followthemoney schema model, or None without the package (hand-written JSON then)."""
    try:  # pragma: no branch - decided once at import
        from followthemoney import model
    except ImportError:  # pragma: no cover - exercised only without the package
        return None
    return model


_model = _load_model()


def _id(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(["rasd", *parts]).encode("utf-8")).hexdigest()


def _entity(schema: str, key: tuple[str, ...], props: dict[str, Any]) -> dict[str, Any]:
    """One FtM entity as a plain dict; validated by followthemoney when available."""
    clean = {k: [str(x) for x in (v if isinstance(v, list) else [v]) if x not in (None, "")]
             for k, v in props.items()}
    clean = {k: v for k, v in clean.items() if v}
    if _model is not None:
        proxy = _model.make_entity(schema)
        proxy.id = _id(schema, *key)
        for k, vals in clean.items():
            for v in vals:
                proxy.add(k, v)
        return proxy.to_dict()
    return {"id": _id(schema, *key), "schema": schema, "properties": clean}


def entities(doc: Document, seen: set[str]) -> Iterator[dict[str, Any]]:
    """FtM entities for one document; ``seen`` suppresses repeated resolved entities."""
    article = _entity("Article", (doc.id,), {
        "title": doc.meta.title or doc.text[:80],
        "bodyText": doc.text,
        "publisher": doc.meta.outlet,
        "publishedAt": (doc.meta.published or "")[:10] or None,
        "sourceUrl": doc.meta.url,
        "author": doc.meta.author,
        "language": "ara",
        "contentHash": hashlib.sha1(doc.text.encode("utf-8")).hexdigest(),
        "fileName": doc.meta.source,
    })
    yield article
    ents, clusters = records.entity_rows(doc)
    mentioned: set[str] = set()
    for r in ents:
        if r["entity_id"] in mentioned:
            continue
        mentioned.add(r["entity_id"])
        c = clusters[r["entity_id"]]
        schema = SCHEMA_OF_LABEL.get(c["label"], "LegalEntity")
        if schema == "Address":
            resolved = _entity("Address", (c["entity_id"],), {"full": c["name"]})
        else:
            resolved = _entity(schema, (c["entity_id"],), {"name": c["name"]})
        if resolved["id"] not in seen:
            seen.add(resolved["id"])
            yield resolved
        yield _entity("Mention", (doc.id, c["entity_id"]), {
            "document": article["id"], "resolved": resolved["id"], "name": r["text"],
            "detectedSchema": schema,
        })
    for r in records.event_rows(doc):
        attrs = json.loads(r["attrs"]) if r["attrs"] else {}
        actors = json.loads(r["actors"]) if r["actors"] else []
        yield _entity("Event", (doc.id, r["span_id"]), {
            "name": f"{r['label'] or attrs.get('type') or 'event'}: {' '.join(r['text'].split())}",
            "summary": r["text"],
            "date": r["date"] or (doc.meta.published or "")[:10] or None,
            "location": r["place"],
            "namesMentioned": actors,
            "proof": article["id"],
            "sourceUrl": doc.meta.url,
            "publisher": doc.meta.outlet,
        })


def write_ftm(docs: Iterable[Document], out: TextIO) -> int:
    seen: set[str] = set()
    n = 0
    for doc in docs:
        for ent in entities(doc, seen):
            out.write(json.dumps(ent, ensure_ascii=False, sort_keys=True))
            out.write("\n")
            n += 1
    return n

"""Documents → RFC 7946 GeoJSON: one Point feature per resolved place mention.

A pure function over :class:`~rasd.doc.Document` objects, so the CLI (files), the store and
the web API all produce the same features.  Coordinates are ``[lon, lat]`` (RFC 7946 §3.1.1,
WGS 84); every feature carries the evidence — document id, url/source, the mention's text and
its character offsets — so a point on a map leads back to the sentence that put it there.
``place_id`` is the archive's place id (``geo_gn:…``, the id CSV, the API and ``--place``
use); ``gazetteer_id`` the gazetteer's own (``gn:…`` GeoNames, ``iso:…`` countries).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from rasd.doc import Document


def place_features(doc: Document, include_boilerplate: bool = False) -> Iterator[dict[str, Any]]:
    """Point features for ``doc``'s resolved places (unresolved mentions have no geometry)."""
    from rasd.extract.boilerplate import in_boilerplate
    from rasd.store.records import place_rows

    has_bp = "boilerplate" in doc.layers
    place_id = {r["span_id"]: r["place_id"] for r in place_rows(doc)}
    for s in doc.layer("places"):
        a = s.attrs
        if not a.get("resolved") or a.get("lat") is None or a.get("lon") is None:
            continue
        if has_bp and not include_boilerplate and in_boilerplate(doc, s.start, s.end):
            continue
        props: dict[str, Any] = {
            "doc_id": doc.id,
            "url": doc.meta.url,
            "source": doc.meta.source,
            "outlet": doc.meta.outlet,
            "published": doc.meta.published,
            "mention_id": s.id,
            "mention": doc.span_text(s),
            "start": s.start,
            "end": s.end,
            "place_id": place_id.get(s.id),  # the archive's id, as in CSV, the API, --place
            "gazetteer_id": a.get("id"),
            "name_ar": a.get("name_ar"),
            "name_en": a.get("name_en"),
            "country": a.get("country"),
            "kind": a.get("kind"),
            "confidence": a.get("confidence"),
        }
        yield {
            "type": "Feature",
            "id": f"{doc.id}:{s.id}",
            "geometry": {"type": "Point", "coordinates": [float(a["lon"]), float(a["lat"])]},
            "properties": props,
        }


def feature_collection(
    docs: Iterable[Document], include_boilerplate: bool = False
) -> dict[str, Any]:
    """One FeatureCollection for all ``docs``."""
    feats = [f for d in docs for f in place_features(d, include_boilerplate)]
    return {"type": "FeatureCollection", "features": feats}


def write_geojson(docs: Iterable[Document], out: TextIO, include_boilerplate: bool = False) -> int:
    """Stream one FeatureCollection, one feature per line (nothing held in memory, nothing
    capped); returns the number of features."""
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for doc in docs:
        for f in place_features(doc, include_boilerplate):
            out.write(("," if n else "") + "\n" + json.dumps(f, ensure_ascii=False))
            n += 1
    out.write("\n]}\n")
    return n

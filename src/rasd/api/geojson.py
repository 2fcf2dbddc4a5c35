"""Places as RFC 7946 GeoJSON: ``[lon, lat]`` order, WGS 84, one Feature per place."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rasd.store.base import PlaceInfo


def place_feature(p: PlaceInfo) -> dict[str, Any] | None:
    """A Point Feature for a place with coordinates; ``None`` for unresolved places."""
    if p.lat is None or p.lon is None:
        return None
    return {
        "type": "Feature",
        "id": p.id,
        "geometry": {"type": "Point", "coordinates": [round(p.lon, 6), round(p.lat, 6)]},
        "properties": {
            "id": p.id,
            "name": p.name,
            "country": p.country,
            "kind": p.kind,
            "precision": p.precision,
            "doc_count": p.doc_count,
            "mention_count": p.mention_count,
        },
    }


def feature_collection(places: Iterable[PlaceInfo]) -> list[dict[str, Any]]:
    return [f for f in map(place_feature, places) if f is not None]

"""The events view of the web interface: who did what to whom, filterable, and on the map.

Why a module of its own: the store keeps an event's full attributes (actor, target, mode,
casualties, the place with its country) as JSON beside the indexed columns, and the filters
people ask for — PLOVER type, actor type, country — live in that JSON.  Rather than widen the
store schema for a view, the page streams the events that pass the store filters (date,
source, entity, place), reads those attributes here, and filters and counts them in one
pass, capped at :data:`MAX_SCAN` events so a page stays fast on a large archive (the cap is
shown when reached).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from rasd.store.base import EventRecord, Filters, Store

__all__ = ["EventView", "Selection", "geojson", "select", "view"]

#: events read per request at most (newest documents first)
MAX_SCAN = 20_000


@dataclass(frozen=True)
class EventView:
    """One event row as the page shows it (all strings plain; the template escapes)."""

    doc_id: str
    start: int
    end: int
    trigger_start: int
    trigger_end: int
    type: str
    trigger: str
    actor: str | None
    actor_type: str | None
    target: str | None
    target_type: str | None
    mode: str
    fatalities: int | None
    injured: int | None
    place: str | None
    place_id: str | None
    country: str | None
    lat: float | None
    lon: float | None
    date: str | None
    outlet: str | None
    evidence: str


@dataclass
class Selection:
    """A page of filtered events, the total, the facet counts and whether the scan was cut."""

    items: list[EventView]
    total: int
    facets: dict[str, Counter[str]] = field(default_factory=dict)
    capped: bool = False


def _arg(a: dict[str, Any], role: str) -> tuple[str | None, str | None]:
    v = a.get(role)
    if isinstance(v, dict):
        return (str(v.get("text")) if v.get("text") else None,
                str(v["type"]) if v.get("type") else None)
    return (str(v) if v else None), None


def _int(v: Any) -> int | None:
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def view(e: EventRecord) -> EventView:
    """The row of a stored event; the trigger span links the article at the evidence."""
    a = e.attrs or {}
    actor, actor_type = _arg(a, "actor")
    target, target_type = _arg(a, "target")
    t, p = a.get("trigger"), a.get("place")
    trig: dict[str, Any] = t if isinstance(t, dict) else {}
    place: dict[str, Any] = p if isinstance(p, dict) else {}
    country = place.get("country") if isinstance(place.get("country"), str) else None
    return EventView(
        doc_id=e.doc_id, start=e.start, end=e.end,
        trigger_start=int(trig.get("start", e.start)), trigger_end=int(trig.get("end", e.end)),
        type=str(a.get("plover") or e.label or ""), trigger=str(trig.get("text") or e.text),
        actor=actor, actor_type=actor_type, target=target, target_type=target_type,
        mode=str(a.get("mode") or "asserted"),
        fatalities=_int(a.get("fatalities")), injured=_int(a.get("injured")),
        place=e.place, place_id=e.place_id, country=country, lat=e.lat, lon=e.lon,
        date=e.date or e.published, outlet=e.outlet, evidence=e.text,
    )


def _keep(v: EventView, etype: str | None, actor_type: str | None,
          country: str | None) -> bool:
    if etype and v.type.upper() != etype.upper():
        return False
    if actor_type and actor_type not in (v.actor_type, v.target_type):
        return False
    return not (country and (v.country or "").upper() != country.upper())


def select(store: Store, filters: Filters, etype: str | None = None,
           actor_type: str | None = None, country: str | None = None,
           offset: int = 0, limit: int = 20) -> Selection:
    """Events passing the store ``filters`` and the type / actor type / country filters,
    newest documents first; facets count the values over all passing events."""
    rows: list[EventView] = []
    facets: dict[str, Counter[str]] = {"type": Counter(), "actor_type": Counter(),
                                       "country": Counter()}
    scanned = 0
    capped = False
    for e in store.iter_events(filters):
        scanned += 1
        if scanned > MAX_SCAN:
            capped = True
            break
        v = view(e)
        if not _keep(v, etype, actor_type, country):
            continue
        rows.append(v)
        facets["type"][v.type] += 1
        for t in {v.actor_type, v.target_type} - {None}:
            facets["actor_type"][str(t)] += 1
        if v.country:
            facets["country"][v.country] += 1
    rows.sort(key=lambda v: v.date or "", reverse=True)  # stable: document order kept
    return Selection(rows[offset:offset + limit], len(rows), facets, capped)


def geojson(items: list[EventView]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the located events (for the events map)."""
    feats = []
    for v in items:
        if v.lat is None or v.lon is None:
            continue
        feats.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [v.lon, v.lat]},
            "properties": {
                "type": v.type, "trigger": v.trigger, "actor": v.actor, "target": v.target,
                "mode": v.mode, "fatalities": v.fatalities, "place": v.place,
                "href": f"/doc/{v.doc_id}?at={v.trigger_start}:{v.trigger_end}#focus",
            },
        })
    return {"type": "FeatureCollection", "features": feats}

"""Which spans of an analysed article match a watch rule.

A rule is (kind, value):

* ``entity``: a name, or several aliases separated by ``|`` (Arabic or Latin spellings), or
  an archive identity ``ent_…`` (``rasd entity`` shows them).  A name matches an entity
  mention whose canonical name, entity name or surface text is the same after rasd's
  spelling fold (أ/إ/آ, ى/ي, ة/ه, diacritics), or contains it as whole words — so "الصفدي"
  matches "أيمن الصفدي".  Boilerplate mentions (bylines, footers) never match.
* ``place``: a place name, a gazetteer id (``gn:…``), a two-letter country code (``JO``), or
  a point ``"lat,lon"`` with a radius in km (mentioned places and event places within it).
* ``event``: an event type (``ASSAULT``, ``PROTEST`` … the PLOVER names of ``rasd eval
  events``), matched against each event's type.

The result is the list of triggering spans (layer, offsets, evidence text, why), what an
alert shows so a reader can check it at the source.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from rasd.doc import Document, Span
from rasd.store.records import entity_id, name_key
from rasd.store.watch import Rule

_POINT = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
EARTH_KM = 6371.0
MAX_SPANS = 20  # per alert: enough evidence, bounded size


def parse_point(value: str) -> tuple[float, float] | None:
    m = _POINT.match(value)
    if not m:
        return None
    lat, lon = float(m.group(1)), float(m.group(2))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(
        (lo2 - lo1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def match(rule: Rule, doc: Document) -> list[dict[str, Any]]:
    """The spans of ``doc`` that trigger ``rule`` (empty: no alert)."""
    if rule.kind == "entity":
        found = _entities(rule.value, doc)
    elif rule.kind == "place":
        found = _places(rule, doc)
    elif rule.kind == "event":
        found = _events(rule.value, doc)
    else:
        found = []
    return found[:MAX_SPANS]


def _span(doc: Document, layer: str, s: Span | Mapping[str, Any], why: str) -> dict[str, Any]:
    label: str | None
    if isinstance(s, Span):
        start, end, label = s.start, s.end, s.label
    else:
        start, end, label = int(s["start"]), int(s["end"]), None
    return {"layer": layer, "start": start, "end": end, "text": doc.text[start:end][:300],
            "label": label, "why": why}


def _contains(haystack: str, needle: str) -> bool:
    return haystack == needle or f" {needle} " in f" {haystack} "


def _layer(doc: Document, name: str) -> list[Span]:
    return doc.layers.get(name) or []


def _entities(value: str, doc: Document) -> list[dict[str, Any]]:
    out = []
    if value.startswith("ent_"):
        for s in _layer(doc, "entities"):
            name = str(s.attrs.get("canonical") or doc.text[s.start : s.end])
            label = (s.label or "ENT").upper()
            if not s.attrs.get("boilerplate") and entity_id(label, name) == value:
                out.append(_span(doc, "entities", s, f"identity {value}"))
        return out
    aliases = [k for k in (name_key(a) for a in value.split("|")) if k]
    for s in _layer(doc, "entities"):
        if s.attrs.get("boilerplate"):
            continue
        names = {name_key(str(s.attrs.get(k) or "")) for k in ("canonical", "entity")}
        names.add(name_key(doc.text[s.start : s.end]))
        names.discard("")
        hit = next((a for a in aliases if any(_contains(n, a) for n in names)), None)
        if hit is not None:
            out.append(_span(doc, "entities", s, f"entity {hit}"))
    return out


def _places(rule: Rule, doc: Document) -> list[dict[str, Any]]:
    value = rule.value.strip()
    point = parse_point(value)
    out = []
    if point is not None:
        radius = rule.radius_km if rule.radius_km is not None else 25.0
        for s in _layer(doc, "places"):
            ll = _latlon(s.attrs)
            if ll is not None and km(point, ll) <= radius:
                out.append(_span(doc, "places", s, f"within {radius:g} km of {value}"))
        for s in _layer(doc, "events"):
            place = s.attrs.get("place")
            ll = _latlon(place) if isinstance(place, dict) else None
            if isinstance(place, dict) and ll is not None and km(point, ll) <= radius:
                out.append(_span(doc, "events", place, f"event place within {radius:g} km"))
        return out
    key = name_key(value)
    for s in _layer(doc, "places"):
        a = s.attrs
        if _COUNTRY.match(value):
            hit = a.get("country") == value
        elif value.startswith(("gn:", "geo_")):
            hit = value.removeprefix("geo_") == str(a.get("id", ""))
        else:
            names = {name_key(str(a.get("name_ar") or "")), name_key(doc.text[s.start : s.end])}
            hit = key in names or str(a.get("name_en", "")).casefold() == value.casefold()
        if hit:
            out.append(_span(doc, "places", s, f"place {value}"))
    return out


def _latlon(a: Mapping[str, Any]) -> tuple[float, float] | None:
    lat, lon = a.get("lat"), a.get("lon")
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        return float(lat), float(lon)
    return None


def _events(value: str, doc: Document) -> list[dict[str, Any]]:
    want = value.strip().upper()
    out = []
    for s in _layer(doc, "events"):
        types = {str(s.attrs.get("type", "")).upper(), str(s.attrs.get("plover", "")).upper(),
                 (s.label or "").upper()}
        if want in types:
            mode = s.attrs.get("mode")  # asserted, denied, hypothetical …: the reader judges
            out.append(_span(doc, "events", s, f"event {want}" + (f" ({mode})" if mode else "")))
    return out

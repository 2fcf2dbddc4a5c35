"""Events → an ACLED-style CSV (column names and precision codes of the ACLED codebook).

ACLED codes how sure the date and the location are, and analysts filter on it:

* ``time_precision`` — 1: the day is known; 2: only the week (or the event is dated only by
  the report: "recently", "in the past days"); 3: only the month or year.
* ``geo_precision`` — 1: a town/village/camp or a point within it; 2: a district, or a place
  "near" a town; 3: only a province/region or the country.

Event types here are rasd's (PLOVER-based) labels, not ACLED's own taxonomy: the columns keep
ACLED's names so tools that read ACLED exports load this file, but ``event_type`` values and
actor names are what the articles say.  Extra provenance columns (``doc_id``, ``span_id``,
``start``, ``end``, ``url``) follow ACLED's columns.
"""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from rasd.doc import Document
from rasd.store import records

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
    "doc_id", "span_id", "start", "end", "url",
]

_POINT_KINDS = {"city", "capital", "town", "village", "camp", "neighbourhood", "neighborhood",
                "landmark", "point", "facility", "fac", "building", "airport", "port"}
_DISTRICT_KINDS = {"district", "admin2", "admin3", "county"}


def time_precision(precision: str | None, from_event: bool) -> int:
    """ACLED time_precision for a date of the given precision (see module docstring)."""
    if not from_event:
        return 2  # dated only by the article: within about a week of publication
    return {"day": 1, "week": 2}.get(precision or "", 3)


def geo_precision(kind: str | None, has_coords: bool, near: bool = False) -> int:
    k = (kind or "").lower()
    if not has_coords:
        return 3
    if k in _POINT_KINDS:
        return 2 if near else 1
    if k in _DISTRICT_KINDS:
        return 2
    return 3  # country, admin1, region, water, continent, unknown


def _country(code: str | None) -> tuple[str, str]:
    """(ISO 3166 numeric, English name) for an ISO2/ISO3 code, blanks if unknown."""
    if not code:
        return "", ""
    import pycountry

    try:
        c = pycountry.countries.lookup(code)
    except LookupError:
        return "", str(code)
    return str(int(c.numeric)), c.name


def _place_attrs(doc: Document, place_id_ref: Any) -> dict[str, Any]:
    if isinstance(place_id_ref, dict) and isinstance(place_id_ref.get("id"), str):
        sp = records.find_span(doc, place_id_ref["id"], ("places",))
        return {**place_id_ref, **(dict(sp.attrs) if sp else {})}
    if isinstance(place_id_ref, str):
        sp = records.find_span(doc, place_id_ref, ("places",))
        return dict(sp.attrs) if sp else {}
    return dict(place_id_ref) if isinstance(place_id_ref, dict) else {}


def rows(doc: Document) -> Iterator[dict[str, Any]]:
    published = (doc.meta.published or "")[:10]
    for r in records.event_rows(doc):
        attrs = json.loads(r["attrs"]) if r["attrs"] else {}
        from_event = bool(r["date"])
        day = (r["date"] or published or "")[:10]
        if len(day) == 7:
            day += "-01"
        elif len(day) == 4:
            day += "-01-01"
        place = _place_attrs(doc, attrs.get("place") or attrs.get("where"))
        has_coords = r["lat"] is not None and r["lon"] is not None
        iso, country = _country(place.get("country"))
        actors = json.loads(r["actors"]) if r["actors"] else []
        actor = attrs.get("actor") or {}
        target = attrs.get("target") or {}
        actor1 = _arg_name(actor) or (actors[0] if actors else "")
        actor2 = _arg_name(target) or (actors[1] if len(actors) > 1 else "")
        yield {
            "event_id_cnty": f"{(place.get('country') or 'XX')}-{doc.id}-{r['span_id']}",
            "event_date": day,
            "year": day[:4],
            "time_precision": time_precision(r["date_precision"], from_event) if day else "",
            "disorder_type": "",
            "event_type": r["label"] or attrs.get("type") or "",
            "sub_event_type": attrs.get("plover") or attrs.get("subtype") or "",
            "actor1": actor1, "assoc_actor_1": "", "inter1": "",
            "actor2": actor2, "assoc_actor_2": "", "inter2": "", "interaction": "",
            "civilian_targeting": "",
            "iso": iso, "region": "", "country": country,
            "admin1": place.get("admin1") or "", "admin2": "", "admin3": "",
            "location": r["place"] or "",
            "latitude": r["lat"] if has_coords else "",
            "longitude": r["lon"] if has_coords else "",
            "geo_precision": geo_precision(place.get("kind"), has_coords) if r["place"] else "",
            "source": doc.meta.outlet or doc.meta.source or "",
            "source_scale": "",
            "notes": " ".join(r["text"].split()),
            "fatalities": _int(attrs.get("fatalities") or attrs.get("killed")),
            "tags": attrs.get("mode") or "",
            "timestamp": "",
            "doc_id": doc.id, "span_id": r["span_id"], "start": r["start"],
            "end": r["end"], "url": doc.meta.url or "",
        }


def _arg_name(arg: Any) -> str:
    if isinstance(arg, dict):
        return str(arg.get("canonical") or arg.get("text") or "")
    return str(arg or "")


def _int(v: Any) -> Any:
    try:
        return int(v)
    except (TypeError, ValueError):
        return ""


def write_acled(docs: Iterable[Document], out: TextIO) -> int:
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    stamp = str(int(time.time()))  # ACLED: Unix time the row was written
    for doc in docs:
        for row in rows(doc):
            row["timestamp"] = stamp
            w.writerow(row)
            n += 1
    return n

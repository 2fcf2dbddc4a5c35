"""Events → an ACLED-style CSV (columns, taxonomy and precision codes of the ACLED codebook).

ACLED codes how sure the date and the location are, and analysts filter on it:

* ``time_precision`` — 1: the day is known; 2: only the week (or the event is dated only by
  the report: "recently", "in the past days"); 3: only the month or year.  An ISO week
  ("2015-W30") becomes its Monday with precision 2, a month its first day with precision 3.
* ``geo_precision`` — 1: a town/village/camp or a point within it; 2: a district, or a place
  "near" a town; 3: only a province/region or the country — and 3 when the article names no
  place (the row is then located by its country only, if at all).

Types are ACLED's: rasd's PLOVER type, its trigger words and its actors' types choose
``event_type``/``sub_event_type``/``disorder_type`` (:func:`acled_type`); PLOVER types ACLED
does not code (CONSULT, REQUEST …) become "Strategic developments"/"Other" and keep the PLOVER
type in ``tags``.  ``actor1`` is the event's actor and ``actor2`` its target — never the same
mention, and never the target moved up when the actor is unknown (ACLED's "Unidentified Armed
Group (<country>)" stands in for an unnamed perpetrator of political violence).  Actor types
give ``inter1``/``inter2``/``interaction``; ``fatalities`` comes from the casualty count (0
when none is reported, as in ACLED).  Extra provenance columns (``doc_id``, ``span_id``,
``start``, ``end``, ``url``) follow ACLED's columns.
"""

from __future__ import annotations

import csv
import datetime
import json
import math
import re
import time
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from typing import Any, TextIO

from rasd.doc import Document
from rasd.export.csv import safe_row
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
    """ACLED geo_precision of a place of the given gazetteer kind (see module docstring)."""
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


#: ACLED actor type codes (codebook 2023): inter1/inter2
INTER = {"military": 1, "police": 1, "government": 1, "rebel": 2, "militia": 3,
         "rioters": 5, "protesters": 6, "civilians": 7, "international": 8, "other": 8}
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_REMOTE = {"Air/drone strike", "Shelling/artillery/missile attack", "Suicide bomb",
           "Remote explosive/landmine/IED"}
_STRATEGIC = {"AGREE": "Agreement", "MOBILIZE": "Change to group/activity",
              "RETREAT": "Change to group/activity"}
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")


@cache
def _sub_words() -> dict[str, str]:
    from rasd.lang.ar import vocab

    return vocab.table("event-acled", "category")


def _cue(words: Iterable[str]) -> str | None:
    """The ACLED sub-event a trigger's words point to ("غارة" → air strike), if any."""
    from rasd.lang.ar.clitics import variants
    from rasd.lang.ar.normalize import normalize_key

    table = _sub_words()
    for w in words:
        for v in variants(normalize_key(w)):
            if v in table:
                return table[v]
    return None


def acled_type(plover: str, trigger: str, actor_type: str | None,
               target_type: str | None) -> tuple[str, str, str]:
    """(disorder_type, event_type, sub_event_type) of a PLOVER event (see module docstring)."""
    cue = _cue(trigger.split())
    if plover == "PROTEST":
        return "Demonstrations", "Protests", "Peaceful protest"
    if plover == "COERCE" and cue == "Protest with intervention":
        return "Demonstrations", "Protests", "Protest with intervention"
    if plover == "FIGHT":
        if cue == "territory":
            sub = ("Government regains territory" if actor_type in ("military", "police")
                   else "Non-state actor overtakes territory" if actor_type else "Armed clash")
            return "Political violence", "Battles", sub
        return "Political violence", "Battles", "Armed clash"
    if plover == "ASSAULT":
        if cue in _REMOTE:
            return "Political violence", "Explosions/Remote violence", cue or ""
        if cue == "Abduction/forced disappearance":
            return "Political violence", "Violence against civilians", cue
        if target_type in (None, "civilians", "protesters"):
            if target_type == "protesters":
                return "Political violence; Demonstrations", "Protests", \
                    "Excessive force against protesters"
            return "Political violence", "Violence against civilians", "Attack"
        return "Political violence", "Battles", "Armed clash"
    if plover == "COERCE" and cue == "Arrests":
        return "Strategic developments", "Strategic developments", "Arrests"
    return "Strategic developments", "Strategic developments", _STRATEGIC.get(plover, "Other")


def event_date(value: str | None, published: str | None) -> tuple[str, int | str]:
    """(YYYY-MM-DD, time_precision) of an event's date value, else of the publication date."""
    v = (value or "").strip()
    m = _WEEK.match(v)
    if m:
        monday = datetime.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return monday.isoformat(), 2
    if re.match(r"^\d{4}-\d{2}-\d{2}", v):
        return v[:10], 1
    if re.match(r"^\d{4}-\d{2}$", v):
        return v + "-01", 3
    if re.match(r"^\d{4}$", v):
        return v + "-01-01", 3
    day = (published or "")[:10]
    return (day, 2) if day else ("", "")


@cache
def _countries() -> dict[str, tuple[str, str]]:
    """ISO2 → (ACLED country name or "", ACLED region) from ``data/acled-countries.tsv``."""
    out = {}
    text = (resources.files("rasd.export") / "data" / "acled-countries.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.startswith(("#", "iso2\t")) or not line.strip():
            continue
        iso2, name, region = line.split("\t")
        out[iso2] = (name, region)
    return out


def _admin1(place: dict[str, Any]) -> str:
    """The first-order division of a place: itself when it is one, else the nearest one of the
    same country in the gazetteer within 80 km (blank when none is that close: ACLED users
    prefer an empty admin1 to a wrong one)."""
    kind = (place.get("kind") or "").lower()
    if kind in ("admin1", "region"):
        return str(place.get("name_en") or "")
    lat, lon, cc = place.get("lat"), place.get("lon"), place.get("country")
    if lat is None or lon is None or not cc or kind in ("country", "continent", "water"):
        return ""
    best, dist = "", 80.0
    for p in _admin1_places(str(cc)):
        d = _km(float(lat), float(lon), p[1], p[2])
        if d < dist:
            best, dist = p[0], d
    return best


@cache
def _admin1_places(cc: str) -> tuple[tuple[str, float, float], ...]:
    from rasd.geo.gazetteer import default_gazetteer

    return tuple((p.name_en, p.lat, p.lon) for p in default_gazetteer().places
                 if p.kind == "admin1" and p.country == cc)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    a = (math.sin(math.radians(lat2 - lat1) / 2) ** 2 + math.cos(math.radians(lat1))
         * math.cos(math.radians(lat2)) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(math.sqrt(min(1.0, a)))


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a and b and a.get("start") is not None and a.get("start") < b.get("end", -1)
                and b.get("start", 10**12) < a.get("end", -1))


def rows(doc: Document) -> Iterator[dict[str, Any]]:
    published = (doc.meta.published or "")[:10]
    for r in records.event_rows(doc):
        attrs = json.loads(r["attrs"]) if r["attrs"] else {}
        if r["date"]:
            day, tp = event_date(r["date"], None)
            if tp == 1 and r["date_precision"]:
                tp = time_precision(r["date_precision"], True)
        else:
            day, tp = event_date(None, published)
        place = _place_attrs(doc, attrs.get("place") or attrs.get("where"))
        has_coords = r["lat"] is not None and r["lon"] is not None
        iso2 = place.get("country")
        iso, country = _country(iso2)
        acled_name, region = _countries().get(str(iso2 or "").upper(), ("", ""))
        actor = attrs.get("actor") or {}
        target = attrs.get("target") or {}
        if _same(actor, target):
            target = {}  # actor1 and actor2 are never the same mention
        a_type, t_type = actor.get("type"), target.get("type")
        plover = attrs.get("plover") or attrs.get("type") or r["label"] or ""
        trig = (attrs.get("trigger") or {}).get("text") or ""
        disorder, etype, sub = acled_type(plover, trig, a_type, t_type)
        actor1 = _arg_name(actor)
        if not actor1 and etype in _VIOLENT:
            actor1 = f"Unidentified Armed Group ({acled_name or country})" if country \
                else "Unidentified Armed Group"
            a_type = a_type or "rebel"
        actor2 = _arg_name(target)
        inter1 = INTER.get(a_type or "", "") if actor1 else ""
        inter2 = INTER.get(t_type or "", "") if actor2 else ""
        pair = sorted(x for x in (inter1, inter2) if x != "")
        interaction = ("".join(map(str, pair)) if len(pair) == 2
                       else f"{pair[0]}0" if pair else "")
        tags = ";".join(x for x in (f"plover={plover}" if plover else "",
                                    f"mode={attrs['mode']}" if attrs.get("mode") else "") if x)
        yield {
            "event_id_cnty": f"{(iso2 or 'XX')}-{doc.id}-{r['span_id']}",
            "event_date": day,
            "year": day[:4],
            "time_precision": tp,
            "disorder_type": disorder,
            "event_type": etype,
            "sub_event_type": sub,
            "actor1": actor1, "assoc_actor_1": "", "inter1": inter1,
            "actor2": actor2, "assoc_actor_2": "", "inter2": inter2,
            "interaction": interaction,
            "civilian_targeting": "Civilian targeting" if inter2 == 7 and etype in _VIOLENT
            else "",
            "iso": iso, "region": region, "country": acled_name or country,
            "admin1": place.get("admin1") or _admin1(place), "admin2": "", "admin3": "",
            "location": r["place"] or "",
            "latitude": r["lat"] if has_coords else "",
            "longitude": r["lon"] if has_coords else "",
            "geo_precision": geo_precision(place.get("kind"), has_coords) if r["place"] else 3,
            "source": doc.meta.outlet or doc.meta.source or "",
            "source_scale": "",
            "notes": " ".join(r["text"].split()),
            "fatalities": _int(attrs.get("fatalities") or attrs.get("killed")) or 0,
            "tags": tags,
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
            w.writerow(safe_row(row))
            n += 1
    return n

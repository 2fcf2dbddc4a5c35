"""The ACLED export means what ACLED means: its taxonomy, actor codes, dates and places, and a
CSV that pandas reads the way ACLED users read ACLED's own files."""

from __future__ import annotations

import io

import pytest

from rasd.doc import Document, Meta, Span
from rasd.export.acled import acled_type, event_date, write_acled

TEXT = "شنت طائرات التحالف غارة على مواقع الحوثيين في صنعاء ومقتل 5 مدنيين قرب عدن."


def _doc() -> Document:
    t = TEXT
    doc = Document(t, Meta(published="2015-07-27", outlet="okaz", url="https://example.org/a"))
    s, a = t.index("صنعاء"), t.index("عدن")
    doc.set_layer("places", [
        Span(s, s + 5, "GPE", "p0", {"resolved": True, "entity": "", "id": "gn:71137",
                                     "name_en": "Sanaa", "kind": "capital", "country": "YE",
                                     "lat": 15.35, "lon": 44.21}),
        Span(a, a + 3, "GPE", "p1", {"resolved": True, "entity": "", "id": "gn:415189",
                                     "name_en": "Aden", "kind": "city", "country": "YE",
                                     "lat": 12.78, "lon": 45.04}),
    ])
    doc.set_layer("times", [Span(0, 3, "TIME", "t0", {"value": "2015-W30", "anchor": "x"})])
    g, tr, ac = t.index("غارة"), t.index("مواقع الحوثيين"), t.index("طائرات التحالف")
    k, c = t.index("مقتل"), t.index("5 مدنيين")
    doc.set_layer("events", [
        Span(ac, tr + 14, "ASSAULT", "ev0", {
            "type": "ASSAULT", "plover": "ASSAULT", "mode": "asserted",
            "trigger": {"start": g, "end": g + 4, "text": "غارة", "kind": "noun"},
            "actor": {"start": ac, "end": ac + 14, "text": "طائرات التحالف", "type": "military"},
            "target": {"start": tr, "end": tr + 14, "text": "مواقع الحوثيين", "type": "militia"},
            "place": {"start": s, "end": s + 5, "text": "صنعاء", "id": "p0"},
            "time": {"start": 0, "end": 3, "text": "شنت", "id": "t0", "value": "2015-W30"}}),
        Span(k, c + 8, "ASSAULT", "ev1", {
            "type": "ASSAULT", "plover": "ASSAULT", "mode": "asserted", "fatalities": 5,
            "trigger": {"start": k, "end": k + 4, "text": "مقتل", "kind": "noun"},
            "target": {"start": c, "end": c + 8, "text": "5 مدنيين", "type": "civilians"},
            "place": {"start": a, "end": a + 3, "text": "عدن", "id": "p1"}}),
    ])
    return doc


def test_types_follow_the_acled_codebook() -> None:
    assert acled_type("ASSAULT", "غارة", "military", "militia")[1:] == (
        "Explosions/Remote violence", "Air/drone strike")
    assert acled_type("FIGHT", "اشتباكات", "military", "rebel") == (
        "Political violence", "Battles", "Armed clash")
    assert acled_type("FIGHT", "تحرير", "military", "rebel")[2] == "Government regains territory"
    assert acled_type("ASSAULT", "مقتل", None, "civilians")[1] == "Violence against civilians"
    assert acled_type("PROTEST", "تظاهرة", "protesters", None)[0] == "Demonstrations"
    assert acled_type("COERCE", "اعتقال", "police", None)[2] == "Arrests"
    assert acled_type("CONSULT", "زيارة", "government", None) == (
        "Strategic developments", "Strategic developments", "Other")


def test_weeks_and_months_become_dates_with_precision() -> None:
    assert event_date("2015-W30", None) == ("2015-07-20", 2)
    assert event_date("2015-07", None) == ("2015-07-01", 3)
    assert event_date("2015", None) == ("2015-01-01", 3)
    assert event_date("2015-07-24", None) == ("2015-07-24", 1)
    assert event_date(None, "2015-07-27") == ("2015-07-27", 2)


def test_csv_loads_in_pandas_with_parsed_dates() -> None:
    pd = pytest.importorskip("pandas")
    out = io.StringIO()
    assert write_acled([_doc()], out) == 2
    df = pd.read_csv(io.StringIO(out.getvalue()), parse_dates=["event_date"])
    assert str(df["event_date"].dtype).startswith("datetime64")
    strike, killing = df.iloc[0], df.iloc[1]
    assert strike["event_date"] == pd.Timestamp("2015-07-20") and strike["time_precision"] == 2
    assert (strike["event_type"], strike["sub_event_type"]) == (
        "Explosions/Remote violence", "Air/drone strike")
    assert strike["actor1"] == "طائرات التحالف" and strike["actor2"] == "مواقع الحوثيين"
    assert (strike["inter1"], strike["inter2"], strike["interaction"]) == (1, 3, 13)
    assert (strike["country"], strike["region"], strike["iso"]) == ("Yemen", "Middle East", 887)
    # no actor: ACLED's unidentified perpetrator, never the victims moved into actor1
    assert killing["actor1"] == "Unidentified Armed Group (Yemen)"
    assert killing["actor2"] == "5 مدنيين" and killing["fatalities"] == 5
    assert killing["civilian_targeting"] == "Civilian targeting"
    assert killing["event_type"] == "Violence against civilians"
    assert df["geo_precision"].notna().all() and df["fatalities"].dtype.kind == "i"
    assert killing["event_date"] == pd.Timestamp("2015-07-27")  # dated by the report only

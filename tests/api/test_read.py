"""The read side of the JSON API, against SQLite and PostgreSQL."""

from __future__ import annotations

from rasd.api.settings import MAX_PAGE
from tests.api.fixtures import PLACE_COORDS, gold_document


def test_health_and_openapi(client) -> None:
    h = client.get("/api/health").json()
    assert h["status"] == "ok" and h["documents"] >= 3 and h["read_only"] is True
    spec = client.get("/openapi.json").json()
    for path in ("/api/search", "/api/documents", "/api/documents/{doc_id}", "/api/entities",
                 "/api/entities/{entity_id}", "/api/places", "/api/quotes", "/api/events",
                 "/api/exports/jsonl"):
        assert path in spec["paths"], path
    assert spec["paths"]["/api/documents"]["post"]["security"] == [{"token": []}]
    assert spec["components"]["securitySchemes"]["token"]["scheme"] == "bearer"


def test_docs_page_is_offline(client) -> None:
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower() and "https://" not in html
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_document_has_every_layer_and_exact_offsets(client, ids) -> None:
    r = client.get(f"/api/documents/{ids['gold']}")
    assert r.status_code == 200
    body = r.json()
    doc = body["document"]
    expected = gold_document()
    assert doc["text"] == expected.text
    for layer in ("entities", "times", "quotes", "places", "events", "boilerplate"):
        assert len(doc["layers"][layer]) == len(expected.layer(layer)), layer
        for span in doc["layers"][layer]:
            assert doc["text"][span["start"]:span["end"]] == span["text"]
    assert body["summary"]["id"] == ids["gold"]
    assert body["sources"], "where the text came from is reported"


def test_unknown_document_is_404_json(client) -> None:
    r = client.get("/api/documents/ffffffffffffffff")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/json")
    assert "detail" in r.json()


def test_listing_is_paged_and_capped(client) -> None:
    total = client.get("/api/documents?limit=1").json()["total"]
    assert total >= 3
    first = client.get("/api/documents?limit=2&offset=0").json()
    second = client.get("/api/documents?limit=2&offset=2").json()
    assert len(first["items"]) == 2 and first["total"] == total
    assert not {d["id"] for d in first["items"]} & {d["id"] for d in second["items"]}
    capped = client.get("/api/documents?limit=100000").json()
    assert capped["limit"] == MAX_PAGE
    assert client.get("/api/documents?limit=0").status_code == 422
    assert client.get("/api/documents?offset=-1").status_code == 422


def test_search_finds_the_seed_with_snippet_and_facets(client, ids) -> None:
    r = client.get("/api/search", params={"q": "إدلب", "limit": 50}).json()
    hit_ids = [h["doc"]["id"] for h in r["hits"]]
    assert ids["gold"] in hit_ids
    hit = r["hits"][hit_ids.index(ids["gold"])]
    snip = hit["snippet"]
    a, b = snip["highlights"][0]
    assert "إدلب" in snip["text"][a:b]
    assert set(r["facets"]) >= {"entities", "places", "outlets", "dates"}
    assert r["total"] >= len(r["hits"])


def test_search_filters_narrow_the_result(client, ids) -> None:
    everything = client.get("/api/search", params={"q": "", "limit": 200}).json()["total"]
    quoted = client.get("/api/search", params={"kind": "quote", "limit": 200}).json()
    assert ids["gold"] in [h["doc"]["id"] for h in quoted["hits"]]
    assert quoted["total"] <= everything
    day = client.get("/api/search", params={"from": "2021-11-01", "to": "2021-11-01"}).json()
    assert ids["gold"] in [h["doc"]["id"] for h in day["hits"]]
    assert all(h["doc"]["published"][:10] == "2021-11-01" for h in day["hits"])
    by_outlet = client.get("/api/search", params={"source": "الحل نت"}).json()
    assert ids["gold"] in [h["doc"]["id"] for h in by_outlet["hits"]]
    assert client.get("/api/search", params={"from": "yesterday"}).status_code == 422
    assert client.get("/api/search", params={"kind": "poem"}).status_code == 422


def test_entity_profile_across_articles(client, ids) -> None:
    page = client.get("/api/entities", params={"name": "كوريا الشمالية", "limit": 5}).json()
    assert page["items"], page
    korea = page["items"][0]
    prof = client.get(f"/api/entities/{korea['id']}").json()
    assert prof["entity"]["id"] == korea["id"]
    assert prof["mentions"]["total"] == korea["mention_count"] >= 2
    for m in prof["mentions"]["items"]:
        assert m["text"] and m["doc_id"]
    assert prof["co_mentions"], "entities in the same articles are listed"
    assert all(c["entity"]["id"] != korea["id"] for c in prof["co_mentions"])
    assert {"date": "2021-11-01", "count": 1} in prof["timeline"]
    # filtering search by this entity returns the seed
    hits = client.get("/api/search", params={"entity": korea["id"]}).json()["hits"]
    assert ids["gold"] in [h["doc"]["id"] for h in hits]
    assert client.get("/api/entities/ent_doesnotexist").status_code == 404


def test_places_are_rfc7946_geojson(client) -> None:
    fc = client.get("/api/places").json()
    assert fc["type"] == "FeatureCollection"
    by_name = {f["properties"]["name"]: f for f in fc["features"]}
    lat, lon, cc, _ = PLACE_COORDS["دمشق"]
    damascus = by_name["دمشق"]
    assert damascus["geometry"] == {"type": "Point", "coordinates": [lon, lat]}  # [lon, lat]
    assert damascus["properties"]["country"] == cc
    prof = client.get(f"/api/places/{damascus['id']}").json()
    assert prof["place"]["name"] == "دمشق" and prof["mentions"]["items"]


def test_quotes_and_events(client, ids) -> None:
    q = client.get("/api/quotes", params={"limit": 200}).json()
    mine = [x for x in q["items"] if x["doc_id"] == ids["gold"]]
    assert len(mine) == len(gold_document().layer("quotes"))
    text = gold_document().text
    for x in mine:
        assert text[x["start"]:x["end"]] == x["content"]
        if x["speaker_start"] is not None:
            assert text[x["speaker_start"]:x["speaker_end"]] == x["speaker"]
    ev = client.get("/api/events", params={"limit": 500}).json()  # more events per doc now
    arrival = [e for e in ev["items"] if e["doc_id"] == ids["gold"]]
    assert arrival and arrival[0]["text"] == "وصل مؤخراً إلى دمشق"
    assert client.get("/api/quotes?limit=5000").json()["limit"] == MAX_PAGE


def test_timeline_and_facets(client) -> None:
    days = client.get("/api/timeline").json()
    assert any(d["date"] == "2021-11-01" for d in days)
    assert days == sorted(days, key=lambda d: d["date"])
    facets = client.get("/api/facets", params={"q": "كوريا"}).json()
    assert facets["entities"], facets


def test_jsonl_export_streams_all_documents(client) -> None:
    import json

    r = client.get("/api/exports/jsonl")
    assert r.status_code == 200
    lines = [json.loads(x) for x in r.text.splitlines() if x]
    assert len(lines) == client.get("/api/health").json()["documents"]
    assert all("text" in d and "layers" in d for d in lines)


def test_every_export_streams_and_honours_filters(client, ids) -> None:
    import csv
    import io
    import json

    n_docs = client.get("/api/health").json()["documents"]
    full = client.get("/api/exports/jsonl")
    assert len(full.text.splitlines()) == n_docs
    only = client.get("/api/exports/jsonl", params={"q": "بيونغ يانغ", "from": "2021-11-01",
                                                    "to": "2021-11-01"})
    got = [json.loads(x)["id"] for x in only.text.splitlines()]
    assert ids["gold"] in got and len(got) < n_docs
    for what in ("entities", "quotes", "events", "places", "times"):
        r = client.get("/api/exports/csv", params={"what": what})
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert rows, what
    quotes = list(csv.DictReader(io.StringIO(
        client.get("/api/exports/csv", params={"what": "quotes", "source": "الحل نت"}).text)))
    assert quotes and all(json.dumps(q, ensure_ascii=False) for q in quotes)
    acled = client.get("/api/exports/acled").text.splitlines()
    assert acled[0].startswith("event_id_cnty,event_date")
    fc = client.get("/api/exports/geojson").json()
    assert fc["type"] == "FeatureCollection" and fc["features"]
    for f in fc["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert f["properties"]["doc_id"]
    ftm = [json.loads(x) for x in client.get("/api/exports/ftm").text.splitlines()]
    assert {"Article", "Mention"} <= {e["schema"] for e in ftm}
    page = client.get("/api/exports/annotations").json()
    assert page["type"] == "AnnotationPage" and page["items"]
    sel = page["items"][0]["target"]["selector"]
    assert {"TextQuoteSelector", "TextPositionSelector"} <= {s["type"] for s in sel}

"""Server-rendered pages: every page renders, highlights link to the right pages, layers that
are absent render as empty states, and nothing is loaded from outside the server."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from rasd.doc import Document, Meta
from rasd.store import open_store
from tests.api.conftest import TestClient, create_app
from tests.api.fixtures import gold_document

PAGES = ["/", "/?q=كوريا", "/?q=إدلب&from=2021-01-01&to=2021-12-31&kind=quote", "/entities",
         "/entities?label=PER", "/map", "/timeline", "/timeline?q=إدلب", "/quotes", "/events"]


class _Refs(HTMLParser):
    """Collects every src/href and the highlight anchors of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_scripts = 0
        self.style_attrs = 0
        self.entity_links: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k in ("src", "href"):
            if a.get(k):
                self.urls.append(a[k])
        if "style" in a:
            self.style_attrs += 1
        if tag == "script" and not a.get("src"):
            self.inline_scripts += 1
        if tag == "a" and "hl" in (a.get("class") or "").split() and "ent" in a["class"].split():
            self.entity_links.append(a["href"])


def _parse(html: str) -> _Refs:
    p = _Refs()
    p.feed(html)
    return p


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_without_external_resources(client, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200, r.text[:500]
    assert '<html lang="ar" dir="rtl">' in r.text
    refs = _parse(r.text)
    assert refs.inline_scripts == 0 and refs.style_attrs == 0  # CSP-compatible
    for url in refs.urls:
        assert url.startswith(("/", "#", "?")), url  # same origin only


def test_article_page_highlights_every_layer(client, ids) -> None:
    html = client.get(f"/doc/{ids['gold']}").text
    gold = gold_document()
    refs = _parse(html)
    assert refs.urls and all(u.startswith(("/", "#", "?", "https://7al.net")) for u in refs.urls)
    for css, layer in (("ent", "entities"), ("tm", "times"), ("q-content", "quotes"),
                       ("q-speaker", "quotes"), ("plc", "places"), ("ev", "events"),
                       ("bp", "boilerplate")):
        assert re.search(rf'class="hl {css}[ "]', html), css
        assert gold.layer(layer)
    # the sourcing table has one row per quote, with speaker kind and paragraph
    assert html.count('<tr id="row-q') == len(gold.layer("quotes"))
    assert "مجهول الهوية" in html and "الفقرة" in html
    # every entity highlight leads to a working entity page about that very name
    assert len(refs.entity_links) >= 20
    first = refs.entity_links[0]
    page = client.get(first)
    assert page.status_code == 200
    mention = gold.text[gold.layer("entities")[0].start:gold.layer("entities")[0].end]
    assert mention in page.text


def test_article_lists_contradictions_with_both_sides(client, ids) -> None:
    gold = gold_document()
    html = client.get(f"/doc/{ids['gold']}").text
    section = html[html.index('id="contradictions"'):html.index('id="events"')]
    assert "تعارض صريح في النص" in section
    for a, b in ((1343, 1457), (1667, 1725)):
        assert gold.text[a:b] in section
    assert "الحكومة السورية" in section  # who made the second statement


def test_article_focus_marks_the_requested_span(client, ids) -> None:
    gold = gold_document()
    i = gold.text.index("بيونغ يانغ")
    html = client.get(f"/doc/{ids['gold']}?at={i}:{i + 10}").text
    assert re.search(r'class="hl focus"[^>]*id="focus"', html)
    assert client.get(f"/doc/{ids['gold']}?at=99999999:1").status_code == 200


def test_absent_layers_render_gracefully(tmp_path) -> None:
    url = str(tmp_path / "bare.db")
    store = open_store(url)
    doc = Document("أعلنت الحكومة العراقية اليوم نتائج الانتخابات المحلية في بغداد والبصرة.",
                   Meta(title="نتائج الانتخابات", published="2023-12-19"))
    store.add(doc, "none")  # no layers at all
    store.close()
    with TestClient(create_app_for(url)) as c:
        html = c.get(f"/doc/{doc.id}").text
        assert "لم تُستخرج طبقات التحليل" in html
        assert "لم تُستخرج اقتباسات" in html and "لم تُستخرج أحداث" in html
        assert "نتائج الانتخابات المحلية في بغداد" in html
        for path in PAGES:
            assert c.get(path).status_code == 200, path


def create_app_for(url: str):
    from rasd.api.settings import Settings

    return create_app(Settings(db=url))


def test_entity_page_lists_mentions_co_mentions_timeline(client) -> None:
    korea = client.get("/api/entities", params={"name": "كوريا الشمالية"}).json()["items"][0]
    html = client.get(f"/entity/{korea['id']}").text
    assert korea["name"] in html
    assert html.count('class="ctx"') == min(korea["mention_count"], 20)
    assert "يُذكر معه" in html and 'class="bars"' in html
    assert re.search(r'href="/doc/[0-9a-f]{16}\?at=\d+:\d+#focus"', html)


def test_map_page_uses_bundled_leaflet_and_outlines(client) -> None:
    html = client.get("/map").text
    assert "/static/vendor/leaflet/leaflet.js" in html
    assert 'data-outlines="/static/vendor/world-atlas/countries-50m.json"' in html
    for path in ("/static/vendor/leaflet/leaflet.js", "/static/vendor/leaflet/leaflet.css",
                 "/static/vendor/topojson-client/topojson-client.min.js",
                 "/static/vendor/world-atlas/countries-50m.json", "/static/js/map.js",
                 "/static/css/rasd.css", "/static/vendor/fonts/noto-naskh-arabic-arabic-400-normal.woff2"):
        assert client.get(path).status_code == 200, path
    topo = client.get("/static/vendor/world-atlas/countries-50m.json").json()
    assert topo["type"] == "Topology" and "countries" in topo["objects"]
    assert "دمشق" in html


def test_unknown_pages_are_html_404(client) -> None:
    r = client.get("/doc/0000000000000000", headers={"Accept": "text/html"})
    assert r.status_code == 404 and "غير موجود" in r.text
    r = client.get("/entity/nope", headers={"Accept": "text/html"})
    assert r.status_code == 404


def test_bad_form_values_are_ignored(client) -> None:
    for q in ("from=notadate", "to=2021-13-45", "kind=poem", "offset=-5", "offset=abc"):
        assert client.get(f"/?{q}").status_code == 200, q


def test_entity_page_lists_the_statements_it_made(client) -> None:
    quotes = client.get("/api/quotes", params={"limit": 200}).json()["items"]
    q = next(x for x in quotes if x.get("speaker_entity"))
    html = client.get(f"/entity/{q['speaker_entity']}").text
    assert "تصريحاته" in html
    assert f'href="/doc/{q["doc_id"]}?at={q["start"]}:{q["end"]}#focus"' in html


def test_statements_api(client) -> None:
    quotes = client.get("/api/quotes", params={"limit": 200}).json()["items"]
    q = next(x for x in quotes if x.get("speaker_entity"))
    r = client.get(f"/api/entities/{q['speaker_entity']}/statements").json()
    assert r["total"] >= 1
    assert all(x["speaker_entity"] == q["speaker_entity"] for x in r["items"])
    assert client.get("/api/entities/nope/statements").status_code == 404

"""Latin-script queries over an archive of the bundled sample articles: ``rasd entity``,
``rasd search``, the HTTP API and the entity page find Arabic names by their English names."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from rasd.cli import cli
from rasd.doc import Document, Meta
from rasd.store import open_store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("latin") / "a.db")
    r = CliRunner().invoke(cli, ["ingest", str(ROOT / "samples"), "--db", db, "--no-progress"])
    assert r.exit_code == 0, r.output
    return db


def _json(*args: str) -> Any:
    r = CliRunner().invoke(cli, [*args, "--json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.output)


@pytest.mark.parametrize(("query", "label", "arabic"), [
    ("Assad", "PER", "الأسد"),
    ("al-Assad", "PER", "الأسد"),
    ("Idlib", None, "إدلب"),
    ("North Korea", None, "كوريا الشمالية"),
])  # fmt: skip
def test_rasd_entity_accepts_latin_names(archive: str, query: str, label: str | None,
                                         arabic: str) -> None:
    args = ["entity", query, "--db", archive] + (["--label", label] if label else [])
    ent = _json(*args)["entity"]
    assert arabic in ent["name"]
    assert ent["latin"], ent


def test_rasd_entity_text_shows_latin_names(archive: str) -> None:
    r = CliRunner().invoke(cli, ["entity", "Idlib", "--db", archive])
    assert r.exit_code == 0, r.output
    assert "in Latin script: Idlib" in r.output


def test_rasd_search_accepts_latin_names(archive: str) -> None:
    arabic = _json("search", "إدلب", "--db", archive, "--no-facets")
    latin = _json("search", "Idlib", "--db", archive, "--no-facets")
    assert latin["total"] == arabic["total"] > 0
    assert latin["query"] == "Idlib"  # echoed as typed
    assert {h["doc"]["id"] for h in latin["hits"]} == {
        h["doc"]["id"] for h in arabic["hits"]}
    # snippets mark the Arabic word the Latin name stands for
    assert any(h["snippet"]["highlights"] for h in latin["hits"])


def test_unknown_latin_word_searches_as_written(archive: str) -> None:
    assert _json("search", "Zzyzxq", "--db", archive, "--no-facets")["total"] == 0


@pytest.fixture(scope="module")
def client(archive: str) -> Iterator[Any]:
    from rasd.api.settings import Settings
    from tests.api.conftest import TestClient, create_app

    with TestClient(create_app(Settings(db=archive))) as c:
        yield c


def test_api_and_web_page_show_latin_names(client: Any) -> None:
    items = client.get("/api/entities", params={"name": "Idlib"}).json()["items"]
    assert items and "إدلب" in items[0]["name"] and items[0]["latin"][0] == "Idlib"
    html = client.get(f"/entity/{items[0]['id']}").text
    assert 'class="latin"' in html and "Idlib" in html
    found = client.get("/api/search", params={"q": "Idlib"}).json()
    assert found["total"] > 0


def test_linked_identity_carries_curated_latin_alias(tmp_path: Path) -> None:
    """After identity linking a curated Latin alias ("Houthis" of الحوثيون, aliases.json) is
    one of the identity's Latin names."""
    from rasd.identities import link_identities
    from rasd.pipeline import analyze

    store = open_store(str(tmp_path / "a.db"))
    try:
        store.add(analyze("قالت جماعة الحوثي إنها أطلقت صاروخا.", Meta(published="2024-01-02")))
        link_identities(store)
        found = store.entities(name="Ansar Allah").items
        assert found and "الحوثي" in found[0].name
        assert "Ansar Allah" in found[0].latin
    finally:
        store.close()


def test_latin_names_of_a_stored_place_and_person(tmp_path: Path) -> None:
    from rasd.doc import Span

    text = "زار عادل الجبير الرياض."
    doc = Document(text, Meta(published="2015-08-01"))
    doc.set_layer("entities", [Span(4, 15, "PER", "e0"), Span(16, 22, "GPE", "e1")])
    store = open_store(str(tmp_path / "b.db"))
    try:
        store.add(doc, "v")
        riyadh = store.entities(name="Riyadh").items
        assert [e.name for e in riyadh] == ["الرياض"] and riyadh[0].latin[0] == "Riyadh"
        jubeir = store.entities(name="Adel al-Jubeir").items
        assert [e.name for e in jubeir] == ["عادل الجبير"]
        assert jubeir[0].latin[0].startswith("Adel al-")
    finally:
        store.close()


def test_identity_lists_how_it_is_written(archive: str, client: Any) -> None:
    """The entity record, the API profile and the page list the written forms with counts."""
    rec = _json("entity", "Assad", "--db", archive, "--label", "PER")
    aliases = rec["aliases"]
    assert aliases and sum(a["mentions"] for a in aliases) == rec["entity"]["mention_count"]
    assert [a["mentions"] for a in aliases] == sorted((a["mentions"] for a in aliases),
                                                      reverse=True)
    prof = client.get(f"/api/entities/{rec['entity']['id']}").json()
    assert prof["aliases"] == aliases
    html = client.get(f"/entity/{rec['entity']['id']}").text
    assert "كيف يُكتب" in html and aliases[0]["name"] in html


def test_short_english_word_is_not_taken_for_a_name(tmp_path: Path) -> None:
    """"oil" has the skeleton of "علي" (al) but is no known name of it: searched as written."""
    from rasd.doc import Span

    text = "قال علي إن النفط ارتفع."
    doc = Document(text, Meta(published="2015-08-01"))
    doc.set_layer("entities", [Span(4, 7, "PER", "e0")])
    store = open_store(str(tmp_path / "c.db"))
    try:
        store.add(doc, "v")
        assert store.search("oil").total == 0
        assert store.search("Ali").total == 1  # a known English given name
    finally:
        store.close()


def test_entity_filter_accepts_a_latin_name(archive: str) -> None:
    arabic = _json("search", "", "--entity", "إدلب", "--db", archive, "--no-facets")
    latin = _json("search", "", "--entity", "Idlib", "--db", archive, "--no-facets")
    assert latin["total"] == arabic["total"] > 0

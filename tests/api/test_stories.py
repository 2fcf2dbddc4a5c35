"""Stories through the API (``/api/stories``, ``/api/stories/{id}``) and the pages
(``/stories``, ``/stories/{id}``) on SQLite and PostgreSQL: an archive holding the five
sample articles of the Zamzam camp story, one unrelated article and a document carrying
markup, with stories computed and saved the way ``rasd stories --db`` does."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from rasd.api import create_app
from rasd.api.settings import Settings
from rasd.cli import cli
from rasd.doc import Document, Meta
from rasd.link.corpus import iter_corpus
from rasd.pipeline import Pipeline
from rasd.store import StorySummary, open_store
from tests.api.conftest import BACKENDS, _skip_pg
from tests.api.fixtures import SAMPLES, XSS_SCRIPT, archive_url, hostile_document

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ZAMZAM = sorted(str(p) for p in SAMPLES.glob("*zamzam*.txt"))
OTHER = str(SAMPLES / "sudan24-2024-09-05-kassala-cholera.txt")


@pytest.fixture(scope="module", params=BACKENDS)
def archive(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[str]:
    _skip_pg(request.param)
    with archive_url(request.param, tmp_path_factory.mktemp("stories")) as url:
        pipe = Pipeline()
        with open_store(url) as store:
            for doc in iter_corpus([*ZAMZAM, OTHER]):
                store.add(pipe(doc), "v")
        result = CliRunner().invoke(cli, ["stories", "--db", url, "--json"])
        assert result.exit_code == 0, result.output
        with open_store(url) as store:  # a markup story next to the computed ones
            hostile = hostile_document()
            store.add(hostile, "test")
            twin = Document(hostile.text + "\nتحديث.", Meta(
                title="<script>alert('t')</script>", outlet="<b>x</b>", published="2024-05-03"))
            twin.set_layer("quotes", hostile.layer("quotes"), "q")
            store.add(twin, "test")
            computed = [(s, [a.id for a in store.story(s.id).articles])
                        for s in store.stories().items]
            evil = StorySummary("story-<evil>", hostile.meta.title or "", "2024-05-02",
                                "2024-05-03", 2, ["<i>أخبار</i> الشمال", "<b>x</b>"])
            store.save_stories([*computed, (evil, [hostile.id, twin.id])])
        yield url


@pytest.fixture(scope="module")
def client(archive: str) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=archive))) as c:
        yield c


def _zamzam(client: TestClient) -> dict:
    items = client.get("/api/stories", params={"min_size": 3}).json()["items"]
    (story,) = [s for s in items if s["size"] >= 4]
    return story


def test_list_and_filters(client: TestClient) -> None:
    r = client.get("/api/stories")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == len(body["items"]) >= 3
    story = _zamzam(client)
    assert story["first_seen"] == "2025-04-12" and story["last_seen"] == "2025-04-13"
    assert len(story["outlets"]) == story["size"] == 5
    got = client.get("/api/stories", params={"from": "2025-04-13", "to": "2025-04-13"}).json()
    assert [s["id"] for s in got["items"]] == [story["id"]]
    assert client.get("/api/stories", params={"to": "2020-01-01"}).json()["total"] == 0
    place = client.get(f"/api/stories/{story['id']}").json()["places"][0]
    for value in (place["id"], place["name"]):
        by_place = client.get("/api/stories", params={"place": value, "min_size": 2}).json()
        assert story["id"] in [s["id"] for s in by_place["items"]]
    entity = client.get(f"/api/stories/{story['id']}").json()["entities"][0]
    by_entity = client.get("/api/stories", params={"entity": entity["id"]}).json()
    assert story["id"] in [s["id"] for s in by_entity["items"]]
    paged = client.get("/api/stories", params={"limit": 1, "offset": 1}).json()
    assert len(paged["items"]) == 1 and paged["total"] == body["total"]
    assert client.get("/api/stories", params={"min_size": 0}).status_code == 422


def test_one_story_has_every_section(client: TestClient) -> None:
    story = _zamzam(client)
    r = client.get(f"/api/stories/{story['id']}")
    assert r.status_code == 200
    d = r.json()
    assert d["story"]["id"] == story["id"]
    assert [a["published"][:10] for a in d["articles"]] == sorted(
        a["published"][:10] for a in d["articles"])
    tl = d["timeline"]
    assert tl["days"] == ["2025-04-12", "2025-04-13"]
    assert sum(len(c) for o in tl["outlets"] for c in o["days"]) == 5
    assert any(len(sp["outlets"]) >= 2 for sp in d["speakers"])
    for pair in d["contradictions"] + d["agreements"]:
        for side in (pair["a"], pair["b"]):
            assert side["text"] and side["end"] > side["start"]
    assert d["contradictions"], "the samples report different death tolls"
    assert [a["first"] for a in d["additions"]] == [True, False, False, False, False]
    later = d["additions"][1:]
    assert any(a["entities"] or a["numbers"] or a["quotes"] for a in later)
    assert d["entities"] and d["places"]
    assert client.get("/api/stories/story-missing").status_code == 404


def test_pages_render_and_escape(client: TestClient) -> None:
    page = client.get("/stories", params={"min": 1})
    assert page.status_code == 200
    assert 'href="/stories"' in page.text and 'aria-current="page"' in page.text
    story = _zamzam(client)
    assert f'href="/stories/{story["id"]}"' in page.text
    # markup in titles and outlets is shown as text, never as tags
    assert "<b onmouseover" not in page.text and "&lt;b onmouseover" in page.text
    one = client.get(f"/stories/{story['id']}")
    assert one.status_code == 200
    for section in ('id="timeline"', 'id="voices"', 'id="agreements"',
                    'id="contradictions"', 'id="involved"', 'id="added"'):
        assert section in one.text
    assert "<script" not in one.text.split("</footer>")[0].split('<main id="main">')[1]
    evil = client.get("/stories/story-<evil>")
    assert evil.status_code == 200
    main = evil.text.split('<main id="main">')[1].split("</main>")[0]
    assert "<script" not in main and "<b>" not in main and "<img" not in main
    assert "&lt;script&gt;" in main
    assert XSS_SCRIPT not in main
    missing = client.get("/stories/nope", headers={"accept": "text/html"})
    assert missing.status_code == 404


def test_filters_on_the_page_and_empty_archive(client: TestClient, empty_url: str) -> None:
    story = _zamzam(client)
    got = client.get("/stories", params={"from": "2025-04-12", "to": "2025-04-13"})
    assert f'/stories/{story["id"]}' in got.text
    none = client.get("/stories", params={"entity": "لا أحد هنا"})
    assert f'/stories/{story["id"]}' not in none.text
    bad = client.get("/stories", params={"from": "not-a-date", "min": "x"})
    assert bad.status_code == 200  # typed into a form: ignored, not a 422
    with TestClient(create_app(Settings(db=empty_url))) as c:
        r = c.get("/stories")
        assert r.status_code == 200 and "rasd stories --db" in r.text


def test_article_links_to_its_story(client: TestClient) -> None:
    story = _zamzam(client)
    first = client.get(f"/api/stories/{story['id']}").json()["articles"][0]["id"]
    assert f'href="/stories/{story["id"]}"' in client.get(f"/doc/{first}").text


def test_story_sourcing_summary(client: TestClient) -> None:
    """The story's sourcing summary (rasd.sourcing over the members) on the API and the page:
    every statement counted once under its kind, each lone anonymous claim linked."""
    story = _zamzam(client)
    d = client.get(f"/api/stories/{story['id']}").json()
    s = d["sourcing"]
    assert s["statements"] == sum(k["statements"] for k in s["kinds"]) > 0
    assert s["statements"] == sum(len(sp["statements"]) for sp in d["speakers"])
    assert all(0 < k["sources"] <= k["statements"] for k in s["kinds"])
    page = client.get(f"/stories/{story['id']}").text
    box = page[page.index('class="sourcing-summary"'):page.index('class="quote-list speakers"')]
    for c in s["lone"]:
        assert f'/doc/{c["doc_id"]}?at={c["start"]}:{c["end"]}#focus' in box

"""The parts of ``rasd watch`` one at a time: the sources file, link extraction from hostile
pages, the polite fetcher (pace per host, retries, Retry-After, size cap, timeouts) and the
HTTP routes (Atom feed, status)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from rasd.watch import links
from rasd.watch.config import SourcesError, load, parse
from rasd.watch.http import Polite
from tests.watch.helpers import Route, Site

SRC = {"name": "a", "kind": "feed", "url": "http://127.0.0.1/rss", "interval": 60}


def test_sources_file(tmp_path: Path) -> None:
    p = tmp_path / "s.toml"
    p.write_text('[watch]\nhost_delay = 0.5\n\n[[source]]\nname = "a"\nkind = "page"\n'
                 'url = "https://example.org/x/"\ninterval = 300\nlink_pattern = "/a/\\\\d+"\n',
                 encoding="utf-8")
    cfg = load(p)
    assert cfg.settings.host_delay == 0.5 and cfg.sources[0].links_re() is not None
    assert cfg.sources[0].links_re().search("https://example.org/a/12")  # type: ignore[union-attr]


@pytest.mark.parametrize("bad,why", [
    ({"source": []}, "no [[source]]"),
    ({"source": [{**SRC, "kind": "ftp"}]}, "kind"),
    ({"source": [{**SRC, "url": "file:///etc/passwd"}]}, "http(s)"),
    ({"source": [{**SRC, "interval": 0}]}, "interval"),
    ({"source": [{**SRC, "extra": 1}]}, "unknown keys"),
    ({"source": [SRC, SRC]}, "used twice"),
    ({"source": [{**SRC, "link_pattern": "("}]}, "link_pattern"),
    ({"watch": {"retries": -1}, "source": [SRC]}, "[watch]"),
    ({"watch": {"colour": "red"}, "source": [SRC]}, "unknown [watch] keys"),
])
def test_sources_file_errors(bad: dict, why: str) -> None:
    with pytest.raises(SourcesError, match=r"\[E110\]") as e:
        parse(bad)
    assert why in str(e.value)


def test_page_links_are_bounded_and_safe() -> None:
    page = (b"<html><body><a href='/a/1#top'>1</a><a href='/a/1'>again</a>"
            b"<a href='JavaScript:alert(1)'>x</a><a href='data:text/html,hi'>d</a>"
            b"<a href='mailto:x@y'>m</a><a href='//other.example/a/2'>o</a>"
            b"<a href='https://site.example/a/3'>3</a><a>none</a>"
            b"<a href='/" + b"a" * 3000 + b"'>long</a></body></html>")
    got = links.from_page(page, "https://site.example/section/", None)
    assert got.articles == ["https://site.example/a/1", "https://site.example/a/3"]
    other = links.from_page(page, "https://site.example/section/", None, same_host=False)
    assert "https://other.example/a/2" in other.articles


def test_sitemap_ignores_entities() -> None:
    evil = (b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
            b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            b"<url><loc>&e;</loc></url><url><loc>http://s.example/1</loc></url></urlset>")
    assert links.from_sitemap(evil, "http://s.example/").articles == ["http://s.example/1"]
    assert links.from_sitemap(b"not xml at all", "http://s.example/").articles == []


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, s: float) -> None:
        self.slept.append(round(s, 3))
        self.now += s


def test_pace_per_host_retries_and_retry_after(make_site: Callable[[], Site]) -> None:
    a, b = make_site(), make_site()
    for s in (a, b):
        s.page("/x", "ok")
    t = FakeTime()
    http = Polite("test-agent", host_delay=2.0, retries=2, backoff=1.0, sleep=t.sleep,
                  clock=t.clock)
    assert http.get(a.url("/x")).ok  # robots.txt (404) then /x: one pace wait between them
    assert http.get(b.url("/x")).ok  # another host: its own pace
    assert t.slept == [2.0, 2.0]
    a.routes["/busy"] = Route(503, b"busy")
    got = http.get(a.url("/busy"))
    assert got.status == 503 and a.hits("/busy") == 3  # 1 + 2 retries
    # back-off 1 s, then the pace tops it up to 2 s since the last request; back-off 2 s
    assert t.slept[2:] == [1.0, 1.0, 2.0]
    a.routes["/slow-down"] = Route(429, b"later")
    t.slept.clear()
    http.get(a.url("/slow-down"))
    assert a.hits("/slow-down") == 3


def test_robots_crawl_delay_and_user_agent(site: Site) -> None:
    site.page("/robots.txt", "User-agent: *\nCrawl-delay: 5\n", content_type="text/plain")
    site.page("/x", "ok")
    t = FakeTime()
    http = Polite("rasd-watch/test", host_delay=0.0, sleep=t.sleep, clock=t.clock)
    http.get(site.url("/x"))
    http.get(site.url("/x"))
    assert t.slept and min(t.slept) >= 5.0


def test_size_cap_and_timeout(site: Site) -> None:
    site.page("/big", "ب" * 200_000)
    site.routes["/slow"] = Route(200, b"late", hook=lambda: time.sleep(2.0))
    http = Polite("t", host_delay=0.0, timeout=0.5, retries=1, backoff=0.0, max_bytes=100_000)
    big = http.get(site.url("/big"))
    assert not big.ok and big.final and "E103" in (big.error or "")
    slow = http.get(site.url("/slow"))
    assert slow.status == 0 and "timed out" in (slow.error or "") and not slow.final


def test_routes_atom_and_status(tmp_path: Path) -> None:
    import warnings

    with warnings.catch_warnings():  # starlette asks for "httpx2"; httpx works the same here
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from rasd.api import create_app
    from rasd.api.settings import Settings
    from rasd.store import open_store
    from rasd.store.watch import WatchState

    db = str(tmp_path / "api.db")
    store = open_store(db)
    state = WatchState(store)
    state.sync_sources([("feed", "feed", "http://127.0.0.1/rss", 60)], now=1.0)
    state.record_poll("feed", now=2.0, next_due=62.0, ok=False, status=403, error="HTTP 403",
                      flag="HTTP 403")
    rule = state.add_rule("entity", "x")
    with state.article_tx() as c:
        state.add_alert(c, rule.id, "g", "d1", "javascript:alert(1)", "<script>t</script>",
                        "o", [{"layer": "entities", "start": 0, "end": 1, "text": "<i>"}], 3.0)
    store.close()
    with TestClient(create_app(Settings(db=db))) as client:
        r = client.get("/alerts.atom")
        assert r.status_code == 200 and r.headers["content-type"].startswith(
            "application/atom+xml")
        assert b"<script>" not in r.content and b"&lt;script&gt;" in r.content
        assert b"javascript:" not in r.content  # a non-http link is dropped, not linked
        s = client.get("/api/watch/status").json()
        assert s["flagged"] == 1 and s["items"][0]["flag"] == "HTTP 403"
        assert client.get("/api/watch/alerts").json()["total"] == 1
        page = client.get("/watch")
        assert page.status_code == 200 and "HTTP 403" in page.text
        assert "<script>t</script>" not in page.text and "&lt;script&gt;" in page.text
        assert "&lt;i&gt;" in page.text  # evidence text escaped too

"""``rasd watch`` against local sites: nothing missed, nothing duplicated, 304s not re-read,
a failing host flagged while the others go on, robots.txt honoured, alerts once per story."""

from __future__ import annotations

import json
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from rasd.pipeline import Pipeline
from rasd.store import open_store
from rasd.store.base import Store
from rasd.store.watch import WatchState
from rasd.watch.atom import ATOM_NS, atom_feed
from rasd.watch.config import load
from rasd.watch.runner import Watcher
from tests.watch.helpers import Route, Site, article_html, article_text, rss, sources_toml

LEAD = "قال وزير الخارجية الأردني أيمن الصفدي في عمان يوم الأحد إن القصف على مدينة غزة أدى إلى مقتل خمسة أشخاص."


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(str(tmp_path / "watch.db"))
    yield s
    s.close()


def publish(site: Site, n: int, start: int = 0, lead: str | None = None,
            prefix: str = "/news/") -> list[str]:
    paths = []
    for i in range(start, start + n):
        path = f"{prefix}{i}.html"
        site.page(path, article_html(f"عنوان {i}", article_text(i, lead)))
        paths.append(path)
    return paths


def make(store: Store, toml: Path, pipeline: Pipeline, **kw: object) -> Watcher:
    return Watcher(store, load(toml), pipeline=pipeline, **kw)  # type: ignore[arg-type]


def doc_count(store: Store) -> int:
    return store.count()


def test_two_rounds_nothing_missed_nothing_duplicated(site: Site, store: Store, tmp_path: Path,
                                                      pipeline: Pipeline) -> None:
    paths = publish(site, 3)
    site.page("/rss.xml", rss(site, paths), content_type="application/rss+xml")
    toml = sources_toml(tmp_path, [{"name": "feed", "kind": "feed",
                                    "url": site.url("/rss.xml"), "interval": 60}])
    w = make(store, toml, pipeline)
    [r1] = w.round()
    assert r1.counts["new"] == 3 and doc_count(store) == 3
    paths += publish(site, 2, start=3)
    site.page("/rss.xml", rss(site, paths), content_type="application/rss+xml")
    assert w.round() == []  # not due yet: the interval is respected
    [r2] = w.round(force=True)
    assert r2.counts["new"] == 2 and sum(r2.counts.values()) == 2
    assert doc_count(store) == 5
    assert all(site.hits(p) == 1 for p in paths)  # every article fetched exactly once
    st = WatchState(store).source("feed")
    assert st is not None and st.articles_new == 5 and st.flag is None and st.polls == 2


def test_not_modified_listing_is_not_reread(site: Site, store: Store, tmp_path: Path,
                                            pipeline: Pipeline) -> None:
    paths = publish(site, 2)
    site.page("/rss.xml", rss(site, paths), content_type="application/rss+xml")
    toml = sources_toml(tmp_path, [{"name": "feed", "kind": "feed",
                                    "url": site.url("/rss.xml"), "interval": 60}])
    w = make(store, toml, pipeline)
    w.round()
    [r2] = w.round(force=True)
    assert r2.status == 304 and r2.counts == {"not_modified": 1}
    assert site.hits("/rss.xml", 304) == 1 and site.hits("/rss.xml", 200) == 1
    assert all(site.hits(p) == 1 for p in paths)
    # a new Watcher (a restart) still sends the validators kept in the archive
    make(store, toml, pipeline).round(force=True)
    assert site.hits("/rss.xml", 304) == 2


def test_failing_host_flagged_others_unaffected(make_site: Callable[[], Site], store: Store,
                                                tmp_path: Path, pipeline: Pipeline) -> None:
    good, bad, gone = make_site(), make_site(), make_site()
    paths = publish(good, 2)
    good.page("/rss.xml", rss(good, paths), content_type="application/rss+xml")
    bad.page("/rss.xml", "oops", status=503)
    gone.page("/rss.xml", "forbidden", status=403)
    toml = sources_toml(tmp_path, [
        {"name": "bad", "kind": "feed", "url": bad.url("/rss.xml"), "interval": 60},
        {"name": "good", "kind": "feed", "url": good.url("/rss.xml"), "interval": 60},
        {"name": "gone", "kind": "feed", "url": gone.url("/rss.xml"), "interval": 60},
    ], retries=1)
    reports = {r.name: r for r in make(store, toml, pipeline).round()}
    assert reports["good"].counts["new"] == 2 and reports["good"].flag is None
    assert reports["bad"].flag == "HTTP 503" and bad.hits("/rss.xml") == 2  # one retry
    assert reports["gone"].flag == "HTTP 403" and gone.hits("/rss.xml") == 1  # 4xx: no retry
    states = {s.name: s for s in WatchState(store).sources()}
    assert states["bad"].failures == 1 and states["bad"].error_rate == 1.0
    assert states["bad"].flag and states["gone"].flag and not states["good"].flag
    # a failing source backs off: not due again after one interval
    assert states["bad"].next_due > states["good"].next_due - 1
    assert doc_count(store) == 2


def test_empty_extraction_and_missing_links_flagged(site: Site, store: Store, tmp_path: Path,
                                                    pipeline: Pipeline) -> None:
    site.page("/a/1.html", "<html><body><nav>الرئيسية</nav></body></html>")
    site.page("/a/2.html", "<html><body><div></div></body></html>")
    site.page("/rss.xml", rss(site, ["/a/1.html", "/a/2.html"]),
              content_type="application/rss+xml")
    site.page("/section/", "<html><body><p>لا روابط هنا</p></body></html>")
    toml = sources_toml(tmp_path, [
        {"name": "feed", "kind": "feed", "url": site.url("/rss.xml"), "interval": 60},
        {"name": "section", "kind": "page", "url": site.url("/section/"), "interval": 60,
         "link_pattern": "/a/"},
    ])
    w = make(store, toml, pipeline)
    reports = {r.name: r for r in w.round()}
    assert reports["feed"].counts["empty"] == 2 and "empty extraction" in reports["feed"].flag
    assert "no article links" in reports["section"].flag
    # empty articles are retried (a layout fix must not leave a gap) and the feed is read in
    # full again: no validators were kept
    st = WatchState(store).source("feed")
    assert st is not None and st.etag is None and st.empty_extractions == 2
    site.page("/a/1.html", article_html("عاد", article_text(1)))
    [r] = make(store, toml, pipeline).round(force=True)[:1]
    assert r.counts["new"] == 1 and r.counts["empty"] == 1


def test_robots_disallow_honoured(site: Site, store: Store, tmp_path: Path,
                                  pipeline: Pipeline) -> None:
    site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    paths = publish(site, 1) + publish(site, 1, start=1, prefix="/private/")
    site.page("/rss.xml", rss(site, paths), content_type="application/rss+xml")
    toml = sources_toml(tmp_path, [{"name": "feed", "kind": "feed",
                                    "url": site.url("/rss.xml"), "interval": 60}])
    [r] = make(store, toml, pipeline).round()
    assert r.counts["new"] == 1 and r.counts["disallowed"] == 1
    assert site.hits("/private/1.html") == 0 and site.hits("/robots.txt") == 1
    seen = {s["url"]: s["status"] for s in WatchState(store).seen()}
    assert seen[site.url("/private/1.html")] == "disallowed"


def test_robots_disallow_whole_source(site: Site, store: Store, tmp_path: Path,
                                      pipeline: Pipeline) -> None:
    site.page("/robots.txt", "User-agent: rasd\nDisallow: /\n", content_type="text/plain")
    site.page("/rss.xml", rss(site, publish(site, 1)), content_type="application/rss+xml")
    toml = sources_toml(tmp_path, [{"name": "feed", "kind": "feed",
                                    "url": site.url("/rss.xml"), "interval": 60}])
    [r] = make(store, toml, pipeline).round()
    assert r.flag == "disallowed by robots.txt" and site.hits("/rss.xml") == 0


def test_sitemap_and_section_page(site: Site, store: Store, tmp_path: Path,
                                  pipeline: Pipeline) -> None:
    a = publish(site, 2, prefix="/s/")
    b = publish(site, 2, start=2, prefix="/p/")
    site.page("/sitemap.xml", "<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/"
              f"schemas/sitemap/0.9'><sitemap><loc>{site.url('/sm1.xml')}</loc></sitemap>"
              "</sitemapindex>", content_type="application/xml")
    site.page("/sm1.xml", "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/"
              "sitemap/0.9'>" + "".join(f"<url><loc>{site.url(p)}</loc></url>" for p in a)
              + "</urlset>", content_type="application/xml")
    site.page("/politics/", "<html><body>" + "".join(f"<a href='{p}'>x</a>" for p in b)
              + "<a href='javascript:alert(1)'>j</a><a href='file:///etc/passwd'>f</a>"
              "<a href='http://example.invalid/p/9.html'>other host</a>"
              "<a href='/about'>about</a></body></html>")
    toml = sources_toml(tmp_path, [
        {"name": "sm", "kind": "sitemap", "url": site.url("/sitemap.xml"), "interval": 60},
        {"name": "sec", "kind": "page", "url": site.url("/politics/"), "interval": 60,
         "link_pattern": r"/p/\d+\.html$"},
    ])
    reports = {r.name: r for r in make(store, toml, pipeline).round()}
    assert reports["sm"].counts["new"] == 2 and reports["sec"].counts["new"] == 2
    assert site.hits("/about") == 0 and doc_count(store) == 4


def test_republished_duplicate_and_alerts_once_per_story(site: Site, store: Store,
                                                        tmp_path: Path,
                                                        pipeline: Pipeline) -> None:
    state = WatchState(store)
    person = state.add_rule("entity", "الصفدي")
    place = state.add_rule("place", "Amman")
    event = state.add_rule("event", "ASSAULT")
    near = state.add_rule("place", "31.95,35.93", radius_km=10)
    missing = state.add_rule("entity", "شخص غير موجود")
    site.page("/n/1.html", article_html("<b>خبر</b> & تحقيق", article_text(1, LEAD)))
    site.page("/n/1-copy.html", article_html("نسخة", article_text(1, LEAD)))  # same text
    site.page("/rss.xml", rss(site, ["/n/1.html"]), content_type="application/rss+xml")
    toml = sources_toml(tmp_path, [{"name": "feed", "kind": "feed",
                                    "url": site.url("/rss.xml"), "interval": 60}])
    w = make(store, toml, pipeline)
    [r] = w.round()
    assert r.counts["new"] == 1 and r.alerts == 4
    site.page("/rss.xml", rss(site, ["/n/1.html", "/n/1-copy.html"]),
              content_type="application/rss+xml")
    [r] = w.round(force=True)
    assert r.counts["duplicate"] == 1 and r.alerts == 0 and doc_count(store) == 1
    alerts = state.alerts()
    assert {a.rule.id for a in alerts} == {person.id, place.id, event.id, near.id}
    assert missing.id not in {a.rule.id for a in alerts}
    spans = next(a for a in alerts if a.rule.id == person.id).spans
    assert any(s["text"] == "أيمن الصفدي" and s["layer"] == "entities" for s in spans)
    doc = store.get(alerts[0].doc_id)
    assert all(doc.text[s["start"]:s["end"]] == s["text"] for a in alerts for s in a.spans)
    # the Atom feed is well-formed, escapes the page's markup and links the article
    feed = ET.fromstring(atom_feed(alerts))
    entries = feed.findall(f"{{{ATOM_NS}}}entry")
    assert len(entries) == 4
    title = entries[0].find(f"{{{ATOM_NS}}}title")
    assert title is not None and "<b>" in (title.text or "")  # text, not markup
    assert b"&lt;b&gt;" in atom_feed(alerts)
    assert state.remove_rule(person.id) and len(state.alerts()) == 3


def test_feed_with_hostile_links(site: Site, store: Store, tmp_path: Path,
                                 pipeline: Pipeline) -> None:
    site.page("/rss.xml", "<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>"
              "<item><title>a</title><link>javascript:alert(1)</link></item>"
              "<item><title>b</title><link>file:///etc/passwd</link></item>"
              "</channel></rss>", content_type="application/rss+xml")
    toml = sources_toml(tmp_path, [{"name": "feed", "kind": "feed",
                                    "url": site.url("/rss.xml"), "interval": 60}])
    [r] = make(store, toml, pipeline).round()
    assert sum(r.counts.values()) == 0 and "no article links" in (r.flag or "")
    assert WatchState(store).seen() == []


def test_backlog_cap_leaves_rest_for_next_round(site: Site, store: Store, tmp_path: Path,
                                                pipeline: Pipeline) -> None:
    paths = publish(site, 5)
    site.page("/rss.xml", rss(site, paths), content_type="application/rss+xml")
    toml = sources_toml(tmp_path, [{"name": "feed", "kind": "feed",
                                    "url": site.url("/rss.xml"), "interval": 600}],
                        max_articles=2)
    w = make(store, toml, pipeline)
    assert w.round()[0].counts["new"] == 2
    assert w.round()[0].counts["new"] == 2  # due at once: a backlog remains
    assert w.round()[0].counts["new"] == 1
    assert site.hits("/rss.xml", 304) == 0  # validators were not used while unfinished
    assert doc_count(store) == 5 and all(site.hits(p) == 1 for p in paths)
    assert w.round() == []


def test_webhook_signed(make_site: Callable[[], Site], store: Store, tmp_path: Path,
                        pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from rasd.cli import cli
    from rasd.watch.atom import SIGNATURE_HEADER, verify

    news, hook = make_site(), make_site()
    news.page("/n/1.html", article_html("خبر", article_text(1, LEAD)))
    news.page("/rss.xml", rss(news, ["/n/1.html"]), content_type="application/rss+xml")
    toml = sources_toml(tmp_path, [{"name": "feed", "kind": "feed",
                                    "url": news.url("/rss.xml"), "interval": 60}],
                        webhook_url=hook.url("/hook"), webhook_secret_env="RASD_TEST_HOOK")
    db = str(tmp_path / "cli.db")
    monkeypatch.setenv("RASD_TEST_HOOK", "s3cret")
    runner = CliRunner()
    r = runner.invoke(cli, ["watch", "--db", db, "rules", "add", "entity", "أيمن الصفدي"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["watch", "--once", "--sources", str(toml), "--db", db])
    assert r.exit_code == 0, r.output
    assert "new=1" in r.output and "alerts=1" in r.output
    [(path, headers, body)] = hook.bodies
    assert verify(body, b"s3cret", headers[SIGNATURE_HEADER])
    assert not verify(body, b"wrong", headers[SIGNATURE_HEADER])
    payload = json.loads(body)
    assert payload["rule"]["value"] == "أيمن الصفدي" and payload["spans"]
    r = runner.invoke(cli, ["watch", "--db", db, "alerts", "--atom"])
    assert r.exit_code == 0 and "<feed" in r.output
    r = runner.invoke(cli, ["watch", "--db", db, "--status", "--json"])
    assert r.exit_code == 0 and json.loads(r.output)[0]["articles_new"] == 1


def test_slow_host_times_out_flagged_others_unaffected(make_site: Callable[[], Site],
                                                       store: Store, tmp_path: Path,
                                                       pipeline: Pipeline) -> None:
    slow, good = make_site(), make_site()
    slow.routes["/rss.xml"] = Route(200, b"<rss/>", hook=lambda: time.sleep(1.5))
    good.page("/rss.xml", rss(good, publish(good, 1)), content_type="application/rss+xml")
    toml = sources_toml(tmp_path, [
        {"name": "slow", "kind": "feed", "url": slow.url("/rss.xml"), "interval": 60},
        {"name": "good", "kind": "feed", "url": good.url("/rss.xml"), "interval": 60},
    ], timeout=0.5, retries=0)
    reports = {r.name: r for r in make(store, toml, pipeline).round()}
    assert "timed out" in (reports["slow"].flag or "")
    assert reports["good"].counts["new"] == 1 and reports["good"].flag is None


def test_oversized_article_refused_for_good(site: Site, store: Store, tmp_path: Path,
                                           pipeline: Pipeline) -> None:
    site.page("/n/big.html", article_html("كبير", "كلمة " * 40_000))
    site.page("/rss.xml", rss(site, ["/n/big.html"]), content_type="application/rss+xml")
    toml = sources_toml(tmp_path, [{"name": "feed", "kind": "feed",
                                    "url": site.url("/rss.xml"), "interval": 60}],
                        max_bytes=50_000)
    w = make(store, toml, pipeline)
    assert w.round()[0].counts["refused"] == 1
    w.round(force=True)
    assert site.hits("/n/big.html") == 1 and doc_count(store) == 0


def test_no_backfill_starts_from_now(site: Site, store: Store, tmp_path: Path,
                                     pipeline: Pipeline) -> None:
    old = publish(site, 3)
    site.page("/rss.xml", rss(site, old), content_type="application/rss+xml")
    toml = sources_toml(tmp_path, [{"name": "feed", "kind": "feed", "backfill": False,
                                    "url": site.url("/rss.xml"), "interval": 60}])
    w = make(store, toml, pipeline)
    [r] = w.round()
    assert sum(r.counts.values()) == 0 and r.flag is None
    assert all(site.hits(p) == 0 for p in old) and doc_count(store) == 0
    fresh = publish(site, 1, start=3)
    site.page("/rss.xml", rss(site, fresh + old), content_type="application/rss+xml")
    [r] = w.round(force=True)
    assert r.counts["new"] == 1 and site.hits(fresh[0]) == 1
    assert all(site.hits(p) == 0 for p in old)
    state = WatchState(store)
    assert state.new_since(0) == {"feed": 1} and state.new_since() == {"feed": 4}

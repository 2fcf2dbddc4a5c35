"""One watch flow on both archives (SQLite and the PostgreSQL on 127.0.0.1:5432, skipped when
unreachable): two rounds, a republished duplicate, one alert per story."""

from __future__ import annotations

from pathlib import Path

from rasd.pipeline import Pipeline
from rasd.store import open_store
from rasd.store.watch import WatchState
from rasd.watch.config import load
from rasd.watch.runner import Watcher
from tests.store.conftest import store_url  # noqa: F401 - the fixture, both backends
from tests.watch.helpers import Site, article_html, article_text, rss, sources_toml

LEAD = "قال وزير الخارجية الأردني أيمن الصفدي في عمان يوم الأحد إن المعبر سيفتح قريبا."


def test_watch_on_both_backends(site: Site, store_url: str, tmp_path: Path,  # noqa: F811
                                pipeline: Pipeline) -> None:
    for i in range(3):
        site.page(f"/n/{i}.html", article_html(f"خبر {i}", article_text(200 + i, LEAD)))
    site.page("/n/copy.html", article_html("نسخة", article_text(200, LEAD)))
    site.page("/rss.xml", rss(site, ["/n/0.html", "/n/1.html"]),
              content_type="application/rss+xml")
    toml = sources_toml(tmp_path, [{"name": "feed", "kind": "feed",
                                    "url": site.url("/rss.xml"), "interval": 60}])
    store = open_store(store_url)
    try:
        state = WatchState(store)
        rule = state.add_rule("entity", "الصفدي")
        w = Watcher(store, load(toml), pipeline=pipeline)
        [r] = w.round()
        assert r.counts["new"] == 2 and r.alerts == 2
        site.page("/rss.xml", rss(site, ["/n/copy.html", "/n/2.html", "/n/0.html",
                                         "/n/1.html"]), content_type="application/rss+xml")
        [r] = w.round(force=True)
        assert r.counts["new"] == 1 and r.counts["duplicate"] == 1 and r.alerts == 1
        assert store.count() == 3 and len(state.alerts(rule_id=rule.id)) == 3
        [r] = w.round(force=True)
        assert r.status == 304 and store.count() == 3
    finally:
        store.close()

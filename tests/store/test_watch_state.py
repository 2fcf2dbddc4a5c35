"""The archive side of ``rasd watch`` (revision 0007) on SQLite and PostgreSQL: an archive at
0006 gains the tables; sources, seen URLs (with retries), rules and alerts (one per rule and
story) behave the same on both backends."""

from __future__ import annotations

from sqlalchemy import inspect

from rasd.store import migrate, open_store
from rasd.store.watch import MAX_ATTEMPTS, WatchState
from tests.store.test_migrations import _begin, _engine

TABLES = {"watch_sources", "watch_seen", "watch_rules", "watch_alerts"}


def test_upgrade_from_0006_and_down(store_url: str) -> None:
    engine = _engine(store_url)
    c = _begin(engine)
    migrate.upgrade(c, "0006")
    c.commit()
    c.close()
    assert not TABLES & set(inspect(engine).get_table_names())
    engine.dispose()
    store = open_store(store_url)  # upgrades to head
    try:
        state = WatchState(store)
        state.sync_sources([("a", "feed", "http://127.0.0.1/rss", 60)], now=100.0)
        assert state.source("a") is not None
    finally:
        store.close()
    engine = _engine(store_url)
    assert set(inspect(engine).get_table_names()) >= TABLES
    c = _begin(engine)
    migrate.downgrade(c, "0006")
    c.commit()
    c.close()
    assert not TABLES & set(inspect(engine).get_table_names())
    engine.dispose()


def test_sources_seen_rules_alerts(store_url: str) -> None:
    store = open_store(store_url)
    try:
        state = WatchState(store)
        state.sync_sources([("a", "feed", "http://127.0.0.1/rss", 60),
                            ("b", "page", "http://127.0.0.1/s/", 120)], now=100.0)
        state.record_poll("a", now=101.0, next_due=161.0, ok=True, status=200,
                          validators=('"x"', None), listed=3, new=2)
        state.record_poll("b", now=101.0, next_due=221.0, ok=False, status=503,
                          error="HTTP 503", flag="HTTP 503")
        a, b = state.source("a"), state.source("b")
        assert a is not None and b is not None
        assert (a.etag, a.articles_new, a.last_success, a.flag) == ('"x"', 2, 101.0, None)
        assert (b.failures, b.consecutive_failures, b.error_rate, b.flag) == (1, 1, 1.0,
                                                                              "HTTP 503")
        # a changed URL forgets the validators and is due at once
        state.sync_sources([("a", "feed", "http://127.0.0.1/rss2", 60)], now=200.0)
        a = state.source("a")
        assert a is not None and a.etag is None and a.next_due == 200.0
        # seen URLs: final statuses are done, failures are retried MAX_ATTEMPTS times
        urls = ["http://127.0.0.1/1", "http://127.0.0.1/2", "http://127.0.0.1/3"]
        with state.article_tx() as c:
            state.mark_seen(c, urls[0], "a", "new", 1.0, doc_id="d1")
            state.mark_seen(c, urls[1], "a", "failed", 1.0, error="HTTP 500")
        assert state.todo(urls + [urls[2]]) == urls[1:]
        for _ in range(MAX_ATTEMPTS - 1):
            with state.article_tx() as c:
                state.mark_seen(c, urls[1], "a", "failed", 2.0, error="HTTP 500")
        assert state.todo(urls) == urls[2:]
        assert state.seen_count("a") == 2
        # rules and alerts: once per rule and story
        rule = state.add_rule("entity", "أيمن الصفدي", label="الوزير")
        assert state.add_rule("entity", "أيمن الصفدي").id == rule.id  # idempotent
        spans = [{"layer": "entities", "start": 0, "end": 3, "text": "abc", "why": "x"}]
        with state.article_tx() as c:
            assert state.add_alert(c, rule.id, "g1", "d1", "http://x/1", "t", "o", spans, 5.0)
            assert not state.add_alert(c, rule.id, "g1", "d2", "http://x/2", "t", "o", spans,
                                       6.0)
            assert state.add_alert(c, rule.id, "g2", "d3", None, None, None, spans, 7.0)
        alerts = state.alerts()
        assert [x.story_key for x in alerts] == ["g2", "g1"] and alerts[1].spans == spans
        assert alerts[0].rule.label == "الوزير"
        assert state.remove_rule(rule.id) and state.alerts() == [] and state.rules() == []
        assert not state.remove_rule(rule.id)
    finally:
        store.close()

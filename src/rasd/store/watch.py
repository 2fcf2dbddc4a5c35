"""The archive side of ``rasd watch``: sources, seen article URLs, alert rules and alerts.

Why in the archive and not in a state file: the watcher's memory must survive a restart or a
SIGKILL *together with* the documents it stored.  The watcher writes an article, the URL it came
from and the alerts it raised in **one** transaction (:meth:`WatchState.article_tx`), so after a
crash either all three are there or none is, and the next round fetches exactly the articles
that were not finished — no gap, no duplicate.

Everything here is additive to the store (its own tables, created by revision 0007) and goes
through the store's connections (:meth:`SQLStore.write` / :meth:`SQLStore.read`), so SQLite and
PostgreSQL behave the same.  The tables are described in :mod:`rasd.store.schema`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection

from rasd.errors import StoreError
from rasd.store import schema as S
from rasd.store.base import Store

#: an article URL whose fetch or extraction failed is tried again in later rounds, this often
MAX_ATTEMPTS = 3
#: seen-URL statuses that are final (the article is in the archive, or was refused on purpose)
DONE = frozenset({"new", "duplicate", "near_duplicate", "updated", "disallowed", "refused",
                  "skipped"})
RETRYABLE = frozenset({"failed", "empty"})

#: source kinds a sources file may declare
KINDS = ("feed", "sitemap", "page")
#: rule kinds
RULE_KINDS = ("entity", "place", "event")


def url_key(url: str) -> str:
    """Primary key of a seen URL (SHA-256 hex): fixed width, any URL length."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def iso(ts: float | None) -> str | None:
    """Epoch seconds → ISO 8601 UTC (seconds), for listings."""
    if ts is None:
        return None
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class SourceState:
    """One watched source as the archive remembers it (schedule, validators, health)."""

    name: str
    kind: str
    url: str
    interval: int
    etag: str | None = None
    last_modified: str | None = None
    next_due: float = 0.0
    last_polled: float | None = None
    last_success: float | None = None
    last_new: float | None = None
    last_status: int | None = None
    last_error: str | None = None
    polls: int = 0
    failures: int = 0
    consecutive_failures: int = 0
    articles_seen: int = 0
    articles_new: int = 0
    empty_extractions: int = 0
    flag: str | None = None

    @property
    def error_rate(self) -> float:
        return self.failures / self.polls if self.polls else 0.0

    def lag(self, now: float) -> float | None:
        """Seconds since the source last answered successfully (None: never)."""
        return None if self.last_success is None else max(0.0, now - self.last_success)

    def as_dict(self, now: float) -> dict[str, Any]:
        lag = self.lag(now)
        return {
            "name": self.name, "kind": self.kind, "url": self.url, "interval": self.interval,
            "last_polled": iso(self.last_polled), "last_success": iso(self.last_success),
            "last_new": iso(self.last_new), "next_due": iso(self.next_due),
            "last_status": self.last_status, "last_error": self.last_error,
            "polls": self.polls, "failures": self.failures,
            "consecutive_failures": self.consecutive_failures,
            "error_rate": round(self.error_rate, 3), "articles_seen": self.articles_seen,
            "articles_new": self.articles_new, "empty_extractions": self.empty_extractions,
            "lag_seconds": None if lag is None else round(lag), "flag": self.flag,
        }  # fmt: skip


@dataclass(frozen=True)
class Rule:
    id: int
    kind: str
    value: str
    radius_km: float | None = None
    label: str | None = None
    created: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "value": self.value,
                "radius_km": self.radius_km, "label": self.label, "created": self.created}


@dataclass(frozen=True)
class Alert:
    id: int
    rule: Rule
    story_key: str
    doc_id: str
    url: str | None
    title: str | None
    outlet: str | None
    created: float
    spans: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "rule": self.rule.as_dict(), "story": self.story_key,
                "doc_id": self.doc_id, "url": self.url, "title": self.title,
                "outlet": self.outlet, "created": iso(self.created), "spans": self.spans}


class WatchState:
    """The watcher's tables in one SQL archive (``open_store`` result)."""

    def __init__(self, store: Store) -> None:
        if not hasattr(store, "write") or not hasattr(store, "backend"):
            raise StoreError("rasd watch needs an SQL archive (SQLite or PostgreSQL)")
        self.store: Any = store

    # -- transactions -----------------------------------------------------------------------
    @contextmanager
    def article_tx(self) -> Iterator[Connection]:
        """One write transaction for an article: document, seen URL and alerts together."""
        with self.store.write() as c:
            yield c

    # -- sources ----------------------------------------------------------------------------
    def sync_sources(self, specs: Iterable[tuple[str, str, str, int]], now: float) -> None:
        """Make the table hold these (name, kind, url, interval): new sources are due at
        once; a source whose URL changed forgets its validators.  Sources no longer listed
        keep their rows (their history stays visible in ``--status``) but are not polled."""
        t = S.watch_sources
        with self.store.write() as c:
            for name, kind, url, interval in specs:
                row = c.execute(select(t.c.url).where(t.c.name == name)).first()
                if row is None:
                    c.execute(insert(t).values(
                        name=name, kind=kind, url=url, interval=interval, next_due=now,
                        polls=0, failures=0, consecutive_failures=0, articles_seen=0,
                        articles_new=0, empty_extractions=0))
                    continue
                values: dict[str, Any] = {"kind": kind, "url": url, "interval": interval}
                if row.url != url:
                    values.update(etag=None, last_modified=None, next_due=now)
                c.execute(update(t).where(t.c.name == name).values(**values))

    def sources(self, names: Sequence[str] | None = None) -> list[SourceState]:
        t = S.watch_sources
        stmt = select(t).order_by(t.c.name)
        if names is not None:
            stmt = stmt.where(t.c.name.in_(list(names)))
        with self.store.read() as c:
            return [SourceState(**dict(r._mapping)) for r in c.execute(stmt)]

    def source(self, name: str) -> SourceState | None:
        found = self.sources([name])
        return found[0] if found else None

    def record_poll(self, name: str, *, now: float, next_due: float, ok: bool,
                    status: int | None, error: str | None = None,
                    validators: tuple[str | None, str | None] | None = None,
                    listed: int = 0, new: int = 0, empty: int = 0,
                    flag: str | None = None) -> None:
        """What one poll of a source did.  ``validators`` = (ETag, Last-Modified) to keep for
        the next conditional request — ``(None, None)`` forgets them, so the next poll reads
        the whole listing again (the watcher does so when a round left articles unfinished:
        a 304 would otherwise hide them for good); ``None`` leaves them as they are."""
        t = S.watch_sources
        values: dict[str, Any] = {
            "last_polled": now, "next_due": next_due, "last_status": status,
            "last_error": error, "polls": t.c.polls + 1, "flag": flag,
            "articles_seen": t.c.articles_seen + listed,
            "articles_new": t.c.articles_new + new,
            "empty_extractions": t.c.empty_extractions + empty,
        }
        if ok:
            values.update(last_success=now, consecutive_failures=0)
            if validators is not None:
                values.update(etag=validators[0], last_modified=validators[1])
            if new:
                values["last_new"] = now
        else:
            values.update(failures=t.c.failures + 1,
                          consecutive_failures=t.c.consecutive_failures + 1)
        with self.store.write() as c:
            c.execute(update(t).where(t.c.name == name).values(**values))

    # -- seen URLs --------------------------------------------------------------------------
    def todo(self, urls: Sequence[str]) -> list[str]:
        """The URLs (in the given order, each once) not finished yet: never seen, or failed
        fewer than :data:`MAX_ATTEMPTS` times."""
        t = S.watch_seen
        keys = {u: url_key(u) for u in urls}
        done: set[str] = set()
        wanted = list(dict.fromkeys(keys.values()))
        with self.store.read() as c:
            for i in range(0, len(wanted), 500):
                rows = c.execute(select(t.c.url_hash, t.c.status, t.c.attempts)
                                 .where(t.c.url_hash.in_(wanted[i : i + 500])))
                for r in rows:
                    if r.status not in RETRYABLE or r.attempts >= MAX_ATTEMPTS:
                        done.add(r.url_hash)
        out: list[str] = []
        for u in dict.fromkeys(urls):
            if keys[u] not in done:
                out.append(u)
        return out

    def mark_seen(self, c: Connection, url: str, source: str, status: str, now: float,
                  doc_id: str | None = None, error: str | None = None) -> None:
        """Record ``url`` (inside the caller's transaction); a retried URL counts attempts."""
        t = S.watch_seen
        key = url_key(url)
        c.execute(self.store.backend.insert_ignore(t).values(
            url_hash=key, url=url, source=source, first_seen=now, status=status,
            doc_id=doc_id, attempts=0, last_error=error))
        c.execute(update(t).where(t.c.url_hash == key).values(
            status=status, doc_id=doc_id, last_error=error, attempts=t.c.attempts + 1))

    def mark_many(self, urls: Sequence[str], source: str, status: str, now: float) -> None:
        """Record many URLs with one final status in one transaction (a source's history
        when it is watched without backfill)."""
        with self.store.write() as c:
            for url in urls:
                self.mark_seen(c, url, source, status, now)

    def new_since(self, since: float | None = None) -> dict[str, int]:
        """Article URLs per source that brought a new document since ``since`` (epoch
        seconds; the articles-per-day figure of ``--status``), or any URL ever seen when
        ``since`` is None."""
        t = S.watch_seen
        stmt = select(t.c.source, func.count()).group_by(t.c.source)
        if since is not None:
            stmt = stmt.where(t.c.first_seen >= since,
                              t.c.status.in_(["new", "near_duplicate"]))
        with self.store.read() as c:
            return {r[0]: int(r[1]) for r in c.execute(stmt)}

    def seen_count(self, source: str | None = None) -> int:
        t = S.watch_seen
        stmt = select(func.count()).select_from(t)
        if source is not None:
            stmt = stmt.where(t.c.source == source)
        with self.store.read() as c:
            return int(c.execute(stmt).scalar() or 0)

    def seen(self, source: str | None = None) -> list[dict[str, Any]]:
        t = S.watch_seen
        stmt = select(t).order_by(t.c.first_seen, t.c.url)
        if source is not None:
            stmt = stmt.where(t.c.source == source)
        with self.store.read() as c:
            return [dict(r._mapping) for r in c.execute(stmt)]

    # -- rules ------------------------------------------------------------------------------
    def add_rule(self, kind: str, value: str, *, radius_km: float | None = None,
                 label: str | None = None) -> Rule:
        if kind not in RULE_KINDS:
            raise StoreError(f"unknown rule kind {kind!r} (one of {', '.join(RULE_KINDS)})")
        value = value.strip()
        if not value or len(value) > 300:
            raise StoreError("a rule needs a value of 1 to 300 characters")
        t = S.watch_rules
        created = iso(datetime.now(UTC).timestamp()) or ""
        with self.store.write() as c:
            c.execute(self.store.backend.insert_ignore(t).values(
                kind=kind, value=value, radius_km=radius_km, label=label, created=created))
            row = c.execute(select(t).where(t.c.kind == kind, t.c.value == value)).one()
        return Rule(**dict(row._mapping))

    def rules(self) -> list[Rule]:
        t = S.watch_rules
        with self.store.read() as c:
            return [Rule(**dict(r._mapping)) for r in c.execute(select(t).order_by(t.c.id))]

    def remove_rule(self, rule_id: int) -> bool:
        """Delete a rule and its alerts; False if there was no such rule."""
        with self.store.write() as c:
            c.execute(delete(S.watch_alerts).where(S.watch_alerts.c.rule_id == rule_id))
            n = c.execute(delete(S.watch_rules).where(S.watch_rules.c.id == rule_id)).rowcount
        return bool(n)

    # -- alerts -----------------------------------------------------------------------------
    def add_alert(self, c: Connection, rule_id: int, story_key: str, doc_id: str,
                  url: str | None, title: str | None, outlet: str | None,
                  spans: list[dict[str, Any]], now: float) -> bool:
        """Raise an alert inside the caller's transaction; False when this rule already
        alerted on this story (the ``UNIQUE (rule_id, story_key)`` de-duplication)."""
        t = S.watch_alerts
        res = c.execute(self.store.backend.insert_ignore(t).values(
            rule_id=rule_id, story_key=story_key, doc_id=doc_id, url=url, title=title,
            outlet=outlet, created=now, spans=json.dumps(spans, ensure_ascii=False))
            .returning(t.c.id))  # rowcount is not reliable with RETURNING on PostgreSQL
        return res.first() is not None

    def alerts(self, limit: int = 100, rule_id: int | None = None) -> list[Alert]:
        """Newest first."""
        a, r = S.watch_alerts, S.watch_rules
        stmt = (select(a, r.c.kind, r.c.value, r.c.radius_km, r.c.label, r.c.created
                       .label("rule_created"))
                .join(r, r.c.id == a.c.rule_id)
                .order_by(a.c.created.desc(), a.c.id.desc()).limit(max(1, min(limit, 10_000))))
        if rule_id is not None:
            stmt = stmt.where(a.c.rule_id == rule_id)
        with self.store.read() as c:
            rows = c.execute(stmt).all()
        return [
            Alert(id=x.id, rule=Rule(x.rule_id, x.kind, x.value, x.radius_km, x.label,
                                     x.rule_created),
                  story_key=x.story_key, doc_id=x.doc_id, url=x.url, title=x.title,
                  outlet=x.outlet, created=x.created, spans=json.loads(x.spans))
            for x in rows
        ]

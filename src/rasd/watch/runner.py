"""One watch round, and the loop: poll due sources, store new articles, raise alerts.

Guarantees (tested in ``tests/watch``):

* **No duplicate**: an article URL is marked seen in the same transaction that stores its
  document and raises its alerts; a text already in the archive under another URL is
  recognised by the store (content hash → ``duplicate``; MinHash → ``near_duplicate``, same
  story key, so no second alert).
* **No gap**: a URL is only final once stored (or refused on purpose: robots.txt); a failed
  fetch or an empty extraction is retried in later rounds (up to
  :data:`rasd.store.watch.MAX_ATTEMPTS`).  A listing's validators (ETag/Last-Modified) are kept
  only when its round finished every article it listed — otherwise a ``304`` next time would
  hide the unfinished ones — and a round cut short (SIGTERM, SIGKILL, the per-round cap)
  leaves the listing to be read in full again.
* **Flagged, not dropped**: a source answering 403/5xx, disallowed by robots.txt, listing no
  links (a layout change) or whose articles extract to nothing gets a ``flag`` that
  ``rasd watch --status`` shows; the other sources go on.
"""

from __future__ import annotations

import logging
import queue
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

from rasd.doc import Document
from rasd.errors import EmptyInput, RasdError
from rasd.ingest.html import html_to_document
from rasd.ingest.text import charset_from_header
from rasd.pipeline import Analyzer, Pipeline
from rasd.store import write
from rasd.store.base import Store
from rasd.store.version import pipeline_version
from rasd.store.watch import Rule, SourceState, WatchState
from rasd.watch import links
from rasd.watch.config import SourceSpec, WatchConfig
from rasd.watch.http import DISALLOWED, Answer, Polite, host_of
from rasd.watch.rules import match

log = logging.getLogger(__name__)

#: a failing source waits interval x 2^(consecutive failures - 1), at most this long
MAX_BACKOFF = 6 * 3600
MAX_SUB_SITEMAPS = 20
#: statuses of a stored article that may raise alerts (not a re-seen duplicate)
ALERTING = ("new", "near_duplicate")


@dataclass
class SourceReport:
    name: str
    status: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    alerts: int = 0
    flag: str | None = None
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.name, "status": self.status, **dict(self.counts),
                "alerts": self.alerts, "flag": self.flag, "error": self.error}


@dataclass
class _Poll:
    """One source being polled: what the fetching side found, what the storing side did."""

    spec: SourceSpec
    state: SourceState
    report: SourceReport
    answer: Answer | None = None
    urls: list[str] = field(default_factory=list)
    todo: list[str] = field(default_factory=list)
    crash: str | None = None  # an unexpected error (a bug or the database), not the site's
    finished: bool = False


@dataclass
class NewAlert:
    """An alert raised in this process (for webhooks): the rule, the article and its spans."""

    rule: Rule
    doc: Document
    story_key: str
    spans: list[dict[str, Any]]


class Watcher:
    """Polls the sources of ``config`` into ``store``.  One watcher per archive at a time."""

    def __init__(self, store: Store, config: WatchConfig, *,
                 pipeline: Analyzer | None = None, polite: Polite | None = None,
                 clock: Callable[[], float] = time.time,
                 on_alert: Callable[[NewAlert], None] | None = None) -> None:
        self.store = store
        self.state = WatchState(store)
        self.config = config
        self.clock = clock
        self.stop = threading.Event()
        s = config.settings
        self.http = polite or Polite(
            s.user_agent, host_delay=s.host_delay, timeout=s.timeout, retries=s.retries,
            backoff=s.backoff, max_bytes=s.max_bytes, sleep=self._sleep)
        self.pipe: Analyzer = pipeline or Pipeline()
        self.version = pipeline_version(self.pipe)
        self.on_alert = on_alert
        self.state.sync_sources(
            [(x.name, x.kind, x.url, x.interval) for x in config.sources], clock())

    def close(self) -> None:
        """Release the HTTP connections (the store is the caller's to close)."""
        self.http.close()

    def _sleep(self, seconds: float) -> None:
        self.stop.wait(seconds)

    # -- scheduling -------------------------------------------------------------------------
    def due(self, force: bool = False) -> list[SourceSpec]:
        """Sources whose time has come (a little early is fine: cron fires every N minutes)."""
        if force:
            return list(self.config.sources)
        now = self.clock()
        states = {s.name: s for s in self.state.sources([x.name for x in self.config.sources])}
        out = []
        for spec in self.config.sources:
            st = states.get(spec.name)
            slack = min(30.0, spec.interval / 10)
            if st is None or st.next_due <= now + slack:
                out.append(spec)
        return out

    def next_wake(self) -> float:
        states = self.state.sources([x.name for x in self.config.sources])
        return min((s.next_due for s in states), default=self.clock() + 60)

    def round(self, force: bool = False) -> list[SourceReport]:
        """Poll every due source once; each source is isolated from the rest.

        Fetching runs in up to ``workers`` threads, one host per thread at a time (so a slow
        or failing host holds up only its own sources); extracting, analysing and storing run
        here, in this thread, one article per transaction.  A bounded queue between the two
        keeps memory flat: a fetcher waits while ``2 × workers`` pages are pending.
        """
        polls = [_Poll(spec, self.state.source(spec.name) or SourceState(
            spec.name, spec.kind, spec.url, spec.interval), SourceReport(spec.name))
            for spec in self.due(force)]
        groups: dict[str, list[_Poll]] = {}
        for p in polls:
            groups.setdefault(host_of(p.spec.url), []).append(p)
        workers = min(self.config.settings.workers, len(groups))
        if workers <= 1:
            for p in polls:
                if self.stop.is_set():
                    break
                self._fetch_source(p, self._handle)
        else:
            self._threaded(list(groups.values()), workers)
        return [p.report for p in polls if p.finished]

    def _threaded(self, groups: list[list[_Poll]], workers: int) -> None:
        q: queue.Queue[tuple[Any, ...]] = queue.Queue(maxsize=2 * workers)

        def job(group: list[_Poll]) -> None:
            try:
                for p in group:
                    if self.stop.is_set():
                        break
                    self._fetch_source(p, q.put)
            finally:
                q.put(("group-end",))

        with ThreadPoolExecutor(workers, thread_name_prefix="rasd-watch") as pool:
            for g in groups:
                pool.submit(job, g)
            running = len(groups)
            try:
                while running:
                    try:
                        msg = q.get(timeout=0.5)  # a timeout, so signals are handled promptly
                    except queue.Empty:
                        continue
                    if msg[0] == "group-end":
                        running -= 1
                    else:
                        self._handle(msg)
            except BaseException:  # Ctrl-C without handlers: stop the fetchers, let them end
                self.stop.set()
                while running:
                    try:
                        if q.get(timeout=0.5)[0] == "group-end":
                            running -= 1
                    except queue.Empty:
                        continue
                raise

    def _handle(self, msg: tuple[Any, ...]) -> None:
        """The storing side: one fetched page, or the end of a source's poll."""
        poll: _Poll = msg[1]
        try:
            if msg[0] == "page":
                status = self._article(poll.spec, msg[2], msg[3], poll.report)
                poll.report.counts[status] += 1
            else:
                self._finish(poll)
        except Exception as e:  # noqa: BLE001 - one source never stops the others
            text = f"{type(e).__name__}: {e}".splitlines()[0][:300]
            if msg[0] == "page":
                poll.report.counts["failed"] += 1
                poll.crash = poll.crash or text
                return
            now = self.clock()
            poll.report.error = poll.report.flag = f"internal: {text}"
            poll.finished = True
            self.state.record_poll(poll.spec.name, now=now, next_due=now + poll.spec.interval,
                                   ok=False, status=0, error=text, flag=poll.report.flag)

    def install_signals(self) -> None:
        """SIGTERM and SIGINT set :attr:`stop`: the article in hand is finished and stored,
        the round ends, and nothing half-done is left (main thread only)."""
        if threading.current_thread() is not threading.main_thread():
            return

        def handler(signum: int, frame: FrameType | None) -> None:
            self.stop.set()

        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, handler)

    def run(self, install_signals: bool = True) -> None:
        """Loop until SIGTERM/SIGINT (or :attr:`stop` is set): a round, then sleep until the
        next source is due.  A signal mid-round finishes the current article, then stops."""
        if install_signals:
            self.install_signals()
        while not self.stop.is_set():
            try:
                self.round()
                wait = max(0.5, min(self.next_wake() - self.clock(), 300.0))
            except Exception as e:  # noqa: BLE001 - the archive may be briefly unavailable
                log.error("watch round failed, retrying in 30 s: %s", e)
                wait = 30.0
            self.stop.wait(wait)

    # -- one source -------------------------------------------------------------------------
    def poll(self, spec: SourceSpec) -> SourceReport:
        """Poll one source now (whether due or not), in this thread."""
        p = _Poll(spec, self.state.source(spec.name) or SourceState(
            spec.name, spec.kind, spec.url, spec.interval), SourceReport(spec.name))
        self._fetch_source(p, self._handle)
        return p.report

    def _fetch_source(self, p: _Poll, emit: Callable[[tuple[Any, ...]], None]) -> None:
        """The fetching side (any thread): the listing, then each unfinished article; ends
        with a ``done`` message whatever happened."""
        st = p.state
        try:
            p.answer = self.http.get(p.spec.url, etag=st.etag, last_modified=st.last_modified)
            if p.answer.ok and p.answer.fetched is not None:
                p.urls = self._listing(p.spec, p.answer).articles
                p.todo = self.state.todo(p.urls)
                if not p.spec.backfill and st.last_success is None and p.todo:
                    # watching starts now: what the first listing shows is history
                    self.state.mark_many(p.todo, p.spec.name, "skipped", self.clock())
                    p.todo = []
                for url in p.todo[: self.config.settings.max_articles]:
                    if self.stop.is_set():
                        break
                    emit(("page", p, url, self.http.get(url)))
        except Exception as e:  # noqa: BLE001 - reported as this source's failure
            p.crash = f"{type(e).__name__}: {e}".splitlines()[0][:300]
        emit(("done", p))

    def _finish(self, p: _Poll) -> None:
        """Record what one poll did (storing side, after its last article)."""
        spec, st, rep, ans = p.spec, p.state, p.report, p.answer
        p.finished = True
        now = self.clock()
        if p.crash is not None and (ans is None or not ans.ok):
            ans = Answer(spec.url, 0, error=f"internal: {p.crash}")
        assert ans is not None
        rep.status = ans.status
        if ans.not_modified:
            rep.counts["not_modified"] += 1
            self.state.record_poll(spec.name, now=now, next_due=now + spec.interval, ok=True,
                                   status=304, flag=st.flag if not st.consecutive_failures else None)
            return
        if not ans.ok or ans.fetched is None:
            rep.error = ans.error or f"HTTP {ans.status}"
            rep.flag = rep.error
            fails = st.consecutive_failures + 1
            wait = min(spec.interval * 2 ** (fails - 1), max(MAX_BACKOFF, spec.interval))
            self.state.record_poll(spec.name, now=now, next_due=now + wait, ok=False,
                                   status=ans.status, error=rep.error, flag=rep.flag)
            return
        done = sum(rep.counts.values())
        unfinished = len(p.todo) - done + rep.counts["failed"] + rep.counts["empty"]
        rep.flag = _flag(spec, p.urls, rep.counts)
        if p.crash is not None:
            rep.error = p.crash
            rep.flag = rep.flag or f"internal: {p.crash}"
            unfinished += 1
        hdr = ans.fetched.headers
        validators = (hdr.get("etag"), hdr.get("last-modified")) if not unfinished else (
            None, None)
        backlog = len(p.todo) > done  # cut short (cap, SIGTERM): due again at once
        self.state.record_poll(
            spec.name, now=now, next_due=now if backlog else now + spec.interval, ok=True,
            status=ans.status, validators=validators, listed=len(p.urls),
            new=rep.counts["new"] + rep.counts["near_duplicate"], empty=rep.counts["empty"],
            flag=rep.flag)

    def _listing(self, spec: SourceSpec, ans: Answer) -> links.Listing:
        assert ans.fetched is not None
        data, base = ans.fetched.data, ans.fetched.url
        if spec.kind == "feed":
            return links.from_feed(data, base)
        if spec.kind == "page":
            return links.from_page(data, base, spec.links_re(), spec.same_host)
        listing = links.from_sitemap(data, base)
        for sub in listing.sitemaps[:MAX_SUB_SITEMAPS]:
            got = self.http.get(sub)
            if got.ok and got.fetched is not None:
                listing.articles.extend(links.from_sitemap(got.fetched.data, sub).articles)
        return listing

    # -- one article ------------------------------------------------------------------------
    def _article(self, spec: SourceSpec, url: str, ans: Answer, rep: SourceReport) -> str:
        """Extract, analyse and store one fetched article; returns its seen status."""
        error: str | None = None
        doc: Document | None = None
        if ans.status == 0 and ans.error == DISALLOWED:
            status, error = "disallowed", ans.error
        elif ans.final:
            status, error = "refused", ans.error
        elif not ans.ok or ans.fetched is None:
            status, error = "failed", ans.error or f"HTTP {ans.status}"
        else:
            try:
                doc = html_to_document(ans.fetched.data, url, url=ans.fetched.url,
                                       http_charset=charset_from_header(
                                           ans.fetched.content_type))
                doc.meta.extra["watch_source"] = spec.name
                status = "analysed"
            except EmptyInput as e:
                status, error = "empty", str(e)
            except RasdError as e:
                status, error = "failed", str(e)
            except Exception as e:  # noqa: BLE001 - an odd page fails alone
                status, error = "failed", f"{type(e).__name__}: {e}"
        if doc is not None and self.store.version_of(doc.id) != self.version:
            try:
                self.pipe(doc)
            except Exception as e:  # noqa: BLE001 - counted as this article's failure
                doc, status, error = None, "failed", f"analysis: {type(e).__name__}: {e}"
        raised: list[NewAlert] = []
        now = self.clock()
        with self.state.article_tx() as c:
            if doc is not None:
                res = write.add(c, self.store.backend, doc, self.version)  # type: ignore[attr-defined]
                status = res.status
                if status in ALERTING:
                    key = res.group_id or doc.id
                    for rule in self.state.rules():
                        spans = match(rule, doc)
                        if spans and self.state.add_alert(
                                c, rule.id, key, doc.id, doc.meta.url or url, doc.meta.title,
                                doc.meta.outlet, spans, now):
                            raised.append(NewAlert(rule, doc, key, spans))
            self.state.mark_seen(c, url, spec.name, status, now,
                                 doc_id=doc.id if doc is not None else None,
                                 error=None if error is None else error[:300])
        rep.alerts += len(raised)
        if self.on_alert is not None:
            for alert in raised:
                try:
                    self.on_alert(alert)
                except Exception as e:  # noqa: BLE001 - delivery is best-effort (docs/watch.md)
                    log.warning("alert %s on %s not delivered: %s", alert.rule.id, url, e)
        return status


def _flag(spec: SourceSpec, urls: list[str], counts: Counter[str]) -> str | None:
    """Why a source that answered still needs a look (None: it looks healthy)."""
    tried = sum(counts.values())
    if not urls:
        return "no article links found (layout or feed changed?)"
    if tried and counts["empty"] == tried:
        return f"empty extraction on all {tried} new articles (layout changed?)"
    if tried and counts["failed"] + counts["empty"] > tried // 2:
        return f"{counts['failed'] + counts['empty']} of {tried} new articles failed"
    if counts["disallowed"] and counts["disallowed"] == tried:
        return "robots.txt disallows its articles"
    return None

"""Polite fetching for ``rasd watch``: robots.txt, a per-host pace, retries, conditional GET.

Every request goes through :func:`rasd.ingest.fetch.fetch` (the bounded, streaming fetch of
``rasd analyze URL``: size cap while reading, redirect cap, http(s) only), with the watcher's
User-Agent.  On top of it this module adds what a *repeated* crawl owes the sites it reads:

* robots.txt (:mod:`urllib.robotparser`), read once per host per hour.  As RFC 9309 says, a
  missing robots.txt (4xx) allows everything and an unreachable one (5xx, network error)
  disallows everything until it can be read; ``Crawl-delay`` slows the host's pace down.
* a minimum delay between two requests to the same host (``host_delay``);
* retries with exponential back-off on timeouts, connection errors, 429 and 5xx (honouring a
  short ``Retry-After``); a 4xx other than 429 is not retried — it will not change;
* ``If-None-Match`` / ``If-Modified-Since`` from the validators the archive kept, so an
  unchanged feed costs a 304 and no parsing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from rasd.errors import FetchError, RasdError
from rasd.ingest.fetch import Fetched, fetch, make_client

ROBOTS_TTL = 3600.0
ROBOTS_MAX_BYTES = 512_000
MAX_RETRY_AFTER = 60.0
#: the product token robots.txt rules are matched against
ROBOTS_AGENT = "rasd"
DISALLOWED = "disallowed by robots.txt"


@dataclass
class Answer:
    """One HTTP exchange as the watcher sees it: a status (0: no response) and maybe a body."""

    url: str
    status: int
    fetched: Fetched | None = None
    error: str | None = None
    #: refused for good (over the size limit): retrying would only fetch it again
    final: bool = False

    @property
    def ok(self) -> bool:
        return self.fetched is not None and 200 <= self.status < 300

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class Polite:
    """A fetcher that remembers hosts (pace, robots.txt) across the requests of a watcher."""

    def __init__(self, user_agent: str, *, host_delay: float = 2.0, timeout: float = 20.0,
                 retries: int = 2, backoff: float = 1.0, max_bytes: int = 5_000_000,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.user_agent = user_agent
        self.host_delay = host_delay
        self.timeout = httpx.Timeout(timeout, connect=min(timeout, 10.0))
        self.retries = retries
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.sleep = sleep
        self.clock = clock
        self._last: dict[str, float] = {}
        #: host → (read at, parser or None while unreachable, crawl delay, why unreachable)
        self._robots: dict[str, tuple[float, RobotFileParser | None, float, str]] = {}
        #: requests actually sent (tests and the benchmark read it)
        self.requests = 0
        # fetching threads share hosts (a feed may link to another host): one lock per host
        # keeps its pace and its robots.txt read single-file
        self._locks: dict[str, threading.RLock] = {}
        self._locks_guard = threading.Lock()
        # one HTTP client for all fetching threads (httpx clients are thread-safe; a new
        # client costs ~0.1 s for its TLS context) whose pool keeps connections alive
        self._shared: httpx.Client | None = None

    def _client(self) -> httpx.Client:
        with self._locks_guard:
            if self._shared is None:
                self._shared = make_client(max_connections=32, max_keepalive_connections=16)
            return self._shared

    def close(self) -> None:
        """Close the HTTP client (and the connections it keeps alive)."""
        with self._locks_guard:
            client, self._shared = self._shared, None
        if client is not None:
            client.close()

    def _lock(self, host: str) -> threading.RLock:
        with self._locks_guard:
            lock = self._locks.get(host)
            if lock is None:
                lock = self._locks[host] = threading.RLock()
            return lock

    # -- robots.txt -------------------------------------------------------------------------
    def allowed(self, url: str) -> bool:
        """May the watcher fetch ``url``?  (False while the host's robots.txt is unreachable.)"""
        return self.refusal(url) is None

    def refusal(self, url: str) -> str | None:
        """Why robots.txt keeps the watcher from ``url`` (None: it may fetch it)."""
        host = host_of(url)
        with self._lock(host):
            entry = self._robots.get(host)
            if entry is None or self.clock() - entry[0] > ROBOTS_TTL:
                entry = self._read_robots(host)
                self._robots[host] = entry
        parser = entry[1]
        if parser is None:
            return f"robots.txt unreachable ({entry[3]})"
        if parser.can_fetch(ROBOTS_AGENT, url) and parser.can_fetch(self.user_agent, url):
            return None
        return DISALLOWED

    def _read_robots(self, host: str) -> tuple[float, RobotFileParser | None, float, str]:
        parser = RobotFileParser(host + "/robots.txt")
        ans = self._get(host + "/robots.txt", {}, max_bytes=ROBOTS_MAX_BYTES)
        if ans.ok and ans.fetched is not None:
            parser.parse(ans.fetched.data.decode("utf-8", "replace").splitlines())
        elif 400 <= ans.status < 500:
            parser.parse([])  # no robots.txt: everything allowed
        else:  # unreachable: disallow, try again after a minute
            why = ans.error or f"HTTP {ans.status}"
            return self.clock() - ROBOTS_TTL + 60, None, 0.0, why
        delay = parser.crawl_delay(ROBOTS_AGENT) or parser.crawl_delay("*") or 0.0
        return self.clock(), parser, float(delay), ""

    # -- requests ---------------------------------------------------------------------------
    def get(self, url: str, *, etag: str | None = None,
            last_modified: str | None = None) -> Answer:
        """GET ``url`` if robots.txt allows it (status 0 + error ``robots.txt`` if not)."""
        refused = self.refusal(url)
        if refused is not None:
            return Answer(url, 0, error=refused)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._get(url, headers, max_bytes=self.max_bytes)

    def _pace(self, host: str) -> None:
        delay = self.host_delay
        robots = self._robots.get(host)
        if robots is not None:
            delay = max(delay, min(robots[2], 60.0))
        with self._lock(host):
            last = self._last.get(host)
            if last is not None:
                wait = last + delay - self.clock()
                if wait > 0:
                    self.sleep(wait)
            self._last[host] = self.clock()

    def _get(self, url: str, headers: dict[str, str], *, max_bytes: int) -> Answer:
        host = host_of(url)
        sent = {"User-Agent": self.user_agent, **headers}
        attempt = 0
        while True:
            self._pace(host)
            self.requests += 1  # approximate under threads; informational only
            retry_after: float | None = None
            try:
                got = fetch(url, max_bytes=max_bytes, headers=sent, timeout=self.timeout,
                            raise_status=False, client=self._client())
            except FetchError as e:
                ans = Answer(url, 0, error=_line(e))
                transient = "timed out" in str(e) or "Error" in str(e)
            except RasdError as e:  # TooLarge: final
                return Answer(url, 0, error=_line(e), final=True)
            else:
                ans = Answer(url, got.status, got if got.status < 400 else None,
                             None if got.status < 400 else f"HTTP {got.status}")
                transient = got.status == 429 or got.status >= 500
                retry_after = _retry_after(got.headers.get("retry-after"))
            if not transient or attempt >= self.retries:
                return ans
            attempt += 1
            wait = self.backoff * 2 ** (attempt - 1)
            if retry_after is not None:
                wait = max(wait, min(retry_after, MAX_RETRY_AFTER))
            self.sleep(wait)


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return float(value.strip())
    return None


def _line(e: Exception) -> str:
    return str(e).splitlines()[0][:300]

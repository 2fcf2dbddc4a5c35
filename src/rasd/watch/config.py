"""The sources file of ``rasd watch`` (TOML, read with the standard library's ``tomllib``).

::

    [watch]                     # optional; every key has a default
    user_agent = "rasd-watch/0.1 (+https://example.org/contact)"
    host_delay = 2.0            # seconds between two requests to one host
    timeout = 20                # seconds per request
    retries = 2                 # extra attempts on timeouts, 429 and 5xx
    backoff = 1.0               # first retry after this many seconds, then doubling
    max_articles = 50           # new articles fetched per source per round
    max_bytes = 5000000         # per response
    workers = 4                 # fetching threads (hosts polled at the same time)

    [[source]]
    name = "okaz-rss"
    kind = "feed"               # feed | sitemap | page
    url = "https://example.org/rss.xml"
    interval = 300              # seconds between polls

    [[source]]
    name = "section"
    kind = "page"
    url = "https://example.org/politics/"
    link_pattern = "/article/\\d+"   # regex the article URLs match (page sources)
    backfill = false            # start from now: the first listing is not fetched

Why TOML: ``tomllib`` is in the standard library (Python ≥ 3.11, what rasd requires), so the
file format costs no dependency, and it has comments, unlike JSON.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasd.errors import InputError
from rasd.ingest.fetch import is_url
from rasd.store.watch import KINDS

DEFAULT_USER_AGENT = "rasd-watch/0.1 (+Arabic news monitor; obeys robots.txt)"
MIN_INTERVAL = 1  # seconds; tests poll fast, real files should say minutes
_NAME = re.compile(r"^[\w.-]{1,80}$")


class SourcesError(InputError):
    code = "E110"


@dataclass(frozen=True)
class SourceSpec:
    name: str
    kind: str
    url: str
    interval: int = 900
    link_pattern: str | None = None
    same_host: bool = True
    #: False: the articles listed at the first poll are history, marked seen, not fetched
    backfill: bool = True

    def links_re(self) -> re.Pattern[str] | None:
        return re.compile(self.link_pattern) if self.link_pattern else None


@dataclass(frozen=True)
class Settings:
    user_agent: str = DEFAULT_USER_AGENT
    host_delay: float = 2.0
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0
    max_articles: int = 50
    max_bytes: int = 5_000_000
    #: fetching threads (one host per thread at a time); analysis and storing stay in one
    workers: int = 4
    webhook_url: str | None = None
    #: name of the environment variable holding the webhook's HMAC key (never the key itself)
    webhook_secret_env: str | None = None


@dataclass(frozen=True)
class WatchConfig:
    settings: Settings = field(default_factory=Settings)
    sources: tuple[SourceSpec, ...] = ()


def load(path: str | Path) -> WatchConfig:
    """Read and check a sources file; every problem is one :class:`SourcesError` line."""
    p = Path(path)
    try:
        raw = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise SourcesError(f"cannot read sources file: {e.strerror}", source=str(p)) from e
    except tomllib.TOMLDecodeError as e:
        raise SourcesError(f"not valid TOML: {e}", source=str(p)) from e
    return parse(raw, str(p))


def parse(raw: dict[str, Any], where: str = "sources") -> WatchConfig:
    settings = _settings(raw.get("watch") or {}, where)
    entries = raw.get("source") or []
    if not isinstance(entries, list) or not entries:
        raise SourcesError("no [[source]] entries", source=where)
    seen: set[str] = set()
    out = []
    for i, e in enumerate(entries):
        spec = _source(e, f"{where}: source #{i + 1}")
        if spec.name in seen:
            raise SourcesError(f"source name {spec.name!r} used twice", source=where)
        seen.add(spec.name)
        out.append(spec)
    return WatchConfig(settings, tuple(out))


def _settings(w: dict[str, Any], where: str) -> Settings:
    known = set(Settings.__dataclass_fields__)
    unknown = set(w) - known
    if unknown:
        raise SourcesError(f"unknown [watch] keys: {', '.join(sorted(unknown))}", source=where)
    try:
        s = Settings(**w)
        if s.host_delay < 0 or s.timeout <= 0 or s.retries < 0 or s.backoff < 0:
            raise ValueError("negative delay, timeout, retries or backoff")
        if not 0 < s.max_articles <= 10_000 or not 0 < s.max_bytes <= 100_000_000:
            raise ValueError("max_articles or max_bytes out of range")
        if not 1 <= s.workers <= 64:
            raise ValueError("workers: 1 to 64")
        if s.webhook_url and not is_url(s.webhook_url):
            raise ValueError("webhook_url must be http(s)")
    except (TypeError, ValueError) as e:
        raise SourcesError(f"[watch]: {e}", source=where) from e
    return s


def _source(e: Any, where: str) -> SourceSpec:
    if not isinstance(e, dict):
        raise SourcesError("a [[source]] must be a table", source=where)
    unknown = set(e) - set(SourceSpec.__dataclass_fields__)
    if unknown:
        raise SourcesError(f"unknown keys: {', '.join(sorted(unknown))}", source=where)
    try:
        spec = SourceSpec(**e)
    except TypeError as err:
        raise SourcesError(str(err), source=where) from err
    if not isinstance(spec.name, str) or not _NAME.match(spec.name):
        raise SourcesError("name: 1-80 letters, digits, '.', '_' or '-'", source=where)
    if spec.kind not in KINDS:
        raise SourcesError(f"kind must be one of {', '.join(KINDS)}", source=where)
    if not isinstance(spec.url, str) or not is_url(spec.url):
        raise SourcesError("url must be http(s)", source=where)
    if not isinstance(spec.interval, int) or spec.interval < MIN_INTERVAL:
        raise SourcesError(f"interval: whole seconds ≥ {MIN_INTERVAL}", source=where)
    if not isinstance(spec.backfill, bool) or not isinstance(spec.same_host, bool):
        raise SourcesError("backfill and same_host are true or false", source=where)
    if spec.link_pattern is not None:
        try:
            spec.links_re()
        except re.error as err:
            raise SourcesError(f"link_pattern: {err}", source=where) from err
    return spec

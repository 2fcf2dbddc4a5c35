"""Fetch one URL the user gave, politely and within limits (httpx).

rasd only ever fetches a URL a person asked for: the ``rasd analyze URL`` argument, or, for a
feed read with ``fetch=True``, the feed entries' own links.  Links found inside a document are
never followed.  Limits: connect/read timeouts, at most :data:`MAX_REDIRECTS` redirects, and a
size cap enforced while streaming (a 2 GB "page" is refused after ``max_bytes``, not after
filling memory).

Tests replace :data:`TRANSPORT` with an ``httpx.MockTransport``; nothing here touches the
network unless a real URL is fetched.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field

import httpx

from rasd.config import MAX_DOCUMENT_BYTES
from rasd.errors import FetchError, TooLarge

MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(20.0, connect=10.0)
USER_AGENT = "rasd/0.1 (+Arabic news analysis; fetches only URLs its user gave)"

#: Injected transport (tests use ``httpx.MockTransport``); ``None`` = the real network.
TRANSPORT: httpx.BaseTransport | None = None


@dataclass
class Fetched:
    """A fetched resource: final URL after redirects, body bytes and content type."""

    url: str
    data: bytes
    content_type: str
    status: int
    #: response headers (lower-case names): validators, ``Retry-After`` for ``rasd watch``
    headers: dict[str, str] = field(default_factory=dict)


def make_client(transport: httpx.BaseTransport | None = None, **limits: int) -> httpx.Client:
    """The client :func:`fetch` uses: redirects followed up to :data:`MAX_REDIRECTS`."""
    return httpx.Client(
        transport=transport or TRANSPORT,
        timeout=TIMEOUT,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        limits=httpx.Limits(**limits) if limits else httpx.Limits(),
    )


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def fetch(
    url: str,
    *,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    transport: httpx.BaseTransport | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: httpx.Timeout | None = None,
    raise_status: bool = True,
    client: httpx.Client | None = None,
) -> Fetched:
    """GET ``url``; raises :class:`FetchError` / :class:`TooLarge` with one-line messages.

    ``headers`` are added to (or replace) the defaults — ``rasd watch`` sends its own
    User-Agent and conditional-request validators.  With ``raise_status=False`` an HTTP error
    or a ``304 Not Modified`` comes back as a :class:`Fetched` with that status and no body,
    so a caller can tell a 403 from a 503 (transport failures still raise).  A long-running
    caller passes its own ``client`` (built by :func:`make_client`): creating one costs
    ~0.1 s (TLS context), and its pool keeps connections alive between requests.
    """
    if not is_url(url):  # never another scheme (file:, ftp:, javascript: …)
        raise FetchError("only http(s) URLs are fetched", source=url)
    sent = {"User-Agent": USER_AGENT, "Accept-Language": "ar,en;q=0.5", **(headers or {})}
    try:
        with (
            nullcontext(client) if client is not None else make_client(transport) as c,
            c.stream("GET", url, headers=sent, timeout=timeout or TIMEOUT) as resp,
        ):
            got = {k.lower(): v for k, v in resp.headers.items()}
            if resp.status_code >= 400 or resp.status_code == 304:
                if raise_status:
                    raise FetchError(f"HTTP {resp.status_code}", source=url)
                return Fetched(str(resp.url), b"", got.get("content-type", ""),
                               resp.status_code, got)
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise TooLarge(f"{int(declared) / 1e6:.0f} MB is over the limit", source=url)
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise TooLarge(f"response over {max_bytes / 1e6:.0f} MB", source=url)
                chunks.append(chunk)
            return Fetched(
                str(resp.url), b"".join(chunks), resp.headers.get("content-type", ""),
                resp.status_code, got,
            )
    except httpx.TooManyRedirects as e:
        raise FetchError(f"more than {MAX_REDIRECTS} redirects", source=url) from e
    except httpx.TimeoutException as e:
        raise FetchError("timed out", source=url) from e
    except httpx.HTTPError as e:
        raise FetchError(f"{type(e).__name__}: {e}", source=url) from e

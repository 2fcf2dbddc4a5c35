"""Helpers for the ``rasd watch`` tests: ``http.server`` in a thread on 127.0.0.1.

Each :class:`Site` serves what the test puts in :attr:`Site.routes` (path → status, body,
headers), answers ``If-None-Match`` with 304 when the body's ETag matches, and logs every
request (method, path, status), so tests can assert what was — and was not — fetched.
Articles are synthetic Arabic written for these tests (never corpus text): sentences built
from small word lists, different enough between articles not to be near-duplicates.
"""

from __future__ import annotations

import hashlib
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    etag: bool = True
    #: called before answering (tests use it to kill a client mid-round)
    hook: Callable[[], None] | None = None


@dataclass
class Site:
    server: ThreadingHTTPServer
    routes: dict[str, Route] = field(default_factory=dict)
    log: list[tuple[str, str, int]] = field(default_factory=list)
    bodies: list[tuple[str, dict[str, str], bytes]] = field(default_factory=list)

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str, status: int | None = None) -> int:
        return sum(1 for _m, p, s in self.log if p == path and (status is None or s == status))

    def page(self, path: str, html: str, **kw: object) -> None:
        self.routes[path] = Route(body=html.encode("utf-8"), **kw)  # type: ignore[arg-type]


def handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class H(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet
            return

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            route = site.routes.get(self.path)
            if route is None:
                self._send(404, b"not found", "text/plain", {})
                return
            if route.hook is not None:
                route.hook()
            headers: dict[str, str] = {}
            if route.etag and route.status == 200:
                tag = '"' + hashlib.sha1(route.body).hexdigest()[:16] + '"'
                headers["ETag"] = tag
                headers["Last-Modified"] = formatdate(0, usegmt=True)
                if self.headers.get("If-None-Match") == tag:
                    self._send(304, b"", route.content_type, headers)
                    return
            self._send(route.status, route.body, route.content_type, headers)

        def do_POST(self) -> None:  # noqa: N802
            n = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(n)
            site.bodies.append((self.path, dict(self.headers.items()), body))
            self._send(204, b"", "text/plain", {}, method="POST")

        def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str],
                  method: str = "GET") -> None:
            site.log.append((method, self.path, status))
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            for k, v in headers.items():
                self.send_header(k, v)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

    return H


def start_site() -> Site:
    """A site on a free 127.0.0.1 port, served by a daemon thread (stop: ``server.shutdown``)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    site = Site(server)
    server.handle_error = lambda *a: None  # type: ignore[method-assign]  # quiet
    server.RequestHandlerClass = handler(site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return site


# -- synthetic Arabic ---------------------------------------------------------------------------
_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def article_text(i: int, lead: str | None = None) -> str:
    """A synthetic Arabic article, different for each ``i`` (deterministic): an optional
    ``lead`` sentence, then sentences of made-up words, so two articles share no more than
    the lead (the store's near-duplicate check must not group them)."""
    rng = random.Random(i * 7919 + 17)
    sentences = [lead] if lead else []
    for _ in range(6):
        words = ["".join(rng.choice(_LETTERS) for _ in range(rng.randint(3, 6)))
                 for _ in range(rng.randint(8, 14))]
        sentences.append(" ".join(words) + ".")
    return " ".join(sentences)


def article_html(title: str, text: str) -> str:
    paras = "".join(f"<p>{escape(s.strip())}.</p>" for s in text.split(".") if s.strip())
    return (f"<!doctype html><html lang='ar'><head><meta charset='utf-8'>"
            f"<title>{escape(title)}</title></head><body><nav><a href='/'>الرئيسية</a></nav>"
            f"<article><h1>{escape(title)}</h1>{paras}</article>"
            f"<footer>جميع الحقوق محفوظة</footer></body></html>")


def rss(site: Site, paths: list[str], title: str = "أخبار") -> str:
    items = "".join(
        f"<item><title>خبر {escape(p)}</title><link>{site.url(p)}</link><guid>{site.url(p)}</guid>"
        f"</item>" for p in paths)
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>{escape(title)}</title><link>{site.base}/</link>{items}</channel></rss>")


def sources_toml(tmp: Path, sources: list[dict[str, object]], **settings: object) -> Path:
    """Write a sources file; tests use no host delay, no back-off and short timeouts."""
    base = {"host_delay": 0.0, "backoff": 0.0, "timeout": 5.0, "retries": 1}
    base.update(settings)
    lines = ["[watch]"]
    for k, v in base.items():
        lines.append(f"{k} = {_toml(v)}")
    for s in sources:
        lines.append("\n[[source]]")
        lines.extend(f"{k} = {_toml(v)}" for k, v in s.items())
    p = tmp / "sources.toml"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def _toml(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'

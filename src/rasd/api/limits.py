"""ASGI middlewares: request-size limit (clean 413) and security headers.

The size limit is enforced twice: a declared ``Content-Length`` above the limit is refused
before anything is read, and a body sent without one (chunked) is counted as it streams, so a
client cannot get round the limit by omitting the header.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyTooLarge(Exception):
    """Raised inside ``receive`` when a streamed body passes the limit."""


def _json_413(limit: int) -> bytes:
    # same shape as every other API error: {"detail": "..."}
    return json.dumps({"detail": f"request body over the {limit} byte limit"}).encode()


async def _send_413(send: Send, limit: int) -> None:
    body = _json_413(limit)
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimitMiddleware:
    """Refuse request bodies larger than ``max_bytes`` with a JSON 413."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared > self.max_bytes:
                    await _send_413(send, self.max_bytes)
                    return
        seen = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _send_413(send, self.max_bytes)


#: Pages get a strict CSP: scripts and styles only from this server, no inline script, so
#: even a markup bug could not run injected code.  /docs (Swagger UI needs one inline
#: bootstrap script) gets a CSP that allows exactly that.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'"
)


class SecurityHeadersMiddleware:
    """Add nosniff / no-referrer / frame denial everywhere and a CSP on HTML responses."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")

        async def add_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: list[Any] = list(message.get("headers", []))
                names = {h[0].lower() for h in headers}
                extra = [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                if b"content-security-policy" not in names:
                    csp = DOCS_CSP if path.startswith("/docs") else PAGE_CSP
                    extra.append((b"content-security-policy", csp.encode()))
                headers.extend(h for h in extra if h[0] not in names)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, add_headers)


def host_name(value: str) -> str:
    """The name in a Host header, lower-cased, without port (``[::1]:8321`` → ``::1``)."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    if value.count(":") == 1:
        return value.split(":", 1)[0]
    return value


class HostAllowListMiddleware:
    """Answer only requests whose Host header names an allowed host (400 otherwise).

    DNS rebinding: a page on ``evil.example`` re-points its own name at 127.0.0.1 and then
    reads ``http://evil.example:8321/api/…`` from the visitor's browser — the server sees
    ``Host: evil.example``.  Allowing only the names the server is really reached by
    (loopback by default) closes that door.
    """

    def __init__(self, app: ASGIApp, allowed: tuple[str, ...]) -> None:
        self.app = app
        self.any = "*" in allowed
        self.allowed = frozenset(host_name(h) for h in allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or self.any:
            await self.app(scope, receive, send)
            return
        host = ""
        for name, value in scope.get("headers", []):
            if name == b"host":
                host = host_name(value.decode("latin-1"))
                break
        if host in self.allowed:
            await self.app(scope, receive, send)
            return
        body = json.dumps({"detail": f"host {host or '(none)'!r} is not allowed: "
                                     "start the server with --allow-host"}).encode()
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

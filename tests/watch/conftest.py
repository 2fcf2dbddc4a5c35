"""Fixtures of the ``rasd watch`` tests: local sites (see :mod:`tests.watch.helpers`) and one
shared analysis pipeline (loading it takes a second or two)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from rasd.pipeline import Pipeline
from tests.watch.helpers import Site, handler


@pytest.fixture
def make_site() -> Iterator[Callable[[], Site]]:
    servers: list[ThreadingHTTPServer] = []

    def make() -> Site:
        server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
        site = Site(server)
        server.handle_error = lambda *a: None  # type: ignore[method-assign]  # quiet
        server.RequestHandlerClass = handler(site)
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return site

    yield make
    for s in servers:
        s.shutdown()
        s.server_close()


@pytest.fixture
def site(make_site: Callable[[], Site]) -> Site:
    return make_site()


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()



"""API fixtures: one filled archive per backend (SQLite, PostgreSQL) shared by the read-only
tests, and fresh empty archives for the write tests.

The PostgreSQL half is skipped with the reason when the server on 127.0.0.1:5432 is not
reachable; the SQLite half always runs.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from rasd.api import create_app
from rasd.api.settings import Settings
from tests.api.fixtures import archive_url, fill_archive, pg_unavailable

with warnings.catch_warnings():
    # starlette asks for the "httpx2" fork in its test client; httpx works the same here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

_PG_SKIP = pg_unavailable()
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
TOKEN = "test-token-not-a-secret"


def _skip_pg(backend: str) -> None:
    if backend == "postgresql" and _PG_SKIP:
        pytest.skip(_PG_SKIP)


@pytest.fixture(scope="session", params=BACKENDS)
def filled(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[tuple[str, dict[str, str]]]:
    """(archive URL, ids) of an archive holding samples + gold seed + hostile document."""
    _skip_pg(request.param)
    from rasd.store import open_store

    with archive_url(request.param, tmp_path_factory.mktemp("api")) as url:
        store = open_store(url)
        try:
            ids = fill_archive(store)
        finally:
            store.close()
        yield url, ids


@pytest.fixture(scope="session")
def client(filled: tuple[str, dict[str, str]]) -> Iterator[TestClient]:
    """A read-only server (no token) over the filled archive."""
    url, _ = filled
    with TestClient(create_app(Settings(db=url))) as c:
        yield c


@pytest.fixture(scope="session")
def ids(filled: tuple[str, dict[str, str]]) -> dict[str, str]:
    return filled[1]


@pytest.fixture(params=BACKENDS)
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    _skip_pg(request.param)
    with archive_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def writer(empty_url: str) -> Iterator[TestClient]:
    """A server with a write token over an empty archive, small limits to test 413s."""
    settings = Settings(db=empty_url, token=TOKEN, max_request_bytes=64_000,
                        max_document_bytes=32_000)
    with TestClient(create_app(settings)) as c:
        yield c


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}

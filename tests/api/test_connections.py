"""The server holds one connection pool per process: database connections stay flat over
idle/burst cycles and are closed at shutdown (issue 20: a store per anyio worker thread,
never closed — PostgreSQL connections grew 36 → 63 over four idle-then-burst rounds).

anyio retires a worker thread after 10 s idle and starts a new one for the next burst; the
test shortens that idle time so 20 cycles take seconds, and counts the server's connections
in ``pg_stat_activity`` (its own ``application_name``) after every burst.
"""

from __future__ import annotations

import uuid
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from rasd.api import create_app
from rasd.api.settings import Settings
from rasd.doc import Document, Meta
from rasd.store import open_store
from tests.api.fixtures import PG_URL, archive_url, pg_unavailable

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

THREADS = 4
CYCLES = 20
PATHS = ("/api/health", "/api/documents", "/api/search?q=الرياض", "/api/entities",
         "/api/stats", "/")


def _connections(app_name: str) -> int:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        row = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = %s",
                           (app_name,)).fetchone()
    return int(row[0]) if row else 0


@pytest.mark.postgres
def test_connections_stay_flat_over_idle_and_burst_cycles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reason = pg_unavailable()
    if reason:
        pytest.skip(reason)
    import anyio._backends._asyncio as anyio_asyncio

    idle = 0.05
    monkeypatch.setattr(anyio_asyncio.WorkerThread, "MAX_IDLE_TIME", idle)
    app_name = f"rasd_conn_{uuid.uuid4().hex[:10]}"
    with archive_url("postgresql", tmp_path) as url:
        url = f"{url}&application_name={app_name}"
        with open_store(url) as s:
            s.add(Document("اجتمع الوزير في الرياض مع وفد من جدة.", Meta(source="a")))
        assert _connections(app_name) == 0
        app = create_app(Settings(db=url, threads=THREADS))
        seen = []
        with TestClient(app) as client, ThreadPoolExecutor(THREADS * 2) as pool:
            import time

            for _ in range(CYCLES):
                codes = list(pool.map(lambda p: client.get(p).status_code, PATHS * 4))
                assert set(codes) == {200}, codes
                seen.append(_connections(app_name))
                time.sleep(idle * 4)  # idle: anyio retires the worker threads
            assert app.state.stores.opened == 1
        after = _connections(app_name)
    # one pool: never more than its size (+ the export overflow), and not growing
    assert max(seen) <= THREADS + 4, seen
    assert seen[-1] <= seen[0] + THREADS, seen
    assert after == 0  # closed at shutdown

"""The same store tests run against SQLite and the PostgreSQL on 127.0.0.1:5432.

Each PostgreSQL test gets its own freshly created schema (dropped afterwards), so tests never
see each other's rows.  If the server is unreachable the PostgreSQL half is skipped with the
reason; the SQLite half always runs.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from rasd.store import Store, open_store

PG_URL = os.environ.get("RASD_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


def _pg_reason() -> str | None:
    try:
        import psycopg

        dsn = PG_URL.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(dsn, connect_timeout=3):
            return None
    except Exception as e:  # noqa: BLE001 - any failure means "no server to test against"
        return f"PostgreSQL at {PG_URL} unreachable: {str(e).splitlines()[0]}"


_PG_SKIP = _pg_reason()


def drop_schema(schema: str) -> None:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL for a fresh, empty archive on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "archive.db")
        return
    if _PG_SKIP:
        pytest.skip(_PG_SKIP)
    schema = f"rasd_t_{uuid.uuid4().hex[:12]}"
    try:
        yield f"{PG_URL}?schema={schema}"
    finally:
        drop_schema(schema)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = open_store(store_url)
    try:
        yield s
    finally:
        s.close()

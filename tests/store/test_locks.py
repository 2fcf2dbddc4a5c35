"""Opening and reading an archive never waits for a writer; a second writer waits at most
the configured busy timeout, then fails with the coded error E408 (issue 20: every open took
the write lock, so a second ``rasd ingest`` failed after 31.8 s with "database is locked").

One connection holds a write transaction (SQLite ``BEGIN IMMEDIATE`` plus an uncommitted
row; PostgreSQL an ``EXCLUSIVE`` table lock, which still lets readers in).  The bounds below
are counts and a lower bound on the wait, never an upper time limit.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import parse_qsl, urlsplit

import pytest

from rasd.doc import Document, Meta
from rasd.errors import StoreBusy, StoreError
from rasd.store import open_store
from tests.store.conftest import PG_URL

WAIT = 0.5


@contextmanager
def write_lock_held(url: str) -> Iterator[None]:
    """A foreign connection holding the archive's write lock until the block ends."""
    if url.startswith("postgresql"):
        import psycopg

        schema = dict(parse_qsl(urlsplit(url).query))["schema"]
        with psycopg.connect(PG_URL) as conn:
            conn.execute(f'SET search_path TO "{schema}"')
            conn.execute("LOCK TABLE documents IN EXCLUSIVE MODE")  # readers still allowed
            yield
            conn.rollback()
        return
    conn = sqlite3.connect(url, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO corrections(id, doc_id, action, created, annotation) "
                     "VALUES ('x', 'x', 'reject', '2024-01-01', '{}')")
        yield
        conn.execute("ROLLBACK")
    finally:
        conn.close()


def test_readers_open_and_read_while_a_writer_holds_the_lock(store_url: str) -> None:
    with open_store(store_url) as s:  # create and migrate the archive first
        s.add(Document("خبر أول عن اجتماع في الرياض.", Meta(source="a")))
    # a current archive opens without the lock, and reads go on
    with write_lock_held(store_url), open_store(store_url, busy_timeout=WAIT) as s:
        assert s.count() == 1
        assert s.search("الرياض").total == 1
        t0 = time.monotonic()
        with pytest.raises(StoreBusy) as err:
            s.add(Document("خبر ثان عن زيارة إلى جدة.", Meta(source="b")))
        waited = time.monotonic() - t0
    assert "[E408]" in str(err.value) and isinstance(err.value, StoreError)
    assert waited >= WAIT * 0.9  # it did wait the configured time before giving up
    with open_store(store_url) as s:  # the lock is gone: the same write goes through
        assert s.add(Document("خبر ثان عن زيارة إلى جدة.", Meta(source="b"))).status == "new"
        assert s.count() == 2


def test_busy_timeout_comes_from_the_environment(store_url: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    open_store(store_url).close()
    monkeypatch.setenv("RASD_BUSY_TIMEOUT", "0.2")
    with write_lock_held(store_url), open_store(store_url) as s:
        assert s.count() == 0
        with pytest.raises(StoreBusy, match="0.2 s"):
            s.add(Document("نص قصير للتجربة فقط.", Meta(source="c")))


def test_a_busy_archive_fails_a_batch_once_not_per_document(store_url: str) -> None:
    """A batch that meets the lock raises E408 after one wait (retrying it document by
    document, as for a bad document, would wait once per document)."""
    open_store(store_url).close()
    docs = [(Document(f"خبر رقم {i} عن اجتماع في الرياض.", Meta(source=f"{i}")), "v")
            for i in range(5)]
    with write_lock_held(store_url), open_store(store_url, busy_timeout=WAIT) as s:
        waits = []
        is_busy = s.backend.is_busy  # type: ignore[attr-defined]

        def counted(e: BaseException) -> bool:
            busy = is_busy(e)
            waits.append(busy)
            return busy

        s.backend.is_busy = counted  # type: ignore[attr-defined]
        with pytest.raises(StoreBusy):
            s.add_many(docs)
    assert waits.count(True) == 1  # one wait for the batch, not one per document

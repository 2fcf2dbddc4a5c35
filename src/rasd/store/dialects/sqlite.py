"""SQLite: WAL journal, ``BEGIN IMMEDIATE`` writers, an FTS5 index ranked by bm25.

WAL with ``synchronous=NORMAL`` means a killed process never corrupts or half-writes (only an
OS crash can lose the last commits); write transactions start with ``BEGIN IMMEDIATE`` so
concurrent writers wait (``busy_timeout``, bounded: then :class:`rasd.errors.StoreBusy`)
instead of failing mid-transaction.  Readers use plain ``BEGIN`` (deferred): in WAL mode they
read the last committed snapshot and never wait for a writer.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Float,
    Insert,
    Integer,
    Subquery,
    Table,
    create_engine,
    event,
    func,
    literal,
    select,
    text,
)
from sqlalchemy.dialects import sqlite as sq
from sqlalchemy.engine import Connection, Engine

from rasd.store.dialects.base import DEFAULT_BUSY_TIMEOUT, Dialect
from rasd.store.textindex import QueryTerm, fts5_match

#: Unfiltered searches rank at most this many (most recently stored) matches: bm25 costs a
#: few microseconds per match, and a news archive's reader wants the recent ones anyway.
RANK_CAP = 10000
#: FTS5 column weights (title, body): a title hit counts three times a body hit.
BM25 = "bm25(3.0, 1.0)"


class SQLiteDialect(Dialect):
    name = "sqlite"

    def __init__(self, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        self.busy_timeout = busy_timeout

    def make_engine(self, url: str) -> Engine:
        wait = max(0.0, float(self.busy_timeout))
        engine = create_engine(url, connect_args={"timeout": wait}, **self.pool)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _rec: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (SQLAlchemy recipe)
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={int(wait * 1000)}")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            immediate = conn.get_execution_options().get("rasd_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine

    def is_busy(self, error: BaseException) -> bool:
        orig = getattr(error, "orig", error)
        if getattr(orig, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            return True
        return "database is locked" in str(orig) or "database is busy" in str(orig)

    def insert_ignore(self, table: Table) -> Insert:
        return sq.insert(table).on_conflict_do_nothing()

    def index_document(self, c: Connection, seq: int, title: str, body: str) -> None:
        c.execute(text("INSERT INTO documents_fts(rowid, title, body) VALUES (:s, :t, :b)"),
                  {"s": seq, "t": title, "b": body})

    def unindex_document(self, c: Connection, seq: int) -> None:
        c.execute(text("DELETE FROM documents_fts WHERE rowid = :s"), {"s": seq})

    def match(self, terms: Sequence[QueryTerm]) -> Subquery:
        return (
            text("SELECT rowid AS seq, bm25(documents_fts, 3.0, 1.0) AS rank "
                 "FROM documents_fts WHERE documents_fts MATCH :q")
            .bindparams(q=fts5_match(terms))
            .columns(Column("seq", Integer), Column("rank", Float))
            .subquery("fts")
        )

    def ranked_unfiltered(self, c: Connection, terms: Sequence[QueryTerm], limit: int,
                          offset: int) -> list[tuple[int, float]] | None:
        """The FTS5 table queried alone: ``ORDER BY rank LIMIT`` lets FTS5 keep only the top
        rows, among the :data:`RANK_CAP` most recently stored matches."""
        q = fts5_match(terms)
        floor = c.execute(text(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q"
            " ORDER BY rowid DESC LIMIT 1 OFFSET :cap"), {"q": q, "cap": RANK_CAP}).scalar()
        rows = c.execute(text(
            "SELECT rowid, rank FROM documents_fts WHERE documents_fts MATCH :q"
            f" AND rowid > :floor AND rank MATCH '{BM25}'"
            " ORDER BY rank LIMIT :n OFFSET :o"
        ), {"q": q, "floor": floor or 0, "n": limit, "o": offset}).all()
        return [(int(r[0]), float(r[1])) for r in rows]

    def total_unfiltered(self, c: Connection, terms: Sequence[QueryTerm]) -> int | None:
        return int(c.execute(text("SELECT count(*) FROM documents_fts WHERE documents_fts "
                                  "MATCH :q"), {"q": fts5_match(terms)}).scalar() or 0)

    def in_ints(self, col: Any, values: list[int]) -> ColumnElement[bool]:
        each = func.json_each(literal(json.dumps(values))).table_valued("value")
        return col.in_(select(each.c.value))

"""PostgreSQL: ``COPY`` bulk loads, a generated ``tsvector`` ranked by ``ts_rank_cd``, and an
optional ``?schema=NAME`` that keeps an archive in its own schema (``search_path``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Insert,
    Integer,
    MetaData,
    Subquery,
    Table,
    Text,
    any_,
    cast,
    create_engine,
    delete,
    event,
    func,
    insert,
    literal,
    literal_column,
    select,
    text,
)
from sqlalchemy.dialects import postgresql as pg
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.engine import Connection, Engine

from rasd.store.dialects.base import DEFAULT_BUSY_TIMEOUT, Dialect
from rasd.store.textindex import QueryTerm

#: Any constant shared by every rasd process: the advisory lock taken while migrating.
MIGRATION_LOCK = 727384

#: The full-text table as the migration creates it (``tsv`` is generated from title/body).
pg_fts = Table(
    "documents_fts",
    MetaData(),
    Column("seq", Integer, primary_key=True),
    Column("title", Text),
    Column("body", Text),
    Column("tsv", TSVECTOR),
)


class PostgresDialect(Dialect):
    name = "postgresql"

    def __init__(self, schema: str | None = None,
                 busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        self.schema = schema
        self.busy_timeout = busy_timeout

    def make_engine(self, url: str) -> Engine:
        # lock_timeout bounds every wait for a lock (the migration's advisory lock, a row
        # another transaction is inserting); 0 would mean "wait for ever"
        ms = max(1, int(self.busy_timeout * 1000))
        engine = create_engine(url, pool_pre_ping=True,
                               connect_args={"options": f"-c lock_timeout={ms}"}, **self.pool)
        if not self.schema:
            return engine
        schema = self.schema  # checked against a strict identifier pattern by parse_target
        with engine.begin() as c:
            c.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))

        @event.listens_for(engine, "connect")
        def _pg_connect(dbapi_conn: Any, _rec: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute(f'SET search_path TO "{schema}"')
            cur.close()
            dbapi_conn.commit()

        engine.dispose()  # connections made before the listener must not be reused
        return engine

    def is_busy(self, error: BaseException) -> bool:
        orig = getattr(error, "orig", error)
        return getattr(orig, "sqlstate", None) == "55P03"  # lock_not_available

    def lock_for_migration(self, c: Connection) -> None:
        c.execute(text(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})"))

    def bulk_insert(self, c: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
        """``COPY``: one round trip and no SQL compilation per row.  Column names come from
        our own row dicts (never from input) and are quoted by the dialect (``"end"`` is a
        reserved word); values travel in COPY's data stream."""
        if not rows:
            return
        cols = list(rows[0])
        quote = c.dialect.identifier_preparer.quote
        raw: Any = c.connection.dbapi_connection  # psycopg's: cursors are context managers
        assert raw is not None
        with raw.cursor() as cur, cur.copy(
            f"COPY {quote(table.name)} ({', '.join(quote(k) for k in cols)}) FROM STDIN"
        ) as cp:
            for r in rows:
                cp.write_row([r[k] for k in cols])

    def insert_ignore(self, table: Table) -> Insert:
        return pg.insert(table).on_conflict_do_nothing()

    def index_document(self, c: Connection, seq: int, title: str, body: str) -> None:
        c.execute(insert(pg_fts).values(seq=seq, title=title, body=body))

    def unindex_document(self, c: Connection, seq: int) -> None:
        c.execute(delete(pg_fts).where(pg_fts.c.seq == seq))

    def match(self, terms: Sequence[QueryTerm]) -> Subquery:
        """Each term's alternatives ORed (``||``), terms ANDed (``&&``); ``plainto_tsquery``
        treats every alternative as plain words, never as tsquery syntax."""
        tsq: Any = None
        for t in terms:
            alt: Any = None
            for a in t.alternatives:
                q1 = func.plainto_tsquery(literal_column("'simple'::regconfig"),
                                          cast(literal(a), Text))
                alt = q1 if alt is None else alt.op("||")(q1)
            tsq = alt if tsq is None else tsq.op("&&")(alt)
        return (
            select(pg_fts.c.seq, (-func.ts_rank_cd(pg_fts.c.tsv, tsq)).label("rank"))
            .where(pg_fts.c.tsv.op("@@")(tsq))
            .subquery("fts")
        )

    def in_ints(self, col: Any, values: list[int]) -> ColumnElement[bool]:
        return col == any_(literal(values, type_=pg.ARRAY(Integer)))

"""Offsets are ``start``/``end`` in every table, as in the JSON, the CSV export and the batch
Parquet tables (one flattener, one set of names); they were ``char_start``/``char_end``.

``ALTER TABLE … RENAME COLUMN`` keeps the data, indexes and constraints on both SQLite (3.25
and later) and PostgreSQL, so no table is copied.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TABLES = ("spans", "entities", "places", "times", "quotes", "events")


def _rename(old: str, new: str) -> None:
    q = op.get_bind().dialect.identifier_preparer.quote
    for table in TABLES:
        op.execute(f"ALTER TABLE {q(table)} RENAME COLUMN {q(old)} TO {q(new)}")


def upgrade() -> None:
    _rename("char_start", "start")
    _rename("char_end", "end")


def downgrade() -> None:
    _rename("start", "char_start")
    _rename("end", "char_end")

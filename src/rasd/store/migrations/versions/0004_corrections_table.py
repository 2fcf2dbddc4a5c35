"""The corrections table joins the schema (it was created on first use, outside migrations).

An archive written by an older rasd may already have it — created by ``CorrectionStore`` with
exactly these columns — so the table is adopted as it is when present, created otherwise.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    if inspector.has_table("corrections"):
        indexes = {ix["name"] for ix in inspector.get_indexes("corrections")}
        if "ix_corrections_doc_id" not in indexes:
            op.create_index("ix_corrections_doc_id", "corrections", ["doc_id"])
        return
    op.create_table(
        "corrections",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("doc_id", sa.String(64)),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("created", sa.String(40), nullable=False),
        sa.Column("creator", sa.String(200)),
        sa.Column("annotation", sa.Text, nullable=False),
    )
    op.create_index("ix_corrections_doc_id", "corrections", ["doc_id"])


def downgrade() -> None:
    op.drop_index("ix_corrections_doc_id", "corrections")
    op.drop_table("corrections")

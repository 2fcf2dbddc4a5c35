"""Initial schema: documents, generic spans, typed layer tables, dedup, full-text index.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

from rasd.store import schema

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# A frozen copy would be the textbook way; the first revision may use the live metadata
# because any later change goes into a new revision with explicit operations.


def upgrade() -> None:
    bind = op.get_bind()
    schema.metadata.create_all(bind)
    if bind.dialect.name == "sqlite":
        # Folded keys are written space separated; unicode61 only has to split on spaces.
        op.execute(
            "CREATE VIRTUAL TABLE documents_fts USING fts5("
            "title, body, tokenize = \"unicode61 remove_diacritics 0\")"
        )
    else:
        op.execute(
            "CREATE TABLE documents_fts ("
            " seq integer PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,"
            " title text NOT NULL DEFAULT '', body text NOT NULL DEFAULT '',"
            " tsv tsvector GENERATED ALWAYS AS ("
            "  setweight(to_tsvector('simple', title), 'A') ||"
            "  setweight(to_tsvector('simple', body), 'B')) STORED)"
        )
        op.execute("CREATE INDEX ix_documents_fts_tsv ON documents_fts USING gin (tsv)")
    op.execute(
        "CREATE VIEW near_duplicates AS SELECT d.id AS doc_id, d.group_id, d.similarity,"
        " d.outlet, d.title FROM documents d WHERE d.group_id <> d.id"
    )


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS near_duplicates")
    op.execute("DROP TABLE IF EXISTS documents_fts")
    schema.metadata.drop_all(op.get_bind())

"""Initial schema: documents, generic spans, typed layer tables, dedup, full-text index.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

from rasd.store.migrations import schema_0001 as schema

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# The tables of revision 0001 come from a frozen copy of the schema as it was then: later
# revisions (0004 corrections, 0005 start/end) change the live schema with explicit steps.


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

"""Index quotes by their speaker's entity: "what did X say" (entity pages, ``rasd entity``).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_quotes_speaker_entity", "quotes", ["speaker_entity"])


def downgrade() -> None:
    op.drop_index("ix_quotes_speaker_entity", "quotes")

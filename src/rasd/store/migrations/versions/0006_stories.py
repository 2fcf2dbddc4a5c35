"""Stories are kept in the archive: ``stories`` (one row per story, what a listing shows) and
``story_members`` (document → story, chronological rank), so the web UI and the API list
stories without clustering the whole archive on every request.

Both tables are new, so an older archive simply gains them empty; ``rasd stories --db``
fills them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("first_seen", sa.Text),
        sa.Column("last_seen", sa.Text),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("outlets", sa.Text, nullable=False),
        sa.Column("computed_at", sa.Text, nullable=False),
    )
    op.create_index("ix_stories_last_seen", "stories", ["last_seen"])
    op.create_index("ix_stories_size", "stories", ["size"])
    op.create_table(
        "story_members",
        sa.Column("doc_id", sa.Text, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("story_id", sa.Text, sa.ForeignKey("stories.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("ord", sa.Integer, nullable=False),
    )
    op.create_index("ix_story_members_story", "story_members", ["story_id", "ord"])


def downgrade() -> None:
    op.drop_index("ix_story_members_story", "story_members")
    op.drop_table("story_members")
    op.drop_index("ix_stories_size", "stories")
    op.drop_index("ix_stories_last_seen", "stories")
    op.drop_table("stories")

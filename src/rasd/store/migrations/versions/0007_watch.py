"""``rasd watch`` state: watched sources, seen article URLs, alert rules and alerts.

All four tables are new (issue 21), so an older archive simply gains them empty.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("interval", sa.Integer, nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("next_due", sa.Float, nullable=False),
        sa.Column("last_polled", sa.Float),
        sa.Column("last_success", sa.Float),
        sa.Column("last_new", sa.Float),
        sa.Column("last_status", sa.Integer),
        sa.Column("last_error", sa.Text),
        sa.Column("polls", sa.Integer, nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("consecutive_failures", sa.Integer, nullable=False),
        sa.Column("articles_seen", sa.Integer, nullable=False),
        sa.Column("articles_new", sa.Integer, nullable=False),
        sa.Column("empty_extractions", sa.Integer, nullable=False),
        sa.Column("flag", sa.Text),
    )
    op.create_table(
        "watch_seen",
        sa.Column("url_hash", sa.String(64), primary_key=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("first_seen", sa.Float, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("doc_id", sa.Text),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
    )
    op.create_index("ix_watch_seen_source", "watch_seen", ["source", "first_seen"])
    op.create_table(
        "watch_rules",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("radius_km", sa.Float),
        sa.Column("label", sa.Text),
        sa.Column("created", sa.Text, nullable=False),
        sa.UniqueConstraint("kind", "value", name="uq_watch_rules_kind_value"),
    )
    op.create_table(
        "watch_alerts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("rule_id", sa.Integer,
                  sa.ForeignKey("watch_rules.id", ondelete="CASCADE"), nullable=False),
        sa.Column("story_key", sa.Text, nullable=False),
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("created", sa.Float, nullable=False),
        sa.Column("spans", sa.Text, nullable=False),
        sa.UniqueConstraint("rule_id", "story_key", name="uq_watch_alerts_rule_story"),
    )
    op.create_index("ix_watch_alerts_created", "watch_alerts", ["created"])


def downgrade() -> None:
    op.drop_index("ix_watch_alerts_created", "watch_alerts")
    op.drop_table("watch_alerts")
    op.drop_table("watch_rules")
    op.drop_index("ix_watch_seen_source", "watch_seen")
    op.drop_table("watch_seen")
    op.drop_table("watch_sources")

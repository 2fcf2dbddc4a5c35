"""Covering indexes for facets: entity/place ids readable from the index alone.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_entities_doc_entity", "entities", ["doc_id", "entity_id"])
    op.create_index("ix_places_doc_place", "places", ["doc_id", "place_id", "name"])


def downgrade() -> None:
    op.drop_index("ix_places_doc_place", "places")
    op.drop_index("ix_entities_doc_entity", "entities")

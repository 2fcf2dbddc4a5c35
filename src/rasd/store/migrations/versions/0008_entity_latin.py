"""Latin-script names of entities: ``entity_clusters.latin`` (the names shown, "; "-joined) and
``entity_clusters.latin_key`` (``|key|key|`` match keys of :mod:`rasd.lang.ar.latin`), so a
reader without Arabic finds "بشار الأسد" by "Assad" (``rasd entity``, API, web pages).

Existing rows are filled by the romaniser and name lists of the rasd that runs the upgrade
(:func:`rasd.store.latin.latin_columns`); rows stored later get them when written
(:mod:`rasd.store.write`).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entity_clusters") as batch:
        batch.add_column(sa.Column("latin", sa.Text))
        batch.add_column(sa.Column("latin_key", sa.Text))
    from rasd.store.latin import latin_columns

    bind = op.get_bind()
    ec = sa.table("entity_clusters", sa.column("entity_id"), sa.column("name"),
                  sa.column("label"), sa.column("latin"), sa.column("latin_key"))
    rows = bind.execute(sa.select(ec.c.entity_id, ec.c.name, ec.c.label)).all()
    updates = [{"eid": r.entity_id, **latin_columns(r.name, r.label)} for r in rows]
    if updates:
        bind.execute(ec.update().where(ec.c.entity_id == sa.bindparam("eid"))
                     .values(latin=sa.bindparam("latin"), latin_key=sa.bindparam("latin_key")),
                     updates)


def downgrade() -> None:
    with op.batch_alter_table("entity_clusters") as batch:
        batch.drop_column("latin_key")
        batch.drop_column("latin")

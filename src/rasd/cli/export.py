"""``rasd export …``: stream documents and their layers in exchange formats."""

from __future__ import annotations

import click

from rasd.cli import LazyGroup

#: format -> "module:attribute"
EXPORTS: dict[str, str] = {}


@click.group("export", cls=LazyGroup, lazy=EXPORTS)
def export_group() -> None:
    """Export documents, entities, places, quotes and events (streamed, never capped)."""

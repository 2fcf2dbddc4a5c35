"""``rasd export …``: stream documents and their layers in exchange formats."""

from __future__ import annotations

import click

from rasd.cli import LazyGroup

#: format -> "module:attribute"
EXPORTS: dict[str, str] = {
    "geojson": "rasd.cli.export_geojson:export_geojson",
    "network": "rasd.cli.export_network:export_network",
    "jsonl": "rasd.cli.export_jsonl:export_jsonl",
    "csv": "rasd.cli.export_csv:export_csv",
    "acled": "rasd.cli.export_acled:export_acled",
    "ftm": "rasd.cli.export_ftm:export_ftm",
    "annotations": "rasd.cli.export_annotations:export_annotations",
}


@click.group("export", cls=LazyGroup, lazy=EXPORTS)
def export_group() -> None:
    """Export documents, entities, places, quotes and events (streamed, never capped)."""

"""``rasd export …``: stream documents and their layers in exchange formats.

The formats are those of :data:`rasd.export.registry.EXPORTERS` — the table the API reads
too.  A format that reads only the archive gets its command built from its entry
(:func:`rasd.cli.export_common.archive_command`); one that reads more (files to analyse, the
corrections of the archive) has its own command module, listed in :data:`COMMANDS`.  Nothing is imported until a
command runs, so ``rasd export --help`` stays fast.
"""

from __future__ import annotations

import importlib

import click

from rasd.export.registry import EXPORTERS

#: format -> one-line description (the formats of the registry)
EXPORTS: dict[str, str] = {name: e.summary for name, e in EXPORTERS.items()}

#: formats whose command reads more than the archive: format -> "module:attribute"
#: (geojson also analyses files given as arguments; network reads the corrections too)
COMMANDS: dict[str, str] = {
    "geojson": "rasd.cli.export_geojson:export_geojson",
    "network": "rasd.cli.export_network:export_network",
}


class ExportGroup(click.Group):
    """A group with one sub-command per registered export format, built when used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(EXPORTS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        e = EXPORTERS.get(name)
        if e is None:
            return None
        if name in COMMANDS:
            module, attr = COMMANDS[name].split(":")
            cmd: click.Command = getattr(importlib.import_module(module), attr)
            return cmd
        from rasd.cli.export_common import archive_command

        return archive_command(e)


@click.group("export", cls=ExportGroup)
def export_group() -> None:
    """Export documents, entities, places, quotes and events (streamed, never capped)."""

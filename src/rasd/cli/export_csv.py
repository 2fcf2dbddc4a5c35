"""``rasd export csv``: entities, quotes, events (or places, times) as a CSV table."""

from __future__ import annotations

from typing import Any

import click

from rasd.cli.export_common import archive_export, documents, report

WHAT = ("entities", "quotes", "events", "places", "times")


@click.command("csv")
@click.option("--what", type=click.Choice(WHAT), default="entities", show_default=True,
              help="Which records: one row each, with document id and character offsets.")
@archive_export
def export_csv(what: str, output: Any, **kw: Any) -> None:
    """One CSV row per entity mention / quote / event of the matching documents."""
    from rasd.export.csv import write_csv

    store, docs = documents(kw)
    with store:
        report(write_csv(docs, output, what), what)

"""``rasd export ftm``: FollowTheMoney entities (Article, Mention, Event …) for Aleph."""

from __future__ import annotations

from typing import Any

import click

from rasd.cli.export_common import archive_export, documents, report


@click.command("ftm")
@archive_export
def export_ftm(output: Any, **kw: Any) -> None:
    """FtM entity stream (JSON lines): load with `alephclient write-entities` or `ftm`."""
    from rasd.export.ftm import write_ftm

    store, docs = documents(kw)
    with store:
        report(write_ftm(docs, output), "entities")

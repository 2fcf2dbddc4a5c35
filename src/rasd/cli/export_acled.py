"""``rasd export acled``: events as an ACLED-style CSV."""

from __future__ import annotations

from typing import Any

import click

from rasd.cli.export_common import archive_export, documents, report


@click.command("acled")
@archive_export
def export_acled(output: Any, **kw: Any) -> None:
    """Events with ACLED's columns and time/geo precision codes (1 = exact … 3 = coarse)."""
    from rasd.export.acled import write_acled

    store, docs = documents(kw)
    with store:
        report(write_acled(docs, output), "events")

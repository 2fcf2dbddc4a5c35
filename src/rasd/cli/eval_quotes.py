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
def eval_quotes(paths: tuple[Path, ...], as_json: bool, errors: bool) -> None:
    """Score quotes (cue, speaker, content spans; speaker kind) on gold PATHS.

    PATHS are ``*.gold.json`` files or folders of them (default: the seed article and
    eval/quotes/).  Each set is reported separately: overlap and exact P/R/F1 per field,
    joint speaker+content overlap F1, and speaker-kind / stance accuracy.
    """
    from rasd.eval.quotes import evaluate

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
        if errors:
            for e in rep["errors"]:
                click.echo(f"  ! {json.dumps(e, ensure_ascii=False)}")

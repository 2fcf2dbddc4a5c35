"""``rasd eval ner GOLD``: exact-span precision/recall/F1 of the entity tagger."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from rasd.cli.output import TEXT_JSON, format_options


@click.command("ner")
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--layer",
    default=1,
    show_default=True,
    help="CoNLL gold: tag column to score (1 = Wojood's outer layer).",
)
@click.option(
    "--convention",
    type=click.Choice(["auto", "analysis", "news", "wojood"]),
    default="auto",
    show_default=True,
    help="Span convention the tagger follows: 'wojood' puts trigger words such as \"مدينة\" "
    "inside place spans as the Wojood corpus does; 'analysis' is what `rasd analyze` uses; "
    "'news' is NewsFANE's alone.  auto = wojood for CoNLL files, analysis for JSON gold.",
)
@click.option("--errors", is_flag=True, help="Also list false positives and misses.")
@format_options(TEXT_JSON, as_json=True, help="text, or json: the scores as JSON")
def eval_ner(gold: Path, layer: int, convention: str, errors: bool, as_json: bool) -> None:
    """Score entities against GOLD: a Wojood-style CoNLL file, a *.gold.json file (with its
    .txt beside it), a folder of *.gold.json files, or a folder of real-news stand-off gold
    (``eval/ner/real/dev``: articles read from ../shared/data/saudinewsnet).  Types are scored
    as PER, ORG, NORP and LOC (= GPE + LOC + FAC); JSON gold spans flagged boilerplate are
    ignored."""
    from rasd.eval.ner_real import evaluate_real, is_real_gold
    from rasd.eval.realgold import corpus_dir
    from rasd.ner.evaluate import default_predictor, evaluate

    is_json = gold.is_dir() or gold.name.endswith(".json")
    if convention == "auto":
        convention = "analysis" if is_json else "wojood"
    predictor = default_predictor("" if convention == "analysis" else convention)
    if is_real_gold(gold):
        corpus = corpus_dir()
        if corpus is None:
            raise click.ClickException("real-news gold needs ../shared/data/saudinewsnet "
                                       "(or $RASD_SAUDINEWSNET)")
        score = evaluate_real(gold, predictor, corpus)
    else:
        score = evaluate(gold, predictor, layer)
    report = score.report()
    if as_json:
        out: dict[str, Any] = {"gold": str(gold), "convention": convention, "scores": report}
        if errors:
            out["errors"] = score.errors
        click.echo(json.dumps(out, ensure_ascii=False, indent=2, default=list))
        return
    click.echo(f"gold: {gold}  (convention: {convention})")
    click.echo(f"{'type':<8}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}")
    for typ, r in report.items():
        click.echo(
            f"{typ:<8}{r['precision']:>8.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}"
            f"{r['tp']:>6}{r['fp']:>6}{r['fn']:>6}"
        )
    if errors:
        for e in score.errors:
            click.echo(f"  {e['kind']} {e['span'][2]:<5} {e['text']}")

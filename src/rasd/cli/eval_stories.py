"""``rasd eval stories`` / ``rasd eval entities-xdoc``: cross-document scores on the samples."""

from __future__ import annotations

import json
from pathlib import Path

import click

from rasd.cli.output import TEXT_JSON, format_options

DEFAULT_SAMPLES = "samples"
DEFAULT_ENTITIES = "eval/stories/entities.json"


@click.command("stories")
@click.option("--samples", default=DEFAULT_SAMPLES, show_default=True,
              type=click.Path(exists=True, file_okay=False),
              help="Folder with articles and a manifest.jsonl carrying gold 'story' ids.")
@click.option("--threshold", type=float, default=None, help="Override the join threshold.")
@click.option("--full", is_flag=True,
              help="Analyse with the default pipeline first (adds entity names as features).")
@click.option("--ignore-dates", is_flag=True, help="Ablation: cluster without publication dates.")
@click.option("--gold", type=click.Path(exists=True, dir_okay=False), default=None,
              help="A real stand-off gold table (eval/stories/real/*.tsv) over the shared "
              "SaudiNewsNet corpus, instead of --samples; prints rasd and the TF-IDF baseline.")
@format_options(TEXT_JSON, as_json=True, help="text, or json: the scores as JSON")
def eval_stories(samples: str, threshold: float | None, full: bool, ignore_dates: bool,
                 gold: str | None, as_json: bool) -> None:
    """Pairwise and B-cubed precision/recall/F1 of story clustering against gold story ids
    (the samples' manifest, or a real gold table with --gold)."""
    from rasd.eval.stories import story_scores

    params = {"threshold": threshold} if threshold is not None else {}
    if gold is not None:
        _eval_real(Path(gold), params, as_json)
        return
    s = story_scores(samples, full=full, ignore_dates=ignore_dates, **params)
    if as_json:
        click.echo(json.dumps(s))
        return
    click.echo(f"{s['documents']} documents, {s['stories']} stories "
               f"(gold {s['gold_stories']}, singles included)")
    click.echo(f"pairwise P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
               f"(tp={s['tp']} fp={s['fp']} fn={s['fn']})")
    b = s["bcubed"]
    click.echo(f"B-cubed  P={b['precision']:.3f} R={b['recall']:.3f} F1={b['f1']:.3f}")


def _eval_real(gold: Path, params: dict[str, float], as_json: bool) -> None:
    from rasd.eval.realgold import corpus_dir
    from rasd.eval.stories import real_story_scores

    corpus = corpus_dir()
    if corpus is None:
        click.echo("skipped: the shared SaudiNewsNet corpus (../shared/data/saudinewsnet) "
                   "is not present")
        return
    s = real_story_scores(gold, corpus, **params)
    if as_json:
        click.echo(json.dumps(s))
        return
    click.echo(f"{s['documents']} real articles, gold {s['gold_stories']} stories ({gold})")
    for name in ("rasd", "baseline"):
        r = s[name]
        b = r["bcubed"]
        label = name if name == "rasd" else f"TF-IDF single link @{s['baseline_threshold']}"
        click.echo(f"{label}: {r['stories']} stories")
        click.echo(f"  pairwise P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
                   f"(tp={r['tp']} fp={r['fp']} fn={r['fn']})")
        click.echo(f"  B-cubed  P={b['precision']:.3f} R={b['recall']:.3f} F1={b['f1']:.3f}")


@click.command("entities-xdoc")
@click.option("--gold", default=DEFAULT_ENTITIES, show_default=True,
              type=click.Path(exists=True, dir_okay=False), help="entities.json gold file.")
@click.option("--no-aliases", is_flag=True,
              help="Resolve without the curated alias file (names/transliteration only).")
@click.option("--errors", is_flag=True, help="List wrongly merged and wrongly split pairs.")
@format_options(TEXT_JSON, as_json=True, help="text, or json: the scores as JSON")
def eval_entities_xdoc(gold: str, no_aliases: bool, errors: bool, as_json: bool) -> None:
    """Pairwise P/R/F1 of cross-document entity resolution on the names listed in GOLD
    ('same' groups must share one identity; 'apart' pairs must not)."""
    from rasd.eval.entities import evaluate_gold

    s = evaluate_gold(gold, use_aliases=not no_aliases)
    if as_json:
        click.echo(json.dumps(s, ensure_ascii=False))
        return
    click.echo(f"{s['names']} names in {s['groups']} identities, {s['apart']} apart pairs"
               f"{' (no alias file)' if no_aliases else ''}")
    click.echo(f"pairwise P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
               f"(tp={s['tp']} fp={s['fp']} fn={s['fn']})")
    if errors:
        for a, b in s["false_merges"]:
            click.echo(f"  merged but distinct: {a} | {b}")
        for a, b in s["false_splits"]:
            click.echo(f"  split but same:      {a} | {b}")

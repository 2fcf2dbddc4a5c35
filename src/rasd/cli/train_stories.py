"""``rasd train stories``: fit the story model on the real development gold."""

from __future__ import annotations

import json
from pathlib import Path

import click

DEFAULT_GOLD = "eval/stories/real/dev.tsv"


@click.command("stories")
@click.option("--gold", default=DEFAULT_GOLD, show_default=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Stand-off story gold (day, index → story) over the shared corpus.")
@click.option("--corpus", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="SaudiNewsNet folder (default: ../shared/data/saudinewsnet).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Output file (default: the packaged link/data/story-model.json).")
def train_stories(gold: Path, corpus: Path | None, out: Path | None) -> None:
    """Fit the same-event model (weights + joining threshold) on real annotated stories.

    Deterministic: the same gold and corpus give the same file byte for byte.
    """
    from importlib import resources

    from rasd.eval.realgold import corpus_dir
    from rasd.eval.storytrain import train_story_model
    from rasd.link.storymodel import MODEL_FILE

    corpus = corpus or corpus_dir()
    if corpus is None:
        raise click.ClickException("[E_CORPUS] the shared SaudiNewsNet corpus is not present")
    model, report = train_story_model(gold, corpus)
    target = out or Path(str(resources.files("rasd.link") / "data" / MODEL_FILE))
    model.save(target)
    click.echo(json.dumps(report, indent=1))
    click.echo(f"wrote {target}")

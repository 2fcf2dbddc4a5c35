"""``rasd train …``: rebuild a shipped model or data file reproducibly from data in the repo."""

from __future__ import annotations

from pathlib import Path

import click

from rasd.cli import LazyGroup

#: model name -> "module:attribute"
TRAINERS: dict[str, str] = {
    "gazetteer": "rasd.cli.train_gazetteer:train_gazetteer",
    "ner": "rasd.cli.train_ner:train_ner",
    "stories": "rasd.cli.train_stories:train_stories",
}


@click.group("train", cls=LazyGroup, lazy=TRAINERS)
def train_group() -> None:
    """Train or rebuild models from the corpora bundled under data/."""


#: ``--data``: shared by every trainer that reads the bundled corpora.
data_dir_option = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default="data",
    show_default=True,
    help="Folder holding newsfane-gold/ and wojood-sample/.",
)


@train_group.command("lexicon")
@data_dir_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Output file (default: the packaged lexicon).",
)
def train_lexicon(data_dir: Path, out: Path | None) -> None:
    """Rebuild the word-frequency lexicon used for clitic segmentation."""
    from rasd.lang.ar import lexicon

    lex = lexicon.build(data_dir)
    out = out or Path(lexicon.__file__).parent / "data" / lexicon.LEXICON_FILE
    lex.save(out)
    click.echo(f"lexicon: {len(lex.counts)} forms, {len(lex.protected)} protected -> {out}")

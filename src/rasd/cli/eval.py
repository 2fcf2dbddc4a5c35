"""``rasd eval …``: score an extractor against gold data (precision/recall/F1 per type)."""

from __future__ import annotations

import click

from rasd.cli import LazyGroup

#: evaluation name -> "module:attribute"
EVALS: dict[str, str] = {
    "time": "rasd.cli.eval_time:eval_time",
    "geo": "rasd.cli.eval_geo:eval_geo",
    "ner": "rasd.cli.eval_ner:eval_ner",
    "quotes": "rasd.cli.eval_quotes:eval_quotes",
    "events": "rasd.cli.eval_events:eval_events",
    "stories": "rasd.cli.eval_stories:eval_stories",
    "entities-xdoc": "rasd.cli.eval_stories:eval_entities_xdoc",
}


@click.group("eval", cls=LazyGroup, lazy=EVALS)
def eval_group() -> None:
    """Score an extractor against gold annotations and print P/R/F1 per type."""

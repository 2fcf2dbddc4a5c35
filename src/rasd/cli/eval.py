"""``rasd eval …``: score an extractor against gold data (precision/recall/F1 per type)."""

from __future__ import annotations

import click

from rasd.cli import LazyGroup

#: evaluation name -> "module:attribute"
EVALS: dict[str, str] = {
    "quotes": "rasd.cli.eval_quotes:eval_quotes",
}


@click.group("eval", cls=LazyGroup, lazy=EVALS)
def eval_group() -> None:
    """Score an extractor against gold annotations and print P/R/F1 per type."""

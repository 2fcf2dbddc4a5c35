"""The ``rasd`` command line.  Each sub-command lives in its own module and is a thin wrapper
over one library function (sqlite-utils style); modules load lazily so ``rasd --help`` is fast
and never imports Dask or FastAPI.
"""

from __future__ import annotations

import importlib
import sys

import click

from rasd.errors import RasdError, missing_extra


class LazyGroup(click.Group):
    """A click group whose sub-commands are imported only when used (click docs pattern)."""

    def __init__(self, *args: object, lazy: dict[str, str] | None = None, **kw: object) -> None:
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        self.lazy = lazy or {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy:
            module, attr = self.lazy[name].split(":")
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, name)


#: sub-command -> "module:attribute"
COMMANDS = {
    "analyze": "rasd.cli.analyze:analyze",
    "eval": "rasd.cli.eval:eval_group",
    "train": "rasd.cli.train:train_group",
    "export": "rasd.cli.export:export_group",
    "ingest": "rasd.cli.ingest:ingest",
    "search": "rasd.cli.search:search",
    "reanalyze": "rasd.cli.reanalyze:reanalyze",
    "serve": "rasd.cli.serve:serve",
    "stories": "rasd.cli.stories:stories",
    "batch": "rasd.cli.batch:batch",
    "correct": "rasd.cli.correct:correct_group",
    "entity": "rasd.cli.entity:entity",
    "watch": "rasd.cli.watch:watch",
}


def _print_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """``--version``: the package version and which build of the extractors runs (compiled
    or pure Python, :mod:`rasd.native`), as speed figures depend on it."""
    if not value or ctx.resilient_parsing:
        return
    from importlib.metadata import version

    from rasd.native import describe

    click.echo(f"rasd, version {version('rasd')} ({describe()})")
    ctx.exit()


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=_print_version,
              help="Show the version and whether the extractors run compiled, then exit.")
@click.option("-q", "--quiet", is_flag=True,
              help="No progress bars and no warnings on stderr (errors and output stay).")
def cli(quiet: bool) -> None:
    """rasd (رصد) — Arabic news intelligence.

    Turns Arabic news articles into a sourced, searchable record: named entities, places with
    coordinates, normalized dates, who said what, and who did what to whom — every fact with
    the exact character span of the original text it came from.
    """
    from rasd.cli.progress import set_quiet

    set_quiet(quiet)


def main() -> None:
    """Console entry point: one-line errors, never a traceback, for user-facing problems."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except RasdError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(2)
    except ImportError as e:
        err = missing_extra(e, f"'rasd {' '.join(sys.argv[1:2])}'")
        if err is None:
            raise
        click.echo(f"error: {err}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(0)

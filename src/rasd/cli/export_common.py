"""Shared plumbing of the archive exports: filters, output file, document stream, and the
command built from a registry entry (:mod:`rasd.export.registry`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from rasd.cli.output import deprecated
from rasd.cli.search import filter_options
from rasd.export.registry import Exporter, Option

F = Callable[..., Any]


def archive_export(func: F) -> F:
    """Add QUERY filters and -o/--output to an export command."""
    func = click.option("-o", "--output", type=click.File("w", encoding="utf-8", lazy=True),
                        default="-", show_default=True, help="Output file (- for stdout).")(func)
    func = click.option("--query", "-q", default="",
                        help="Full-text query, as in rasd search.")(func)
    return filter_options(func)


def documents(kw: dict[str, Any]) -> tuple[Any, Any]:
    """(open store, document iterator) from the command's options (pops them from kw)."""
    from rasd.cli.search import filters_from
    from rasd.store import open_store
    from rasd.store.select import iter_selected

    db = kw.pop("db")
    query = kw.pop("query", "")
    filters = filters_from(kw)
    store = open_store(db, create=False)
    return store, iter_selected(store, query, filters)


def report(n: int, what: str) -> None:
    click.echo(f"{n} {what} exported", err=True)


def _note_alias(o: Option) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """A callback printing the deprecation note when an old flag (``o.alias_of``) is used."""

    def note(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        if value and o.alias_of is not None:
            deprecated(f"--{o.name}", f"--{o.alias_of[0]} {o.alias_of[1]}")
        return value

    return note


def archive_command(e: Exporter) -> click.Command:
    """``rasd export <e.name>``: the search filters, -q, -o and the format's own options;
    streams the selected documents through the format's writer."""

    def run(output: Any, **kw: Any) -> None:
        options = {o.name: kw.pop(o.name) for o in e.options}
        store, docs = documents(kw)
        with store:
            report(e.write(docs, output, **options), e.counts.format(**options))

    func: F = archive_export(run)
    for o in reversed(e.options):
        if o.choices:
            func = click.option(f"--{o.name}", type=click.Choice(o.choices), default=o.default,
                                show_default=True, help=o.help)(func)
        else:
            func = click.option(f"--{o.name}", is_flag=True, help=o.help, hidden=bool(o.alias_of),
                                callback=_note_alias(o))(func)
    return click.command(e.name, help=e.help)(func)

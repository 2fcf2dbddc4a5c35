"""``rasd search``: ranked full-text search over the archive, with facets.

Also home of the filter options shared by ``rasd search`` and the ``rasd export`` formats
that read the archive, so every command filters the same way.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import click

from rasd.cli.ingest import DB_HELP
from rasd.cli.output import emit, format_options

F = Callable[..., Any]


def filter_options(func: F) -> F:
    """Add --entity --place --from --to --source --kind (and --db) to a command."""
    opts = [
        click.option("--db", default=None, metavar="PATH|URL", help=DB_HELP),
        click.option("--entity", default=None, help="Entity id or name (spelling-folded)."),
        click.option("--place", default=None,
                     help="Place id (geo_gn:…, or the gazetteer's gn:…) or name (spelling-folded)."),
        click.option("--from", "date_from", default=None, metavar="YYYY-MM-DD",
                     help="Published on or after this day."),
        click.option("--to", "date_to", default=None, metavar="YYYY-MM-DD",
                     help="Published on or before this day (a month or year prefix works)."),
        click.option("--source", default=None, help="Outlet name or part of the source/URL."),
        click.option("--kind", type=click.Choice(["quote", "event"]), default=None,
                     help="Only documents with at least one quote/event."),
    ]
    for opt in reversed(opts):
        func = opt(func)
    return func


def filters_from(kw: dict[str, Any]) -> Any:
    """Pop the filter options from a command's kwargs into a :class:`Filters`."""
    from rasd.store import Filters

    return Filters(
        entity=kw.pop("entity", None), place=_place(kw.pop("place", None)),
        date_from=kw.pop("date_from", None), date_to=kw.pop("date_to", None),
        source=kw.pop("source", None), kind=kw.pop("kind", None),
    )


def _place(value: str | None) -> str | None:
    """A --place value: the gazetteer's id (``gn:…``, as GeoJSON's ``gazetteer_id``) is
    accepted for the archive's (``geo_gn:…``)."""
    from rasd.export.ids import place_id_of

    return None if value is None else place_id_of(value)


@click.command()
@click.argument("query", default="")
@filter_options
@click.option("--limit", default=10, show_default=True, help="Results per page (max 1000).")
@click.option("--page", default=1, show_default=True, help="Page number (1-based).")
@click.option("--facets/--no-facets", default=True, help="Show top entities/places/outlets/dates.")
@format_options(help="text; json = the result page (hits, total, facets) as one value; "
                     "jsonl = one hit per line.")
def search(query: str, limit: int, page: int, facets: bool, fmt: str, **kw: Any) -> None:
    """Search the archive for QUERY (Arabic spelling, diacritics and clitics folded).

    Every word must match ("وإدلب" finds "إدلب"); nothing in QUERY is search syntax.  An
    empty QUERY lists documents newest first.  Results are ranked by BM25 and show a snippet
    with the matches marked.
    """
    from rasd.store import open_store

    db = kw.pop("db")
    filters = filters_from(kw)
    with open_store(db, create=False) as store:
        res = store.search(query, filters, limit=limit, offset=(max(page, 1) - 1) * limit,
                           facets=facets)
    if fmt != "text":
        data = asdict(res)
        for hit, raw in zip(data["hits"], res.hits, strict=True):
            hit["snippet"]["html"] = raw.snippet.html()
        emit(fmt, data, data["hits"])
        return
    from rasd.render.records import search_lines

    color = sys.stdout.isatty()  # highlight matches in colour on a terminal only

    def mark(hit: str) -> str:
        return click.style(hit, bold=True, fg="yellow") if color else f"[{hit}]"

    for line in search_lines(res, mark):
        click.echo(line)

"""``rasd entity``: one entity across the archive — its timeline, the articles that name it,
what it said, the events it takes part in and who it appears with.

The web UI's entity page shows the same record; this is the scriptable form (``--json``).
Every item carries its document id and character offsets, so a claim can be checked against
the original text (``rasd search``, ``/doc/<id>`` in the UI).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import click

from rasd.cli.ingest import DB_HELP
from rasd.cli.output import emit, format_options

LABELS = ["PER", "ORG", "GPE", "LOC", "FAC", "NORP", "OCC", "EVENT"]


@click.command()
@click.argument("name")
@click.option("--db", default=None, metavar="PATH|URL", help=DB_HELP)
@click.option("--label", type=click.Choice(LABELS), default=None,
              help="Only entities of this type (when a name is shared).")
@click.option("--limit", default=10, show_default=True,
              help="Items listed per section (mentions, statements, events).")
@format_options(help="text; json = the record as one value; jsonl = the record on one line.")
def entity(name: str, db: str | None, label: str | None, limit: int, fmt: str) -> None:
    """Show the entity NAME (an id, or a name: spelling and clitics folded) across the archive.

    When several entities match, the one named in most articles is shown and the others are
    listed.  Sections: timeline (articles per day), statements made by the entity (quotes
    whose speaker is this entity), events naming it (as actor or target), co-mentioned entities, and
    the latest mentions with their context.
    """
    from rasd.store import Filters, NotFound, open_store

    limit = max(1, min(limit, 1000))
    store = open_store(db)
    try:
        try:
            chosen = [store.entity(name, limit=1).entity]  # an exact id
        except NotFound:
            chosen = (_by_identity(store, name) if name.startswith("ent-") else
                      store.entities(name=name, label=label, limit=10).items)
        if label:
            chosen = [e for e in chosen if e.label == label]
        if not chosen:
            raise click.ClickException(f"no entity matches {name!r} (try `rasd search {name}`)")
        info, others = chosen[0], chosen[1:]
        detail = store.entity(info.id, limit=limit)
        said = store.quotes_by(info.id, limit=limit)
        acts = [e for e in store.iter_events(Filters(entity=info.id))
                if _names(info.name, e.actors)]
    finally:
        store.close()
    record = {
        "entity": asdict(detail.entity),
        "also_matching": [asdict(e) for e in others],
        "timeline": [{"day": d, "documents": n} for d, n in detail.timeline],
        "statements": [asdict(q) for q in said.items],
        "statements_total": said.total,
        "events": [asdict(e) for e in acts[:limit]],
        "events_total": len(acts),
        "aliases": [{"name": a, "mentions": n} for a, n in detail.aliases],
        "co_mentions": [{**asdict(e), "documents": n} for e, n in detail.co_mentions],
        "mentions": [asdict(m) for m in detail.mentions],
        "mentions_total": detail.mentions_total,
    }
    if emit(fmt, record):
        return
    from rasd.render.records import entity_record_text

    click.echo(entity_record_text(record))


def _by_identity(store: Any, identity: str) -> list[Any]:
    """The archive entities of a cross-document identity id (``ent-…``, the ``identity``
    attribute of network nodes and of linked spans): those whose name's identity key gives
    that id.  Walks the entity list once (a command-line lookup, not a hot path)."""
    from rasd.link.resolve import identity_id

    found, offset = [], 0
    while True:
        page = store.entities(limit=1000, offset=offset).items
        found += [e for e in page if identity_id(e.name) == identity]
        if len(page) < 1000:
            return found
        offset += 1000


def _names(name: str, actors: list[str]) -> bool:
    """Is the entity among an event's actors (folded names, one containing the other)?"""
    from rasd.lang.ar.normalize import fold_key

    k = fold_key(name)
    return any(k in fold_key(a) or fold_key(a) in k for a in actors if a)

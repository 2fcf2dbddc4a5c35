"""``rasd stories``: articles about the same event across outlets and days, grouped.

Over an archive (``--db``) the stories are computed from the stored documents, streamed, and
saved in the archive (``stories`` / ``story_members``), where the web UI (``/stories``) and
the API (``/api/stories``) read them; ``--saved`` lists what was saved without recomputing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import click

from rasd.cli.ingest import DB_HELP
from rasd.cli.output import emit, format_options
from rasd.doc import Document


def load_docs(sources: tuple[str, ...]) -> list[Document]:
    """Documents from files/folders, analysed with the default pipeline: what tells one
    event from another (the day the text cites, actors, places, event types) comes from the
    analysed layers (an archive's documents already have them)."""
    from rasd.link.corpus import iter_corpus
    from rasd.pipeline import Pipeline

    pipe = Pipeline()
    return [pipe(d) for d in iter_corpus(sources)]


def as_saved(story: Any) -> tuple[Any, list[str]]:
    """A :class:`rasd.link.stories.Story` as the store keeps it: summary and member ids."""
    from rasd.store import StorySummary

    summary = StorySummary(story.id, story.title, story.first_seen, story.last_seen,
                           len(story.articles), list(story.outlets))
    return summary, [a.doc_id for a in story.articles]


def _echo(s: Any, found: list[dict[str, Any]], with_found: bool) -> None:
    from rasd.render.records import story_lines

    for line in story_lines(s, found):
        click.echo(line)


def _saved_stories(store: Any, min_size: int) -> Iterator[Any]:
    """The stories saved in the archive, as :class:`rasd.link.stories.Story` objects (the
    same listing whether computed now or earlier)."""
    from rasd.link.stories import Article, Story

    offset = 0
    while True:
        page = store.stories(min_size=min_size, limit=500, offset=offset)
        for s in page.items:
            arts = [Article(a.id, a.title, a.outlet, a.published, a.url or a.source)
                    for a in store.story(s.id).articles]
            yield Story(s.id, s.title, s.first_seen, s.last_seen, s.outlets, arts)
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return


@click.command("stories")
@click.argument("sources", nargs=-1)
@click.option("--db", default=None, metavar="PATH|URL", help=DB_HELP)
@click.option("--threshold", type=float, default=None,
              help="Similarity needed to join a story (default: the evaluated value).")
@click.option("--window", "window_days", type=int, default=None,
              help="Days an article may lie after a story's last article.")
@click.option("--min-size", type=int, default=1, show_default=True,
              help="Only list stories with at least this many articles.")
@click.option("--contradictions", is_flag=True,
              help="Also list statements that contradict each other across the story's "
              "sources (asserted vs denied, different numbers for the same count).")
@click.option("--save/--no-save", default=True, show_default=True,
              help="Keep the stories computed over the archive in it (for the web UI/API).")
@click.option("--saved", is_flag=True,
              help="List the stories saved in the archive instead of computing them.")
@format_options(help="text; json = one array of stories; jsonl = one story per line.")
def stories(sources: tuple[str, ...], db: str | None, threshold: float | None,
            window_days: int | None, min_size: int, contradictions: bool, save: bool,
            saved: bool, fmt: str) -> None:
    """Group articles about the same event into stories and list them, each with its
    articles' URLs or source paths.

    SOURCES are files/folders (a folder's manifest.jsonl supplies outlet, URL and date);
    without SOURCES the archive (--db) is read, one document at a time, and the stories are
    saved in it (replacing the previous computation) for `rasd serve`'s /stories pages.
    Articles join a story when they report the same event (see rasd.link.stories); the
    result does not depend on the order articles were given in.
    """
    from rasd.link.stories import cluster_documents

    params: dict[str, Any] = {}
    if threshold is not None:
        params["threshold"] = threshold
    if window_days is not None:
        params["window_days"] = window_days
    if sources:
        docs = {d.id: d for d in load_docs(sources)}
        result = cluster_documents(docs.values(), **params)
        _list(result, docs.__getitem__, min_size, contradictions, fmt)
        return
    from rasd.store import open_store

    with open_store(db, create=False) as store:
        if saved:
            result = list(_saved_stories(store, min_size))
        else:
            result = cluster_documents(store.iter_documents(), **params)
            if save:
                n = store.save_stories(as_saved(s) for s in result)
                click.echo(f"saved {n} stories in the archive", err=True)
        _list(result, store.get, min_size, contradictions, fmt)


def _list(result: list[Any], get: Any, min_size: int, contradictions: bool,
          fmt: str) -> None:
    """Print the stories with at least ``min_size`` articles; contradictions are looked for
    one story at a time (its documents fetched with ``get``), never the whole archive."""
    from rasd.link.contradictions import story_contradictions

    shown = [s for s in result if len(s.articles) >= min_size]
    rows = []
    for s in shown:
        found: list[dict[str, Any]] = []
        if contradictions and len(s.articles) >= 2:
            found = story_contradictions(get(a.doc_id) for a in s.articles)
        if fmt == "text":
            _echo(s, found, contradictions)
            continue
        row = s.to_dict()
        if contradictions:
            row["contradictions"] = found
        if fmt == "jsonl":  # streamed: a story is printed as soon as it is ready
            emit(fmt, row)
        else:
            rows.append(row)
    if fmt == "json":
        emit(fmt, rows, indent=None)
    elif fmt == "text":
        click.echo(f"{len(shown)} stories", err=True)

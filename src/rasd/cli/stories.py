"""``rasd stories``: articles about the same event across outlets and days, grouped."""

from __future__ import annotations

import json

import click

from rasd.cli.ingest import DB_HELP


def load_docs(sources: tuple[str, ...], db: str | None) -> list:
    """Documents from files/folders (boilerplate marked) or, without sources, the archive."""
    if sources:
        from rasd.config import Config
        from rasd.link.corpus import iter_corpus
        from rasd.pipeline import Pipeline

        pipe = Pipeline(Config(components=("boilerplate",)))
        return [pipe(d) for d in iter_corpus(sources)]
    from rasd.store import open_store

    with open_store(db, create=False) as store:
        return list(store.iter_documents())


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
@click.option("--json", "as_json", is_flag=True, help="One JSON object per story.")
def stories(sources: tuple[str, ...], db: str | None, threshold: float | None,
            window_days: int | None, min_size: int, contradictions: bool,
            as_json: bool) -> None:
    """Group articles about the same event into stories and list them, each with its
    articles' URLs or source paths.

    SOURCES are files/folders (a folder's manifest.jsonl supplies outlet, URL and date);
    without SOURCES the archive (--db) is read.  Articles join a story when their text is a
    near copy of one of its articles (MinHash) or close enough in content (TF-IDF cosine of
    folded words, names and places) within a time window; the result does not depend on the
    order articles were given in.
    """
    from rasd.link.stories import cluster_documents
    from rasd.render.records import story_lines

    params = {}
    if threshold is not None:
        params["threshold"] = threshold
    if window_days is not None:
        params["window_days"] = window_days
    docs = load_docs(sources, db)
    result = [s for s in cluster_documents(docs, **params) if len(s.articles) >= min_size]
    found: dict[str, list] = {}
    if contradictions:
        from rasd.link.contradictions import contradictions_by_story

        found = {c["story"]: c["contradictions"] for c in contradictions_by_story(docs, result)}
    for s in result:
        if as_json:
            row = s.to_dict()
            if contradictions:
                row["contradictions"] = found.get(s.id, [])
            click.echo(json.dumps(row, ensure_ascii=False))
            continue
        for line in story_lines(s, found.get(s.id, [])):
            click.echo(line)
    if not as_json:
        click.echo(f"{len(result)} stories", err=True)

"""Contradictions across sources, listed per story.

Within one story (one event, see :mod:`rasd.link.stories`) two outlets' attributed statements
contradict when one source asserts what another denies, or when they give incompatible
numbers for the same count (killed, injured, displaced …).  The comparison of two statements is
:func:`rasd.extract.claims.contradicts` — the same rule the per-document claims component uses —
applied here to statement pairs from *different documents* of a story (``same_event=True``:
being in one story already says they are about one event).

Death tolls rise while a story unfolds, so a number contradiction between articles published
on different days is flagged ``update_likely``: the reader sees both figures with their
sources and dates and judges whether the later one is a correction or a revision.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from rasd.doc import Document


def ensure_quotes(doc: Document) -> Document:
    """Quotes are needed to know who claims what; analyse a copy when they are missing."""
    if "quotes" in doc.layers:
        return doc
    from rasd.config import Config
    from rasd.pipeline import Pipeline

    copy = Document(doc.text, doc.meta)
    return Pipeline(Config(components=("text", "boilerplate", "quotes")))(copy)


def claim_side(doc: Document, claim: Any) -> dict[str, Any]:
    """One side of a cross-document comparison: the claim's evidence span (offsets into
    ``doc``'s text), its speaker and stance, and where and when it was published."""
    a, b = claim.content
    return {
        "doc_id": doc.id, "quote": claim.id, "outlet": doc.meta.outlet,
        "published": doc.meta.published, "source": doc.meta.url or doc.meta.source,
        "speaker": claim.speaker or None, "stance": claim.stance,
        "start": a, "end": b, "text": doc.text[a:b],
        "counts": [asdict(c) for c in claim.counts],  # compiled classes have no __dict__
    }  # fmt: skip


def story_contradictions(docs: Iterable[Document]) -> list[dict[str, Any]]:
    """Contradicting statement pairs between different documents of one story."""
    from rasd.extract.claims import claims_of, contradicts

    docs = sorted((ensure_quotes(d) for d in docs), key=lambda d: (d.meta.published or "", d.id))
    claims = [(d, claims_of(d)) for d in docs]
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()
    for i, (da, ca) in enumerate(claims):
        for db, cb in claims[i + 1 :]:
            if da.content_hash == db.content_hash:
                continue  # the same text republished is not a second source
            for a in ca:
                for b in cb:
                    why = contradicts(a, b, same_event=True)
                    if not why or (da.id, db.id, why) in seen:
                        continue
                    seen.add((da.id, db.id, why))
                    kind = why.split(":", 1)[0]
                    day_a, day_b = (da.meta.published or "")[:10], (db.meta.published or "")[:10]
                    out.append({
                        "kind": kind, "reason": why, "a": claim_side(da, a), "b": claim_side(db, b),
                        "update_likely": kind == "numbers" and bool(day_a and day_b)
                        and day_a != day_b,
                    })  # fmt: skip
    return out


def contradictions_by_story(
    docs: Iterable[Document], stories: Iterable[Any] | None = None, min_articles: int = 2
) -> list[dict[str, Any]]:
    """``[{story, title, contradictions}]`` for every story with at least one contradiction.

    ``stories`` are :class:`rasd.link.stories.Story` objects; clustered here when omitted.
    """
    docs = list(docs)
    if stories is None:
        from rasd.link.stories import cluster_documents

        stories = cluster_documents(docs)
    by_id = {d.id: d for d in docs}
    out = []
    for s in stories:
        if len(s.articles) < min_articles:
            continue
        found = story_contradictions(by_id[a.doc_id] for a in s.articles if a.doc_id in by_id)
        if found:
            out.append({"story": s.id, "title": s.title, "contradictions": found})
    return out

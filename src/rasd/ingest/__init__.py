"""Ingest: turn any source into un-analysed :class:`~rasd.doc.Document` objects.

:func:`iter_documents` is the one entry point.  It never raises for a bad item: each yielded
:class:`Item` carries either a document or a one-line error, so a folder or a feed with one
broken entry still yields all the others (and the caller counts the failures).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rasd.doc import Document
from rasd.errors import RasdError


@dataclass
class Item:
    source: str
    document: Document | None = None
    error: str | None = None


def iter_documents(source: str, fetch: bool = False) -> Iterator[Item]:
    """Yield one :class:`Item` per document found in ``source`` (path, folder, URL or ``-``)."""
    from rasd.ingest.dispatch import dispatch

    try:
        yield from dispatch(source, fetch=fetch)
    except RasdError as e:
        yield Item(source, error=str(e))

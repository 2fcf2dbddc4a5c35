"""Ingest: turn any source into un-analysed :class:`~rasd.doc.Document` objects.

:func:`iter_documents` is the one entry point.  It never raises for a bad item: each yielded
:class:`Item` carries either a document or a one-line error, so a folder or a feed with one
broken entry still yields all the others (and the caller counts the failures).
"""

from __future__ import annotations

from collections.abc import Iterator

from rasd.config import MAX_DOCUMENT_BYTES
from rasd.errors import RasdError
from rasd.ingest.item import Item

__all__ = ["Item", "iter_documents"]


def iter_documents(
    source: str, fetch: bool = False, max_bytes: int = MAX_DOCUMENT_BYTES
) -> Iterator[Item]:
    """Yield one :class:`Item` per document found in ``source`` (path, folder, URL or ``-``).

    ``fetch=True`` lets a feed's entries be replaced by their linked pages; no other link is
    ever followed.  ``max_bytes`` caps each document (files are checked before reading).
    """
    from rasd.ingest.dispatch import dispatch

    try:
        yield from dispatch(source, fetch=fetch, max_bytes=max_bytes)
    except RasdError as e:
        yield Item(source, error=str(e))
    except Exception as e:  # noqa: BLE001 - users get one coded line, never a traceback
        from rasd.ingest.dispatch import unexpected

        yield Item(source, error=str(unexpected(e, source)))

"""The unit every ingest reader yields: a document, or the one-line error explaining why not.

Why a module of its own: the readers (dispatch, feed, JSONL, WARC) yield it and the package's
:func:`rasd.ingest.iter_documents` re-exports it; defined in ``rasd/ingest/__init__.py`` the
readers had to import their own package back, a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.doc import Document

__all__ = ["Item"]


@dataclass
class Item:
    """One ingested thing: a document, or the one-line coded error explaining why not."""

    source: str
    document: Document | None = None
    error: str | None = None

"""Route a source to the right reader.  (Only plain text so far.)"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from rasd.config import MAX_DOCUMENT_BYTES
from rasd.doc import Document, Meta
from rasd.errors import InputError, TooLarge
from rasd.ingest import Item
from rasd.ingest.text import decode


def dispatch(source: str, fetch: bool = False) -> Iterator[Item]:
    if source == "-":
        data = sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
        yield _text_item(data, "-")
        return
    path = Path(source)
    if not path.exists():
        raise InputError("no such file or folder", source=source)
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise TooLarge(
            f"{size / 1e6:.0f} MB is over the {MAX_DOCUMENT_BYTES / 1e6:.0f} MB limit",
            source=source,
        )
    yield _text_item(path.read_bytes(), source)


def _text_item(data: bytes, source: str) -> Item:
    if len(data) > MAX_DOCUMENT_BYTES:
        return Item(source, error=str(TooLarge("input over the size limit", source=source)))
    try:
        text, enc = decode(data, source)
    except InputError as e:
        return Item(source, error=str(e))
    meta = Meta(source=source, extraction={"method": "text", "encoding": enc})
    return Item(source, Document(text, meta))

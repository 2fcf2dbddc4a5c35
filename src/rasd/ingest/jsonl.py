"""JSON Lines (one article per line) and rasd's own document JSON.

A line is either rasd's document JSON (it has ``schema_version`` and ``text``; read with
:meth:`Document.from_dict`, layers included) or a plain record with at least ``text`` and
optionally ``url``, ``title``, ``published``/``date``, ``outlet``/``source_name``, ``author``,
``language``; any other fields go to ``meta.extra``.  Lines are streamed; a bad line is one
failed item ("line 7: …") and the rest are still read.  A ``.json`` file may hold one such
object or a list of them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from rasd.doc import Document, Meta
from rasd.errors import EmptyInput, MalformedInput, RasdError, TooLarge
from rasd.ingest.item import Item
from rasd.ingest.meta import finish, outlet_from_url, parse_published

_ALIASES = {
    "url": ("url", "link", "canonical_url"),
    "title": ("title", "headline"),
    "published": ("published", "date", "datePublished", "published_at", "pubdate"),
    "outlet": ("outlet", "source_name", "site_name", "sitename", "publisher"),
    "author": ("author", "byline"),
    "language": ("language", "lang"),
}
_USED = {k for names in _ALIASES.values() for k in names} | {"text", "body", "content"}


def record_document(obj: Any, where: str) -> Document:
    """One JSON object → :class:`Document` (see the module docstring for accepted fields)."""
    if not isinstance(obj, Mapping):
        raise MalformedInput("expected a JSON object", source=where)
    if "schema_version" in obj and "text" in obj:
        try:
            return Document.from_dict(obj)
        except (KeyError, TypeError, ValueError) as e:
            raise MalformedInput(f"bad rasd document ({e})", source=where) from e
    text = next((obj[k] for k in ("text", "body", "content") if obj.get(k)), None)
    if text is None:
        raise EmptyInput("record has no 'text'", source=where)
    if not isinstance(text, str):
        raise MalformedInput("'text' must be a string", source=where)
    if not text.strip():
        raise EmptyInput("record has empty 'text'", source=where)

    def pick(field: str) -> Any:
        return next((obj[k] for k in _ALIASES[field] if obj.get(k)), None)

    meta = Meta(source=where)
    meta.url = pick("url")
    meta.title = pick("title")
    outlet = pick("outlet")
    meta.outlet = (outlet.get("name") if isinstance(outlet, Mapping) else outlet) or (
        outlet_from_url(meta.url)
    )
    meta.author = pick("author")
    meta.language = pick("language")
    published = pick("published")
    found = parse_published(published, "record")
    if found:
        meta.published, meta.published_info = found
    elif published:
        meta.extra["published_raw"] = published
    meta.extra.update({k: v for k, v in obj.items() if k not in _USED})
    meta.extraction = {"method": "record", "step": 1}
    return finish(Document(text, meta))


def iter_jsonl(path: Path, source: str, *, max_bytes: int) -> Iterator[Item]:
    """Stream a JSONL file; each line is an item."""
    with path.open("rb") as fh:
        for n, raw in enumerate(_lines(fh, max_bytes), start=1):
            where = f"{source}:{n}"
            if isinstance(raw, RasdError):
                yield Item(where, error=str(raw))
                continue
            if raw.strip():
                yield _line_item(raw, where)


def _lines(fh: Any, max_bytes: int) -> Iterator[bytes | RasdError]:
    """Lines of a binary file, refusing (and skipping) any single line over ``max_bytes``."""
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the giant line
                line = fh.readline(1 << 20)
            yield TooLarge("line over the size limit")
            continue
        yield line


def iter_jsonl_bytes(data: bytes, source: str) -> Iterator[Item]:
    """JSONL already in memory (stdin, a fetched URL)."""
    for n, raw in enumerate(data.splitlines(), start=1):
        if raw.strip():
            yield _line_item(raw, f"{source}:{n}")


def _line_item(raw: bytes, where: str) -> Item:
    try:
        try:
            obj = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as e:
            raise MalformedInput("line is not UTF-8", source=where) from e
        except ValueError as e:
            raise MalformedInput(f"invalid JSON ({e.args[0][:60]})", source=where) from e
        return Item(where, record_document(obj, where))
    except RasdError as e:
        return Item(where, error=str(e))


def iter_json(data: bytes, source: str) -> Iterator[Item]:
    """A whole ``.json`` file: one object or a list of objects (or, misnamed, JSON Lines)."""
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as e:
        if data.lstrip().startswith(b"{") and b"\n{" in data:
            yield from iter_jsonl_bytes(data, source)
            return
        raise MalformedInput(f"invalid JSON ({str(e)[:60]})", source=source) from e
    objs = obj if isinstance(obj, list) else [obj]
    for i, o in enumerate(objs):
        where = source if len(objs) == 1 else f"{source}[{i}]"
        try:
            yield Item(where, record_document(o, where))
        except RasdError as e:
            yield Item(where, error=str(e))

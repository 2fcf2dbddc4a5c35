"""WARC archives (warcio): every HTML (or plain-text) ``response`` record becomes a document.

``resource`` records (files archived without an HTTP exchange, as ``wget --warc-file`` and
Browsertrix write them) count too, with the record's own ``Content-Type``.

The record's ``WARC-Target-URI`` is the document URL and ``WARC-Date`` is kept in
``meta.extra["warc_date"]``; it becomes ``published`` only when the page states no date,
marked ``method="warc-date", reliable=False`` (a crawl date is not a publication date).
Records are streamed, never loaded whole; a record over the size cap, or a page without
text, is one failed item.  A truncated archive yields everything before the damage and then
one error item.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

from rasd.doc import Document, Meta
from rasd.errors import MalformedInput, RasdError, TooLarge
from rasd.ingest.item import Item
from rasd.ingest.meta import finish, parse_published

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def looks_like_warc(head: bytes) -> bool:
    return head.startswith(b"WARC/")


def _head(path: Path) -> bytes:
    """First bytes of the archive, decompressed when it is gzipped."""
    with path.open("rb") as fh:
        head = fh.read(64)
    if head[:2] == b"\x1f\x8b":
        try:
            with gzip.open(path, "rb") as gz:
                return gz.read(64)
        except (OSError, EOFError):
            return b""
    return head


def iter_warc(path: Path, source: str, *, max_bytes: int) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    if not looks_like_warc(_head(path)):
        raise MalformedInput("not a WARC file (no WARC/1.x header)", source=source)
    n = 0
    with path.open("rb") as fh:
        records = iter(ArchiveIterator(fh))
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except Exception as e:  # noqa: BLE001 - truncation surfaces as anything in warcio
                yield Item(source, error=str(_damaged(e, source)))
                return
            if record.rec_type not in ("response", "resource"):
                continue
            n += 1
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#{uri or n}"
            http = record.http_headers
            if record.rec_type == "resource":
                ctype = record.rec_headers.get_header("Content-Type", "")
            else:
                ctype = http.get_header("Content-Type", "") if http else ""
            kind = ctype.split(";")[0].strip().lower()
            if kind not in _HTML_TYPES and kind != "text/plain":
                continue  # images, scripts, styles: not documents, not failures
            try:
                data = record.content_stream().read(max_bytes + 1)
            except Exception as e:  # noqa: BLE001 - a record cut short by truncation
                yield Item(where, error=str(_damaged(e, where)))
                return
            if len(data) <= max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
                # the stream ended before the record's declared Content-Length
                yield Item(where, error=str(_damaged(EOFError("record cut short"), where)))
                return
            try:
                if len(data) > max_bytes:
                    raise TooLarge("WARC record over the size limit", source=where)
                yield Item(where, _record_document(record, data, ctype, kind, where, uri))
            except RasdError as e:
                yield Item(where, error=str(e))


def _damaged(e: Exception, where: str) -> MalformedInput:
    return MalformedInput(f"damaged or truncated WARC ({_short(e)})", source=where)


def _short(e: Exception) -> str:
    msg = str(e).splitlines()[0] if str(e) else type(e).__name__
    return msg[:120]


def _record_document(
    record: object, data: bytes, ctype: str, kind: str, where: str, uri: str | None
) -> Document:
    from rasd.ingest.html import html_to_document
    from rasd.ingest.text import charset_from_header, decode_bytes

    warc_date = record.rec_headers.get_header("WARC-Date")  # type: ignore[attr-defined]
    meta = Meta(url=uri, source=where)
    if kind == "text/plain":
        dec = decode_bytes(data, where, http_charset=charset_from_header(ctype))
        meta.extraction = {"method": "text", "step": 1, "encoding": dec.encoding,
                           "charset_from": dec.charset_from}
        doc = finish(Document(dec.text, meta, warnings=dec.warnings))
    else:
        doc = html_to_document(
            data, where, url=uri, http_charset=charset_from_header(ctype), meta=meta
        )
    if warc_date:
        doc.meta.extra["warc_date"] = warc_date
        found = parse_published(warc_date, "warc-date", reliable=False)
        if found and not doc.meta.published:
            doc.meta.published, doc.meta.published_info = found
    return doc

"""Route a source (file, folder, URL or ``-``) to the right reader.

Files are dispatched by extension first and by sniffing their first bytes when the extension
says nothing (``.xml``, no extension, stdin): ``WARC/`` → WARC, ``<rss``/``<feed`` → feed,
``<html``/``<!doctype`` → HTML, ``{`` → JSON(L), anything else → plain text.  Sizes are
checked with ``stat`` *before* reading, so a 200 MB file is refused without being loaded;
container formats (WARC, JSONL) are streamed and the cap applies per record.  Every read is
bounded anyway (:func:`read_bounded`): a file that is not a regular file (``/dev/urandom``,
``/dev/stdin``, a FIFO) or whose size reads as 0 (``/proc``) is read once, up to the limit,
and refused with E103 past it.  Folders are
walked recursively in sorted order, skipping hidden entries, media files and side files
(README, LICENSE, manifest.jsonl …).
"""

from __future__ import annotations

import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from rasd.config import MAX_DOCUMENT_BYTES
from rasd.doc import Document, Meta
from rasd.errors import InputError, MalformedInput, RasdError, TooLarge
from rasd.ingest.item import Item
from rasd.ingest.manifest import apply_manifest, load_manifest
from rasd.ingest.meta import finish

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}
FEED_EXT = {".rss", ".atom"}
WARC_EXT = {".warc", ".arc"}
#: Files found in saved web pages and archives that are never documents.
MEDIA_EXT = {
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".ico", ".css", ".js", ".woff",
    ".woff2", ".ttf", ".mp3", ".mp4", ".webm", ".pdf", ".zip", ".map", ".py", ".pyc",
}  # fmt: skip


#: Files that describe a corpus folder rather than being articles (skipped in folder walks;
#: still read when named directly).
SIDE_FILE_STEMS = {"readme", "license", "licence", "notice", "changelog", "manifest", "copying"}


def dispatch(
    source: str, fetch: bool = False, max_bytes: int = MAX_DOCUMENT_BYTES
) -> Iterator[Item]:
    from rasd.ingest.fetch import is_url

    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise TooLarge("standard input over the size limit", source="-")
        yield from _from_bytes(data, "-", fetch=fetch, max_bytes=max_bytes)
        return
    if is_url(source):
        yield from _from_url(source, fetch=fetch, max_bytes=max_bytes)
        return
    path = Path(source)
    if path.is_dir():
        yield from _walk(path, fetch=fetch, max_bytes=max_bytes)
    elif path.exists():
        manifests: dict[Path, dict[str, dict]] = {}
        for item in _from_file(path, source, fetch=fetch, max_bytes=max_bytes):
            yield _with_manifest(item, path, manifests)
    else:
        raise InputError("no such file or folder", source=source)


def _with_manifest(item: Item, path: Path, cache: dict[Path, dict[str, dict]]) -> Item:
    """Fill a file's metadata from the ``manifest.jsonl`` beside it (outlet, URL, date …).

    Plain-text articles carry no metadata; corpus folders such as ``samples/`` keep it in a
    sidecar manifest.  What the reader itself found always wins over the manifest.
    """
    if item.document is None:
        return item
    folder = path.parent
    if folder not in cache:
        try:
            cache[folder] = load_manifest(folder)
        except RasdError as e:
            cache[folder] = {}
            item.document.warnings.append(f"[W105] manifest ignored: {e}")
    entry = cache[folder].get(path.name)
    if entry:
        apply_manifest(item.document, entry)
    return item


def _walk(root: Path, *, fetch: bool, max_bytes: int) -> Iterator[Item]:
    manifests: dict[Path, dict[str, dict]] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if path.suffix.lower() in MEDIA_EXT or path.name.split(".")[0].lower() in SIDE_FILE_STEMS:
            continue
        try:
            for item in _from_file(path, str(path), fetch=fetch, max_bytes=max_bytes):
                yield _with_manifest(item, path, manifests)
        except RasdError as e:
            yield Item(str(path), error=str(e))
        except Exception as e:  # noqa: BLE001 - one unreadable file never stops a folder
            yield Item(str(path), error=str(unexpected(e, str(path))))


def unexpected(e: Exception, source: str) -> InputError:
    """A one-line coded error for a failure no reader anticipated (a bug or a library edge)."""
    msg = (str(e).splitlines() or [""])[0][:120]
    return InputError(f"could not read ({type(e).__name__}: {msg})", source=source)


def _kind_by_name(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    ext = suffixes[-1] if suffixes else ""
    if ext == ".gz" and len(suffixes) == 2 and suffixes[0] in WARC_EXT:
        return "warc"
    if ext in WARC_EXT:
        return "warc"
    if ext in (".jsonl", ".ndjson"):
        return "jsonl"
    if ext == ".json":
        return "json"
    if ext in FEED_EXT:
        return "feed"
    if ext in HTML_EXT:
        return "html"
    if ext in TEXT_EXT:
        return "text"
    return None


def sniff(head: bytes) -> str:
    """Guess the format from the first bytes (see the module docstring)."""
    from rasd.ingest.feed import looks_like_feed
    from rasd.ingest.warc import looks_like_warc

    if looks_like_warc(head):
        return "warc"
    h = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if looks_like_feed(head) and not h.startswith((b"<!doctype html", b"<html")):
        return "feed"
    if h.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta")) or (
        h.startswith((b"<!--", b"<?xml")) and b"<html" in h[:1024]
    ):
        return "html"
    if h.startswith(b"{"):
        return "jsonl"
    if h.startswith(b"["):
        return "json"
    return "text"


#: Bytes read per call by :func:`read_bounded`.
_CHUNK = 1 << 20


def read_bounded(fh: BinaryIO, max_bytes: int, source: str) -> bytes:
    """All of ``fh``, or :class:`TooLarge` as soon as more than ``max_bytes`` arrive (never
    more than ``max_bytes`` + one chunk in memory, whatever the stream claims its size is)."""
    parts: list[bytes] = []
    size = 0
    while True:
        chunk = fh.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise TooLarge(f"over the {max_bytes / 1e6:.0f} MB limit (read up to the limit)",
                           source=source)


def _from_file(path: Path, source: str, *, fetch: bool, max_bytes: int) -> Iterator[Item]:
    kind = _kind_by_name(path)
    if not stat.S_ISREG(path.stat().st_mode):
        # a device, FIFO or /dev/stdin: its size says nothing and it may never end, and
        # reading a sniffing head would consume it; read it once, bounded, then dispatch
        with path.open("rb") as fh:
            data = read_bounded(fh, max_bytes, source)
        yield from _from_bytes(data, source, kind=kind, fetch=fetch, max_bytes=max_bytes)
        return
    with path.open("rb") as fh:
        head = fh.read(4096)
    if kind is None:
        kind = "warc" if path.suffix.lower() == ".gz" and head[:2] == b"\x1f\x8b" else sniff(head)
        if kind == "text" and path.suffix.lower() in (".xml", ".gz"):
            raise MalformedInput("neither a feed, a WARC nor an HTML page", source=source)
    if kind == "warc":
        from rasd.ingest.warc import iter_warc

        yield from iter_warc(path, source, max_bytes=max_bytes)
        return
    if kind == "jsonl":
        from rasd.ingest.jsonl import iter_jsonl

        yield from iter_jsonl(path, source, max_bytes=max_bytes)
        return
    size = path.stat().st_size
    if size > max_bytes:
        raise TooLarge(
            f"{size / 1e6:.0f} MB is over the {max_bytes / 1e6:.0f} MB limit", source=source
        )
    with path.open("rb") as fh:  # stat may say 0 (/proc) or the file may grow meanwhile
        data = read_bounded(fh, max_bytes, source)
    yield from _from_bytes(data, source, kind=kind, fetch=fetch, max_bytes=max_bytes)


def _from_bytes(
    data: bytes,
    source: str,
    *,
    kind: str | None = None,
    fetch: bool = False,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    url: str | None = None,
    http_charset: str | None = None,
) -> Iterator[Item]:
    kind = kind or sniff(data[:4096])
    if kind == "feed":
        from rasd.ingest.feed import iter_feed

        yield from iter_feed(data, source, fetch=fetch, max_bytes=max_bytes)
    elif kind == "json":
        from rasd.ingest.jsonl import iter_json

        yield from iter_json(data, source)
    elif kind == "jsonl":
        from rasd.ingest.jsonl import iter_jsonl_bytes

        yield from iter_jsonl_bytes(data, source)
    elif kind == "warc":
        raise InputError("read WARC archives from a file, not from a stream", source=source)
    elif kind == "html":
        from rasd.ingest.html import html_to_document

        yield _item(source, lambda: html_to_document(
            data, source, url=url, http_charset=http_charset, meta=Meta(url=url)
        ))
    else:
        yield _item(source, lambda: text_document(data, source, http_charset=http_charset,
                                                   url=url))


def _item(source: str, make: object) -> Item:
    try:
        return Item(source, make())  # type: ignore[operator]
    except RasdError as e:
        return Item(source, error=str(e))


def text_document(
    data: bytes, source: str, *, http_charset: str | None = None, url: str | None = None
) -> Document:
    """Plain text bytes → :class:`Document` (encoding detected, language checked)."""
    from rasd.ingest.text import decode_bytes

    dec = decode_bytes(data, source, http_charset=http_charset)
    meta = Meta(
        url=url,
        source=source,
        extraction={
            "method": "text",
            "step": 1,
            "encoding": dec.encoding,
            "charset_from": dec.charset_from,
        },
    )
    return finish(Document(dec.text, meta, warnings=dec.warnings))


def _from_url(url: str, *, fetch: bool, max_bytes: int) -> Iterator[Item]:
    from rasd.ingest.fetch import fetch as get
    from rasd.ingest.text import charset_from_header

    page = get(url, max_bytes=max_bytes)
    ctype = page.content_type.split(";")[0].strip().lower()
    kind: str | None = None
    if ctype in ("text/html", "application/xhtml+xml"):
        kind = "html"
    elif ctype in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        kind = "feed"
    elif ctype in ("application/json",):
        kind = "json"
    elif ctype in ("application/x-ndjson", "application/jsonl"):
        kind = "jsonl"
    elif ctype == "text/plain":
        kind = "text"
    if kind is None or kind == "text":
        sniffed = sniff(page.data[:4096])
        kind = sniffed if kind is None or sniffed in ("html", "feed") else kind
    for item in _from_bytes(
        page.data,
        url,
        kind=kind,
        fetch=fetch,
        max_bytes=max_bytes,
        url=page.url,
        http_charset=charset_from_header(page.content_type),
    ):
        if item.document is not None and item.document.meta.url is None:
            item.document.meta.url = page.url
        yield item

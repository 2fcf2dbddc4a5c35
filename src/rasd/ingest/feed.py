"""RSS/Atom feeds (feedparser): one document per entry.

An entry's text is its full ``content`` when the feed carries it, else its ``summary``
(HTML fragments are turned into paragraphs).  With ``fetch=True`` the entry's own link is
fetched and its page extracted instead — the only case where rasd follows a link it was not
given directly.  Malformed feeds that still yield entries are read with a warning on each
document; a feed with no readable entry is one coded error.  A bad entry never stops the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from rasd.doc import Document, Meta
from rasd.errors import EmptyInput, MalformedInput, RasdError
from rasd.ingest.item import Item
from rasd.ingest.meta import finish, outlet_from_url, parse_published

_BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "tr")


def looks_like_feed(head: bytes) -> bool:
    h = head[:2048].lower()
    return b"<rss" in h or b"<feed" in h or b"<rdf:rdf" in h


def fragment_text(fragment: str) -> str:
    """HTML fragment (feed summary/content) → paragraphs joined by blank lines."""
    if "<" not in fragment:
        return "\n\n".join(p.strip() for p in fragment.split("\n") if p.strip())
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment.strip()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n\n" + (el.tail or "")
    paras = []
    for block in root.text_content().split("\n\n"):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        block = "\n".join(line for line in lines if line)
        if block:
            paras.append(block)
    return "\n\n".join(paras)


def iter_feed(
    data: bytes, source: str, *, fetch: bool = False, max_bytes: int | None = None
) -> Iterator[Item]:
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    bozo = parsed.get("bozo")
    if not entries:
        why = f" ({parsed.get('bozo_exception')})" if bozo else ""
        raise MalformedInput(f"not a readable RSS/Atom feed: no entries{why}", source=source)
    feed = parsed.get("feed", {})
    outlet = feed.get("title") or outlet_from_url(feed.get("link"))
    warning = (
        f"[W103] feed is malformed ({type(parsed.get('bozo_exception')).__name__}); "
        "entries read as far as possible"
        if bozo
        else None
    )
    for i, entry in enumerate(entries):
        where = f"{source}#entry{i + 1}"
        try:
            doc = _entry_document(entry, where, outlet, fetch=fetch, max_bytes=max_bytes)
        except RasdError as e:
            yield Item(where, error=str(e))
            continue
        if warning:
            doc.warnings.append(warning)
        yield Item(where, doc)


def _entry_meta(entry: Any, source: str, outlet: str | None) -> Meta:
    m = Meta(
        url=entry.get("link"),
        outlet=outlet,
        title=(entry.get("title") or "").strip() or None,
        author=entry.get("author"),
        source=source,
    )
    for key in ("published", "updated", "created"):
        found = parse_published(entry.get(key), "feed")
        if found:
            m.published, m.published_info = found
            break
    if entry.get("id"):
        m.extra["guid"] = entry.get("id")
    return m


def _entry_document(
    entry: Any, source: str, outlet: str | None, *, fetch: bool, max_bytes: int | None
) -> Document:
    meta = _entry_meta(entry, source, outlet)
    fetch_error: RasdError | None = None
    if fetch and meta.url:
        try:
            return _fetch_entry_page(meta, source, max_bytes)
        except RasdError as e:  # keep the entry: its own text is better than nothing
            fetch_error = e
    content = entry.get("content") or []
    html = content[0].get("value", "") if content else ""
    how = "feed-content"
    if not html.strip():
        html, how = entry.get("summary", "") or "", "feed-summary"
    text = fragment_text(html)
    if not text:
        if fetch_error is not None:
            raise fetch_error
        raise EmptyInput("feed entry has no text (try fetch=True for the linked page)", source=source)
    meta.extraction = {"method": how, "step": 1}
    doc = finish(Document(text, meta))
    if fetch_error is not None:
        doc.warnings.append(f"[W104] linked page not read ({fetch_error}); using the feed's text")
    return doc


def _fetch_entry_page(meta: Meta, source: str, max_bytes: int | None) -> Document:
    from rasd.ingest.fetch import fetch as get
    from rasd.ingest.html import html_to_document
    from rasd.ingest.text import charset_from_header

    page = get(meta.url or "", max_bytes=max_bytes) if max_bytes else get(meta.url or "")
    doc = html_to_document(
        page.data,
        source,
        url=page.url,
        http_charset=charset_from_header(page.content_type),
        meta=meta,
    )
    doc.meta.extraction["via"] = "feed-link"
    return doc

"""Article URLs out of what a source returned: a feed, a sitemap, or a section page.

The pages are untrusted: only ``http``/``https`` links are kept (no ``javascript:``,
``file:``, ``mailto:`` …), fragments are dropped, URLs longer than :data:`MAX_URL` are ignored,
and at most :data:`MAX_LINKS` are read per page.  A section page keeps links on its own host
(unless the source says ``same_host = false``) that match the source's ``link_pattern``.
A sitemap index lists sitemaps, not articles: their URLs are returned separately for the
caller to read (one level deep).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

MAX_URL = 2048
MAX_LINKS = 5000
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@dataclass
class Listing:
    """What a source lists: article URLs (page order) and, for a sitemap index, sitemaps."""

    articles: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


def clean_url(href: str | None, base: str) -> str | None:
    """An absolute http(s) URL without fragment, or None for anything else."""
    if not href:
        return None
    href = href.strip()
    if not href or len(href) > MAX_URL:
        return None
    try:
        url, _frag = urldefrag(urljoin(base, href))
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return url


def from_feed(data: bytes, base: str) -> Listing:
    import feedparser

    parsed = feedparser.parse(data)
    out = Listing()
    for entry in (parsed.get("entries") or [])[:MAX_LINKS]:
        url = clean_url(entry.get("link"), base)
        if url:
            out.articles.append(url)
    return out


def from_sitemap(data: bytes, base: str) -> Listing:
    out = Listing()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             recover=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return out
    if root is None:
        return out
    tag = etree.QName(root).localname if isinstance(root.tag, str) else ""
    target = out.sitemaps if tag == "sitemapindex" else out.articles
    for loc in root.iter(f"{_SITEMAP_NS}loc", "loc"):
        url = clean_url(loc.text, base)
        if url:
            target.append(url)
        if len(target) >= MAX_LINKS:
            break
    return out


def from_page(data: bytes, base: str, pattern: re.Pattern[str] | None,
              same_host: bool = True) -> Listing:
    out = Listing()
    try:
        tree = lxml_html.document_fromstring(data)
    except (etree.ParserError, ValueError):
        return out
    host = urlsplit(base).netloc.lower()
    for a in tree.iter("a"):
        url = clean_url(a.get("href"), base)
        if url is None or url.rstrip("/") == base.rstrip("/"):
            continue
        if same_host and urlsplit(url).netloc.lower() != host:
            continue
        if pattern is not None and not pattern.search(url):
            continue
        out.articles.append(url)
        if len(out.articles) >= MAX_LINKS:
            break
    out.articles = list(dict.fromkeys(out.articles))
    return out

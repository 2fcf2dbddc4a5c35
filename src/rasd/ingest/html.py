"""HTML page → :class:`Document`: main text, paragraph by paragraph, plus page metadata.

Text extraction is a numbered chain; ``meta.extraction`` records the step that produced the
text so a user can tell a clean article from a best-effort dump:

1. ``trafilatura`` — main-content extraction (with its own readability/jusText fallbacks);
2. ``paragraphs`` — a readability-like fallback: the ``<p>``/heading/list text of the page
   outside navigation, header, footer, asides and forms;
3. ``page-text`` — all visible text (trafilatura's ``html2txt``), the last resort.

Paragraphs are joined by a blank line, like the plain-text articles rasd reads, and the
headline is not repeated in the text (it is ``meta.title``).  Metadata prefers explicit,
machine-readable statements (JSON-LD ``NewsArticle``, ``article:published_time``, Open Graph)
over trafilatura's heuristics, and ``meta.published_info`` says which one was used.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from rasd.doc import Document, Meta
from rasd.errors import EmptyInput, MalformedInput
from rasd.ingest.meta import (
    date_from_url,
    finish,
    merge_meta,
    outlet_from_url,
    parse_published,
)
from rasd.ingest.text import Decoded, decode_bytes

#: Below this many characters an extraction step is considered to have failed.
MIN_TEXT_CHARS = 25

_BLOCKS = {"p", "head", "list", "item", "quote", "table", "row", "cell", "code"}
_PUBLISHED_META = (
    ("property", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "date"),
    ("name", "dc.date.issued"),
    ("name", "DC.date.issued"),
    ("property", "og:published_time"),
    ("name", "sailthru.date"),
    ("name", "parsely-pub-date"),
)
_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "WebPage"}
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_WS = re.compile(r"[ \t\r\f\v\u00a0]+")


def html_to_document(
    data: bytes | str,
    source: str,
    *,
    url: str | None = None,
    http_charset: str | None = None,
    meta: Meta | None = None,
) -> Document:
    """Extract the article in ``data`` (raw bytes are decoded with HTTP/meta charsets)."""
    if isinstance(data, bytes):
        dec = decode_bytes(data, source, http_charset=http_charset, html=True)
    else:
        dec = Decoded(data, "str", "str")
    page = dec.text
    if not page.strip():
        raise EmptyInput("empty page", source=source)
    # lxml refuses str input that still carries an XML encoding declaration (XHTML pages);
    # the bytes are already decoded, so the declaration has nothing left to say
    page = _XML_DECL.sub("", page, count=1)
    try:
        tree = lxml_html.document_fromstring(page)
    except (etree.ParserError, ValueError) as e:
        raise MalformedInput(f"not parseable as HTML ({e})", source=source) from e
    page_meta, h1 = _page_meta(tree, url)
    text, step, method = _extract_text(page, tree, page_meta, h1)
    if len(text.strip()) < MIN_TEXT_CHARS:
        raise EmptyInput("no article text found in the page", source=source)
    out = merge_meta(meta or Meta(), page_meta)
    out.source = out.source or source
    out.extraction = {
        "method": method,
        "step": step,
        "encoding": dec.encoding,
        "charset_from": dec.charset_from,
    }
    return finish(Document(text, out, warnings=dec.warnings))


# --------------------------------------------------------------------------- text


def _extract_text(page: str, tree: Any, meta: Meta, h1: str | None) -> tuple[str, int, str]:
    import trafilatura

    try:
        res = trafilatura.bare_extraction(
            page, url=meta.url, with_metadata=False, include_comments=False, deduplicate=False
        )
    except Exception:  # noqa: BLE001 - a third-party parser failing is step 1 failing
        res = None
    body = getattr(res, "body", None) if res is not None else None
    if body is not None:
        paras = _drop_title(list(_body_paragraphs(body)), meta.title, h1)
        text = "\n\n".join(paras)
        if len(text) >= MIN_TEXT_CHARS:
            return text, 1, "trafilatura"
    paras = _drop_title(list(_page_paragraphs(tree)), meta.title, h1)
    text = "\n\n".join(paras)
    if len(text) >= MIN_TEXT_CHARS:
        return text, 2, "paragraphs"
    try:
        text = trafilatura.html2txt(page) or ""
    except Exception:  # noqa: BLE001
        text = ""
    return _clean(text), 3, "page-text"


def _clean(s: str) -> str:
    lines = (_WS.sub(" ", line).strip() for line in s.split("\n"))
    return "\n".join(line for line in lines if line)


def _element_text(el: Any) -> str:
    """Text of one block with ``<lb/>``/``<br>`` kept as line breaks."""
    parts: list[str] = []
    if el.text:
        parts.append(el.text)
    for child in el:
        if child.tag in ("lb", "br"):
            parts.append("\n")
        else:
            parts.append(_element_text(child))
        if child.tail:
            parts.append(child.tail)
    return "".join(parts)


def _body_paragraphs(body: Any) -> Iterator[str]:
    """Walk trafilatura's XML body: every block (p, head, item, quote, row …) is a paragraph.

    Blocks can nest text and other blocks (old table layouts put a headline, ``<br>``s and
    ``<p>``s in one cell), so the walk marks block boundaries instead of trusting the tree
    shape; cells of a data row stay on one line, separated by " | ".
    """
    out: list[str] = []
    _flatten(body, out)
    for chunk in "".join(out).split(_BREAK):
        t = _clean(chunk)
        if t:
            yield t


_BREAK = "\x00"


def _flatten(el: Any, out: list[str]) -> None:
    tag = el.tag
    nested = any(c.tag in _BLOCKS for c in el)
    block = tag in _BLOCKS and not (tag == "cell" and not nested)
    if block:
        out.append(_BREAK)
    if el.text:
        out.append(el.text)
    first_cell = True
    for child in el:
        if child.tag in ("lb", "br"):
            out.append("\n")
        else:
            if child.tag == "cell" and not any(c.tag in _BLOCKS for c in child):
                if not first_cell:
                    out.append(" | ")
                first_cell = False
            _flatten(child, out)
        if child.tail:
            out.append(child.tail)
    if block:
        out.append(_BREAK)


_SKIP = {"nav", "header", "footer", "aside", "form", "script", "style", "noscript", "figure"}


def _page_paragraphs(tree: Any) -> Iterator[str]:
    """Readability-like fallback: block text outside page chrome, in document order."""
    root = tree
    for tag in ("article", "main", "body"):
        el = tree.find(f".//{tag}")
        if el is not None:
            root = el
            break
    for el in root.iter("p", "h2", "h3", "h4", "li", "blockquote"):
        if any(a.tag in _SKIP for a in el.iterancestors()):
            continue
        if el.tag == "li" and el.find(".//a") is not None and len(el.text_content()) < 80:
            continue  # link lists: menus, related articles
        t = _clean(_element_text(el))
        if t and not (el.tag == "blockquote" and el.find(".//p") is not None):
            yield t


def _drop_title(paras: list[str], title: str | None, h1: str | None = None) -> list[str]:
    """Drop a leading headline: it is ``meta.title`` (or the page's ``<h1>``), not body text."""
    if paras and any(t and _squash(paras[0]) == _squash(t) for t in (title, h1)):
        return paras[1:]
    return paras


def _squash(s: str) -> str:
    return " ".join(s.split())


# --------------------------------------------------------------------------- metadata


_BYLINE_PREFIX = re.compile(r"^\s*(?:كتبت?|بقلم|بواسطة|إعداد|اعداد|تحرير|by)\s*[:：\-–]?\s*", re.I)


def _byline(tree: Any) -> str | None:
    """Author from a visible byline (``rel=author``, ``class="byline|author"``), prefix removed."""
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        cls = f"{el.get('class') or ''} {el.get('itemprop') or ''} {el.get('rel') or ''}".lower()
        if not any(k in cls for k in ("byline", "author")):
            continue
        name = _BYLINE_PREFIX.sub("", _clean(el.text_content()).replace("\n", " "))
        if 2 <= len(name) <= 60 and not any(ch.isdigit() for ch in name):
            return name
    return None


def _htmldate(tree: Any) -> tuple[str, dict[str, Any]] | None:
    """htmldate's heuristics (visible dates, copyright lines …): last resort, not reliable."""
    try:
        from htmldate import find_date

        # no "extensive" search: it reads copyright years as "YYYY-01-01" day-precise dates
        found = find_date(tree, extensive_search=False, original_date=True)
    except Exception:  # noqa: BLE001 - heuristics failing just means "no date"
        return None
    return parse_published(found, "htmldate", reliable=False) if found else None


def _meta_content(tree: Any, attr: str, value: str) -> str | None:
    for el in tree.iter("meta"):
        if (el.get(attr) or "").strip().lower() == value.lower():
            content = (el.get("content") or "").strip()
            if content:
                return content
    return None


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    for el in tree.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            d = stack.pop()
            if isinstance(d, list):
                stack.extend(d)
            elif isinstance(d, dict):
                if "@graph" in d:
                    stack.append(d["@graph"])
                yield d


def _name(v: Any) -> str | None:
    if isinstance(v, list):
        names = [n for n in (_name(x) for x in v) if n]
        return ", ".join(names) or None
    if isinstance(v, dict):
        v = v.get("name")
    return v.strip() if isinstance(v, str) and v.strip() else None


def _page_meta(tree: Any, url: str | None) -> tuple[Meta, str | None]:
    """Page metadata, plus the ``<h1>`` text (to drop a repeated headline from the body)."""
    m = Meta()
    article: dict[str, Any] = {}
    for d in _json_ld(tree):
        types = d.get("@type")
        types = set(types) if isinstance(types, list) else {types}
        if types & _ARTICLE_TYPES and (not article or "datePublished" in d):
            article = d
    canonical = None
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            canonical = link.get("href").strip()
            break
    m.url = url or _meta_content(tree, "property", "og:url") or canonical
    titles = [
        _name(article.get("headline")),
        _meta_content(tree, "property", "og:title"),
        _meta_content(tree, "name", "twitter:title"),
    ]
    h1 = tree.find(".//h1")
    h1_text = _clean(h1.text_content()) if h1 is not None else ""
    if h1_text:
        titles.append(h1_text)
    title_el = tree.find(".//title")
    if title_el is not None and title_el.text:
        titles.append(title_el.text.strip())
    m.title = next((t for t in titles if t), None)
    m.outlet = (
        _meta_content(tree, "property", "og:site_name")
        or _name(article.get("publisher"))
        or _meta_content(tree, "name", "application-name")
        or outlet_from_url(m.url)
    )
    m.author = (
        _name(article.get("author"))
        or _meta_content(tree, "name", "author")
        or _meta_content(tree, "property", "article:author")
        or _byline(tree)
    )
    lang = tree.getroot().get("lang") if hasattr(tree, "getroot") else tree.get("lang")
    if lang:
        m.language = lang.strip().lower()[:2] or None
    found = parse_published(article.get("datePublished"), "json-ld")
    if found is None:
        for attr, value in _PUBLISHED_META:
            found = parse_published(_meta_content(tree, attr, value), "html-meta")
            if found:
                break
    if found is None:
        for t in tree.iter("time"):
            found = parse_published(t.get("datetime"), "html-time", reliable=False)
            if found:
                break
    if found is None:
        found = date_from_url(m.url)
    if found is None:
        found = _htmldate(tree)
    if found is not None:
        m.published, m.published_info = found
    modified = parse_published(
        article.get("dateModified") or _meta_content(tree, "property", "article:modified_time"),
        "html-meta",
    )
    if modified:
        m.extra["modified"] = modified[0]
    section = _meta_content(tree, "property", "article:section")
    if section:
        m.extra["section"] = section
    return m, h1_text or None

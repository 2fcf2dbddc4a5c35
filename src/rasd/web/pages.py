"""Server-rendered pages of the web interface (Arabic, right-to-left, no CDN, no inline JS).

Every page is a Jinja2 template rendered with autoescaping on; document text only ever
reaches a template as plain strings (or the :mod:`rasd.web.highlight` node tree) and is
escaped there.  Query parameters of the HTML forms are parsed leniently (an empty or bad
date is ignored, not a 422), because people type into these forms.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from rasd.paging import MAX_PAGE, MAX_PLACES_PAGE
from rasd.store.base import Filters, Store
from rasd.web import corrections_view, events_view, labels
from rasd.web.article import build_article, entity_href, place_href
from rasd.web.timeline import bucket_counts

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"

_env = Environment(
    loader=FileSystemLoader(TEMPLATES_DIR),
    autoescape=True,  # every {{ }} is escaped, whatever the template file's name
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["ar_date"] = labels.arabic_date
_env.filters["entity_label"] = labels.entity_label
_env.filters["event_label"] = labels.event_label
_env.globals["layer_names"] = labels.LAYER_NAMES
_env.globals["entity_href"] = entity_href
_env.globals["place_href"] = place_href
templates = Jinja2Templates(env=_env)

router = APIRouter(include_in_schema=False)

PER_PAGE = 20


def _store(request: Request) -> Store:
    return request.app.state.stores.get()


def _param(request: Request, name: str, max_len: int = 500) -> str | None:
    v = request.query_params.get(name, "").strip()
    return v[:max_len] or None


def _date_param(request: Request, name: str) -> str | None:
    v = _param(request, name, 10)
    if not v:
        return None
    try:
        return date.fromisoformat(v).isoformat()
    except ValueError:
        return None


def _int_param(request: Request, name: str, default: int, hi: int) -> int:
    try:
        v = int(request.query_params.get(name, default))
    except ValueError:
        return default
    return max(0, min(v, hi))


def web_filters(request: Request) -> Filters:
    kind = _param(request, "kind")
    return Filters(
        entity=_param(request, "entity", 200),
        place=_param(request, "place", 200),
        date_from=_date_param(request, "from"),
        date_to=_date_param(request, "to"),
        source=_param(request, "source"),
        kind=kind if kind in ("quote", "event") else None,  # type: ignore[arg-type]
    )


FILTER_PARAMS = ("q", "entity", "place", "from", "to", "source", "kind", "min", "type",
                 "actor_type", "country")


def _current(request: Request) -> dict[str, str]:
    return {k: v for k in FILTER_PARAMS if (v := request.query_params.get(k, "").strip())}


def _url(path: str, params: dict[str, Any]) -> str:
    clean = {k: v for k, v in params.items() if v not in (None, "", 0)}
    return path + ("?" + urlencode(clean) if clean else "")


def _render(request: Request, template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    current = _current(request)

    def with_params(path: str | None = None, **changes: Any) -> str:
        """Link to ``path`` (default: this page) with the current filters changed."""
        params: dict[str, Any] = dict(current)
        params.update(changes)
        return _url(path or request.url.path, params)

    ctx.setdefault("current", current)
    ctx.update(request=request, with_params=with_params, nav=ctx.get("nav", ""))
    return templates.TemplateResponse(request, template, ctx, status_code=status)


def error_page(request: Request, status: int, message: str) -> Response:
    titles = {404: "غير موجود", 413: "الطلب كبير جدًا", 401: "غير مصرّح", 403: "ممنوع"}
    return _render(
        request,
        "error.html",
        status=status,
        status_code=status,
        title=titles.get(status, "خطأ"),
        message=message,
    )


def _pages(total: int, limit: int, offset: int) -> dict[str, Any]:
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "prev": max(0, offset - limit) if offset > 0 else None,
        "next": offset + limit if offset + limit < total else None,
        "first": offset + 1 if total else 0,
        "last": min(offset + limit, total),
    }


def snippet_parts(text: str, highlights: Any) -> list[tuple[str, bool]]:
    """Cut a snippet into (text, is_hit) pieces for the template to escape and mark."""
    parts: list[tuple[str, bool]] = []
    pos = 0
    for a, b in sorted(highlights or ()):
        a, b = max(a, pos), min(b, len(text))
        if a >= b:
            continue
        if a > pos:
            parts.append((text[pos:a], False))
        parts.append((text[a:b], True))
        pos = b
    if pos < len(text):
        parts.append((text[pos:], False))
    return parts


def mention_parts(context: str | None, mention: str) -> list[tuple[str, bool]]:
    """The mention marked inside its context sentence (first occurrence)."""
    if not context:
        return [(mention, True)]
    i = context.find(mention) if mention else -1
    if i < 0:
        return [(context, False)]
    return snippet_parts(context, [(i, i + len(mention))])


def hit_title(hit: Any) -> str:
    """A result's title; untitled documents use their first line when the snippet starts
    the text (plain-text files often carry the headline there), else the source name."""
    if hit.doc.title:
        return hit.doc.title
    if hit.snippet.start == 0 and hit.snippet.text.strip():
        return _first_line(hit.snippet.text, 120)
    return (hit.doc.source or hit.doc.id).replace("\\", "/").rsplit("/", 1)[-1]


_env.globals["hit_title"] = hit_title
_env.globals["snippet_parts"] = snippet_parts
_env.globals["mention_parts"] = mention_parts


def safe_external_url(url: str | None) -> str | None:
    """Only http(s) URLs from document metadata become links (no ``javascript:`` etc.)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


_env.globals["safe_external_url"] = safe_external_url


# --------------------------------------------------------------------------- search


class FacetCache:
    """Facets of recent result sets, for paging and the (expensive) whole-archive home page.

    Keyed by query, filters and the archive's document count, so an ingest invalidates it;
    entries also expire after ``ttl`` seconds (re-analysis keeps the count).
    """

    def __init__(self, size: int = 256, ttl: float = 120.0) -> None:
        self.size, self.ttl = size, ttl
        self._data: OrderedDict[Any, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any:
        with self._lock:
            hit = self._data.get(key)
            if hit is None or time.monotonic() - hit[0] > self.ttl:
                return None
            self._data.move_to_end(key)
            return hit[1]

    def put(self, key: Any, value: Any) -> None:
        with self._lock:
            self._data[key] = (time.monotonic(), value)
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)



@router.get("/", response_class=HTMLResponse)
def search_page(request: Request) -> HTMLResponse:
    store = _store(request)
    q = _param(request, "q", 1000) or ""
    filters = web_filters(request)
    offset = _int_param(request, "offset", 0, 1_000_000)
    cache: FacetCache = request.app.state.facet_cache
    key = (q, filters, store.count())
    facets = cache.get(key)
    result = store.search(q, filters, limit=PER_PAGE, offset=offset, facets=facets is None)
    if facets is None:
        facets = result.facets
        cache.put(key, facets)
    active = [
        (key, value, _url(request.url.path, {k: v for k, v in _current(request).items() if k != key}))
        for key, value in _current(request).items()
        if key != "q"
    ]
    return _render(
        request,
        "search.html",
        nav="search",
        q=q,
        result=result,
        facets=facets,
        active_filters=active,
        pages=_pages(result.total, PER_PAGE, offset),
        total_docs=store.count(),
    )


# --------------------------------------------------------------------------- article


_AT = re.compile(r"^(\d{1,9})[:-](\d{1,9})$")


@router.get("/doc/{doc_id}", response_class=HTMLResponse)
def article_page(request: Request, doc_id: str) -> HTMLResponse:
    store = _store(request)
    doc = store.get(doc_id)
    focus = None
    m = _AT.match(request.query_params.get("at", ""))
    if m:
        focus = (int(m.group(1)), int(m.group(2)))
    view = build_article(doc, focus)
    group = store.group_of(doc_id)
    siblings = []
    for other in group.doc_ids:
        if other != doc_id:
            try:
                siblings.append((store.summary(other), group.similarities.get(other)))
            except Exception:  # noqa: BLE001 - a vanished sibling must not break the page
                continue
    return _render(
        request,
        "article.html",
        nav="",
        story_id=store.story_of(doc_id),
        doc=doc,
        meta=doc.meta,
        summary=store.summary(doc_id),
        view=view,
        sources_of=store.sources_of(doc_id),
        siblings=siblings,
        title=doc.meta.title or _first_line(doc.text),
        corrections=corrections_view.rows(store, doc_id),
        correction_options=corrections_view.options(doc),
    )


def _first_line(text: str, limit: int = 140) -> str:
    """A stand-in title: the first non-empty line, cut at a word boundary."""
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            if len(line) <= limit:
                return line
            cut = line.rfind(" ", 0, limit)
            return line[: cut if cut > limit // 2 else limit] + " …"
    return "مقال بلا عنوان"


# --------------------------------------------------------------------------- entities


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request) -> HTMLResponse:
    store = _store(request)
    offset = _int_param(request, "offset", 0, 1_000_000)
    name = _param(request, "name", 200)
    label = _param(request, "label", 20)
    page = store.entities(web_filters(request), name=name, label=label, limit=50, offset=offset)
    return _render(
        request,
        "entities.html",
        nav="entities",
        page=page,
        name=name or "",
        label=label or "",
        pages=_pages(page.total, 50, offset),
        label_choices=[("PER", "أشخاص"), ("ORG", "منظمات"), ("LOC", "مواقع"), ("GPE", "دول ومدن")],
    )


#: statements by an entity shown on its page (the newest; all are on /quotes?entity=…)
STATEMENTS_SHOWN = 5


@router.get("/entity/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str) -> HTMLResponse:
    store = _store(request)
    offset = _int_param(request, "offset", 0, 1_000_000)
    detail = store.entity(entity_id, limit=PER_PAGE, offset=offset)
    said = store.quotes_by(entity_id, limit=STATEMENTS_SHOWN)
    return _render(
        request,
        "entity.html",
        nav="entities",
        detail=detail,
        entity=detail.entity,
        said=said,
        bars=bucket_counts(detail.timeline),
        pages=_pages(detail.mentions_total, PER_PAGE, offset),
    )


# --------------------------------------------------------------------------- places and map


@router.get("/place/{place_id}", response_class=HTMLResponse)
def place_page(request: Request, place_id: str) -> HTMLResponse:
    store = _store(request)
    offset = _int_param(request, "offset", 0, 1_000_000)
    info, page = store.place(place_id, limit=PER_PAGE, offset=offset)
    return _render(
        request,
        "place.html",
        nav="map",
        place=info,
        page=page,
        pages=_pages(page.total, PER_PAGE, offset),
    )


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    store = _store(request)
    page = store.places(web_filters(request), limit=MAX_PLACES_PAGE, offset=0)
    located = [p for p in page.items if p.lat is not None and p.lon is not None]
    unlocated = [p for p in page.items if p.lat is None or p.lon is None]
    api = _url("/api/places", {**_current(request), "limit": MAX_PLACES_PAGE})
    return _render(
        request,
        "map.html",
        nav="map",
        located=located,
        unlocated=unlocated,
        total=page.total,
        places_api=api,
    )


# --------------------------------------------------------------------------- timeline, quotes, events


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request) -> HTMLResponse:
    store = _store(request)
    q = _param(request, "q", 1000) or ""
    filters = web_filters(request)
    days = store.timeline(q, filters)
    events = store.events(filters, limit=MAX_PAGE, offset=0)
    dated = sorted(
        (e for e in events.items if e.date or e.published),
        key=lambda e: (e.date or e.published or ""),
        reverse=True,
    )
    return _render(
        request,
        "timeline.html",
        nav="timeline",
        q=q,
        bars=bucket_counts(days),
        days=days,
        events=dated,
        events_total=events.total,
    )


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request) -> HTMLResponse:
    store = _store(request)
    offset = _int_param(request, "offset", 0, 1_000_000)
    page = store.quotes(web_filters(request), limit=PER_PAGE, offset=offset)
    return _render(
        request,
        "quotes.html",
        nav="quotes",
        page=page,
        pages=_pages(page.total, PER_PAGE, offset),
        kind_label=labels.speaker_kind_label,
    )


def _event_params(request: Request) -> dict[str, str | None]:
    """The events view's own filters: PLOVER type, actor type and country (ISO code)."""
    return {"etype": _param(request, "type", 40), "actor_type": _param(request, "actor_type", 40),
            "country": _param(request, "country", 3)}


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> HTMLResponse:
    store = _store(request)
    offset = _int_param(request, "offset", 0, 1_000_000)
    own = _event_params(request)
    sel = events_view.select(store, web_filters(request), offset=offset, limit=PER_PAGE, **own)
    own_params = {"type": own["etype"], "actor_type": own["actor_type"],
                  "country": own["country"]}
    return _render(
        request,
        "events.html",
        nav="events",
        page=sel,
        pages=_pages(sel.total, PER_PAGE, offset),
        chosen=own_params,
        events_api=_url("/events/map.json", {**_current(request), **own_params}),
        mode_label=lambda m: labels.EVENT_MODES.get(m, m),
        actor_type_label=lambda t: labels.ACTOR_TYPES.get(t, t) if t else "",
    )


@router.get("/events/map.json", include_in_schema=False)
def events_map(request: Request) -> Response:
    """The located events passing the page's filters, as GeoJSON for the events map."""
    sel = events_view.select(_store(request), web_filters(request), offset=0,
                             limit=MAX_PLACES_PAGE, **_event_params(request))
    return JSONResponse(events_view.geojson(sel.items))


# --------------------------------------------------------------------------- stories

#: Story sizes offered by the filter of the stories page.
STORY_SIZES = (1, 2, 3, 5, 10)


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request) -> HTMLResponse:
    """Stories saved by ``rasd stories --db``, filtered like search (date, entity, place)."""
    store = _store(request)
    offset = _int_param(request, "offset", 0, 1_000_000)
    min_size = max(1, _int_param(request, "min", 2, 10_000))
    filters = web_filters(request)
    page = store.stories(filters, min_size=min_size, limit=PER_PAGE, offset=offset)
    computed = page.total > 0 or store.stories(limit=1).total > 0
    return _render(
        request,
        "stories.html",
        nav="stories",
        page=page,
        pages=_pages(page.total, PER_PAGE, offset),
        min_size=min_size,
        sizes=STORY_SIZES,
        computed=computed,
        filtered=not filters.is_empty(),
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    """One story: timeline by outlet, who said what, agreements and contradictions, what is
    involved and what each later article added (:mod:`rasd.web.story_report`)."""
    from rasd.web.story_report import build_report

    report = build_report(_store(request), story_id)
    return _render(request, "story.html", nav="stories", r=report, story=report.story,
                   claim_kind=labels.claim_kind)

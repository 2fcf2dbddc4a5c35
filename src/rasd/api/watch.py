"""``rasd watch`` over HTTP, mounted via ``extra_routers``: the alerts as an Atom feed
(``/alerts.atom``, for any feed reader) and as JSON (``/api/watch/alerts``), each watched
source's health (``/api/watch/status``) and both on one page (``/watch``, the site's
template, autoescaped).  Read-only; rules are managed from the CLI."""

from __future__ import annotations

import time
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from rasd.api.deps import StoreDep
from rasd.store.watch import WatchState
from rasd.watch.atom import atom_feed
from rasd.web.pages import templates

router = APIRouter(tags=["watch"])

Limit = Annotated[int, Query(ge=1, le=1000, description="Newest alerts to return")]


@router.get("/alerts.atom", summary="Alerts as an Atom feed",
            response_class=Response, responses={200: {"content": {"application/atom+xml": {}}}})
def alerts_atom(request: Request, store: StoreDep, limit: Limit = 100) -> Response:
    alerts = WatchState(store).alerts(limit=limit)
    body = atom_feed(alerts, base_url=str(request.base_url))
    return Response(body, media_type="application/atom+xml; charset=utf-8")


@router.get("/api/watch/alerts", summary="Alerts with the spans that triggered them")
def alerts_json(store: StoreDep, limit: Limit = 100) -> dict[str, Any]:
    items = [a.as_dict() for a in WatchState(store).alerts(limit=limit)]
    return {"total": len(items), "items": items}


@router.get("/api/watch/status", summary="Each watched source's health")
def status(store: StoreDep) -> dict[str, Any]:
    now = time.time()
    state = WatchState(store)
    day, urls = state.new_since(now - 86400), state.new_since()
    items = [{**s.as_dict(now), "new_24h": day.get(s.name, 0), "urls_seen": urls.get(s.name, 0)}
             for s in state.sources()]
    return {"total": len(items), "flagged": sum(1 for s in items if s["flag"]), "items": items}


@router.get("/watch", response_class=HTMLResponse, include_in_schema=False)
def watch_page(request: Request, store: StoreDep) -> HTMLResponse:
    state = WatchState(store)
    now = time.time()
    sources = [s.as_dict(now) for s in state.sources()]
    ctx = {"request": request, "nav": "watch", "current": {}, "sources": sources,
           "flagged": sum(1 for s in sources if s["flag"]),
           "alerts": [a.as_dict() for a in state.alerts(limit=50)]}
    return templates.TemplateResponse(request, "watch.html", ctx)

"""Write path of the API: request body → un-analysed documents → analysed and stored.

Body parsing is strict about size (each document's text/HTML is checked against
``Settings.max_document_bytes`` → HTTP 413) and shape (anything else → 422), and never
interprets the text: HTML sent as ``text`` is stored verbatim and shown escaped.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

from fastapi import HTTPException, Request
from starlette.concurrency import run_in_threadpool

from rasd.api.settings import Settings
from rasd.doc import Document, Meta
from rasd.errors import RasdError
from rasd.store.base import AddResult, Store

#: A JSON body may carry a small batch; bigger jobs belong to ``rasd ingest``.
MAX_BATCH = 50
_META_KEYS = ("title", "outlet", "url", "published", "author", "source")


def _too_large(what: str, limit: int) -> HTTPException:
    return HTTPException(413, f"{what} over the {limit} byte document limit")


def _meta_from(obj: dict[str, Any], source: str) -> Meta:
    meta = Meta(source=source)
    for k in _META_KEYS:
        v = obj.get(k)
        if v is not None:
            if not isinstance(v, str):
                raise HTTPException(422, f"field {k!r} must be a string")
            setattr(meta, k, v[:2000])
    if meta.published:
        meta.published_info = {"method": "api", "reliable": True}
    return meta


def _html_document(html: str, meta: Meta, source: str) -> Document:
    """Extract the article from a page with the HTML reader (trafilatura + fallbacks)."""
    from rasd.ingest.html import html_to_document

    return html_to_document(html, source, url=meta.url, meta=meta)


def _one(obj: Any, settings: Settings, index: int) -> Document:
    if not isinstance(obj, dict):
        raise HTTPException(422, f"item {index}: expected a JSON object")
    limit = settings.max_document_bytes
    source = f"api:{index}"
    if "layers" in obj or "schema_version" in obj:
        text = obj.get("text")
        if not isinstance(text, str):
            raise HTTPException(422, f"item {index}: document JSON without text")
        if len(text.encode()) > limit:
            raise _too_large(f"item {index}", limit)
        try:
            meta = Meta.from_dict(obj.get("meta") or {})
        except TypeError as e:
            raise HTTPException(422, f"item {index}: bad meta ({e})") from e
        meta.source = meta.source or source
        return Document(text, meta)  # re-analysed: layers are recomputed, never trusted
    text, html = obj.get("text"), obj.get("html")
    if (text is None) == (html is None):
        raise HTTPException(422, f"item {index}: give exactly one of 'text' or 'html'")
    body = text if text is not None else html
    if not isinstance(body, str) or not body.strip():
        raise HTTPException(422, f"item {index}: empty or non-string text")
    if len(body.encode()) > limit:
        raise _too_large(f"item {index}", limit)
    meta = _meta_from(obj, source)
    if html is not None:
        return _html_document(html, meta, source)
    return Document(body, meta)


async def read_ingest_body(request: Request, settings: Settings) -> tuple[list[Document], list[str]]:
    """Parse the request body by content type into documents (not yet analysed)."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    raw = await request.body()
    if not raw.strip():
        raise HTTPException(422, "empty request body")
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise HTTPException(422, "request body must be UTF-8") from e
    errors: list[str] = []
    try:
        if ctype in ("application/json", ""):
            try:
                data = json.loads(body)
            except json.JSONDecodeError as e:
                raise HTTPException(422, f"invalid JSON: {e.msg} at {e.pos}") from e
            except RecursionError as e:  # [[[[…]]]]: the parser's depth, not a server fault
                raise HTTPException(422, "invalid JSON: nested too deeply") from e
            items = data if isinstance(data, list) else [data]
            if len(items) > MAX_BATCH:
                raise HTTPException(413, f"at most {MAX_BATCH} documents per request")
            return [_one(x, settings, i) for i, x in enumerate(items)], errors
        if len(raw) > settings.max_document_bytes:
            raise _too_large("document", settings.max_document_bytes)
        params = {k: v for k, v in request.query_params.items() if k in _META_KEYS}
        meta = _meta_from(params, "api:0")
        if ctype == "text/plain":
            return [Document(body, meta)], errors
        if ctype in ("text/html", "application/xhtml+xml"):
            return [_html_document(body, meta, "api:0")], errors
    except RasdError as e:
        raise HTTPException(422, str(e)) from e
    raise HTTPException(415, f"unsupported content type {ctype!r}: use JSON, text or HTML")


class Ingestor:
    """Analyse and store documents in a worker thread (analysis is CPU work).

    One lock serialises analysis: the pipeline caches models that are not known to be
    thread-safe, and API ingest is for small batches (``rasd ingest`` is the bulk path).
    """

    def __init__(self, store: Callable[[], Store]) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._pipe: Any = None

    def _run(self, docs: list[Document]) -> list[AddResult]:
        from rasd.pipeline import Pipeline
        from rasd.store.version import pipeline_version

        out = []
        with self._lock:
            if self._pipe is None:
                self._pipe = Pipeline()
            pipe = self._pipe
            version = pipeline_version(pipe)
            store = self._store()
            for doc in docs:
                out.append(store.add(pipe(doc), analysis_version=version))
        return out

    async def __call__(self, docs: list[Document]) -> list[AddResult]:
        try:
            return await run_in_threadpool(self._run, docs)
        except RasdError as e:
            raise HTTPException(422, str(e)) from e


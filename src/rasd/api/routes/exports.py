"""``/api/exports/{format}``: stream the exporters of :mod:`rasd.export` over HTTP.

The exporters are ``write_x(docs, out: TextIO)`` functions (the same ones ``rasd export``
uses).  :func:`stream_export` runs one in a producer thread with its *own* store connection
(stores are one-per-thread) writing into a bounded queue, and the response streams the
queue: memory stays bounded, nothing is capped, and a client that disconnects stops the
producer at its next write.  Exports honour the search query and filters.
"""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from rasd.api.deps import FiltersDep
from rasd.doc import Document
from rasd.store.base import Filters

router = APIRouter(prefix="/api/exports", tags=["exports"])

Writer = Callable[[Iterable[Document], Any], Any]
_DONE = object()
CHUNK = 64 * 1024


class _Cancelled(Exception):
    """The client went away: stop producing."""


class _QueueWriter:
    """A text sink that batches writes into ~64 kB UTF-8 chunks on a bounded queue."""

    def __init__(self, q: queue.Queue, stop: threading.Event) -> None:
        self.q, self.stop = q, stop
        self.buf: list[str] = []
        self.size = 0

    def write(self, s: str) -> int:
        if self.stop.is_set():
            raise _Cancelled
        self.buf.append(s)
        self.size += len(s)
        if self.size >= CHUNK:
            self.flush()
        return len(s)

    def flush(self) -> None:
        if self.buf:
            data = "".join(self.buf).encode("utf-8")
            self.buf, self.size = [], 0
            while not self.stop.is_set():
                try:
                    self.q.put(data, timeout=0.5)
                    return
                except queue.Full:
                    continue
            raise _Cancelled


def stream_export(request: Request, write: Writer, query: str, filters: Filters) -> Iterator[bytes]:
    """Run ``write(docs, sink)`` in a thread over the selected documents; yield its bytes."""
    from rasd.store.select import iter_selected

    open_store = request.app.state.stores.factory
    q: queue.Queue = queue.Queue(maxsize=16)
    stop = threading.Event()

    def produce() -> None:
        sink = _QueueWriter(q, stop)
        try:
            store = open_store()
            try:
                write(iter_selected(store, query, filters), sink)
                sink.flush()
            finally:
                store.close()
        except _Cancelled:
            return
        except Exception as e:  # noqa: BLE001 - reported in-band: headers are already sent
            q.put(RuntimeError(f"export failed: {e}"))
        q.put(_DONE)

    thread = threading.Thread(target=produce, name="rasd-export", daemon=True)
    thread.start()
    try:
        while True:
            item = q.get()
            if item is _DONE:
                return
            if isinstance(item, Exception):
                raise item
            yield item
    finally:
        stop.set()


def _response(request: Request, write: Writer, query: str, filters: Filters, media: str,
              filename: str) -> StreamingResponse:
    return StreamingResponse(
        stream_export(request, write, query, filters),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


QueryText = Annotated[str, Query(max_length=1000, description="Full-text query (as in search)")]


@router.get("/jsonl", summary="Full documents with every layer, JSON Lines")
def export_jsonl(request: Request, filters: FiltersDep, q: QueryText = "") -> StreamingResponse:
    from rasd.export.jsonl import write_jsonl

    return _response(request, write_jsonl, q, filters, "application/x-ndjson", "rasd.jsonl")


@router.get("/csv", summary="Entities, quotes, events, places or times as CSV (one row each)")
def export_csv(
    request: Request,
    filters: FiltersDep,
    q: QueryText = "",
    what: Literal["entities", "quotes", "events", "places", "times"] = "entities",
) -> StreamingResponse:
    from rasd.export.csv import write_csv

    def write(docs: Iterable[Document], out: Any) -> Any:
        return write_csv(docs, out, what)

    return _response(request, write, q, filters, "text/csv; charset=utf-8", f"rasd-{what}.csv")


@router.get("/acled", summary="Events as an ACLED-style CSV (time and geo precision codes)")
def export_acled(request: Request, filters: FiltersDep, q: QueryText = "") -> StreamingResponse:
    from rasd.export.acled import write_acled

    return _response(request, write_acled, q, filters, "text/csv; charset=utf-8",
                     "rasd-acled.csv")


@router.get("/ftm", summary="FollowTheMoney entities (Article, Mention, Event), JSON Lines")
def export_ftm(request: Request, filters: FiltersDep, q: QueryText = "") -> StreamingResponse:
    from rasd.export.ftm import write_ftm

    return _response(request, write_ftm, q, filters, "application/x-ndjson", "rasd-ftm.jsonl")


@router.get("/annotations", summary="Quotes as W3C Web Annotations (JSON-LD)")
def export_annotations(
    request: Request,
    filters: FiltersDep,
    q: QueryText = "",
    lines: Annotated[bool, Query(description="One annotation per line")] = False,
) -> StreamingResponse:
    from rasd.export.annotations import write_annotations

    def write(docs: Iterable[Document], out: Any) -> Any:
        return write_annotations(docs, out, lines=lines)

    media = "application/x-ndjson" if lines else "application/ld+json"
    return _response(request, write, q, filters, media,
                     "rasd-annotations.jsonl" if lines else "rasd-annotations.jsonld")


@router.get("/geojson", summary="Place mentions as an RFC 7946 FeatureCollection (streamed)")
def export_geojson(request: Request, filters: FiltersDep, q: QueryText = "") -> StreamingResponse:
    from rasd.export.geojson import place_features

    def write(docs: Iterable[Document], out: Any) -> int:
        out.write('{"type": "FeatureCollection", "features": [')
        n = 0
        for doc in docs:
            for f in place_features(doc):
                out.write(("," if n else "") + "\n" + json.dumps(f, ensure_ascii=False))
                n += 1
        out.write("\n]}\n")
        return n

    return _response(request, write, q, filters, "application/geo+json", "rasd-places.geojson")

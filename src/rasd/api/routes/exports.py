"""``/api/exports/{format}``: stream the exporters of :mod:`rasd.export` over HTTP.

One route per format of :data:`rasd.export.registry.EXPORTERS` (the table ``rasd export``
reads too), with the format's options as query parameters and its media type and download
name.  The writers are ``write_x(docs, out: TextIO, **options)`` functions.  :func:`stream_export` runs one in a producer thread with its *own* store connection
(stores are one-per-thread) writing into a bounded queue, and the response streams the
queue: memory stays bounded, nothing is capped, and a client that disconnects stops the
producer at its next write.  Exports honour the search query and filters.
"""

from __future__ import annotations

import inspect
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from rasd.api.deps import FiltersDep
from rasd.doc import Document
from rasd.export.registry import EXPORTERS, Exporter, Option
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

    stores = request.app.state.stores
    q: queue.Queue = queue.Queue(maxsize=16)
    stop = threading.Event()

    def produce() -> None:
        sink = _QueueWriter(q, stop)
        try:  # the server's shared store: its pool bounds the connections
            write(iter_selected(stores.get(), query, filters), sink)
            sink.flush()
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


def _option_parameter(o: Option) -> inspect.Parameter:
    """The query parameter of a format option: a ``Literal`` of its choices, or a flag."""
    annotation: Any = bool
    if o.choices:
        annotation = Literal.__getitem__(o.choices)  # Literal["a", "b", …] built at run time
    return inspect.Parameter(o.name, inspect.Parameter.KEYWORD_ONLY, default=o.default,
                             annotation=Annotated[annotation, Query(description=o.help)])


def export_route(e: Exporter) -> Callable[..., StreamingResponse]:
    """The endpoint of one registered format: search query and filters, the format's own
    options as query parameters, the registry's media type and download name."""

    def endpoint(request: Request, filters: Filters, q: str = "",
                 **options: Any) -> StreamingResponse:
        def write(docs: Iterable[Document], out: Any) -> int:
            return e.write(docs, out, **options)

        return _response(request, write, q, filters, e.media_type_for(options),
                         e.filename_for(options))

    params = [
        inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD,
                          annotation=Request),
        inspect.Parameter("filters", inspect.Parameter.POSITIONAL_OR_KEYWORD,
                          annotation=FiltersDep),
        inspect.Parameter("q", inspect.Parameter.KEYWORD_ONLY, annotation=QueryText,
                          default=""),
        *(_option_parameter(o) for o in e.options),
    ]
    endpoint.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        params, return_annotation=StreamingResponse)
    endpoint.__name__ = f"export_{e.name}"
    return endpoint


for _e in EXPORTERS.values():
    if _e.api:
        router.add_api_route(f"/{_e.name}", export_route(_e), methods=["GET"],
                             summary=_e.summary)

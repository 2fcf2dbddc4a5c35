"""The FastAPI application: JSON API under ``/api``, web pages at ``/``, docs offline.

:func:`create_app` is the one factory used by ``rasd serve``, the tests and the benchmark.
Swagger UI is served from bundled files (``/static/vendor/swagger-ui``) because FastAPI's
default docs page loads its JavaScript from a CDN, and rasd must work without a network.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from rasd.api.deps import StoreFactory, StoreProvider
from rasd.api.extra_routers import ROUTERS
from rasd.api.ingest import Ingestor
from rasd.api.limits import (
    BodyLimitMiddleware,
    HostAllowListMiddleware,
    SecurityHeadersMiddleware,
)
from rasd.api.routes import documents, exports, records, search, stories
from rasd.api.settings import Settings
from rasd.errors import InputError, RasdError, StoreBusy, TooLarge
from rasd.store.base import NotFound

log = logging.getLogger("rasd.api")

STATIC_DIR = Path(__file__).resolve().parent.parent / "web" / "static"


def _wants_html(request: Request) -> bool:
    """Web pages get HTML error pages; everything under /api gets JSON."""
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get(
        "accept", ""
    )


def _error(request: Request, status: int, message: str, headers: dict | None = None) -> Response:
    if _wants_html(request):
        from rasd.web.pages import error_page

        return error_page(request, status, message)
    return JSONResponse({"detail": message}, status_code=status, headers=headers)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(TooLarge)
    async def too_large(request: Request, exc: TooLarge) -> Response:
        return _error(request, 413, str(exc))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Response:
        return _error(request, 422, str(exc))

    @app.exception_handler(StoreBusy)
    async def busy(request: Request, exc: StoreBusy) -> Response:
        # another process holds the archive's write lock: a retryable condition, not a bug
        return _error(request, 503, str(exc), {"Retry-After": "5"})

    @app.exception_handler(DataError)
    async def bad_value(request: Request, exc: DataError) -> Response:
        # the database refused a value taken from the request (a NUL byte in a PostgreSQL
        # text parameter, an integer out of range): the request is at fault, not the server
        log.info("value refused by the database on %s: %s", request.url.path,
                 str(exc.orig).splitlines()[0] if exc.orig else exc)
        return _error(request, 422, "a parameter holds a value the archive cannot take")

    @app.exception_handler(RasdError)
    async def rasd_error(request: Request, exc: RasdError) -> Response:
        log.error("store or pipeline error on %s: %s", request.url.path, exc)
        return _error(request, 500, str(exc))

    # Starlette's class: FastAPI's HTTPException subclasses it, and FastAPI's own body parser,
    # 404 for unknown paths and 405 raise Starlette's
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if isinstance(exc.__cause__, RecursionError):  # FastAPI's body parser on [[[[…]]]]
            return _error(request, 422, "invalid JSON: nested too deeply")
        return _error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_html(request):
            return _error(request, 422, "بعض المعطيات غير صالحة / invalid parameters")
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        return JSONResponse({"detail": errors}, status_code=422)


def _include_extra_routers(app: FastAPI) -> None:
    for ref in ROUTERS:
        module, _, attr = ref.partition(":")
        try:
            app.include_router(getattr(importlib.import_module(module), attr))
        except Exception as e:  # noqa: BLE001 - one broken plug-in must not stop the server
            log.warning("extra router %s not loaded: %s", ref, e)


#: connections beyond one per worker thread: streamed exports read from producer threads
EXTRA_CONNECTIONS = 4


def _default_factory(settings: Settings) -> StoreFactory:
    from rasd.store import open_store

    # one pool per process: a connection per worker thread plus a few for export producers
    return lambda: open_store(settings.db, create=True, pool_size=settings.threads,
                              max_overflow=EXTRA_CONNECTIONS)


def create_app(
    settings: Settings | None = None,
    store_factory: StoreFactory | None = None,
) -> FastAPI:
    """Build the app.  ``store_factory`` opens the store the whole process shares (called
    once, on first use); by default ``open_store(settings.db)`` with a pool of
    ``settings.threads`` connections."""
    settings = settings or Settings.from_env()
    stores = StoreProvider(store_factory or _default_factory(settings))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # each busy worker thread uses one pooled connection: cap the threads at the pool
        # size so a busy server keeps a bounded number of database connections
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        yield
        stores.close()

    app = FastAPI(
        title="rasd API",
        summary="Arabic news intelligence: documents, search, entities, places, quotes, events",
        description=(
            "Every fact carries character offsets into the untouched original text. "
            "Read-only unless the server was started with a token; write endpoints take "
            "`Authorization: Bearer <token>`. All listings are paged (`limit`, `offset`)."
        ),
        version=_version(),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.stores = stores
    app.state.ingest = Ingestor(stores.get)

    _install_error_handlers(app)
    for module in (documents, search, records, exports, stories):
        app.include_router(module.router)
    _include_extra_routers(app)

    @app.get("/api/health", tags=["meta"], summary="Liveness and archive size")
    def health(request: Request) -> dict[str, object]:
        store = request.app.state.stores.get()
        return {"status": "ok", "documents": store.count(), "read_only": not settings.token}

    @app.get("/api/stats", tags=["meta"], summary="Row counts per table")
    def stats(request: Request) -> dict[str, int]:
        return request.app.state.stores.get().stats()

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="rasd API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    from rasd.web.pages import FacetCache
    from rasd.web.pages import router as pages_router

    app.state.facet_cache = FacetCache()
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    # outermost first: size limit runs before anything reads the body
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_request_bytes)
    app.add_middleware(HostAllowListMiddleware, allowed=settings.allowed_hosts)
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("rasd")
    except PackageNotFoundError:
        return "0"

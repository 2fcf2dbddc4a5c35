"""Request dependencies: the per-thread store, common filters, paging and the write token.

A :class:`~rasd.store.base.Store` is "one per thread" (SQLite connections must not cross
threads).  FastAPI runs plain ``def`` endpoints in a thread pool, so :class:`StoreProvider`
opens one store per worker thread on first use and closes them all at shutdown.
"""

from __future__ import annotations

import contextlib
import hmac
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, Header, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from rasd.api.settings import MAX_PAGE, Settings
from rasd.store.base import Filters, Store

StoreFactory = Callable[[], Store]


class StoreProvider:
    """Lazily opens one store per thread from ``factory``; :meth:`close` closes them all."""

    def __init__(self, factory: StoreFactory) -> None:
        self._factory = factory
        #: opens a new, unshared store (for producer threads that close it themselves)
        self.factory = factory
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Store] = []

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._factory()
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            with contextlib.suppress(Exception):  # closing at shutdown must not raise
                store.close()
        self._local = threading.local()


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> Store:
    return request.app.state.stores.get()


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, description=f"Page size (capped at {MAX_PAGE}).")] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")] = 0,
) -> Paging:
    """Every listing is paged; an over-large ``limit`` is capped rather than refused."""
    return Paging(min(limit, MAX_PAGE), offset)


PagingDep = Annotated[Paging, Depends(paging)]


def filters(
    entity: Annotated[str | None, Query(max_length=200, description="Entity id or name")] = None,
    place: Annotated[str | None, Query(max_length=200, description="Place id or name")] = None,
    date_from: Annotated[
        date | None, Query(alias="from", description="Published on or after (YYYY-MM-DD)")
    ] = None,
    date_to: Annotated[
        date | None, Query(alias="to", description="Published on or before (YYYY-MM-DD)")
    ] = None,
    source: Annotated[str | None, Query(max_length=500, description="Outlet or source")] = None,
    kind: Annotated[
        Literal["quote", "event"] | None,
        Query(description="Only documents with at least one quote / event"),
    ] = None,
) -> Filters:
    """The search filters shared by search, listings and exports."""
    from rasd.export.ids import place_id_of

    return Filters(
        entity=entity or None,
        place=place_id_of(place) if place else None,  # a gazetteer id (gn:…) works too
        date_from=date_from.isoformat() if date_from else None,
        date_to=date_to.isoformat() if date_to else None,
        source=source or None,
        kind=kind,
    )


FiltersDep = Annotated[Filters, Depends(filters)]


bearer = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="The server's write token (`rasd serve --token` or `RASD_TOKEN`).",
)


def require_token(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)] = None,
    x_rasd_token: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> None:
    """Write endpoints: 403 when the server has no token (read-only), 401 on a wrong one.

    The token is taken from ``Authorization: Bearer …`` or ``X-Rasd-Token`` and compared in
    constant time.
    """
    if not settings.token:
        raise HTTPException(403, "this server is read-only: start it with --token or RASD_TOKEN")
    given = credentials.credentials if credentials else (x_rasd_token or "")
    if not given or not hmac.compare_digest(given.encode(), settings.token.encode()):
        raise HTTPException(
            401, "missing or wrong token", headers={"WWW-Authenticate": 'Bearer realm="rasd"'}
        )


TokenDep = Depends(require_token)

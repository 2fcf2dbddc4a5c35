"""Request dependencies: the server's store, common filters, paging and the write token.

The server process holds ONE store, hence one engine and one connection pool, shared by
every worker thread (the SQL store's engine hands each thread its own pooled connection).
A store per worker thread leaked connections: anyio retires idle worker threads and starts
new ones, each opened another store and none was closed (PostgreSQL connections grew
36 → 63 over four idle/burst rounds).  :class:`StoreProvider` opens the store on first use
and closes it at shutdown.
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
    """The process's one store, opened from ``factory`` on first use and shared by every
    thread; :meth:`close` closes it (its pool's connections) at shutdown."""

    def __init__(self, factory: StoreFactory) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._store: Store | None = None
        #: how many stores this provider opened (one per process unless closed and reused)
        self.opened = 0

    def get(self) -> Store:
        store = self._store
        if store is None:
            with self._lock:
                if self._store is None:
                    self._store = self._factory()
                    self.opened += 1
                store = self._store
        return store

    def close(self) -> None:
        with self._lock:
            store, self._store = self._store, None
        if store is not None:
            with contextlib.suppress(Exception):  # closing at shutdown must not raise
                store.close()


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

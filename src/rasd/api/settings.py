"""Server options shared by ``rasd serve``, the app factory and the tests."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

# the page-size caps live in rasd.paging (the web pages need them too); re-exported here
from rasd.paging import MAX_PAGE as MAX_PAGE
from rasd.paging import MAX_PLACES_PAGE as MAX_PLACES_PAGE

#: Request bodies larger than this are refused with HTTP 413 before they are read whole.
DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024
#: One ingested document (its text or HTML, UTF-8) may not exceed this (HTTP 413).
DEFAULT_MAX_DOCUMENT_BYTES = 2 * 1024 * 1024


#: Host names a browser uses for a server on this machine: the default allow-list.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


def allowed_hosts_from_env() -> tuple[str, ...]:
    """``RASD_ALLOWED_HOSTS`` (comma-separated; ``*`` allows any), else the loopback names."""
    raw = os.environ.get("RASD_ALLOWED_HOSTS", "")
    names = tuple(h.strip().lower() for h in raw.split(",") if h.strip())
    return names or LOOPBACK_HOSTS


@dataclass(frozen=True)
class Settings:
    """What a running server needs to know.

    ``token`` switches on the write endpoints: without one the API is read-only, so a server
    started by mistake on a shared machine cannot be written to.
    """

    db: str | None = None
    token: str | None = None
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
    #: worker threads per process; the process's one connection pool has this many
    #: connections (plus a few for streamed exports)
    threads: int = 8
    #: Host header names answered (without port); others get 400.  A web page on another
    #: site cannot then read the archive through DNS rebinding (its requests carry the
    #: attacker's name).  ``*`` allows any.
    allowed_hosts: tuple[str, ...] = field(default_factory=allowed_hosts_from_env)

    @classmethod
    def from_env(cls, db: str | None = None, token: str | None = None,
                 **kw: Any) -> Settings:
        """Fill ``db``/``token`` (and size limits) from ``RASD_DB`` / ``RASD_TOKEN`` /
        ``RASD_MAX_REQUEST_BYTES`` / ``RASD_MAX_DOCUMENT_BYTES`` / ``RASD_THREADS`` when not
        given."""
        for key in ("max_request_bytes", "max_document_bytes", "threads"):
            env = os.environ.get(f"RASD_{key.upper()}")
            if key not in kw and env and env.isdigit():
                kw[key] = int(env)
        return cls(
            db=db or os.environ.get("RASD_DB") or None,
            token=token or os.environ.get("RASD_TOKEN") or None,
            **kw,
        )

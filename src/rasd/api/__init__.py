"""The HTTP API and web interface: ``create_app(settings)`` → a FastAPI app."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["app_from_env", "create_app"]


def create_app(*args, **kwargs) -> FastAPI:  # type: ignore[no-untyped-def]
    """See :func:`rasd.api.app.create_app` (imported lazily: FastAPI loads only when used)."""
    from rasd.api.app import create_app as _create

    return _create(*args, **kwargs)


def app_from_env() -> FastAPI:
    """App factory for multi-worker uvicorn: settings from ``RASD_DB`` / ``RASD_TOKEN``."""
    from rasd.api.settings import Settings

    return create_app(Settings.from_env())

"""The archive: analysed documents in SQLite (default) or PostgreSQL, searchable.

Program against :class:`rasd.store.base.Store`; get one with :func:`open_store`.  The public
names are those of :mod:`rasd.store.base` (the contract) plus :func:`open_store` and
``DEFAULT_DB`` (:mod:`rasd.store.opener`).  docs/store.md maps the package.
"""

from rasd.store import base as _base
from rasd.store.base import *  # noqa: F403 - re-export exactly base.__all__
from rasd.store.opener import DEFAULT_DB, open_store

__all__ = [*_base.__all__, "DEFAULT_DB", "open_store"]

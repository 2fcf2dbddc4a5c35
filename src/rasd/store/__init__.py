"""The archive: analysed documents in SQLite (default) or PostgreSQL, searchable.

Program against :class:`rasd.store.base.Store`; get one with :func:`open_store`.  The public
names are those of :mod:`rasd.store.base` (one list, kept there).
"""

from rasd.store import base as _base
from rasd.store.base import *  # noqa: F403 - re-export exactly base.__all__

__all__ = list(_base.__all__)

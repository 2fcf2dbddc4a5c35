"""Alembic migrations for the rasd store, applied automatically by :func:`rasd.store.open_store`."""

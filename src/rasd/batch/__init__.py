"""Batch analysis at scale (Dask)."""

"""The search page's facet cache: bounded, expiring, and keyed so an ingest invalidates it."""

from __future__ import annotations

import time

from rasd.store import Filters
from rasd.web.pages import FacetCache


def test_cache_hits_evicts_and_expires() -> None:
    c = FacetCache(size=2, ttl=0.2)
    k1, k2, k3 = ("إدلب", Filters(), 10), ("دمشق", Filters(place="دمشق"), 10), ("", Filters(), 10)
    c.put(k1, {"entities": [1]})
    c.put(k2, {"entities": [2]})
    assert c.get(k1) == {"entities": [1]}  # k1 now most recent
    c.put(k3, {"entities": [3]})  # evicts k2, the least recently used
    assert c.get(k2) is None and c.get(k1) and c.get(k3)
    assert c.get(("إدلب", Filters(), 11)) is None  # one more document: another key
    time.sleep(0.25)
    assert c.get(k1) is None

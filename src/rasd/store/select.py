"""Stream every document matching a query + filters (for exports: never capped).

Search results are paged through in full (ids only, no facets), then documents are loaded in
chunks, so memory stays bounded however large the result set is.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from rasd.doc import Document
from rasd.store.base import Filters, Store

PAGE = 1000


def iter_selected(store: Store, query: str = "", filters: Filters | None = None
                  ) -> Iterator[Document]:
    filters = filters or Filters()
    if not query.strip():
        yield from store.iter_documents(filters)
        return
    offset = 0
    while True:
        res = store.search(query, filters, limit=PAGE, offset=offset, facets=False)
        ids = tuple(h.doc.id for h in res.hits)
        if ids:
            yield from store.iter_documents(replace(filters, doc_ids=ids))
        offset += PAGE
        if len(res.hits) < PAGE or offset >= res.total:
            return

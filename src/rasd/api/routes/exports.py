"""``/api/exports/{format}``: stream an export of the documents matching the search filters.

Placeholder until the exporters land: only JSONL (full documents) is built in.
"""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from rasd.api.deps import FiltersDep, StoreDep

router = APIRouter(prefix="/api/exports", tags=["exports"])


@router.get("/jsonl", summary="Full documents as JSON Lines (streamed, never capped)")
def export_jsonl(store: StoreDep, filters: FiltersDep) -> StreamingResponse:
    def lines() -> Iterator[bytes]:
        for doc in store.iter_documents(filters):
            yield (doc.to_json() + "\n").encode()

    return StreamingResponse(lines(), media_type="application/x-ndjson")

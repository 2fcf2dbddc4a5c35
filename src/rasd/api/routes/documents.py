"""``/api/documents``: list, fetch with every layer, and (with the token) ingest."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter, Request

from rasd.api.deps import FiltersDep, PagingDep, SettingsDep, StoreDep, TokenDep
from rasd.api.ingest import read_ingest_body
from rasd.api.models import DocumentOut, DocumentPage, IngestResponse

router = APIRouter(prefix="/api/documents", tags=["documents"])


@router.get("", response_model=DocumentPage, summary="List documents, newest first")
def list_documents(store: StoreDep, page: PagingDep, filters: FiltersDep) -> DocumentPage:
    p = store.list_documents(filters, limit=page.limit, offset=page.offset)
    return DocumentPage(items=p.items, total=p.total, limit=p.limit, offset=p.offset)


@router.get("/{doc_id}", response_model=DocumentOut, summary="One document with all layers")
def get_document(doc_id: str, store: StoreDep) -> DocumentOut:
    doc = store.get(doc_id)
    group = store.group_of(doc_id)
    return DocumentOut(
        document=doc.to_dict(),
        summary=store.summary(doc_id),
        sources=store.sources_of(doc_id),
        group=asdict(group),
    )


@router.post(
    "",
    response_model=IngestResponse,
    status_code=201,
    dependencies=[TokenDep],
    summary="Analyse and store documents (needs the server token)",
    openapi_extra={
        "requestBody": {
            "description": (
                "text/plain (the article text; metadata as query parameters title, outlet, "
                "url, published), text/html (a web page: main text and metadata are "
                "extracted), or application/json: one object or a list of objects with "
                "`text` or `html` and optional `title`, `outlet`, `url`, `published`, "
                "`author` (a rasd document JSON is accepted too)."
            ),
            "content": {
                "text/plain": {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}},
                "application/json": {"schema": {"type": "object"}},
            },
        }
    },
)
async def ingest(request: Request, settings: SettingsDep) -> IngestResponse:
    docs, errors = await read_ingest_body(request, settings)
    results = await request.app.state.ingest(docs)
    return IngestResponse(results=results, errors=errors)

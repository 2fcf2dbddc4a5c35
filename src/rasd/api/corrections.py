"""HTTP API for corrections by people (W3C Web Annotations), mounted via ``extra_routers``.

``GET /api/corrections`` lists them (optionally for one document); ``POST /api/corrections``
records one and rewrites the affected stored documents at once, so every other endpoint, page
and export shows the corrected record.  Writing needs the server's token.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, Field

from rasd.api.deps import StoreDep, TokenDep
from rasd.errors import InputError

router = APIRouter(prefix="/api/corrections", tags=["corrections"])


class CorrectionIn(BaseModel):
    """One correction.  Span actions address ``doc_id`` + ``layer`` + ``start``/``end``
    (character offsets into the original text); merge/split address entity names."""

    action: Literal["accept", "reject", "relabel", "merge", "split"]
    creator: str = Field("anonymous", max_length=200, description="Who corrects")
    doc_id: str | None = Field(None, max_length=64)
    layer: str | None = Field(None, max_length=40, description="entities, places, times, quotes…")
    start: int | None = Field(None, ge=0)
    end: int | None = Field(None, ge=0)
    label: str | None = Field(None, max_length=40)
    attrs: dict[str, Any] | None = Field(None, description="Attributes to set (relabel)")
    speaker: str | None = Field(None, max_length=300, description="Quotes: the real speaker")
    entity: str | None = Field(None, max_length=300, description="merge/split: the entity")
    other: str | None = Field(None, max_length=300, description="merge: merged into entity")
    note: str | None = Field(None, max_length=2000)


@router.get("", summary="List corrections (W3C Web Annotations)")
def list_corrections(
    store: StoreDep,
    doc_id: Annotated[str | None, Query(max_length=64)] = None,
) -> dict[str, Any]:
    from rasd.corrections import CorrectionStore

    items = CorrectionStore(store).list(doc_id)
    return {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
            "total": len(items), "items": items}  # fmt: skip


@router.post("", summary="Record a correction", dependencies=[TokenDep], status_code=201)
def add_correction(body: CorrectionIn, store: StoreDep) -> dict[str, Any]:
    from rasd.corrections import CorrectionStore, make_correction, reapply, speaker_attrs
    from rasd.store import NotFound

    doc = None
    if body.action in ("accept", "reject", "relabel"):
        if not body.doc_id:
            raise HTTPException(422, "doc_id, layer, start and end are required")
        try:
            doc = store.get(body.doc_id)
        except NotFound as e:
            raise HTTPException(404, f"no document {body.doc_id}") from e
    attrs = dict(body.attrs or {})
    if body.speaker and doc is not None:
        attrs["speaker"] = speaker_attrs(doc.text, body.speaker)
    try:
        ann = make_correction(
            body.action, body.creator, doc=doc, layer=body.layer, start=body.start,
            end=body.end, label=body.label, attrs=attrs or None, entity=body.entity,
            other=body.other, note=body.note,
        )  # fmt: skip
    except InputError as e:
        raise HTTPException(422, str(e)) from e
    cs = CorrectionStore(store)
    cs.add(ann)
    return {"annotation": ann, "documents_updated": reapply(store, cs, only=ann)}

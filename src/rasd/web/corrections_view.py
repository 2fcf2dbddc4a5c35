"""What the article page needs to let people correct its extractions.

The page lists the document's corrections (W3C Web Annotations from the archive) and offers a
form over every correctable extraction.  The form posts to ``POST /api/corrections`` (the same
endpoint scripts use) with the server's token, so the web page never gets a write path the API
does not have.  Everything here is plain data; the template escapes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rasd.doc import Document

#: Layers a person can correct from the article page, in display order.
CORRECTABLE = ("entities", "places", "times", "quotes", "events")
_MAX_OPTION_TEXT = 60
ACTION_NAMES = {"accept": "قبول", "reject": "رفض", "relabel": "إعادة تصنيف", "merge": "دمج",
                "split": "فصل"}  # fmt: skip


@dataclass(frozen=True)
class Option:
    value: str  # "layer:start:end"
    text: str


@dataclass(frozen=True)
class Row:
    action: str
    layer: str
    quote: str
    label: str
    creator: str
    created: str


def options(doc: Document) -> list[tuple[str, list[Option]]]:
    """``[(layer, [Option…])]`` for the form's grouped select, in text order per layer."""
    out = []
    for layer in CORRECTABLE:
        opts = []
        for s in doc.layer(layer):
            if s.attrs.get("boilerplate"):
                continue
            piece = " ".join(doc.text[s.start : s.end].split())
            if len(piece) > _MAX_OPTION_TEXT:
                piece = piece[: _MAX_OPTION_TEXT - 1] + "…"
            label = f" ({s.label})" if s.label else ""
            opts.append(Option(f"{layer}:{s.start}:{s.end}", f"{piece}{label} [{s.start}:{s.end}]"))
        if opts:
            out.append((layer, opts))
    return out


def rows(store: Any, doc_id: str) -> list[Row]:
    """The document's corrections, oldest first (empty when the archive has none yet)."""
    from rasd.corrections import CorrectionStore

    try:
        anns = CorrectionStore(store).list(doc_id)
    except Exception:  # noqa: BLE001 - a corrections table problem must not break reading
        return []
    out = []
    for a in anns:
        body = a.get("body") or {}
        if isinstance(body, list):
            body = body[0] if body else {}
        target = a.get("target") or {}
        selectors = target.get("selector") or [] if isinstance(target, dict) else []
        quote = next((s.get("exact", "") for s in selectors if isinstance(s, dict)
                      and s.get("type") == "TextQuoteSelector"), "")  # fmt: skip
        creator = a.get("creator") or ""
        if isinstance(creator, dict):
            creator = creator.get("name") or creator.get("id") or ""
        out.append(Row(
            action=ACTION_NAMES.get(str(body.get("rasd:action")), str(a.get("motivation", ""))),
            layer=str(target.get("rasd:layer", "") if isinstance(target, dict) else ""),
            quote=str(quote),
            label=str(body.get("rasd:label") or ""),
            creator=str(creator),
            created=str(a.get("created", ""))[:19],
        ))  # fmt: skip
    return out

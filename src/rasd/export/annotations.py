"""Quotes → W3C Web Annotation (JSON-LD), each anchored twice in the original text.

One ``Annotation`` per quote: the target is the article (its URL, else ``urn:rasd:doc:<id>``)
with a ``TextQuoteSelector`` (exact words + 32 characters of prefix/suffix, robust to edits)
and a ``TextPositionSelector`` (code-point offsets into the untouched text).  Bodies say who
spoke (``identifying``), the cue verb and stance (``describing``/``tagging``).  Output is an
``AnnotationPage`` written incrementally, or JSON lines of self-contained annotations.
"""

# no ``from __future__ import annotations`` here: it would be shadowed by :func:`annotations`
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from rasd.doc import Document
from rasd.store import records

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_LEN = 32


def annotations(doc: Document) -> Iterator[dict[str, Any]]:
    """One self-contained Web Annotation per quote of ``doc`` (no ``@context``: the caller
    adds it once per page, or to each line in JSON-lines output)."""
    text = doc.text
    source = doc.meta.url or f"urn:rasd:doc:{doc.id}"
    ents, _ = records.entity_rows(doc)
    for q in records.quote_rows(doc, {e["span_id"]: e["entity_id"] for e in ents}):
        s, e = q["start"], q["end"]
        attrs = json.loads(q["attrs"]) if q["attrs"] else {}
        bodies: list[dict[str, Any]] = []
        if q["speaker"]:
            bodies.append({"type": "TextualBody", "purpose": "identifying", "value": q["speaker"],
                           "format": "text/plain", "language": "ar"})
        if q["cue"]:
            bodies.append({"type": "TextualBody", "purpose": "describing", "value": q["cue"],
                           "format": "text/plain", "language": "ar"})
        bodies.append({"type": "TextualBody", "purpose": "tagging", "value": "quote"})
        if attrs.get("stance"):
            bodies.append({"type": "TextualBody", "purpose": "tagging",
                           "value": f"stance:{attrs['stance']}"})
        yield {
            "id": f"urn:rasd:quote:{doc.id}:{q['span_id']}",
            "type": "Annotation",
            "motivation": "identifying" if q["speaker"] else "highlighting",
            "created": doc.meta.published,
            "body": bodies,
            "target": {
                "source": source,
                "selector": [
                    {"type": "TextQuoteSelector", "exact": text[s:e],
                     "prefix": text[max(0, s - CONTEXT_LEN):s], "suffix": text[e:e + CONTEXT_LEN]},
                    {"type": "TextPositionSelector", "start": s, "end": e},
                ],
            },
        }


def write_annotations(docs: Iterable[Document], out: TextIO, lines: bool = False) -> int:
    """Write an AnnotationPage (default) or JSON lines; returns the annotation count."""
    n = 0
    if lines:
        for doc in docs:
            for a in annotations(doc):
                out.write(json.dumps({"@context": CONTEXT, **a}, ensure_ascii=False) + "\n")
                n += 1
        return n
    head = json.dumps({"@context": CONTEXT, "id": "urn:rasd:annotations",
                       "type": "AnnotationPage"}, ensure_ascii=False)
    out.write(head[:-1] + ', "items": [')
    for doc in docs:
        for a in annotations(doc):
            out.write(("," if n else "") + "\n  " + json.dumps(a, ensure_ascii=False))
            n += 1
    out.write("\n]}\n")
    return n

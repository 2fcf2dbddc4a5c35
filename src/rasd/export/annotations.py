"""Quotes → W3C Web Annotation (JSON-LD), each anchored twice in the original text.

One ``Annotation`` per quote, in the shape of rasd's corrections (``rasd correct export``):
the target's ``source`` is the rasd document ``urn:rasd:doc:<id>`` — the offsets count into
rasd's extracted text, not into the web page — with the page URL as its ``scope``, a
``TextQuoteSelector`` (exact words + 32 characters of prefix/suffix, robust to edits) and a
``TextPositionSelector`` (code-point offsets into the untouched text).  ``created`` and
``generated`` are date-times (when the annotation was written), ``creator``/``generator``
name the software and its analysis version.  Bodies say who
spoke (``identifying``), the cue verb and stance (``describing``/``tagging``).  Output is an
``AnnotationPage`` written incrementally, or JSON lines of self-contained annotations.
"""

# no ``from __future__ import annotations`` here: it would be shadowed by :func:`annotations`
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from rasd.corrections import CONTEXT, RASD_NS, software_agent, span_target, timestamp
from rasd.doc import Document
from rasd.store import records

#: the JSON-LD context of every annotation rasd writes (W3C + rasd's own terms)
CONTEXTS: list[Any] = [CONTEXT, {"rasd": RASD_NS}]


def annotations(doc: Document) -> Iterator[dict[str, Any]]:
    """One self-contained Web Annotation per quote of ``doc`` (no ``@context``: the caller
    adds it once per page, or to each line in JSON-lines output)."""
    now = timestamp()
    agent = software_agent()
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
            "created": now,
            "generated": now,
            "creator": agent,
            "generator": agent,
            "body": bodies,
            "target": span_target(doc, "quotes", s, e),
        }


def write_annotations(docs: Iterable[Document], out: TextIO, format: str = "json",  # noqa: A002
                      lines: bool = False) -> int:
    """Write one AnnotationPage (``format="json"``) or one annotation per line (``"jsonl"``;
    ``lines=True`` is the older spelling); returns the annotation count."""
    n = 0
    if format == "jsonl" or lines:
        for doc in docs:
            for a in annotations(doc):
                out.write(json.dumps({"@context": CONTEXTS, **a}, ensure_ascii=False) + "\n")
                n += 1
        return n
    head = json.dumps({"@context": CONTEXTS, "id": "urn:rasd:annotations",
                       "type": "AnnotationPage"}, ensure_ascii=False)
    out.write(head[:-1] + ', "items": [')
    for doc in docs:
        for a in annotations(doc):
            out.write(("," if n else "") + "\n  " + json.dumps(a, ensure_ascii=False))
            n += 1
    out.write("\n]}\n")
    return n

"""Readable plain-text view of an analysed document (``rasd analyze --format text``).

Each layer is a section listing its spans as ``[start:end] text → reading``, so a reader can
check every fact against the original.  Sections for layers built by later components are
added by registering a renderer in :data:`SECTIONS`.
"""

from __future__ import annotations

from collections.abc import Callable

from rasd.doc import Document, Span
from rasd.render.entities import cluster_lines, entity_lines
from rasd.render.sourcing import (
    render_contradictions,
    render_events,
    render_quotes,
    render_sourcing,
)
from rasd.render.timeplace import render_places, render_times

Renderer = Callable[[Document], list[str]]

#: sections derived from a layer rather than named after one: section → the layer it reads
DERIVED = {"sourcing": "quotes"}


def _loc(s: Span) -> str:
    return f"[{s.start}:{s.end}]"


def _meta(doc: Document) -> list[str]:
    m = doc.meta
    out = [f"document {doc.id}  ({len(doc.text)} chars)"]
    for k in ("title", "outlet", "url", "author", "published", "language", "source"):
        v = getattr(m, k)
        if v:
            out.append(f"  {k}: {v}")
    if m.published_info:
        out.append(f"  published_info: {m.published_info}")
    return out


def _boilerplate(doc: Document) -> list[str]:
    return [f"  {_loc(s)} ({s.label}) {doc.span_text(s)[:70]}" for s in doc.layer("boilerplate")]


def _sentences(doc: Document) -> list[str]:
    bp = doc.layer("boilerplate")
    out = []
    for i, s in enumerate(doc.layer("sentences")):
        mark = " [boilerplate]" if any(b.start <= s.start and s.end <= b.end for b in bp) else ""
        out.append(f"  {i:>3} {_loc(s)}{mark} {doc.span_text(s)}")
    return out


def _normalized(doc: Document) -> list[str]:
    return [
        f"  {_loc(s)} {doc.span_text(s)} → {s.attrs.get('norm')}" for s in doc.layer("normalized")
    ]


SECTIONS: dict[str, Renderer] = {
    "sentences": _sentences,
    "boilerplate": _boilerplate,
    "normalized": _normalized,
    "entities": entity_lines,
    "entity_clusters": cluster_lines,
    "times": render_times,
    "places": render_places,
    "quotes": render_quotes,
    "sourcing": render_sourcing,
    "events": render_events,
    "contradictions": render_contradictions,
}


def render_text(doc: Document) -> str:
    """The whole document: its metadata, then one section per layer or relation it has (in
    :data:`SECTIONS` order), then its warnings."""
    lines = _meta(doc)
    for name, fn in SECTIONS.items():
        if DERIVED.get(name, name) in doc.layers or name in doc.relations:
            body = fn(doc)
            lines.append("")
            lines.append(f"== {name} ({len(body)}) ==")
            lines.extend(body)
    if doc.warnings:
        lines.append("")
        lines.append("== warnings ==")
        lines.extend(f"  {w}" for w in doc.warnings)
    return "\n".join(lines)

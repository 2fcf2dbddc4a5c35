"""Readable sections for ``rasd analyze --format text``: the ``times`` and ``places`` layers.

Kept apart from the extractors so rendering imports no regexes or gazetteer.
"""

from __future__ import annotations

from rasd.doc import Document


def render_times(doc: Document) -> list[str]:
    """``[start:end] TYPE evidence → value (anchor, mod)`` per time expression."""
    out = []
    for s in doc.layer("times"):
        a = s.attrs
        extra = [f"anchor {a['anchor']}"] if a.get("anchor") else []
        for k in ("mod", "calendar", "hijri", "offset"):
            if a.get(k):
                extra.append(f"{k} {a[k]}")
        out.append(f"  [{s.start}:{s.end}] {s.label:<8} {doc.span_text(s)} → {a.get('value')}"
                   + (f"  ({', '.join(extra)})" if extra else ""))
    return out


def render_places(doc: Document) -> list[str]:
    """``[start:end] evidence → name (country, kind) lat,lon [method conf]`` per mention."""
    out = []
    for s in doc.layer("places"):
        a = s.attrs
        if not a.get("resolved"):
            out.append(f"  [{s.start}:{s.end}] {doc.span_text(s)} → (unresolved)")
            continue
        out.append(
            f"  [{s.start}:{s.end}] {doc.span_text(s)} → {a.get('name_en')} / {a.get('name_ar')}"
            f" ({a.get('country') or '-'}, {a.get('kind')}) {a.get('lat')},{a.get('lon')}"
            f"  [{a.get('method')} {a.get('confidence')}]"
        )
    return out

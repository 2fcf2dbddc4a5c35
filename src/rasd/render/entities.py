"""Text rendering of the ``entities`` layer and ``entity_clusters`` for ``rasd analyze``."""

from __future__ import annotations

from rasd.doc import Document


def entity_lines(doc: Document) -> list[str]:
    """One line per mention: offsets, type, evidence → canonical form, cluster."""
    out = []
    for s in doc.layer("entities"):
        a = s.attrs
        flag = " [boilerplate]" if a.get("boilerplate") else ""
        out.append(
            f"  [{s.start}:{s.end}] {s.label:<5} {doc.span_text(s)} → {a.get('canonical')}"
            f"  ({a.get('cluster')}: {a.get('entity')}, {a.get('confidence')}){flag}"
        )
    return out


def cluster_lines(doc: Document) -> list[str]:
    """One line per entity: id, type, canonical name, number of mentions and their forms."""
    by_id = {s.id: s for s in doc.layer("entities")}
    out = []
    for c in doc.relations.get("entity_clusters", []):
        forms: list[str] = []
        for m in c["mentions"]:
            s = by_id.get(m)
            if s is not None and doc.span_text(s) not in forms:
                forms.append(doc.span_text(s))
        out.append(
            f"  {c['id']:<5} {c['type']:<5} {c['canonical']}  ×{len(c['mentions'])}: "
            + " | ".join(forms)
        )
    return out

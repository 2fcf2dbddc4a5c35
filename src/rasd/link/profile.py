"""Entity profiles across the archive: timeline, co-mentions, places, quotes by and about.

Built on cross-document resolution (:mod:`rasd.link.resolve`), so "كيم جونغ أون" in one
outlet and "Kim Jong Un" in another count as one person.  Quote speakers are resolved
together with entity mentions (a quote *by* someone), and a quote whose content contains a
mention of an identity is a quote *about* it.  The co-mention network links identities that
appear in the same article (edge weight = number of shared articles) and exports to GraphML or
GEXF via networkx, for Gephi and friends.
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from rasd.doc import Document
from rasd.link.resolve import Identity, NameMention, Resolver

_PLACE_TYPES = {"LOC", "GPE", "FAC"}


@dataclass
class Profile:
    identity: Identity
    mentions: list[dict[str, Any]] = field(default_factory=list)
    timeline: list[tuple[str, int]] = field(default_factory=list)  # (day, mentions)
    co_mentions: list[tuple[str, str, int]] = field(default_factory=list)  # (id, name, docs)
    places: list[tuple[str, int]] = field(default_factory=list)  # (place name, docs)
    quotes_by: list[dict[str, Any]] = field(default_factory=list)
    quotes_about: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "identity": self.identity.to_dict(),
            "mentions": self.mentions,
            "timeline": self.timeline,
            "co_mentions": [{"id": i, "name": n, "documents": w} for i, n, w in self.co_mentions],
            "places": [{"name": n, "documents": c} for n, c in self.places],
            "quotes_by": self.quotes_by,
            "quotes_about": self.quotes_about,
        }


def _speaker(doc: Document, q: Any) -> tuple[str, int | None, int | None] | None:
    sp = q.attrs.get("speaker")
    if not isinstance(sp, dict):
        return None
    if "start" in sp and "end" in sp:
        return doc.text[sp["start"] : sp["end"]], sp["start"], sp["end"]
    if sp.get("text"):
        return str(sp["text"]), None, None
    return None


class Archive:
    """Resolved view of a set of documents: who is mentioned where, said what, with whom."""

    def __init__(self, docs: Iterable[Document], resolver: Resolver | None = None) -> None:
        self.docs = {d.id: d for d in docs}
        rows: list[tuple[str, str, str, NameMention, dict[str, Any]]] = []
        for d in self.docs.values():
            for s in d.layer("entities"):
                if s.attrs.get("boilerplate"):
                    continue
                name = str(s.attrs.get("entity") or s.attrs.get("canonical") or d.span_text(s))
                mention: dict[str, Any] = {"doc_id": d.id, "span_id": s.id, "start": s.start, "end": s.end,
                        "text": d.span_text(s), "published": d.meta.published,
                        "outlet": d.meta.outlet}  # fmt: skip
                rows.append(("mention", d.id, s.id, NameMention(name, d.meta.published,
                                                                s.label or None), mention))
            for q in d.layer("quotes"):
                sp = _speaker(d, q)
                kind = (q.attrs.get("speaker") or {}).get("kind", "")
                if sp is None or kind in ("anonymous", "unnamed", "document", "media"):
                    continue
                content = q.attrs.get("content") or {"start": q.start, "end": q.end}
                info: dict[str, Any] = {"doc_id": d.id, "span_id": q.id, "start": q.start, "end": q.end,
                        "speaker": sp[0], "content": d.text[content["start"] : content["end"]],
                        "stance": q.attrs.get("stance"), "published": d.meta.published,
                        "outlet": d.meta.outlet}  # fmt: skip
                rows.append(("speaker", d.id, q.id, NameMention(sp[0], d.meta.published, "PER"),
                             info))
        ids, self.identities = (resolver or Resolver()).resolve([r[3] for r in rows])
        self.mentions: dict[str, list[dict]] = defaultdict(list)
        self.quotes_by: dict[str, list[dict]] = defaultdict(list)
        self.doc_ids: dict[str, set[str]] = defaultdict(set)
        self.in_doc: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        for (kind, doc_id, _sid, _m, info), ident in zip(rows, ids, strict=True):
            if kind == "mention":
                self.mentions[ident].append(info)
                self.doc_ids[ident].add(doc_id)
                self.in_doc[doc_id].append((ident, info["start"], info["end"]))
            else:
                self.quotes_by[ident].append(info)

    def find(self, name_or_id: str) -> str | None:
        """Identity id for an id, a canonical name or any alias (spelling-folded)."""
        from rasd.link.resolve import name_key

        if name_or_id in self.identities:
            return name_or_id
        key = name_key(name_or_id)
        for i, ident in self.identities.items():
            if name_key(ident.canonical) == key or key in {name_key(a) for a in ident.aliases}:
                return i
        return None

    def co_mentions(self) -> Counter[tuple[str, str]]:
        """Documents shared by each pair of identities (pairs sorted)."""
        pairs: Counter[tuple[str, str]] = Counter()
        for ents in self.in_doc.values():
            ids = sorted({e for e, _, _ in ents})
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    pairs[(a, b)] += 1
        return pairs

    def profile(self, ident: str) -> Profile:
        p = Profile(self.identities[ident])
        p.mentions = sorted(self.mentions[ident],
                            key=lambda m: (m["published"] or "", m["doc_id"], m["start"]))
        days = Counter((m["published"] or "")[:10] for m in p.mentions if m["published"])
        p.timeline = sorted(days.items())
        co: Counter[str] = Counter()
        for (a, b), w in self.co_mentions().items():
            if a == ident:
                co[b] += w
            elif b == ident:
                co[a] += w
        p.co_mentions = [(i, self.identities[i].canonical, w) for i, w in
                         sorted(co.items(), key=lambda x: (-x[1], x[0]))]  # fmt: skip
        places: Counter[str] = Counter()
        for doc_id in self.doc_ids[ident]:
            d = self.docs[doc_id]
            names = {str(s.attrs.get("name") or d.span_text(s)) for s in d.layer("places")}
            if not names:
                names = {self.identities[e].canonical for e, _, _ in self.in_doc[doc_id]
                         if (self.identities[e].type or "") in _PLACE_TYPES and e != ident}
            places.update(names)
        p.places = sorted(places.items(), key=lambda x: (-x[1], x[0]))
        p.quotes_by = self.quotes_by.get(ident, [])
        for doc_id in self.doc_ids[ident]:
            d = self.docs[doc_id]
            spans = [(a, b) for e, a, b in self.in_doc[doc_id] if e == ident]
            for q in d.layer("quotes"):
                c = q.attrs.get("content") or {"start": q.start, "end": q.end}
                if any(c["start"] <= a and b <= c["end"] for a, b in spans):
                    p.quotes_about.append({"doc_id": doc_id, "span_id": q.id, "start": q.start,
                                           "end": q.end,
                                           "content": d.text[c["start"] : c["end"]],
                                           "published": d.meta.published})  # fmt: skip
        return p

    def graph(self, min_weight: int = 1) -> nx.Graph:
        """Co-mention network: nodes = identities, edge weight = shared documents."""
        g = nx.Graph()
        for i, ident in self.identities.items():
            if i not in self.mentions:
                continue  # speakers never mentioned as entities stay out of the network
            g.add_node(i, label=ident.canonical, type=ident.type or "",
                       mentions=len(self.mentions[i]), documents=len(self.doc_ids[i]))  # fmt: skip
        for (a, b), w in sorted(self.co_mentions().items()):
            if w >= min_weight:
                g.add_edge(a, b, weight=w)
        return g


def write_network(g: nx.Graph, fmt: str = "graphml") -> str:
    """Serialize the network as GraphML or GEXF text."""
    buf = io.BytesIO()  # the file writers keep Arabic as UTF-8 (generators escape it)
    if fmt == "gexf":
        nx.write_gexf(g, buf, encoding="utf-8")
    else:
        nx.write_graphml(g, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")

"""Write cross-document identities into a stored archive, so every view shows them.

(An application step above both :mod:`rasd.link.resolve` and :mod:`rasd.corrections`, which
itself reads the resolver's name keys: kept outside ``rasd.link`` so the two packages do not
import each other.)

The store groups entity mentions by type and folded name, so "كيم جونغ أون" and "Kim Jong
Un" stay two entities there.  :func:`link_identities` resolves all mentions of the archive
together (:mod:`rasd.link.resolve`, honouring the merge/split corrections people made) and
rewrites each entity span's ``entity`` attribute to its identity's canonical name (the
in-document name is kept as ``entity_in_doc``, the stable identity id as ``identity``, its
Latin-script aliases as ``latin``).
Afterwards the store's entity pages, facets and exports count one identity per person.

People's corrections come in as a :class:`Corrections` (``rasd.corrections.CorrectionSet``):
this module does not import :mod:`rasd.corrections`, which itself builds on
:mod:`rasd.link.resolve`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

from rasd.doc import Document
from rasd.link.resolve import Overrides


class Corrections(Protocol):
    """People's corrections as identity linking uses them."""

    def apply(self, doc: Document) -> Document:
        """``doc`` with the span corrections applied (changed in place)."""
        ...

    def overrides(self) -> Overrides:
        """The merge/split corrections for the resolver."""
        ...


def latin_aliases(canonical: str, names: list[str]) -> list[str]:
    """Latin-script names of an identity: its curated undated aliases
    (``rasd/link/data/aliases.json``: "Houthis", "Kim Jong-un") and the Latin names it was
    mentioned by.  The archive stores them with the identity (:mod:`rasd.store.latin`)."""
    from rasd.lang.ar.latin import is_latin_query
    from rasd.link.resolve import load_aliases

    out = [a.name for a in load_aliases() if a.entity == canonical and a.valid_from is None
           and a.valid_to is None and is_latin_query(a.name)]
    out.extend(n for n in names if is_latin_query(n) and n not in out)
    return out


def link_identities(store: Any, progress: Callable[[int], None] | None = None, *,
                    corrections: Corrections | None = None) -> int:
    """Resolve identities across the whole archive and store them; returns documents changed.

    ``corrections`` (``rasd.corrections.CorrectionSet.load(store)``) are applied to every
    document and honoured by the resolver; without them the model's readings are linked as
    they are.  Holds the archive's documents in memory while resolving (fine for tens of
    thousands of articles; larger archives should run it per time slice).
    """
    from rasd.link.resolve import Resolver, resolve_documents

    docs = list(store.iter_documents())
    overrides = Overrides()
    if corrections is not None:
        docs = [corrections.apply(d) for d in docs]
        overrides = corrections.overrides()
    ids, idents = resolve_documents(docs, Resolver(overrides=overrides))
    digest = hashlib.sha1(json.dumps(sorted(idents)).encode()).hexdigest()[:8]
    latin_of = {i: latin_aliases(x.canonical, x.aliases) for i, x in idents.items()}
    changed = 0
    for doc in docs:
        before = json.dumps(doc.to_dict()["layers"], sort_keys=True)
        spans = []
        for s in doc.layer("entities"):
            ident = ids.get((doc.id, s.id))
            if ident is None:
                spans.append(s)
                continue
            attrs = dict(s.attrs)
            attrs.setdefault("entity_in_doc", attrs.get("entity"))
            attrs["entity"] = idents[ident].canonical
            attrs["identity"] = ident
            latin = latin_of.get(ident)
            if latin:
                attrs["latin"] = latin
            spans.append(replace(s, attrs=attrs))
        doc.set_layer("entities", spans, as_is=True)
        if json.dumps(doc.to_dict()["layers"], sort_keys=True) != before:
            base = (store.version_of(doc.id) or "unversioned").split("+")[0]
            store.add(doc, f"{base}+link-{digest}")
            changed += 1
        if progress:
            progress(1)
    return changed

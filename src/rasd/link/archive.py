"""Write cross-document identities into a stored archive, so every view shows them.

The store groups entity mentions by type and folded name, so "كيم جونغ أون" and "Kim Jong
Un" stay two entities there.  :func:`link_identities` resolves all mentions of the archive
together (:mod:`rasd.link.resolve`, honouring the merge/split corrections people made) and
rewrites each entity span's ``entity`` attribute to its identity's canonical name (the
in-document name is kept as ``entity_in_doc``, the stable identity id as ``identity``).
Afterwards the store's entity pages, facets and exports count one identity per person.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any


def link_identities(store: Any, progress: Callable[[int], None] | None = None) -> int:
    """Resolve identities across the whole archive and store them; returns documents changed.

    Holds the archive's documents in memory while resolving (fine for tens of thousands of
    articles; larger archives should run it per time slice).
    """
    from rasd.corrections import CorrectionStore, apply_corrections, resolver_overrides
    from rasd.link.resolve import Resolver, resolve_documents

    anns = CorrectionStore(store).list()
    docs = [apply_corrections(d, anns) for d in store.iter_documents()]
    ids, idents = resolve_documents(docs, Resolver(overrides=resolver_overrides(anns)))
    digest = hashlib.sha1(json.dumps(sorted(idents)).encode()).hexdigest()[:8]
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
            spans.append(replace(s, attrs=attrs))
        doc.layers["entities"] = spans
        if json.dumps(doc.to_dict()["layers"], sort_keys=True) != before:
            base = (store.version_of(doc.id) or "unversioned").split("+")[0]
            store.add(doc, f"{base}+link-{digest}")
            changed += 1
        if progress:
            progress(1)
    return changed

"""Cross-document identities written into the archive: the store then counts one person."""

from __future__ import annotations

from rasd.corrections import CorrectionSet, CorrectionStore, make_correction
from rasd.doc import Document, Meta, Span
from rasd.identities import link_identities
from rasd.store import open_store


def _doc(text: str, names: list[str], day: str) -> Document:
    d = Document(text, Meta(published=day, outlet="test"))
    spans = []
    for n in names:
        i = text.index(n)
        spans.append(Span(i, i + len(n), "PER", "", {"canonical": n, "entity": n}))
    d.set_layer("entities", spans, "ent")
    return d


def test_variants_become_one_stored_entity(tmp_path):
    db = str(tmp_path / "a.db")
    docs = [
        _doc("قال زعيم كوريا الشمالية كيم جونغ أون إن بلاده ستواصل تجاربها.", ["كيم جونغ أون"],
             "2023-09-10"),
        _doc("استقبل الرئيس الروسي Kim Jong Un في قاعدة فوستوتشني.", ["Kim Jong Un"],
             "2023-09-13"),
        _doc("وصل كيم جونغ اون إلى موسكو بالقطار المصفح، ومعه أبو عبيدة.",
             ["كيم جونغ اون", "أبو عبيدة"], "2023-09-12"),
    ]  # fmt: skip
    with open_store(db) as store:
        for d in docs:
            store.add(d, "test-v1")
        before = {e.name: e.doc_count for e in store.entities(limit=50).items}
        assert before["Kim Jong Un"] == 1 and len(before) == 3  # Latin spelling apart
        CorrectionStore(store).add(make_correction("merge", "t", entity="كيم جونغ أون",
                                                   other="أبو عبيدة"))  # fmt: skip
        assert link_identities(store, corrections=CorrectionSet.load(store)) == 3
        ents = store.entities(limit=50).items
        assert [(e.name, e.doc_count) for e in ents] == [("كيم جونغ أون", 3)]
        stored = store.get(docs[1].id)
        (span,) = stored.layer("entities")
        assert stored.span_text(span) == "Kim Jong Un"  # the evidence is untouched
        assert span.attrs["entity_in_doc"] == "Kim Jong Un" and span.attrs["identity"]
        assert link_identities(store, corrections=CorrectionSet.load(store)) == 0  # idempotent

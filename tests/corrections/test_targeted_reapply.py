"""A correction re-stores only the documents it touches (issue 20: after any merge/split
correction, every ``POST /api/corrections`` re-stored the whole archive — 687 s for one
reject).  Counted, not timed: which documents ``reapply`` loads and rewrites."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rasd.corrections import CorrectionStore, make_correction, reapply, touched_documents
from rasd.doc import Document, Meta, Span
from rasd.store import open_store

TEXTS = {
    "a": "قال أحمد سالم إن الاجتماع في الرياض كان ناجحا.",
    "b": "وصل خالد إلى جدة مساء الأحد في زيارة قصيرة.",
    "c": "التقى الوزير أحمد سالم بوفد تجاري في القاهرة.",
    "d": "ارتفعت أسعار النفط في الأسواق العالمية اليوم.",
}
NAMES = {"a": "أحمد سالم", "b": "خالد", "c": "أحمد سالم", "d": "النفط"}


class Counting:
    """A store that records which documents were loaded and rewritten."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.loaded: list[str] = []
        self.added: list[str] = []

    def get(self, doc_id: str) -> Document:
        self.loaded.append(doc_id)
        return self._store.get(doc_id)

    def add(self, doc: Document, version: str | None = None) -> Any:
        self.added.append(doc.id)
        return self._store.add(doc, version)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def _archive(tmp: Path) -> tuple[str, dict[str, str]]:
    db = str(tmp / "c.db")
    ids = {}
    with open_store(db) as s:
        for key, text in TEXTS.items():
            doc = Document(text, Meta(source=f"{key}.txt"))
            a = text.index(NAMES[key])
            doc.set_layer("entities", [Span(a, a + len(NAMES[key]), "PER", "e0")])
            s.add(doc, "v1")
            ids[key] = doc.id
    return db, ids


def test_a_span_correction_touches_its_document_only(tmp_path: Path) -> None:
    db, ids = _archive(tmp_path)
    with open_store(db) as raw:
        store = Counting(raw)
        cs = CorrectionStore(raw)
        cs.add(make_correction("merge", "x", entity="أحمد سالم", other="خالد"))  # entity-level
        d = raw.get(ids["d"])
        ann = make_correction("reject", "x", doc=d, layer="entities", start=d.layer(
            "entities")[0].start, end=d.layer("entities")[0].end)
        cs.add(ann)
        assert reapply(store, cs, only=ann) == 1
        assert store.loaded == [ids["d"]] and store.added == [ids["d"]]
        assert raw.get(ids["d"]).layer("entities") == []


def test_a_merge_touches_the_documents_naming_its_entities(tmp_path: Path) -> None:
    db, ids = _archive(tmp_path)
    with open_store(db) as raw:
        store = Counting(raw)
        cs = CorrectionStore(raw)
        ann = make_correction("merge", "x", entity="أحمد سالم", other="خالد")
        cs.add(ann)
        assert sorted(touched_documents(raw, ann)) == sorted([ids["a"], ids["b"], ids["c"]])
        assert reapply(store, cs, only=ann) == 1  # only "خالد" changes: merged into the other
        assert ids["d"] not in store.loaded and store.added == [ids["b"]]
        merged = raw.get(ids["b"]).layer("entities")[0]
        assert merged.attrs["entity"] == "أحمد سالم"
        # the full re-application (after a re-analysis) still visits every document
        store.loaded.clear()
        reapply(store, cs)
        assert sorted(store.loaded) == sorted(ids.values())

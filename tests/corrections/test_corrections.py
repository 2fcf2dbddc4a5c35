"""Corrections survive re-analysis with a changed model and show in exports, API and web.

The "model" is a small gazetteer entity component registered here in two versions (v2 finds
other names and types), so the test does not depend on a trained NER model being present.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import cli
from rasd.config import Config
from rasd.corrections import (
    CorrectedPipeline,
    CorrectionStore,
    apply_corrections,
    make_correction,
    reapply,
    training_examples,
)
from rasd.doc import Document, Span
from rasd.link.corpus import iter_corpus
from rasd.pipeline import Pipeline, component
from rasd.store import open_store

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
FILES = ("mashreq-2023-03-10-riyadh-tehran-deal.txt", "khaleej-2023-03-10-saudi-iran-beijing.txt",
         "rafidain-2023-03-11-iraq-role-saudi-iran.txt")  # fmt: skip
V1 = {"علي شمخاني": "PER", "شمخاني": "PER", "وانغ يي": "PER", "بكين": "LOC", "جون كيربي": "PER"}
V2 = {**V1, "مساعد العيبان": "PER", "بكين": "GPE", "الصين": "GPE"}


def _gazetteer(names: dict[str, str]):
    def run(doc: Document, config: Config) -> None:
        spans, taken = [], set()
        for name in sorted(names, key=len, reverse=True):
            i = doc.text.find(name)
            while i >= 0:
                if not any(a < i + len(name) and i < b for a, b in taken):
                    spans.append(Span(i, i + len(name), names[name], "",
                                      {"canonical": name, "entity": name}))
                    taken.add((i, i + len(name)))
                i = doc.text.find(name, i + 1)
        doc.set_layer("entities", spans, "ent")

    return run


component("test_gazetteer_v1", requires=(), assigns=("entities",))(_gazetteer(V1))
component("test_gazetteer_v2", requires=(), assigns=("entities",))(_gazetteer(V2))
BASE = ("text", "boilerplate", "quotes")


def _pipe(version: str) -> Pipeline:
    return Pipeline(Config(components=(*BASE, f"test_gazetteer_{version}")))


@pytest.fixture()
def archive(tmp_path):
    db = str(tmp_path / "rasd.db")
    pipe = _pipe("v1")
    from rasd.store.version import pipeline_version

    docs = [d for d in iter_corpus([str(SAMPLES)]) if Path(d.meta.source).name in FILES]
    with open_store(db) as store:
        for d in docs:
            store.add(pipe(d), pipeline_version(pipe))
    return db, {Path(d.meta.source).name: d.id for d in docs}


def _state(store, ids):
    wire = store.get(ids[FILES[0]])
    ents = [(wire.span_text(s), s.start) for s in wire.layer("entities")]
    quote = next(q for q in wire.layer("quotes") if q.start == _quote_start(wire))
    speakers = quote.attrs.get("speaker", {})
    merged = {e.name for e in store.entities(name="شمخاني", limit=50).items}
    return ents, speakers, merged


def _quote_start(doc: Document) -> int:
    return next(q.start for q in doc.layer("quotes")
                if doc.span_text(q).startswith("وقال وانغ يي"))  # fmt: skip


def test_three_corrections_survive_reanalysis(archive):
    db, ids = archive
    with open_store(db) as store:
        wire = store.get(ids[FILES[0]])
        wang = wire.text.index("وانغ يي")
        assert any(s.start == wang for s in wire.layer("entities"))
        q = next(q for q in wire.layer("quotes") if q.start == _quote_start(wire))
        assert q.attrs["speaker"]["text"] == "وانغ يي"
        cs = CorrectionStore(store)
        cs.add(make_correction("reject", "ليلى", doc=wire, layer="entities", start=wang,
                               end=wang + len("وانغ يي"), note="not an entity here"))
        kirby = wire.text.index("جون كيربي")
        cs.add(make_correction("relabel", "ليلى", doc=wire, layer="quotes", start=q.start,
                               end=q.end, attrs={"speaker": {"start": kirby,
                                                              "end": kirby + len("جون كيربي"),
                                                              "text": "جون كيربي"}}))
        cs.add(make_correction("merge", "سامر", entity="علي شمخاني", other="شمخاني"))
        assert reapply(store, cs) >= 1

        def check() -> None:
            ents, speaker, merged = _state(store, ids)
            assert ("وانغ يي", wang) not in ents  # 1. rejected
            assert speaker.get("text") == "جون كيربي"  # 2. relabelled
            assert merged == {"علي شمخاني"}  # 3. merged: one identity left

        check()
        # re-analysis with a changed model (v2): the wrapped pipeline re-applies corrections
        counts = store.reanalyze(CorrectedPipeline(_pipe("v2"), cs), only_outdated=False)
        assert counts["reanalyzed"] == len(FILES) and counts["failed"] == 0
        wire2 = store.get(ids[FILES[0]])
        assert any(s.attrs.get("canonical") == "مساعد العيبان" for s in wire2.layer("entities"))
        check()
        # a plain re-analysis loses them in the stored layers; `rasd correct apply` restores
        store.reanalyze(_pipe("v2"), only_outdated=False)
        assert _state(store, ids)[1].get("text") == "وانغ يي"
    r = CliRunner().invoke(cli, ["correct", "apply", "--db", db])
    assert r.exit_code == 0, r.output
    with open_store(db) as store:
        ents, speaker, merged = _state(store, ids)
        assert ("وانغ يي", wang) not in ents and speaker["text"] == "جون كيربي"
        assert merged == {"علي شمخاني"}

    # exports: lossless JSONL (another module's export reads the store) ...
    r = CliRunner().invoke(cli, ["export", "jsonl", "--db", db])
    assert r.exit_code == 0, r.output
    rows = [json.loads(x) for x in r.stdout.splitlines() if x.startswith("{")]
    out = next(x for x in rows if x["id"] == ids[FILES[0]])
    assert not any(e["start"] == wang for e in out["layers"]["entities"])
    assert {c["action"] for c in out["relations"]["corrections"]} == {"reject", "relabel", "merge"}
    # ... the co-mention network ...
    r = CliRunner().invoke(cli, ["export", "network", "--db", db, "--format", "graphml"])
    assert r.exit_code == 0, r.output
    assert "علي شمخاني" in r.output and ">شمخاني<" not in r.output
    # ... and training data: the rejected words are O, the rest keep their tags
    bio = "".join(training_examples([store_doc(db, ids[FILES[0]])], "bio"))
    assert "وانغ\tO" in bio and "شمخاني\tB-PER" in bio


def store_doc(db: str, doc_id: str) -> Document:
    with open_store(db) as store:
        return store.get(doc_id)


def test_api_and_web_show_corrections(archive):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette asks for the "httpx2" fork; httpx works
        from fastapi.testclient import TestClient

    from rasd.api.app import create_app
    from rasd.api.settings import Settings

    db, ids = archive
    app = create_app(Settings(db=db, token="s3cret"), lambda: open_store(db))
    with TestClient(app) as client:
        doc_id = ids[FILES[0]]
        wire = store_doc(db, doc_id)
        q = next(q for q in wire.layer("quotes") if q.start == _quote_start(wire))
        body = {"action": "relabel", "creator": "web", "doc_id": doc_id, "layer": "quotes",
                "start": q.start, "end": q.end, "speaker": "جون كيربي"}  # fmt: skip
        assert client.post("/api/corrections", json=body).status_code == 401
        r = client.post("/api/corrections", json=body,
                        headers={"Authorization": "Bearer s3cret"})  # fmt: skip
        assert r.status_code == 201, r.text
        ann = r.json()["annotation"]
        assert ann["motivation"] == "editing" and ann["creator"]["name"] == "web"
        sel = {s["type"]: s for s in ann["target"]["selector"]}
        assert sel["TextQuoteSelector"]["exact"] == wire.text[q.start : q.end]
        listed = client.get("/api/corrections", params={"doc_id": doc_id}).json()
        assert listed["total"] == 1
        page = client.get("/quotes")
        assert page.status_code == 200
        assert "جون كيربي" in page.text


def test_apply_reanchors_by_quote_and_adds_missed_span():
    text = "قال المتحدث باسم الحكومة محمد العلي إن الوضع مستقر."
    doc = Document(text)
    i = text.index("محمد العلي")
    ann = make_correction("accept", "ر", doc=doc, layer="entities", start=i,
                          end=i + len("محمد العلي"), created="2026-01-01T00:00:00Z")
    # offsets broken on purpose: the TextQuoteSelector finds the words again
    ann["target"]["selector"][0]["start"] += 3
    apply_corrections(doc, [ann])
    (span,) = doc.layer("entities")
    assert doc.span_text(span) == "محمد العلي" and span.attrs["corrected"]["by"] == "ر"
    assert doc.relations["corrections"][0]["status"] == "applied"

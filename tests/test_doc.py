"""The document model's JSON form: schema-valid, and JSON → Document → JSON is the identity."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, ValidationError

from rasd.config import Config
from rasd.doc import Document, Meta, Span
from rasd.ingest import iter_documents
from rasd.pipeline import Pipeline, analyze
from rasd.schema import document_schema, validate_document

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def analysed(seed_text: str) -> list[Document]:
    """Documents as users get them: plain text, HTML page, JSONL record, non-Arabic text."""
    pipe = Pipeline(Config())
    html = next(iter(iter_documents(str(FIXTURES / "alhal-2021-11-01.html")))).document
    en = Document("Officials in Baghdad said turnout reached 41 percent.", Meta(source="en.txt"))
    en.warnings.append("[W101] not Arabic text (0% Arabic letters)")
    obf = "وصل دعـ.ـم عسكـ.ـري جديد إلى ٢٠ موقعاً، وقال المتحدث: «لن ننسحب»."
    docs = [pipe(Document(seed_text)), pipe(html), pipe(en), pipe(Document(obf))]
    # every 8th bundled sample article: other outlets, countries and layers' attrs
    docs += [pipe(Document(p.read_text("utf-8"))) for p in sorted(SAMPLES.glob("*.txt"))[::8]]
    return docs


def test_schema_is_valid_draft_2020_12():
    Draft202012Validator.check_schema(document_schema())
    assert document_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_documents_to_dict_exactly(analysed: list[Document]):
    schema = document_schema()
    d = analysed[0].to_dict()
    assert set(schema["properties"]) == set(d) == set(schema["required"])
    meta = schema["$defs"]["meta"]
    assert set(meta["properties"]) == set(Meta.FIELDS) == set(meta["required"])
    assert set(schema["$defs"]["span"]["properties"]) == {"id", "start", "end", "text", "label",
                                                          "attrs"}  # fmt: skip


def test_analysed_documents_validate(analysed: list[Document]):
    for doc in analysed:
        validate_document(doc.to_dict())
    layers = set().union(*(d.layers for d in analysed))
    assert {"tokens", "sentences", "normalized", "boilerplate", "times"} <= layers


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d.pop("content_hash"),
        lambda d: d.update(extra=1),
        lambda d: d["meta"].update(published="1 November 2021"),
        lambda d: d["meta"]["published_info"].update(precision="week"),
        lambda d: d["layers"]["tokens"][0].pop("text"),
        lambda d: d["layers"]["tokens"][0].update(label="noun"),
        lambda d: d["layers"]["tokens"][0]["attrs"].update(role="suffix"),
        lambda d: d["layers"]["sentences"][0].update(start=-1),
        lambda d: d["layers"]["boilerplate"][0].update(label="unknown_rule"),
    ],
)
def test_schema_rejects_broken_documents(analysed: list[Document], breakage):
    d = copy.deepcopy(analysed[1].to_dict())
    breakage(d)
    with pytest.raises(ValidationError):
        validate_document(d)


def test_additional_attrs_and_plugin_layers_are_allowed(analysed: list[Document]):
    d = copy.deepcopy(analysed[0].to_dict())
    d["layers"]["tokens"][0]["attrs"]["lemma"] = "دعم"
    d["layers"]["my_plugin"] = [{"id": "x0", "start": 0, "end": 3, "text": d["text"][:3]}]
    validate_document(d)


def test_json_round_trip_is_the_identity(analysed: list[Document]):
    for doc in analysed:
        s = doc.to_json()
        again = Document.from_json(s)
        assert again.to_json() == s
        assert json.loads(again.to_json(indent=2)) == doc.to_dict()
        for name, spans in doc.layers.items():
            assert again.layers[name] == spans


def test_loading_refuses_spans_that_do_not_match_the_text(seed_text: str):
    d = analyze(seed_text).to_dict()
    bad = copy.deepcopy(d)
    bad["layers"]["sentences"][0]["end"] += 1
    with pytest.raises(ValueError, match="E004"):
        Document.from_dict(bad)
    bad = copy.deepcopy(d)
    bad["content_hash"] = "0" * 64
    with pytest.raises(ValueError, match="E005"):
        Document.from_dict(bad)


def test_spans_keep_the_evidence(analysed: list[Document]):
    obf = analysed[3]
    norm = {obf.span_text(s): s.attrs["norm"] for s in obf.layer("normalized")}
    assert norm["دعـ.ـم"] == "دعم" and norm["عسكـ.ـري"] == "عسكري" and norm["٢٠"] == "20"
    assert all(isinstance(s, Span) for s in obf.layer("tokens"))
    assert obf.meta.language == "ar"
    assert analysed[2].meta.language == "en"

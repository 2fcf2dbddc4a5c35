"""The text layer's shared words view (rasd.lang.ar.textview) and Document views."""

import pickle
from pathlib import Path

import pytest

import rasd
from rasd.doc import Document
from rasd.lang.ar.textview import from_layers, text_view

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))[:12]]
TEXTS += [
    "قال مصدر عسكـ.ـري إن دعـ*ـماً وصل. وسيصل الوفد غداً، وللجيش رأي آخر.",
    "ﻻ بد من وﻻية ثانية.\nG7 و 2016 «كلام»",
]


@pytest.mark.parametrize("text", TEXTS)
def test_view_from_tokenizer_equals_rebuild_from_layers(text):
    """A document loaded from JSON (no view) gets exactly what the tokenizer gave."""
    doc = rasd.analyze(text)
    assert text_view(doc) == from_layers(doc)
    again = Document.from_json(doc.to_json())
    assert again.view("text") is None
    assert text_view(again) == text_view(doc)


def test_words_slice_the_original_and_join_their_pieces():
    text = TEXTS[-2]
    tv = text_view(rasd.analyze(text))
    for i, w in enumerate(tv.words):
        pieces = [p for p in tv.pieces if p.word == i]
        assert pieces and pieces[0].start == w.start and pieces[-1].end == w.end
        assert "".join(p.key for p in pieces) == w.key
    by_norm = {w.norm: w for w in tv.words}
    assert "عسكري" in by_norm and text[by_norm["عسكري"].start : by_norm["عسكري"].end] == "عسكـ.ـري"
    # sentence numbers follow the sentences layer
    assert [w.sent for w in tv.words if w.norm in ("قال", "وسيصل")] == [0, 1]
    # "وسيصل": و + س (future) + يصل; "وللجيش": و + ل + لجيش
    fut = [tv.words[i].norm for i in tv.fut_words]
    assert fut == ["وسيصل"]
    conj_words = {w.norm for w in tv.words if w.start in set(tv.conj_starts)}
    assert {"وسيصل", "وللجيش"} <= conj_words


def test_view_is_dropped_when_its_layer_is_replaced():
    doc = rasd.analyze("قال الوزير إن الأزمة انتهت.")
    assert doc.view("text") is not None
    doc.layers["tokens"] = list(doc.layers["tokens"])  # a new layer object
    assert doc.view("text") is None
    assert text_view(doc) == from_layers(doc)


def test_views_are_not_pickled_or_serialized():
    doc = rasd.analyze("قال الوزير إن الأزمة انتهت.")
    d = doc.to_dict()
    assert set(d) == {"schema_version", "id", "content_hash", "meta", "text", "layers",
                      "relations", "warnings"}
    assert "words" not in d["layers"]
    clone = pickle.loads(pickle.dumps(doc))
    assert clone.view("text") is None
    assert clone.to_dict() == doc.to_dict()

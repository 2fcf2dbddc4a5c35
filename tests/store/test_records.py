"""The one flattener and the one reference shape."""

from __future__ import annotations

from rasd.batch.dask import SCHEMAS
from rasd.doc import Document, Span
from rasd.export.csv import COLUMNS as CSV_COLUMNS
from rasd.store import records
from rasd.store import schema as S

TEXT = "قال وزير الخارجية أيمن الصفدي إن المعبر سيفتح قريبا."
NAME = TEXT.index("أيمن الصفدي")


def test_every_output_uses_the_flatteners_names() -> None:
    for kind, cols in records.COLUMNS.items():
        if kind in SCHEMAS:  # batch writes every column (no places table there)
            assert SCHEMAS[kind].names == list(cols)
        table = getattr(S, kind)
        assert set(table.c.keys()) <= set(cols), kind  # the archive keeps a subset
        extra = {"url", "outlet", "published", "entity_name"}  # provenance, display name
        assert set(CSV_COLUMNS[kind]) - extra <= set(cols), kind
        assert "start" in cols and "end" in cols and "char_start" not in cols


def test_older_reference_shapes_become_offsets() -> None:
    doc = Document(TEXT)
    doc.set_layer("entities", [Span(NAME, NAME + 11, "PER", "e0")])
    want = {"start": NAME, "end": NAME + 11}
    for ref in ({"start": NAME, "end": NAME + 11, "text": "x"}, "e0", [NAME, NAME + 11],
                {"id": "e0"}, {"span": "e0"}, {"span_id": "e0"}, doc.layer("entities")[0]):
        assert records.as_span_ref(doc, ref, ("entities",)) == want, ref
        assert records.resolve(doc, ref) == ("أيمن الصفدي", NAME, NAME + 11)
    assert records.as_span_ref(doc, {"text": "الوزير"}) == "الوزير"
    assert records.resolve(doc, "الوزير") == ("الوزير", None, None)
    assert records.resolve(doc, None) == ("", None, None)


def test_set_layer_as_is_keeps_order_and_ids() -> None:
    doc = Document(TEXT)
    spans = [Span(NAME, NAME + 11, "PER", "e7"), Span(0, 3, "", ""), Span(4, 8, "X", "e1")]
    doc.set_layer("entities", spans, as_is=True)
    assert doc.layer("entities") == spans
    doc.set_layer("entities", spans)
    assert [s.id for s in doc.layer("entities")] == ["entities0", "e1", "e7"]

"""CSV exports never hand a spreadsheet a live formula (OWASP CSV injection): issue 20 found
cells starting with ``=``, ``+``, ``-``, ``@`` exported as they were."""

from __future__ import annotations

import csv
import io

from rasd.doc import Document, Meta, Span
from rasd.export.acled import write_acled
from rasd.export.csv import FORMULA_START, safe_cell, write_csv

HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+SUM(1,2)", "-2+3", "@SUM(A1)",
           "\tTAB", "\rCR"]


def hostile_document() -> Document:
    text = " ".join(HOSTILE) + " قال الوزير في الرياض."
    doc = Document(text, Meta(url="=cmd|' /C calc'!A0", outlet="@outlet", published="2024-01-07",
                              source="x"))
    ents, pos = [], 0
    for i, h in enumerate(HOSTILE):
        a = text.index(h, pos)
        pos = a + len(h)
        ents.append(Span(a, pos, "PER", f"e{i}", {"canonical": h}))
    doc.set_layer("entities", ents, as_is=True)
    r = text.index("الرياض")
    doc.set_layer("events", [Span(r, r + 6, "MEET", "v0", {
        "actor": {"text": "=EVIL()", "start": 0, "end": 3}, "place": {"text": "-1"},
        "date": "2024-01-07"})], as_is=True)
    return doc


def cells(out: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(out, newline="")) for c in row]


def test_no_exported_cell_starts_a_formula() -> None:
    doc = hostile_document()
    for what in ("entities", "events"):
        out = io.StringIO()
        assert write_csv([doc], out, what) > 0
        got = cells(out.getvalue())
        assert not [c for c in got if c.startswith(FORMULA_START)], got
        if what == "entities":  # the text is kept, only shown as text
            for h in HOSTILE:
                assert "'" + h in got or "'" + h in out.getvalue()  # CR: unquoted
    out = io.StringIO()
    write_acled([doc], out)
    got = cells(out.getvalue())
    assert not [c for c in got if c.startswith(FORMULA_START)], got


def test_numbers_stay_numbers() -> None:
    assert safe_cell(-12.5) == -12.5 and safe_cell(3) == 3 and safe_cell(None) is None
    assert safe_cell("الرياض") == "الرياض" and safe_cell("-1") == "'-1"

"""FollowTheMoney mapping rules on hand-built documents (titles, nationality groups, places
without a gazetteer entry, a position added by a later document), loaded back with
followthemoney's tools (tests/export/ftm_check.py)."""

from __future__ import annotations

import io
from pathlib import Path

from rasd.doc import Document, Meta, Span
from rasd.export.ftm import title_only, write_ftm
from tests.export.ftm_check import load_back

# synthetic sentences written for this test
FIRST = ("قال وزير الخارجية الأميركي جون كيري إن الأمير وصل إلى الرياض، "
         "وأضاف أن البريطانيين والعرب شاركوا في اجتماع بلدة كفرنبلو.")
SECOND = "التقى الرئيس جون كيري وفدا في جدة."


def _span(text: str, words: str, label: str, sid: str, start: int = 0, **attrs: object
          ) -> Span:
    """The span of ``words`` in ``text`` (its last ``len(words) - start`` characters)."""
    i = text.index(words)
    return Span(i + start, i + len(words), label, sid, dict(attrs))


def _docs() -> list[Document]:
    a = Document(FIRST, Meta(published="2025-03-01", outlet="test", url="https://example.org/a"))
    a.set_layer("entities", [
        _span(FIRST, "وزير الخارجية الأميركي", "OCC", "ent0"),
        _span(FIRST, "جون كيري", "PER", "ent1"),
        _span(FIRST, "إن الأمير", "PER", "ent2", canonical="الأمير", start=3),
        _span(FIRST, "الرياض", "GPE", "ent3"),
        _span(FIRST, "البريطانيين", "NORP", "ent4"),
        _span(FIRST, "العرب", "NORP", "ent5"),
        _span(FIRST, "كفرنبلو", "GPE", "ent6"),
    ])
    a.set_layer("places", [_span(FIRST, "الرياض", "GPE", "pl0", entity="ent3", id="gn:108410",
                                 name_ar="الرياض", name_en="Riyadh", country="SA",
                                 lat=24.6877, lon=46.7219, resolved=True)])
    speaker = FIRST.index("وزير")
    a.set_layer("quotes", [Span(0, FIRST.index("،"), "named_person", "q0", {
        "cue": {"start": 0, "end": 3},
        "speaker": {"start": speaker, "end": FIRST.index(" إن")},
        "content": {"start": FIRST.index("إن الأمير") + 3, "end": FIRST.index("،")}})])
    meet = FIRST.index("اجتماع")
    a.set_layer("events", [Span(meet, meet + 6, "MEET", "ev0", {
        "type": "MEET", "actor": {"start": FIRST.index("البريطانيين"),
                                  "end": FIRST.index(" شاركوا")},
        "place": {"start": FIRST.index("كفرنبلو"), "end": FIRST.index(".")}})])
    b = Document(SECOND, Meta(published="2025-03-02", outlet="test"))
    b.set_layer("entities", [_span(SECOND, "الرئيس", "OCC", "ent0"),
                             _span(SECOND, "جون كيري", "PER", "ent1")])
    return [a, b]


def test_title_only_names() -> None:
    assert title_only("الأمير") and title_only("ولي") and title_only("وزير الخارجية")
    assert not title_only("جون كيري") and not title_only("اللواء التركي")  # a family name
    assert not title_only("الأمير محمد بن سلمان")


def test_ftm_titles_groups_and_places(tmp_path: Path) -> None:
    out = io.StringIO()
    n = write_ftm(_docs(), out)
    path = tmp_path / "t.ftm.jsonl"
    path.write_text(out.getvalue(), encoding="utf-8")
    assert n == len(out.getvalue().splitlines())
    by = load_back(path)
    names = {p.schema.name: set() for ps in by.values() for p in ps}
    for ps in by.values():
        for p in ps:
            names[p.schema.name].update(p.get("name", quiet=True))
    # no title is an entity, not even a person named only by a title
    (kerry,) = by["Person"]
    assert kerry.get("name") == ["جون كيري"]
    # the titles written before his name, from both documents (two fragments, aggregated)
    assert sorted(kerry.get("position")) == ["الرئيس", "وزير الخارجية الأميركي"]
    assert "الأمير" not in names["Mention"] and "LegalEntity" not in by
    # nationality groups: mentions with the country they name, never an Organization
    assert "Organization" not in by
    groups = {m.first("name"): m.get("contextCountry") for m in by["Mention"]
              if not m.has("resolved") and not m.has("detectedSchema")}
    assert groups == {"البريطانيين": ["gb"], "العرب": []}
    # places: the gazetteer's coordinates and country; an unresolved name without them
    riyadh = next(x for x in by["Address"] if x.first("full") == "الرياض")
    assert (riyadh.first("latitude"), riyadh.first("country"), riyadh.first("alias")) == (
        "24.6877", "sa", "Riyadh")
    village = next(x for x in by["Address"] if x.first("full") == "كفرنبلو")
    assert not village.has("latitude")
    (event,) = by["Event"]
    assert event.first("addressEntity") == village.id and not event.has("involved")
    # the quote's speaker phrase holds a title and a person: the person is documented
    (doc_a, doc_b) = sorted(by["Article"], key=lambda x: x.first("publishedAt"))
    (quote,) = by["Documentation"]
    assert quote.first("entity") == kerry.id and quote.first("document") == doc_a.id
    assert set(doc_a.get("addressEntity")) == {riyadh.id, village.id}

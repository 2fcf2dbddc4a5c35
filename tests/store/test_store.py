"""Store behaviour, run identically on SQLite and PostgreSQL (see conftest ``store``)."""

from __future__ import annotations

import pytest

from rasd.doc import Document, Meta, Span
from rasd.pipeline import analyze
from rasd.store import Filters, NotFound, Store, open_store
from tests.store.conftest import SAMPLES


def _doc(text: str, **meta: object) -> Document:
    return analyze(text, Meta(**meta))  # type: ignore[arg-type]


IDLIB = (
    "قال مصدر عسكري إن تعزيزات وصلت إلى ريف إدلب الجنوبي، وإن القوات الحكومية تستعد "
    "لمعركة جديدة في المنطقة خلال الأيام المقبلة."
)
IDLIB_CLITIC = (
    "أفاد ناشطون بقصف مدفعي على قرى جبل الزاوية وإدلب، وسط نزوح مئات العائلات نحو "
    "الحدود التركية هرباً من التصعيد."
)
CAIRO = (
    "أعلن البنك المركزي المصري رفع أسعار الفائدة بواقع ستمئة نقطة أساس في اجتماع استثنائي، "
    "وسمح بتحديد سعر صرف الجنيه وفق آليات السوق."
)


def test_roundtrip_is_lossless(store: Store, seed_text: str) -> None:
    doc = _doc(seed_text, outlet="الحل نت", published="2021-11-01", source="seed.txt")
    doc.layers["claims"] = [Span(0, 4, "claim", "c0", {"score": 0.5, "tags": ["x", "y"]})]
    doc.relations["links"] = [{"from": "c0", "to": "t1"}]
    res = store.add(doc, "v1")
    assert res.status == "new" and res.doc_id == doc.id
    back = store.get(doc.id)
    assert back.to_dict() == doc.to_dict()
    assert store.count() == 1
    summary = store.summary(doc.id)
    assert summary.outlet == "الحل نت" and summary.published == "2021-11-01"
    with pytest.raises(NotFound):
        store.get("0000000000000000")


def test_exact_duplicate_is_not_stored_twice_but_its_source_is(store: Store) -> None:
    a = _doc(CAIRO, outlet="بوابة النيل", url="https://a.example/1")
    assert store.add(a, "v1").status == "new"
    b = _doc(CAIRO, outlet="الخليج", url="https://b.example/2")
    res = store.add(b, "v1")
    assert res.status == "duplicate" and res.doc_id == a.id
    assert store.count() == 1
    assert [s["url"] for s in store.sources_of(a.id)] == ["https://a.example/1",
                                                          "https://b.example/2"]
    store.add(b, "v1")  # same source again: not listed twice
    assert len(store.sources_of(a.id)) == 2
    # a source filter finds the document through its second outlet too
    assert store.count(Filters(source="الخليج")) == 1


def test_new_analysis_version_updates_in_place(store: Store) -> None:
    doc = _doc(IDLIB)
    store.add(doc, "old")
    doc2 = _doc(IDLIB)
    doc2.layers["extra"] = [Span(0, 3, "x", "x0")]
    res = store.add(doc2, "new")
    assert res.status == "updated"
    assert store.count() == 1
    assert store.version_of(doc.id) == "new"
    assert "extra" in store.get(doc.id).layers
    assert store.search("إدلب").total == 1  # index rebuilt, not duplicated


SEARCH_CASES = [
    ("إدلب", {"idlib", "clitic"}),  # "وإدلب" is found through its stem
    ("وإدلب", {"idlib", "clitic"}),  # the query's clitic is ignored too
    ("ادلب", {"idlib", "clitic"}),  # alef forms folded
    ("إِدْلِب", {"idlib", "clitic"}),  # diacritics ignored
    ("إدلـــب", {"idlib", "clitic"}),  # tatweel ignored
    ("المعركة", set()),  # the article is required when typed ...
    ("معركة", {"idlib"}),  # ... and optional when not ("لمعركة")
    ("الفائدة المصري", {"cairo"}),  # every word must match
    ("إدلب الفائدة", set()),
]


def test_search_is_folded_and_clitic_aware(store: Store) -> None:
    ids = {}
    for name, text in (("idlib", IDLIB), ("clitic", IDLIB_CLITIC), ("cairo", CAIRO)):
        ids[store.add(_doc(text), "v").doc_id] = name
    for query, expect in SEARCH_CASES:
        res = store.search(query, facets=False)
        assert {ids[h.doc.id] for h in res.hits} == expect, query
        assert res.total == len(expect), query
        for h in res.hits:  # every hit has a highlighted snippet pointing at real text
            assert h.snippet.highlights, query
            for a, b in h.snippet.highlights:
                assert h.snippet.text[a:b].strip()


def test_obfuscated_words_are_found(store: Store) -> None:
    text = "قصفت الطـ.ـائرات الحـربية مواقع عسكـ.ـرية قرب الحدود."
    doc_id = store.add(_doc(text), "v").doc_id
    res = store.search("الطائرات عسكرية")
    assert [h.doc.id for h in res.hits] == [doc_id]
    marked = [res.hits[0].snippet.text[a:b] for a, b in res.hits[0].snippet.highlights]
    assert "الطـ.ـائرات" in marked and "عسكـ.ـرية" in marked


HOSTILE_QUERIES = [
    '"', '""', "AND", "OR NOT", "*", "NEAR(", "NEAR(a b", "(((", ")", "'; DROP TABLE documents; --",
    "إدلب\" OR \"1\"=\"1", "title:إدلب", "^إدلب", "إدلب*", "-إدلب", "{a b}", "\x00", "a:b:c",
    "%", "_", "\\", "إدلب' --", "&&", "!!", "<->", ":*",
]


def test_query_syntax_is_text_never_an_error(store: Store) -> None:
    store.add(_doc(IDLIB), "v")
    for query in HOSTILE_QUERIES:
        res = store.search(query)
        assert res.total == len(res.hits) <= 1, query
        store.facets(query)
        store.entities(name=query)
        store.places(name=query)
        store.count(Filters(source=query, entity=query, place=query))
        with pytest.raises(NotFound):
            store.get(query)
    assert store.count() == 1  # nothing was dropped
    assert store.search("إدلب").total == 1


def test_operator_words_are_searchable_words(store: Store) -> None:
    doc_id = store.add(_doc("Reuters: talks NEAR collapse AND no deal, OR so it seems."), "v").doc_id
    assert [h.doc.id for h in store.search("NEAR(").hits] == [doc_id]
    assert [h.doc.id for h in store.search('"AND" OR').hits] == [doc_id]
    assert store.search("DROP").total == 0


def test_source_filter_wildcards_are_literal(store: Store) -> None:
    store.add(_doc(IDLIB, source="feeds/a.xml"), "v")
    assert store.count(Filters(source="%")) == 0
    assert store.count(Filters(source="_")) == 0
    assert store.count(Filters(source="a.xml")) == 1


def test_html_is_stored_verbatim_and_escaped_in_snippets(store: Store) -> None:
    text = ("بيان صحفي <script>alert('xss')</script> صدر اليوم عن وزارة الخارجية "
            "<img src=x onerror=alert(1)> بشأن الأزمة.")
    doc = Document(text, Meta(title="<b>عنوان</b>"))
    store.add(doc, None)
    assert store.get(doc.id).text == text
    hit = store.search("وزارة الخارجية").hits[0]
    html = hit.snippet.html()
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "<mark>" in html
    assert store.search("alert").total == 1  # markup text is searchable as words
    assert store.summary(doc.id).title == "<b>عنوان</b>"


def _sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def test_near_duplicate_rewrites_are_grouped_not_double_counted(store: Store) -> None:
    orig = _doc(_sample("mashreq-2025-04-12-zamzam-camp-attack.txt"), outlet="المشرق",
                published="2025-04-12")
    rewrite = _doc(_sample("sahat-2025-04-13-zamzam.txt"), outlet="ساحات",
                   published="2025-04-12")
    other = _doc(_sample("nilegate-2025-04-13-zamzam-rsf-denies.txt"), outlet="بوابة النيل",
                 published="2025-04-12")
    assert store.add(orig, "v").status == "new"
    res = store.add(rewrite, "v")
    assert res.status == "near_duplicate" and res.group_id == orig.id
    assert 0.2 <= (res.similarity or 0) < 1
    assert store.add(other, "v").status == "new"  # same event, different article
    assert store.count() == 3
    group = store.group_of(rewrite.id)
    assert group.doc_ids == [orig.id, rewrite.id]
    assert store.duplicate_groups().total == 1
    facets = store.facets("زمزم")
    assert {f.value: f.count for f in facets["dates"]} == {"2025-04-12": 2}


def _ents_doc(text: str, ents: list[tuple[str, str]], **meta: object) -> Document:
    """Document with a hand-made entities layer (label, surface) and a places layer."""
    doc = _doc(text, **meta)
    spans = []
    for label, surface in ents:
        i = text.index(surface)
        spans.append(Span(i, i + len(surface), label))
    doc.set_layer("entities", spans, prefix="e")
    return doc


def test_entities_across_documents(store: Store) -> None:
    t1 = "التقى الرئيس عبد الفتاح السيسي وزير الخارجية الأمريكي أنتوني بلينكن في القاهرة."
    t2 = "قال أنتوني بلينكن إن واشنطن تدعم جهود التهدئة، وأشاد بدور عبدالفتاح السيسى."
    t3 = "أكد الرئيس عبد الفتاح السيسي أن مصر لن تسمح بتهجير الفلسطينيين."
    d1 = _ents_doc(t1, [("PER", "عبد الفتاح السيسي"), ("PER", "أنتوني بلينكن"),
                        ("LOC", "القاهرة")], published="2024-01-10")
    d2 = _ents_doc(t2, [("PER", "أنتوني بلينكن"), ("PER", "عبدالفتاح السيسى")],
                   published="2024-01-11")
    d3 = _ents_doc(t3, [("PER", "عبد الفتاح السيسي")], published="2024-01-11")
    for d in (d1, d2, d3):
        store.add(d, "v")
    page = store.entities(label="PER")
    names = {e.name: e for e in page.items}
    sisi = names["عبد الفتاح السيسي"]
    # "عبدالفتاح السيسى" (no space) is another key: 3 person entities, Sisi in 2 documents
    assert sisi.doc_count == 2
    assert page.total == 3
    detail = store.entity(sisi.id)
    assert {m.doc_id for m in detail.mentions} == {d1.id, d3.id}
    for m in detail.mentions:
        assert m.text == "عبد الفتاح السيسي"
        assert m.context and m.text in m.context
    assert dict(detail.timeline) == {"2024-01-10": 1, "2024-01-11": 1}
    assert {e.name: n for e, n in detail.co_mentions} == {"أنتوني بلينكن": 1, "القاهرة": 1}
    # filter by entity id and by name
    assert store.count(Filters(entity=sisi.id)) == 2
    assert store.count(Filters(entity="أنتوني بلينكن")) == 2
    assert store.search("مصر", Filters(entity=sisi.id)).total == 1
    facets = store.facets("", Filters(date_from="2024-01-11"))
    assert {f.label for f in facets["entities"]} == {"أنتوني بلينكن", "عبدالفتاح السيسى",
                                                     "عبد الفتاح السيسي"}
    with pytest.raises(NotFound):
        store.entity("ent_missing")


def test_places_quotes_events_are_typed(store: Store) -> None:
    text = ("قال المتحدث باسم الجيش إن غارة استهدفت مخيم زمزم قرب الفاشر يوم الجمعة، "
            "وأضاف: \"لن نسمح بتكرار ذلك\".")
    doc = _doc(text, published="2025-04-12", outlet="سودان 24")
    z = text.index("مخيم زمزم")
    f = text.index("الفاشر")
    doc.set_layer("places", [
        Span(z, z + 9, "camp", "p0", {"name": "مخيم زمزم", "lat": 13.48, "lon": 25.3}),
        Span(f, f + 6, "city", "p1", {"name": "الفاشر", "geonameid": 372753,
                                      "coordinates": [25.35, 13.63], "country": "SD"}),
    ])
    day = text.index("يوم الجمعة")
    doc.set_layer("times", [Span(day, day + 10, "date", "t0",
                                 {"value": "2025-04-11", "precision": "day"})])
    sp = text.index("المتحدث باسم الجيش")
    c = text.index("لن نسمح")
    doc.set_layer("quotes", [Span(0, len(text), "named_person", "q0", {
        "speaker": {"start": sp, "end": sp + 18, "text": text[sp:sp + 18]},
        "cue": {"start": 0, "end": 3}, "content": {"start": c, "end": c + 21}})])
    g = text.index("غارة")
    doc.set_layer("events", [Span(g, g + 4, "airstrike", "v0",
                                  {"date": "t0", "place": "p0", "actors": ["الجيش"]})])
    store.add(doc, "v")
    places = {p.name: p for p in store.places().items}
    assert places["الفاشر"].lat == pytest.approx(13.63) and places["الفاشر"].lon == 25.35
    assert places["الفاشر"].id == "geo_372753"
    assert places["مخيم زمزم"].lat == pytest.approx(13.48)
    info, mentions = store.place(places["الفاشر"].id)
    assert mentions.items[0].text == "الفاشر"
    assert store.count(Filters(place="الفاشر")) == 1
    q = store.quotes().items[0]
    assert q.speaker == "المتحدث باسم الجيش" and q.content == text[c:c + 21] and q.cue == "قال"
    ev = store.events().items[0]
    assert (ev.label, ev.date, ev.date_precision, ev.place) == ("airstrike", "2025-04-11",
                                                                "day", "مخيم زمزم")
    assert ev.lat == pytest.approx(13.48) and ev.actors == ["الجيش"]
    assert store.count(Filters(kind="quote")) == store.count(Filters(kind="event")) == 1
    assert list(store.iter_quotes()) == store.quotes().items
    assert list(store.iter_events()) == store.events().items


def test_filters_dates_and_pagination(store: Store) -> None:
    texts = [f"أعلنت وزارة الصحة تسجيل {n} إصابة جديدة بالكوليرا في محافظة الحديدة." for n in
             ("ثلاث", "خمس", "سبع", "تسع", "إحدى عشرة")]
    days = ["2024-07-01", "2024-07-05", "2024-07-09", "2024-08-01", None]
    for t, d in zip(texts, days, strict=True):
        store.add(_doc(t, published=d), "v")
    res = store.search("الكوليرا", limit=2)
    assert res.total == 5 and len(res.hits) == 2
    seen = [h.doc.id for off in (0, 2, 4) for h in store.search("الكوليرا", limit=2,
                                                                  offset=off).hits]
    assert len(set(seen)) == 5
    assert store.count(Filters(date_from="2024-07-05", date_to="2024-07-09")) == 2
    assert store.count(Filters(date_to="2024-07")) == 3  # month prefix includes the whole month
    listing = store.list_documents(limit=10)
    assert listing.total == 5
    assert [d.published for d in listing.items][:2] == ["2024-08-01", "2024-07-09"]
    assert listing.items[-1].published is None
    assert [d for d, _ in store.timeline("الكوليرا")] == sorted(x for x in days if x)
    assert sum(1 for _ in store.iter_documents(Filters(date_from="2024-07-02"))) == 3


def test_reanalyze_keeps_documents(store: Store) -> None:
    from rasd.pipeline import Pipeline
    from rasd.store.version import pipeline_version

    for t in (IDLIB, CAIRO):
        store.add(_doc(t), "rasd-0/old")
    counts = store.reanalyze(Pipeline())
    assert counts == {"reanalyzed": 2, "failed": 0, "skipped": 0}
    assert store.count() == 2
    current = pipeline_version(Pipeline())
    assert {store.version_of(d.id) for d in store.list_documents().items} == {current}
    assert store.reanalyze(Pipeline())["reanalyzed"] == 0  # nothing outdated any more
    assert store.search("إدلب").total == 1


def test_reopen_runs_migrations_once(store_url: str) -> None:
    from sqlalchemy import text

    with open_store(store_url) as s:
        s.add(_doc(CAIRO), "v")
    with open_store(store_url) as s:  # second open: schema is current, data intact
        assert s.count() == 1
        with s.engine.connect() as c:  # type: ignore[attr-defined]
            rev = c.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        from rasd.store.migrate import head

        assert rev == [head()]


def test_statements_by_an_entity(store: Store) -> None:
    """"What did X say": quotes whose speaker span is a mention of the entity, newest first."""
    texts = [("قال وزير الخارجية أيمن الصفدي إن المعبر سيفتح قريبا.", "2024-03-01"),
             ("وأكد أيمن الصفدي أن المساعدات ستصل إلى غزة.", "2024-05-09"),
             ("قال مصدر حكومي إن أيمن الصفدي سيزور دمشق.", "2024-06-01")]
    for text, day in texts:
        doc = _doc(text, published=day)
        name = text.index("أيمن الصفدي")
        doc.set_layer("entities", [Span(name, name + 11, "PER", "e0",
                                        {"canonical": "أيمن الصفدي"})])
        cue = text.index("قال") if text.startswith("قال") else text.index("وأكد")
        sp = name if "مصدر" not in text else text.index("مصدر حكومي")
        sp_end = sp + (11 if "مصدر" not in text else len("مصدر حكومي"))
        c = text.index("إن ") + 3 if "إن " in text else text.index("أن ") + 3
        doc.set_layer("quotes", [Span(cue, len(text) - 1, "named_person", "q0", {
            "speaker": {"start": sp, "end": sp_end, "text": text[sp:sp_end]},
            "cue": {"start": cue, "end": cue + 3},
            "content": {"start": c, "end": len(text) - 1}})])
        store.add(doc, "v")
    ent = store.entities(name="الصفدي").items[0]
    said = store.quotes_by(ent.id)
    assert said.total == 2  # the third article only mentions him inside a statement
    assert [q.published for q in said.items] == ["2024-05-09", "2024-03-01"]
    assert all(q.speaker_entity == ent.id for q in said.items)
    assert said.items[0].content == "المساعدات ستصل إلى غزة"
    assert store.quotes_by("ent_missing").total == 0

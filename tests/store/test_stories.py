"""Stories kept in the archive (save, list with filters, one story, replace), on SQLite and
PostgreSQL (see conftest ``store``)."""

from __future__ import annotations

import pytest

from rasd.doc import Document, Meta, Span
from rasd.store import Filters, NotFound, Store, StorySummary


def _doc(text: str, published: str | None, outlet: str,
         ents: tuple[tuple[str, str], ...] = (), place: str | None = None) -> Document:
    doc = Document(text, Meta(published=published, outlet=outlet, title=text[:30]))
    spans = []
    for label, surface in ents:
        i = text.index(surface)
        spans.append(Span(i, i + len(surface), label))
    doc.set_layer("entities", spans, prefix="e")
    if place:
        i = text.index(place)
        doc.set_layer("places", [Span(i, i + len(place), "GPE", attrs={
            "name": place, "geonames_id": 170654, "lat": 33.5, "lon": 36.3})], prefix="p")
    return doc


QUAKE = [
    _doc("ضرب زلزال قوي مدينة دمشق فجر اليوم وقال الدفاع المدني إن عشرة أشخاص قتلوا.",
         "2024-03-01", "وكالة أ", place="دمشق"),
    _doc("ارتفعت حصيلة زلزال دمشق إلى عشرين قتيلا بحسب وزارة الصحة السورية.",
         "2024-03-02", "صحيفة ب", ents=(("ORG", "وزارة الصحة السورية"),), place="دمشق"),
]
BANK = [
    _doc("رفع البنك المركزي المصري أسعار الفائدة في اجتماع استثنائي صباح الخميس.",
         "2024-05-09", "صحيفة ب", ents=(("ORG", "البنك المركزي المصري"),)),
    _doc("قرر البنك المركزي المصري زيادة الفائدة ستمئة نقطة أساس.",
         "2024-05-10", "موقع ج", ents=(("ORG", "البنك المركزي المصري"),)),
    _doc("خبراء: قرار البنك المركزي المصري يمهد لتعويم جديد للجنيه.",
         "2024-05-12", "وكالة أ", ents=(("ORG", "البنك المركزي المصري"),)),
]
LONE = _doc("افتتاح معرض الكتاب في الرياض بمشاركة ألف دار نشر.", None, "موقع ج")


def _story(sid: str, docs: list[Document]) -> tuple[StorySummary, list[str]]:
    days = [d.meta.published for d in docs if d.meta.published]
    summary = StorySummary(sid, docs[0].meta.title or "", min(days) if days else None,
                           max(days) if days else None, len(docs),
                           sorted({d.meta.outlet for d in docs if d.meta.outlet}))
    return summary, [d.id for d in docs]


@pytest.fixture
def filled(store: Store) -> Store:
    for d in [*QUAKE, *BANK, LONE]:
        store.add(d, "v1")
    n = store.save_stories([_story("story-quake", QUAKE), _story("story-bank", BANK),
                            _story("story-lone", [LONE])])
    assert n == 3
    return store


def test_list_newest_first_with_sizes_and_outlets(filled: Store) -> None:
    page = filled.stories()
    assert [s.id for s in page.items] == ["story-bank", "story-quake", "story-lone"]
    assert page.total == 3
    bank = page.items[0]
    assert (bank.size, bank.first_seen, bank.last_seen) == (3, "2024-05-09", "2024-05-12")
    assert bank.outlets == ["صحيفة ب", "موقع ج", "وكالة أ"]
    assert filled.stats()["stories"] == 3


def test_filters_keep_stories_with_a_matching_article(filled: Store) -> None:
    assert [s.id for s in filled.stories(min_size=2).items] == ["story-bank", "story-quake"]
    assert [s.id for s in filled.stories(Filters(date_from="2024-03-02",
                                                 date_to="2024-03-31")).items] == ["story-quake"]
    # the range overlaps the bank story (its last article) though it started before
    assert [s.id for s in filled.stories(Filters(date_from="2024-05-11")).items] == [
        "story-bank"]
    assert [s.id for s in filled.stories(Filters(entity="البنك المركزي المصري")).items] == [
        "story-bank"]
    assert [s.id for s in filled.stories(Filters(place="دمشق")).items] == ["story-quake"]
    assert [s.id for s in filled.stories(Filters(place="geo_170654")).items] == ["story-quake"]
    assert filled.stories(Filters(entity="لا أحد")).total == 0
    paged = filled.stories(limit=1, offset=1)
    assert [s.id for s in paged.items] == ["story-quake"] and paged.total == 3


def test_one_story_in_order_and_membership(filled: Store) -> None:
    detail = filled.story("story-bank")
    assert [a.id for a in detail.articles] == [d.id for d in BANK]
    assert detail.articles[0].outlet == "صحيفة ب"
    assert filled.story_of(QUAKE[1].id) == "story-quake"
    assert filled.story_of("0000000000000000") is None
    with pytest.raises(NotFound):
        filled.story("story-missing")
    # re-analysing a document keeps its story until the next computation
    filled.add(Document(BANK[0].text, BANK[0].meta), "v2")
    assert filled.story_of(BANK[0].id) == "story-bank"


def test_a_new_computation_replaces_the_old(filled: Store) -> None:
    # everything in one story now; an id not in the archive is skipped, not an error
    merged = _story("story-all", [*QUAKE, *BANK])
    merged[1].append("ffffffffffffffff")
    assert filled.save_stories(iter([merged])) == 1
    page = filled.stories()
    assert [(s.id, s.size) for s in page.items] == [("story-all", 5)]
    assert filled.story_of(LONE.id) is None
    with pytest.raises(NotFound):
        filled.story("story-bank")
    assert filled.save_stories([]) == 0 and filled.stories().total == 0

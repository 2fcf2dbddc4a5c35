"""Prominent gazetteer places the tagger left untagged (rasd.ner.known_places)."""

from __future__ import annotations

from rasd.lang.ar.tokenize import tokenize
from rasd.ner.known_places import add_known_places


def _added(text: str, found_words: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    toks = tokenize(text)
    found = []
    for w in found_words:  # mark these words as places the tagger already found
        a = text.index(w)
        i = next(k for k, t in enumerate(toks) if t.start >= a)
        j = next(k for k, t in enumerate(toks) if t.end >= a + len(w)) + 1
        found.append((i, j, "GPE"))
    return [(text[s:e], typ) for s, e, typ, _k, _i, _j in add_known_places(text, toks, found)]


def test_city_after_a_place_preposition():
    assert _added("وصلت قافلة المساعدات إلى جدة صباح اليوم.") == [("جدة", "GPE")]
    assert _added("وقال مسؤول في الدمام إن الميناء يعمل.") == [("الدمام", "GPE")]


def test_ba_clitic_stays_outside_the_span():
    assert _added("انعقد المؤتمر بجدة بحضور الوزراء.") == [("جدة", "GPE")]


def test_common_words_that_are_also_places_need_a_place_context():
    assert _added("كيف يمكن حل الأزمة؟") == []  # "how", not El Kef
    assert _added("قدمت الحكومة دعم مالي للمزارعين.") == []  # "financial", not Mali
    assert _added("من وين جاي؟") == []  # colloquial "where", not a short name of Vienna
    assert _added("انتشرت القوات في مالي منذ سنوات.") == [("مالي", "GPE")]


def test_coordination_with_a_found_place():
    text = "ارتفعت أسعار الوقود في عدن، المكلا وتعز."
    assert _added(text, ("عدن",)) == [("المكلا", "GPE"), ("تعز", "GPE")]


def test_multiword_names_need_no_context_and_found_spans_are_not_reused():
    assert _added("تتواصل المفاوضات بشأن الصحراء الغربية.") == [("الصحراء الغربية", "GPE")]
    assert _added("وصل الوفد إلى جدة.", ("جدة",)) == []


def test_a_list_of_small_places_is_followed_to_its_end():
    # none of the three is prominent; joined by و to a place already found, they are places
    text = "وتضررت قرى في إقليم الحوز وتارودانت وورزازات جراء الزلزال."
    added = _added(text, ("الحوز",))
    assert ("تارودانت", "GPE") in added and ("ورزازات", "GPE") in added


def test_coordination_never_reads_a_common_word_as_a_place():
    text = "زار الوزير دمشق والتقى المسؤولين ووعد بالدعم."
    assert _added(text, ("دمشق",)) == []

"""Datelines (rasd.ner.datelines): the source after "PLACE -" or in "PLACE (SOURCE) -"."""

from rasd.lang.ar.tokenize import tokenize
from rasd.ner.datelines import datelines
from rasd.ner.recognize import recognize


def _found(text):
    return [(text[m.start : m.end], m.type) for m in recognize(text, tokenize(text))]


def _span(text, phrase, typ):
    toks = tokenize(text)
    a = text.index(phrase)
    i = next(k for k, t in enumerate(toks) if t.start >= a)
    j = max(k for k, t in enumerate(toks) if t.end <= a + len(phrase)) + 1
    return (i, j, typ, 0.9)


def test_outlet_named_after_its_city_is_one_org():
    text = "صيدا - منبر صيدا\nأغلق المحتجون الطريق الساحلي صباح اليوم."
    toks = tokenize(text)
    place = _span(text, "صيدا", "GPE")
    inner = (3, 4, "GPE", 0.8)  # the tagger's reading of the outlet's last word
    assert text[toks[3].start : toks[3].end] == "صيدا"
    out = datelines(text, toks, [place, inner])
    assert out == [place, (2, 4, "ORG", 0.9)]


def test_dateline_end_to_end():
    text = "وهران - صدى الغرب\nافتتح والي الولاية مشروعا جديدا للمياه."
    assert ("صدى الغرب", "ORG") in _found(text)


def test_wire_dateline_in_brackets():
    text = "الرباط (ماب) - أعلن الديوان الملكي عن زيارة رسمية."
    assert ("ماب", "ORG") in _found(text)


def test_dateline_place_known_only_to_the_gazetteer():
    text = "المنامة - صوت البحرين\nاستقبل ولي العهد وفدا رسميا."
    toks = tokenize(text)
    out = datelines(text, toks, [])
    texts = [(text[toks[i].start : toks[j - 1].end], typ) for i, j, typ, _c in out]
    assert texts == [("المنامة", "GPE"), ("صوت البحرين", "ORG")]


def test_byline_person_is_kept():
    text = "الخرطوم - سامي عبد الحليم\nتواصلت الاشتباكات في المدينة."
    toks = tokenize(text)
    found = [_span(text, "الخرطوم", "GPE"), _span(text, "سامي عبد الحليم", "PER")]
    out = datelines(text, toks, found)
    assert sorted(out) == sorted(found)


def test_a_dash_between_words_is_not_a_dateline():
    text = "الحكومة - المعارضة\nجولة جديدة من الحوار"
    toks = tokenize(text)
    assert datelines(text, toks, []) == []


def test_long_line_after_dash_is_not_a_source():
    text = "بغداد - أعلنت الحكومة العراقية اليوم عن خطة جديدة للكهرباء"
    toks = tokenize(text)
    found = [_span(text, "بغداد", "GPE"), _span(text, "الحكومة العراقية", "ORG")]
    assert datelines(text, toks, found) == sorted(found)

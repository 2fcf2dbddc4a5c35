"""Institution-name repairs (rasd.ner.orgnames), unit-level on token spans and end to end."""

from rasd.lang.ar.tokenize import tokenize
from rasd.ner.orgnames import (
    bracket_acronyms,
    extend_complements,
    head_repairs,
    institution_names,
    split_swallowed,
)
from rasd.ner.recognize import recognize


def _texts(text, spans):
    toks = tokenize(text)
    return [(text[toks[i].start : toks[j - 1].end], typ) for i, j, typ, _c in spans]


def _span(text, phrase, typ, conf=0.9):
    """Token range of ``phrase`` in ``text`` as a tagger span."""
    toks = tokenize(text)
    a = text.index(phrase)
    b = a + len(phrase)
    i = next(k for k, t in enumerate(toks) if t.start >= a)
    j = max(k for k, t in enumerate(toks) if t.end <= b) + 1
    return (i, j, typ, conf)


def test_complement_extends_a_truncated_name():
    text = "ونشرت الهيئة العامة للإحصاء أرقام البطالة"
    spans = [_span(text, "الهيئة العامة", "ORG")]
    assert _texts(text, extend_complements(tokenize(text), spans)) == [
        ("الهيئة العامة للإحصاء", "ORG")
    ]


def test_complement_with_nisba_adjective():
    text = "وحذرت المنظمة العالمية للأرصاد الجوية من موجة حر"
    spans = [_span(text, "المنظمة العالمية", "ORG")]
    assert _texts(text, extend_complements(tokenize(text), spans)) == [
        ("المنظمة العالمية للأرصاد الجوية", "ORG")
    ]


def test_complete_gazetteer_name_is_not_extended():
    # "مجلس الأمن للحصول على …": the complement is not part of the name
    text = "توجهت الدول إلى مجلس الأمن للحصول على قرار"
    spans = [_span(text, "مجلس الأمن", "ORG")]
    assert _texts(text, extend_complements(tokenize(text), spans)) == [("مجلس الأمن", "ORG")]


def test_untagged_institution_name_needs_all_three_parts():
    text = "وقالت المفوضية العليا المستقلة للانتخابات إن الإدارة الأمريكية رحبت"
    found = _texts(text, institution_names(tokenize(text), []))
    assert found == [("المفوضية العليا المستقلة للانتخابات", "ORG")]


def test_bracketed_acronym_after_an_organization():
    text = "وذكرت وكالة الأنباء القطرية (قنا) أن الوفد وصل"
    spans = [_span(text, "وكالة الأنباء القطرية", "ORG")]
    out = _texts(text, bracket_acronyms(tokenize(text), spans))
    assert ("قنا", "ORG") in out


def test_bracketed_acronym_in_quotes_after_quoted_name():
    text = 'وتسيطر "قوات سوريا الديمقراطية" ("قسد") على المنطقة'
    spans = [_span(text, "قوات سوريا الديمقراطية", "ORG")]
    out = _texts(text, bracket_acronyms(tokenize(text), spans))
    assert ("قسد", "ORG") in out


def test_bracketed_gloss_after_a_place_is_not_an_acronym():
    text = "وصل الوفد إلى دمشق (العاصمة) مساء أمس"
    spans = [_span(text, "دمشق", "GPE")]
    assert _texts(text, bracket_acronyms(tokenize(text), spans)) == [("دمشق", "GPE")]


def test_head_noun_joins_a_definite_name_and_retypes_a_person():
    text = "وقالت وكالة الأنباء السعودية إن وكالة بلومبرغ نقلت"
    toks = tokenize(text)
    spans = [_span(text, "الأنباء السعودية", "ORG"), _span(text, "بلومبرغ", "PER")]
    assert _texts(text, head_repairs(toks, spans)) == [
        ("وكالة الأنباء السعودية", "ORG"),
        ("بلومبرغ", "ORG"),
    ]


def test_lone_generic_institution_is_dropped_in_news_only():
    text = "وقالت الحكومة إنها ستواصل"
    toks = tokenize(text)
    spans = [_span(text, "الحكومة", "ORG")]
    assert head_repairs(toks, spans, news=True) == []
    assert head_repairs(toks, spans, news=False) == spans


def test_organization_swallowing_a_person_is_cut():
    text = "والتقى مدير صندوق النقد الدولي كريستالينا غورغييفا الوزير"
    toks = tokenize(text)
    spans = [_span(text, "صندوق النقد الدولي كريستالينا غورغييفا", "ORG")]
    assert _texts(text, split_swallowed(toks, spans)) == [
        ("صندوق النقد الدولي", "ORG"),
        ("كريستالينا غورغييفا", "PER"),
    ]


def test_title_inside_an_organization_span_ends_it():
    text = "وقال رئيس مؤسسة البترول الكويتية الشيخ نواف الصباح"
    toks = tokenize(text)
    spans = [_span(text, "مؤسسة البترول الكويتية الشيخ", "ORG")]
    assert _texts(text, split_swallowed(toks, spans)) == [("مؤسسة البترول الكويتية", "ORG")]


def test_end_to_end_acronym_and_its_repeat():
    text = (
        "أعلنت وزارة الصحة العامة (الصحة) عن حملة. وذكرت وكالة الأنباء الكويتية (كونا) أن "
        "الحملة تبدأ غدا. وأضافت كونا أن الوزارة وفرت اللقاحات."
    )
    found = [(text[m.start : m.end], m.type) for m in recognize(text, tokenize(text))]
    assert found.count(("كونا", "ORG")) == 2, found


def test_place_after_an_institution_noun_is_inside_its_name():
    text = "وقال حاكم مصرف لبنان إن تحالف كوريا وسوريا يقلق الغرب"
    toks = tokenize(text)
    spans = [
        _span(text, "لبنان", "GPE"),
        _span(text, "كوريا", "GPE"),
        _span(text, "وسوريا", "GPE"),
    ]
    out = _texts(text, head_repairs(toks, spans))
    assert ("مصرف لبنان", "ORG") in out
    assert ("كوريا", "GPE") in out  # "تحالف" takes a plain genitive


def test_untagged_party_or_ministry_in_construct_state():
    text = "وفاز حزب الاستقلال بالمرتبة الأولى، وقالت وزارة الطاقة الجزائرية إن"
    found = _texts(text, institution_names(tokenize(text), []))
    assert found == [("حزب الاستقلال", "ORG"), ("وزارة الطاقة الجزائرية", "ORG")]


def test_complement_in_construct_state():
    # ل + an indefinite noun in construct with a definite one ("لشؤون اللاجئين"), whether the
    # segmenter split the ل off or left the word whole ("لحقوق")
    for text, name in (
        ("وقال المرصد السوري لحقوق الإنسان إن الغارات استمرت", "المرصد السوري لحقوق الإنسان"),
        ("ورحبت المفوضية السامية لشؤون اللاجئين بالقرار", "المفوضية السامية لشؤون اللاجئين"),
    ):
        found = [(text[m.start : m.end], m.type) for m in recognize(text, tokenize(text))]
        assert (name, "ORG") in found, found


def test_a_word_that_merely_starts_with_lam_is_no_complement():
    text = "وأعلنت الهيئة العامة لبنان بلدا منكوبا"
    spans = [_span(text, "الهيئة العامة", "ORG")]
    assert _texts(text, extend_complements(tokenize(text), spans)) == [("الهيئة العامة", "ORG")]

"""NORP in the news convention (rasd.ner.nationality): synthetic sentences, one rule each."""

from __future__ import annotations

from rasd.lang.ar.tokenize import tokenize
from rasd.ner.recognize import WOJOOD, recognize


def _mentions(text: str, convention: str = "news+wojood") -> list[tuple[str, str]]:
    return [(m.type, text[m.start:m.end]) for m in recognize(text, tokenize(text), convention)]


def test_adjective_after_a_title_is_norp() -> None:
    out = _mentions("وقال الرئيس التركي إن بلاده ستواصل عملها.")
    assert ("NORP", "التركي") in out


def test_adjective_after_an_indefinite_noun_is_norp() -> None:
    out = _mentions("وصرح مسؤول تركي رفض الكشف عن هويته.")
    assert ("NORP", "تركي") in out


def test_given_name_turki_is_not_norp() -> None:
    out = _mentions("استقبل الأمير تركي الفيصل الوفد.")
    assert ("NORP", "تركي") not in out


def test_language_adjective_is_not_norp() -> None:
    out = _mentions("يدرس الطلاب اللغة العربية في المدرسة.")
    assert all(typ != "NORP" for typ, _ in out)


def test_wide_adjective_after_a_people_noun_is_norp() -> None:
    out = _mentions("ناقش الاجتماع مستجدات الأوضاع العربية والإقليمية.")
    assert ("NORP", "العربية") in out


def test_right_foot_is_not_yemeni() -> None:
    out = _mentions("أصيب اللاعب في قدمه اليمنى أمس.")
    assert all(typ != "NORP" for typ, _ in out)


def test_state_body_with_adjective_is_one_org() -> None:
    out = _mentions("وأكد أن اللائحة تخضع لأنظمة السلطات البريطانية في لندن.")
    assert ("ORG", "السلطات البريطانية") in out


def test_place_with_adjective_splits() -> None:
    out = _mentions("وقع الهجوم في مدينة بنغازي الليبية أمس.")
    assert ("NORP", "الليبية") in out
    assert any(typ in ("GPE", "LOC") and s == "بنغازي" for typ, s in out)


def test_country_name_with_adjective_stays_whole() -> None:
    out = _mentions("زار الوفد الولايات المتحدة الأمريكية أمس.")
    assert all(s != "الأمريكية" for _t, s in out)


def test_wojood_convention_unchanged() -> None:
    out = _mentions("وقال الرئيس التركي إن بلاده ستواصل عملها.", WOJOOD)
    assert ("NORP", "التركي") not in out


def test_state_style_with_adjective_is_the_state() -> None:
    out = _mentions("أصدر الرئيس قرارا بصفته رئيس الجمهورية اليمنية أمس.")
    assert ("GPE", "الجمهورية اليمنية") in out

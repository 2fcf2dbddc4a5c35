"""Newspapers named where the copy marks them (rasd.ner.patterns.paper_mentions)."""

from __future__ import annotations

from rasd.lang.ar.tokenize import tokenize
from rasd.ner.recognize import recognize


def _mentions(text: str) -> list[tuple[str, str]]:
    return [(m.type, text[m.start:m.end]) for m in recognize(text, tokenize(text))]


def test_quoted_paper_named_after_a_city_is_org() -> None:
    out = _mentions('وكشف السفير لـ"الرياض" أن الاتفاقية ما زالت سارية.')
    assert ("ORG", "الرياض") in out


def test_paper_after_sahifa_is_org() -> None:
    out = _mentions("رابط الخبر بصحيفة الوئام: أمير المنطقة يشكر الهيئة")
    assert ("ORG", "الوئام") in out


def test_paper_dateline_is_org() -> None:
    out = _mentions("سبق- جدة: أقام المركز حفلا بمناسبة العيد.")
    assert ("ORG", "سبق") in out


def test_place_dateline_before_the_lead_stays_a_place() -> None:
    out = _mentions("الرياض - أكد وزير المالية أن الاقتصاد يحافظ على نموه.")
    assert ("ORG", "الرياض") not in out


def test_bare_city_is_not_the_paper() -> None:
    out = _mentions("وصل الوفد إلى الرياض أمس.")
    assert ("ORG", "الرياض") not in out


def test_quoted_stock_names_in_a_market_report() -> None:
    text = "وهبطت أسهم «الاتصالات السعودية» و»مجموعة صافولا» بنسب متفاوتة، وقلص سهم «سابك» مكاسبه."
    out = _mentions(text)
    for name in ("الاتصالات السعودية", "مجموعة صافولا", "سابك"):
        assert ("ORG", name) in out

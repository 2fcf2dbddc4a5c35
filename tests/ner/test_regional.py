"""State bodies named by place or service (rasd.ner.regional): synthetic sentences."""

from __future__ import annotations

from rasd.lang.ar.tokenize import tokenize
from rasd.ner.recognize import recognize


def _mentions(text: str) -> list[tuple[str, str]]:
    return [(m.type, text[m.start:m.end]) for m in recognize(text, tokenize(text))]


def test_municipality_with_its_place_is_one_org() -> None:
    out = _mentions("قامت بلدية محافظة الخبر أمس بتنظيم زيارة للمرضى.")
    assert ("ORG", "بلدية محافظة الخبر") in out


def test_body_with_its_regional_branch_is_one_org() -> None:
    out = _mentions("وأعلنت وزارة الصحة بمنطقة الرياض أمس عن افتتاح مستوصف جديد.")
    assert ("ORG", "وزارة الصحة بمنطقة الرياض") in out


def test_named_body_keeps_its_place_apart() -> None:
    out = _mentions("يخضع الرائد لبرنامج في مركز جونسون للفضاء بمدينة هيوستن قبل عودته.")
    assert not any(t == "ORG" and "هيوستن" in s for t, s in out)


def test_name_after_a_naming_head_is_a_place() -> None:
    out = _mentions("حضر وكيل محافظة القويعية الحفل في بلدة كفريا أمس.")
    assert any(s == "القويعية" and t in ("GPE", "LOC") for t, s in out)
    assert any(s == "كفريا" and t in ("GPE", "LOC") for t, s in out)


def test_zone_adjective_is_not_a_place() -> None:
    out = _mentions("أقامت القوات منطقة عازلة قرب حي سكني في المدينة.")
    assert not any(s in ("عازلة", "سكني") for _t, s in out)


def test_category_word_before_a_standalone_name_stays_out() -> None:
    out = _mentions("قصفت طائرات حربية أهدافا لتنظيم الدولة الإسلامية في سوريا أمس.")
    assert ("ORG", "الدولة الإسلامية") in out


def test_service_names_on_free_tokens() -> None:
    from rasd.ner.regional import service_names

    text = "وتمكنت فرق الدفاع المدني من إخماد الحريق."
    tokens = tokenize(text)
    spans = service_names(tokens, [])
    assert [text[tokens[i].start:tokens[j - 1].end] for i, j, _t, _c in spans] == ["الدفاع المدني"]

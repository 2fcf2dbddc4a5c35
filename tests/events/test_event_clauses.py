"""Clause readings, casualty counts and trigger spans of the third events round (issue 22):
each rule on a short sentence written for these tests (no article text)."""

from __future__ import annotations

from typing import Any

import pytest

from rasd import Meta, analyze


def _events(text: str) -> list[dict[str, Any]]:
    return [e.attrs for e in analyze(text, Meta()).layer("events")]


def _one(text: str, plover: str) -> dict[str, Any]:
    evs = [e for e in _events(text) if e["plover"] == plover]
    assert evs, _events(text)
    return evs[0]


def _text(arg: dict[str, Any] | None) -> str | None:
    return arg["text"] if arg else None


def test_passive_subject_is_the_target() -> None:
    ev = _one("قالت الشرطة إن الرجل قتل مساء الثلاثاء في حي سلطان.", "ASSAULT")
    assert _text(ev.get("target")) == "الرجل" and ev.get("actor") is None
    assert ev.get("fatalities") == 1  # one man


def test_object_pronoun_verb_takes_its_subject_after() -> None:
    ev = _one("ناقش الوزراء المشروع الذي أقره رؤساء الأركان العرب.", "AGREE")
    assert _text(ev.get("actor")) == "رؤساء الأركان العرب"
    assert ev.get("target") is None


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("قتل شرطي وأصيب آخر في هجوم على دورية أمنية.", 1, 1),  # singular victims
    ("قتل حوثيان في غارة جوية على مواقعهم.", 2, None),  # a dual in -ان
    ("أعلن الجيش مقتل جنديين اثنين في هجوم على نقطة تفتيش.", 2, None),  # two after the noun
])
def test_counts_without_digits(text: str, killed: int, injured: int | None) -> None:
    ev = _one(text, "ASSAULT")
    assert ev.get("fatalities") == killed and ev.get("injured") == injured


def test_count_before_the_casualty_verb_goes_to_the_cause() -> None:
    ev = _one("قال مسؤول إن 12 شخصا على الأقل قتلوا عندما هاجم انتحاريان سوقا مزدحما.",
              "ASSAULT")
    assert ev["trigger"]["text"] == "هاجم"
    assert ev.get("fatalities") == 12
    assert _text(ev.get("actor")) == "انتحاريان"
    assert (_text(ev.get("target")) or "").startswith("سوقا")


def test_relative_verb_describes_the_event_noun() -> None:
    evs = [e for e in _events("قتل 21 شخصا في هجمات استهدفت أسواقا شعبية.")
           if e["plover"] == "ASSAULT"]
    assert len(evs) == 1, evs
    assert evs[0]["trigger"]["text"] == "هجمات"
    assert _text(evs[0].get("target")) == "أسواقا شعبية"
    assert evs[0].get("fatalities") == 21


def test_no_death_event_after_an_outcome_verb() -> None:
    evs = _events("أسفر الانفجار عن مقتل خمسة أشخاص.")
    assert not [e for e in evs if e["trigger"]["text"].startswith("مقتل")], evs


def test_capture_target_is_no_place() -> None:
    ev = _one("سيطر الجيش على مدينة الحديدة بعد معارك عنيفة.", "FIGHT")
    assert _text(ev.get("actor")) == "الجيش" and ev.get("target") is None


def test_weapon_is_neither_actor_nor_target() -> None:
    ev = _one("أصيب ثلاثة أشخاص في انفجار عبوة ناسفة قرب السوق.", "ASSAULT")
    assert ev.get("target") is None and ev.get("actor") is None
    assert ev.get("injured") == 3


def test_dawn_is_no_bombing() -> None:
    evs = _events("اعتقلت الشرطة فجر أمس ثلاثة مطلوبين.")
    assert [e["plover"] for e in evs] == ["COERCE"], evs


def test_light_verb_trigger_runs_to_its_object() -> None:
    ev = _one("شنت طائرات التحالف غارات على مواقع المسلحين.", "ASSAULT")
    assert ev["trigger"]["text"] == "شنت طائرات التحالف غارات"
    assert _text(ev.get("actor")) == "طائرات التحالف"


def test_future_of_a_lexicon_verb_is_hypothetical() -> None:
    ev = _one("سيجتمع وزير الخارجية مع نظيره الروسي في موسكو.", "CONSULT")
    assert ev["mode"] == "hypothetical"


def test_verb_first_subject_acts_by_its_head() -> None:
    ev = _one("استهدف طيران التحالف مبنى يتخذه المسلحون مقرا.", "ASSAULT")
    assert _text(ev.get("actor")) == "طيران التحالف"
    assert (_text(ev.get("target")) or "").startswith("مبنى")


def test_verb_reading_after_a_preposition_is_the_noun() -> None:
    ev = _one("قتل عشرة مدنيين في قصف للمسلحين على حي سكني.", "ASSAULT")
    assert ev["trigger"]["text"] == "قصف"
    assert _text(ev.get("actor")) == "للمسلحين"
    assert ev.get("fatalities") == 10


def test_sides_of_min_jiha_groups_past_a_pronoun() -> None:
    ev = _one("دارت اشتباكات بين قوات النظام والمسلحين الموالين لها من جهة، وعناصر تنظيم "
              "داعش من جهة أخرى في المدينة.", "FIGHT")
    assert _text(ev.get("actor")) == "قوات النظام"
    assert _text(ev.get("target")) == "وعناصر تنظيم داعش"


def test_control_verb_subject_acts_for_the_noun() -> None:
    ev = _one("وقال إن المقاومة ستتجه إلى تطهير المناطق المحاذية للمدينة.", "FIGHT")
    assert _text(ev.get("actor")) == "المقاومة" and ev["mode"] == "hypothetical"

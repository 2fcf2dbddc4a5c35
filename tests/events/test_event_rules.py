"""Issue 22 rules on short sentences written for these tests: stem triggers, idioms, casualty
counts, actor types, purpose/uncertain modes, anaphors."""

from __future__ import annotations

import pytest

from rasd import analyze
from rasd.extract.event_lexicon import actor_type, stems, verb_stems


def _events(text: str) -> list[dict]:
    return [e.attrs for e in analyze(text).layer("events")]


def test_stems_cover_forms_of_one_entry() -> None:
    assert "سيطره" in stems("وسيطرتها")
    assert "مواجهات" in stems("للمواجهات")
    assert "انفجر" in verb_stems("انفجرت")
    assert "قصف" in verb_stems("سيقصفون")


@pytest.mark.parametrize(("text", "plover"), [
    ("اندلعت مواجهات عنيفة بين الطرفين في المدينة.", "FIGHT"),
    ("أطلق مسلحون النار على دورية للشرطة.", "ASSAULT"),
    ("أعلنت الشرطة اعتقالات واسعة في صفوف المشتبه بهم.", "COERCE"),
    ("خرجت تظاهرة حاشدة في وسط العاصمة.", "PROTEST"),
    ("أعلن الجيش انسحاب الوحدات من البلدة.", "RETREAT"),
])
def test_triggers_by_stem_and_idiom(text: str, plover: str) -> None:
    assert plover in [e["plover"] for e in _events(text)]


def test_casualties_attach_to_the_cause() -> None:
    evs = _events("قتل 12 شخصا وأصيب ما لا يقل عن عشرين آخرين في تفجير سيارة مفخخة.")
    assert len(evs) == 1
    assert evs[0]["trigger"]["text"] == "تفجير"
    assert (evs[0]["fatalities"], evs[0]["injured"]) == (12, 20)


def test_a_death_without_cause_is_the_event() -> None:
    evs = _events("أعلنت مصادر محلية مقتل ثلاثة جنود في الهجوم المزدوج على الثكنة.")
    assert [e.get("fatalities") for e in evs if e["plover"] == "ASSAULT"] == [3]


def test_idiom_words_are_not_triggers_again() -> None:
    evs = _events("بدأ سريان وقف إطلاق النار صباح اليوم في المدينة.")
    assert [e["plover"] for e in evs] == ["AGREE"]


def test_purpose_and_accusation_modes() -> None:
    evs = _events("حشدت الميليشيات قواتها لتحرير المطار من المسلحين.")
    assert [e["mode"] for e in evs if e["plover"] == "FIGHT"] == ["hypothetical"]
    evs = _events("اتهمت الحكومة المتمردين بقصف الأحياء السكنية في المدينة.")
    assert [e["mode"] for e in evs if e["plover"] == "ASSAULT"] == ["uncertain"]


def test_a_demonstrative_makes_an_anaphor() -> None:
    evs = _events("وقد أدان الوزير هذا الهجوم بشدة.")
    assert [e for e in evs if e["plover"] == "ASSAULT"] == []


def test_actor_types_from_agents() -> None:
    assert actor_type(["قوات", "الامن"]) == "police"
    assert actor_type(["المتظاهرين"]) == "protesters"
    assert actor_type(["الجيش", "العراقي"]) == "military"
    assert actor_type(["مسلحين", "مجهولين"]) == "rebel"

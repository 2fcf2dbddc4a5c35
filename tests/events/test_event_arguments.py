"""Argument and mode rules of issue 22 (event_arguments, event_mode), each on a short
sentence written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from rasd import Meta, analyze


def _events(text: str, published: str | None = None) -> list[dict[str, Any]]:
    return [e.attrs for e in analyze(text, Meta(published=published)).layer("events")]


def _one(text: str, plover: str) -> dict[str, Any]:
    evs = [e for e in _events(text) if e["plover"] == plover]
    assert evs, _events(text)
    return evs[0]


def _text(arg: dict[str, Any] | None) -> str | None:
    return arg["text"] if arg else None


@pytest.mark.parametrize(("text", "plover", "actor"), [
    # support verb before the noun: subject after it (VSO) …
    ("شنت طائرات التحالف صباح أمس ثلاث غارات على مواقع المسلحين.", "ASSAULT", "طائرات التحالف"),
    ("قام الجيش بإقصاء الرئيس السابق من منصبه.", "COERCE", "الجيش"),
    ("تمكنت قوات الأمن من تدمير مخزن للأسلحة.", "ASSAULT", "قوات الأمن"),
    # … or before it (SVO)
    ("قالت المصادر إن التحالف وجه ضربة جوية إلى معسكر التدريب.", "ASSAULT", "التحالف"),
    # resumptive relative and agent markers after the noun
    ("أصيب جنديان في غارات جوية نفذتها طائرات حربية فجر اليوم.", "ASSAULT", "طائرات حربية"),
    ("تشهد المنطقة هجمات يشنها مسلحون بشكل متكرر.", "ASSAULT", "مسلحون"),
    ("وقع هجوم مماثل العام الماضي على يد مسلحين متطرفين.", "ASSAULT", "مسلحين متطرفين"),
    # a ل-genitive naming an agent
    ("قتل ثلاثة في هجوم مسلح للمقاومة على نقطة تفتيش.", "ASSAULT", "للمقاومة"),
    # the genitive of an agentive noun
    ("أسفر الهجوم عن سيطرة المقاومة على التلال المحيطة.", "FIGHT", "المقاومة"),
])
def test_actor_constructions(text: str, plover: str, actor: str) -> None:
    assert (_text(_one(text, plover).get("actor")) or "").startswith(actor)


def test_between_gives_both_sides() -> None:
    ev = _one("اندلعت اشتباكات عنيفة بين الشرطة ومسلحين مجهولين في الضاحية.", "FIGHT")
    assert _text(ev.get("actor")) == "الشرطة"
    assert _text(ev.get("target")) == "ومسلحين مجهولين"


def test_adjectives_are_not_arguments() -> None:
    ev = _one("تعرضت البلدة لقصف مدفعي مكثف طوال الليل.", "ASSAULT")
    assert ev.get("actor") is None and ev.get("target") is None


def test_count_phrase_is_the_target() -> None:
    ev = _one("قتل الجيش أكثر من مئة متشدد في عملياته.", "ASSAULT")
    assert _text(ev.get("target")) == "أكثر من مئة متشدد"
    ev = _one("أعلنت مصادر طبية مقتل ثمانية مدنيين في المدينة.", "ASSAULT")
    assert _text(ev.get("target")) == "ثمانية مدنيين"


def test_coordinated_verbs_share_the_subject() -> None:
    evs = _events("داهمت قوات الأمن منزلا واعتقلت خمسة أشخاص.")
    coerce = [e for e in evs if e["plover"] == "COERCE" and e["trigger"]["text"] == "واعتقلت"]
    assert coerce and _text(coerce[0].get("actor")) == "قوات الأمن"


@pytest.mark.parametrize(("text", "plover", "mode"), [
    ("وكان التنظيم قد أعدم عشرين رهينة في الساحة.", "ASSAULT", "asserted"),
    ("قد يشن الجيش هجوما على المدينة.", "ASSAULT", "hypothetical"),
    ("وتعرضت القرى الحدودية في الشمال الشرقي لقصف جوي عنيف.", "ASSAULT", "asserted"),
    ("وقعت الدولتان اتفاقا يسمح باستخدام القاعدة لشن غارات على التنظيم.", "ASSAULT",
     "hypothetical"),
    ("قالت الحكومة إن القوات ستقوم عند الضرورة بضربات في المنطقة.", "ASSAULT", "hypothetical"),
    ("نفى المتحدث أن تكون الشرطة اعتقلت الصحفي.", "COERCE", "denied"),
    ("قرر المحافظ منع التظاهر في الساحة.", "PROTEST", "prohibited"),
    ("حمل الأهالي القوات الحكومية المسؤولية عن مقتل ثلاثة مدنيين.", "ASSAULT", "uncertain"),
    ("لا تزال المفاوضات جارية بين الطرفين.", "CONSULT", "asserted"),
])
def test_modes(text: str, plover: str, mode: str) -> None:
    assert _one(text, plover)["mode"] == mode


def test_a_meeting_tomorrow_is_hypothetical() -> None:
    evs = _events("تعقد الدول العشر اجتماعا غدا في العاصمة.", published="2015-07-27")
    assert [e["mode"] for e in evs if e["plover"] == "CONSULT"] == ["hypothetical"]


def test_a_ban_is_not_prohibited_itself() -> None:
    evs = _events("فرضت السلطات حظر التجوال في المدينة.")
    assert evs and all(e["mode"] != "prohibited" for e in evs)

"""Sports clubs in sports stories (rasd.ner.clubs): synthetic sentences."""

from __future__ import annotations

from rasd.lang.ar.tokenize import tokenize
from rasd.ner.recognize import recognize

SPORT = ("وقال المدرب إن اللاعب جاهز للمباراة المقبلة في الدوري بعد الهدف الذي سجله الفريق. ")


def _mentions(text: str) -> list[tuple[str, str]]:
    return [(m.type, text[m.start:m.end]) for m in recognize(text, tokenize(text))]


def test_common_word_club_in_a_fixture_is_org() -> None:
    out = _mentions(SPORT + "واستضاف الخليج شقيقه الشعلة على ملعبه.")
    assert ("ORG", "الخليج") in out and ("ORG", "الشعلة") in out


def test_club_head_stays_out() -> None:
    out = _mentions(SPORT + "وحسمت إدارة نادي الهلال صفقة المهاجم.")
    assert ("ORG", "الهلال") in out


def test_club_and_its_country_adjective() -> None:
    out = _mentions(SPORT + "وقالت مصادر بالنادي الأهلي المصري إن الصفقة انتهت.")
    assert ("ORG", "الأهلي") in out and ("NORP", "المصري") in out


def test_no_club_outside_a_sports_story() -> None:
    out = _mentions("ارتفعت أسعار النفط في منطقة الخليج أمس بعد قرار الاتحاد.")
    assert ("ORG", "الخليج") not in out


def test_federation_is_not_the_club() -> None:
    out = _mentions(SPORT + "وأكد الاتحاد السعودي لكرة القدم أن الاتحاد جدد ثقته في المدرب.")
    assert ("ORG", "الاتحاد") not in out

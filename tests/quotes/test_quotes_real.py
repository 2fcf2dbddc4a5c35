"""Quote rules prompted by the real-news gold (issue 23), each on a sentence written for the
test: speaker kinds of press reports and office titles, nominal contents of confirm/announce
cues, descriptions referring back to a named speaker."""

from __future__ import annotations

import pytest

from tests.quotes.helpers import one as _one
from tests.quotes.helpers import text_of as _text


@pytest.mark.parametrize(("text", "cue", "speaker", "kind"), [
    # reports nobody owns are the press; a report with an owner stays a document
    ("وأفادت تقارير إخبارية تركية بأن الحكومة ستفتح القاعدة خلال أيام.", "وأفادت",
     "تقارير إخبارية تركية", "media"),
    ("وذكرت تقارير أن الشرطة داهمت عشرات المنازل.", "وذكرت", "تقارير", "media"),
    ("وقال تقرير للأمم المتحدة إن الجوع يتفاقم في المنطقة.", "وقال", "تقرير للأمم المتحدة",
     "document"),
    # "الخبر" (the news item) is a document, not the city of Al-Khobar speaking
    ("ونشرت الصحيفة خبرا عن المنفذ. وجاء في الخبر أن المسافرين عادوا إلى المنفذ.", "وجاء",
     "الخبر", "document"),
    # a consul is an office holder
    ("وأكد القنصل المصري في جدة محمود فهمي أن الجالية بخير.", "وأكد",
     "القنصل المصري في جدة محمود فهمي", "named_person"),
])
def test_speaker_kinds(analyse, text: str, cue: str, speaker: str, kind: str) -> None:
    doc = analyse(text)
    q = _one(doc, cue)
    assert _text(doc, q.attrs["speaker"]) == speaker
    assert q.attrs["speaker"]["kind"] == kind


def test_a_description_refers_back_to_the_nearest_speaker_it_can_describe(analyse) -> None:
    doc = analyse("وقال مسؤول في وزارة الخارجية إن المحادثات ستستأنف قريبا. "
                  "وأكد المصدر للصحيفة أن الوفد سيصل الأحد.")
    first, second = doc.layer("quotes")
    assert second.attrs["antecedent"] == first.id
    assert second.attrs["speaker"]["kind"] == "anonymous"
    doc = analyse("وقال المتحدث باسم الخارجية سامي يوسف إن المحادثات ستستأنف قريبا. "
                  "وأضاف الدبلوماسي أن الوفد سيصل الأحد.")
    first, second = doc.layer("quotes")
    assert second.attrs["antecedent"] == first.id
    assert second.attrs["speaker"]["kind"] == "named_person"


def test_the_source_never_refers_back_to_a_named_person(analyse) -> None:
    doc = analyse("وقال وزير الخارجية سامي يوسف إن المحادثات ستستأنف قريبا. "
                  "وأكد المصدر أن الوفد سيصل الأحد.")
    first, second = doc.layer("quotes")
    assert "antecedent" not in second.attrs
    assert second.attrs["speaker"]["kind"] == "anonymous"


def test_a_verbal_noun_after_the_speaker_is_the_content(analyse) -> None:
    # the later "أن" opens a clause inside the announced content, not the content itself
    doc = analyse("أعلنت وزارة الصحة أمس (السبت) تسجيل إصابات جديدة بعد أن انتشر الوباء في "
                  "المدينة.")
    q = _one(doc, "أعلنت")
    assert _text(doc, q.attrs["speaker"]) == "وزارة الصحة"
    assert _text(doc, q.attrs["content"]).startswith("تسجيل إصابات جديدة بعد أن انتشر")
    # a verbal noun with a possessive pronoun, after the speaker
    doc = analyse("وأكدت إدارة النادي عدم تلقيها أي عرض رسمي، رغم أن اللاعب طلب الرحيل.")
    q = _one(doc, "وأكدت")
    assert _text(doc, q.attrs["speaker"]) == "إدارة النادي"
    assert _text(doc, q.attrs["content"]).startswith("عدم تلقيها أي عرض رسمي")


def test_unnamed_leaders_are_anonymous(analyse) -> None:
    doc = analyse("وقالت قيادات ميدانية في المقاومة إن القوات تقدمت نحو القاعدة.")
    assert _one(doc, "وقالت").attrs["speaker"]["kind"] == "anonymous"


def test_a_quotation_after_the_speakers_name_is_the_speech(analyse) -> None:
    doc = analyse("وقال الوزير سامي يوسف «الاتفاق يخدم مصالح البلدين»، وقال أيضا إن الزيارة ناجحة.")
    q = _one(doc, "وقال")
    assert _text(doc, q.attrs["speaker"]) == "الوزير سامي يوسف"
    assert _text(doc, q.attrs["content"]).strip("«»") == "الاتفاق يخدم مصالح البلدين"
    # a quoted name after its head noun or a preposition stays in the speaker phrase
    doc = analyse("وقال القائد العسكري في “الجبهة الوطنية للتحرير” إن الهجوم فشل.")
    assert _text(doc, _one(doc, "وقال").attrs["speaker"]) == (
        "القائد العسكري في “الجبهة الوطنية للتحرير”")


def test_a_title_in_construct_repeats_the_office_holder_named_before(analyse) -> None:
    doc = analyse("قال وزير الطاقة الإماراتي سهيل المزروعي إن الأسعار ستتغير. "
                  "وأكد وزير الطاقة أن القرار نهائي.")
    first, second = doc.layer("quotes")
    assert second.attrs["antecedent"] == first.id


@pytest.mark.parametrize("text", [
    "قال الرئيس سامي يوسف إن الجيش صامد. وأضاف ”نحن في مرحلة مصيرية لا حلول وسط فيها”.",
    "قال الرئيس سامي يوسف إن الجيش صامد، وأضاف – نحن في مرحلة مصيرية لا حلول وسط فيها.",
])
def test_speech_opened_by_a_closing_quote_or_a_dash_after_the_verb(analyse, text: str) -> None:
    doc = analyse(text)
    q = _one(doc, "وأضاف")
    assert _text(doc, q.attrs["content"]) == "نحن في مرحلة مصيرية لا حلول وسط فيها"


def test_it_is_noted_that_is_no_statement(analyse) -> None:
    doc = analyse("وقال الوزير سامي يوسف إن المشروع سينتهي قريبا. "
                  "يذكر أن المشروع بدأ قبل عامين. ويشار إلى أن كلفته بلغت مليار دولار.")
    assert [q.attrs["cue"]["text"] for q in doc.layer("quotes")] == ["وقال"]


def test_kama_opening_a_clause_is_also(analyse) -> None:
    doc = analyse("وقال وزير الخارجية سامي يوسف إن الزيارة ناجحة. "
                  "كما أكد وزير الخارجية أن العلاقات بين البلدين قوية.")
    first, second = doc.layer("quotes")
    assert second.attrs["cue"]["text"] == "أكد"
    assert _text(doc, second.attrs["content"]) == "أن العلاقات بين البلدين قوية"
    assert second.attrs["antecedent"] == first.id


def test_participles_of_describing_and_speaking_and_at_a_sentence_start(analyse) -> None:
    doc = analyse("وقال الوزير سامي يوسف إن الزيارة ناجحة، واصفا المحادثات بأنها صريحة. "
                  "مضيفا أن الجانبين اتفقا على التعاون.")
    cues = {q.attrs["cue"]["text"]: q for q in doc.layer("quotes")}
    assert set(cues) == {"وقال", "واصفا", "مضيفا"}
    assert _text(doc, cues["واصفا"].attrs["content"]).endswith("بأنها صريحة")
    assert cues["مضيفا"].attrs["speaker"]["implicit"] is True
    # a participle opening a sentence without its content marker right after is no cue
    doc = analyse("وقال الوزير سامي يوسف إن الزيارة ناجحة. مضيفا الى ذلك زار الوفد المصنع.")
    assert [q.attrs["cue"]["text"] for q in doc.layer("quotes")] == ["وقال"]


def test_an_accusative_unnamed_subject_before_the_verb(analyse) -> None:
    doc = analyse("وقال الوزير سامي يوسف إن البحث مستمر. لكن مسؤولا ليبيا رفيعا قال إن "
                  "الخاطفين يطالبون بفدية.")
    q = doc.layer("quotes")[-1]
    assert _text(doc, q.attrs["speaker"]) == "مسؤولا ليبيا رفيعا"
    assert q.attrs["speaker"]["kind"] == "anonymous"


def test_a_prepositional_phrase_before_the_verb_is_no_subject(analyse) -> None:
    doc = analyse("وفي كلمة بثها التلفزيون قال الرئيس سامي يوسف إن الجيش صامد.")
    assert _text(doc, _one(doc, "قال").attrs["speaker"]) == "الرئيس سامي يوسف"


def test_praise_with_its_preposition_written_on_the_noun(analyse) -> None:
    doc = analyse("وأشاد وزير الطاقة سامي يوسف بأهمية العمل على إنجاح هذه التجربة.")
    q = _one(doc, "وأشاد")
    assert _text(doc, q.attrs["speaker"]) == "وزير الطاقة سامي يوسف"
    assert _text(doc, q.attrs["content"]) == "بأهمية العمل على إنجاح هذه التجربة"
    # a verb's own separate preposition still works as before
    doc = analyse("أعرب اللاعب سامي يوسف عن سعادته بالانتقال، بعد أن وقع العقد.")
    assert _text(doc, _one(doc, "أعرب").attrs["content"]).startswith("عن سعادته")

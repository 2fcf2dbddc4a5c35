"""Reporting styles found by the fourth held-out round: agency honorifics (سموه، معاليه),
verbs whose content follows a preposition (أعرب عن، كشف عن، شكك في، أشار إلى), "وجاء في
البيان", quotations before their attribution, counted sources and "ذاته/نفسه" anaphora.

Sentences are written for these tests (not taken from the evaluation sets).
"""

from __future__ import annotations

from tests.quotes.helpers import one as _one
from tests.quotes.helpers import text_of as _text


def test_honorific_pronoun_refers_back(analyse) -> None:
    doc = analyse(
        "وأكد وزير الطاقة الأمير عبدالعزيز بن سلمان أن الأسواق تشهد توازناً. "
        "وبيّن سموه أن المملكة ملتزمة باتفاق خفض الإنتاج."
    )
    first = _one(doc, "وأكد")
    second = _one(doc, "وبيّن")
    assert second.attrs["speaker"]["implicit"] is True
    assert _text(doc, second.attrs["speaker"]) == "وزير الطاقة الأمير عبدالعزيز بن سلمان"
    assert second.attrs["antecedent"] == first.id
    assert _text(doc, second.attrs["content"]) == "أن المملكة ملتزمة باتفاق خفض الإنتاج"


def test_content_introduced_by_the_verbs_preposition(analyse) -> None:
    doc = analyse(
        "أعربت وزارة الخارجية الأردنية في بيان عن إدانتها الشديدة للهجوم. "
        "وكشفت مصادر مطلعة في بغداد، مساء الأحد، عن خلافات داخل الائتلاف الحاكم. "
        "وشكك محللون في دقة الأرقام الرسمية للنمو."
    )
    q1 = _one(doc, "أعربت")
    assert _text(doc, q1.attrs["speaker"]) == "وزارة الخارجية الأردنية"
    assert _text(doc, q1.attrs["content"]) == "عن إدانتها الشديدة للهجوم"
    q2 = _one(doc, "وكشفت")
    assert _text(doc, q2.attrs["speaker"]) == "مصادر مطلعة في بغداد"
    assert q2.attrs["speaker"]["kind"] == "anonymous"
    assert _text(doc, q2.attrs["content"]) == "عن خلافات داخل الائتلاف الحاكم"
    q3 = _one(doc, "وشكك")
    assert q3.attrs["stance"] == "doubt"
    assert _text(doc, q3.attrs["speaker"]) == "محللون"
    assert _text(doc, q3.attrs["content"]) == "في دقة الأرقام الرسمية للنمو"


def test_descriptor_preposition_is_not_the_content(analyse) -> None:
    doc = analyse("وشكك نائب في البرلمان في جدوى الخطة الحكومية.")
    q = _one(doc, "وشكك")
    assert _text(doc, q.attrs["speaker"]) == "نائب في البرلمان"
    assert _text(doc, q.attrs["content"]) == "في جدوى الخطة الحكومية"


def test_issued_clause_ends_the_document_phrase(analyse) -> None:
    doc = analyse("وأشار تقرير لمنظمة العمل الدولية صدر الثلاثاء إلى ارتفاع البطالة بين الشباب.")
    q = _one(doc, "وأشار")
    assert _text(doc, q.attrs["speaker"]) == "تقرير لمنظمة العمل الدولية"
    assert q.attrs["speaker"]["kind"] == "document"
    assert _text(doc, q.attrs["content"]) == "إلى ارتفاع البطالة بين الشباب"


def test_statement_text_after_jaa_fi(analyse) -> None:
    doc = analyse(
        "وجاء في التقرير أن نصف المدارس في المحافظة خارج الخدمة. "
        "وجاء في المرتبة الثانية منتخب المغرب."
    )
    qs = doc.layer("quotes")
    assert len(qs) == 1
    q = qs[0]
    assert q.attrs["cue"]["text"] == "وجاء"
    assert _text(doc, q.attrs["speaker"]) == "التقرير"
    assert q.attrs["speaker"]["kind"] == "document"
    assert _text(doc, q.attrs["content"]).startswith("أن نصف المدارس")


def test_quotation_before_a_weak_cue_and_an_apposition(analyse) -> None:
    doc = analyse(
        "«سنعيد بناء ما دمرته السيول خلال عام»، كتب رئيس البلدية على حسابه في فيسبوك.\n"
        "«لا نملك ما نطعم به أطفالنا»، تقول لاجئة في مخيم الزعتري، وهي أم لخمسة أطفال."
    )
    q1 = _one(doc, "كتب")
    assert _text(doc, q1.attrs["content"]) == "سنعيد بناء ما دمرته السيول خلال عام"
    assert _text(doc, q1.attrs["speaker"]) == "رئيس البلدية"
    q2 = _one(doc, "تقول")
    assert _text(doc, q2.attrs["content"]) == "لا نملك ما نطعم به أطفالنا"
    assert _text(doc, q2.attrs["speaker"]) == "لاجئة في مخيم الزعتري"
    assert q2.attrs["speaker"]["kind"] == "anonymous"
    assert q2.attrs["direct"] is True


def test_addressee_outlet_at_sentence_end_is_not_speech(analyse) -> None:
    doc = analyse("«لم نتسلم رواتبنا منذ شهرين»، قال موظف في مديرية صحة نينوى لـ\"العربي الجديد\".")
    q = _one(doc, "قال")
    assert _text(doc, q.attrs["speaker"]) == "موظف في مديرية صحة نينوى"
    assert _text(doc, q.attrs["content"]) == "لم نتسلم رواتبنا منذ شهرين"


def test_counted_sources_are_anonymous(analyse) -> None:
    doc = analyse("ونقلت وكالة رويترز عن أربعة مصادر مطلعة أن الاتفاق بات وشيكاً.")
    q = _one(doc, "ونقلت")
    assert _text(doc, q.attrs["speaker"]) == "أربعة مصادر مطلعة"
    assert q.attrs["speaker"]["kind"] == "anonymous"


def test_participle_after_an_addressee(analyse) -> None:
    doc = analyse(
        "ونفى مسؤول في وزارة المالية الأنباء عن رفع الضرائب، "
        "مضيفاً لـ«الشرق الأوسط» أن الموازنة لا تتضمن أي زيادة."
    )
    q = _one(doc, "مضيفاً")
    assert _text(doc, q.attrs["content"]) == "أن الموازنة لا تتضمن أي زيادة"


def test_same_speaker_description_links_back(analyse) -> None:
    doc = analyse(
        "قال وزير الزراعة محمد صديقي إن الحكومة ستدعم مربي الماشية. "
        "وأبرز المسؤول الحكومي نفسه أن القطيع تراجع بسبب الجفاف."
    )
    first = _one(doc, "قال")
    second = _one(doc, "وأبرز")
    assert _text(doc, second.attrs["speaker"]) == "المسؤول الحكومي نفسه"
    assert second.attrs["antecedent"] == first.id
    assert second.attrs["speaker"]["kind"] == "named_person"


def test_cue_spelling_inside_a_quoted_name(analyse) -> None:
    doc = analyse(
        'وزعم حزب العمال في بيان نشرته وكالة "فرات" المقربة منه، أن مسيّرة استهدفت سيارة.'
    )
    assert [q.attrs["cue"]["text"] for q in doc.layer("quotes")] == ["وزعم"]


def test_agency_titles_and_governor(analyse) -> None:
    doc = analyse(
        "وكتب حاكم إقليم دارفور مني أركو مناوي على منصة إكس: «الفاشر تحت الحصار». "
        "وأظهرت بيانات البنك المركزي ارتفاع التضخم إلى 30 في المئة."
    )
    q1 = _one(doc, "وكتب")
    assert q1.attrs["speaker"]["kind"] == "named_person"
    q2 = _one(doc, "وأظهرت")
    assert _text(doc, q2.attrs["speaker"]) == "بيانات البنك المركزي"
    assert q2.attrs["speaker"]["kind"] == "document"
    assert _text(doc, q2.attrs["content"]).startswith("ارتفاع التضخم")


def test_pro_dropped_verb_with_its_preposition(analyse) -> None:
    doc = analyse(
        "قال المحامي إن الحكم جائر. وشكك في نزاهة المحاكمة، وأعرب عن أمله في إعادة النظر فيها."
    )
    first = _one(doc, "قال")
    doubt = _one(doc, "وشكك")
    assert doubt.attrs["stance"] == "doubt"
    assert doubt.attrs["speaker"]["implicit"] is True
    assert doubt.attrs["antecedent"] == first.id
    assert _text(doc, doubt.attrs["content"]) == "في نزاهة المحاكمة"
    hope = _one(doc, "وأعرب")
    assert _text(doc, hope.attrs["content"]) == "عن أمله في إعادة النظر فيها"
    assert hope.attrs["antecedent"] == first.id


def test_which_was_denied_by(analyse) -> None:
    doc = analyse(
        "وزعمت وسائل إعلام عبرية أن الوفد غادر القاهرة دون اتفاق، وهو ما نفاه مصدر مصري. "
        "وفاز التحالف بأغلبية المقاعد، وهو ما اعتبره مراقبون دليلاً على تراجع خصومه."
    )
    claim = _one(doc, "وزعمت")
    assert _text(doc, claim.attrs["content"]) == "أن الوفد غادر القاهرة دون اتفاق"
    denial = _one(doc, "نفاه")
    assert denial.attrs["stance"] == "deny"
    assert _text(doc, denial.attrs["speaker"]) == "مصدر مصري"
    assert denial.attrs["content"] == claim.attrs["content"]
    view = _one(doc, "اعتبره")
    assert _text(doc, view.attrs["speaker"]) == "مراقبون"
    assert _text(doc, view.attrs["content"]) == "وفاز التحالف بأغلبية المقاعد"


def test_more_cues_question_and_ruling_out(analyse) -> None:
    doc = analyse(
        "وتساءل النائب: «من يتحمل مسؤولية هذا الانهيار؟». "
        "واستبعد المحلل السياسي أن تنجح المفاوضات قبل نهاية العام."
    )
    assert _text(doc, _one(doc, "وتساءل").attrs["content"]) == "من يتحمل مسؤولية هذا الانهيار؟"
    out = _one(doc, "واستبعد")
    assert out.attrs["stance"] == "doubt"
    assert _text(doc, out.attrs["content"]) == "أن تنجح المفاوضات قبل نهاية العام"


def test_object_before_the_verbs_preposition(analyse) -> None:
    doc = analyse("وكشف مصدر أمني تفاصيل جديدة عن عملية الاغتيال.")
    q = _one(doc, "وكشف")
    assert _text(doc, q.attrs["speaker"]) == "مصدر أمني"
    assert _text(doc, q.attrs["content"]) == "تفاصيل جديدة عن عملية الاغتيال"


def test_network_of_people_versus_news_network(analyse) -> None:
    doc = analyse(
        "وقالت شبكة أطباء السودان في بيان إن 15 شخصاً قتلوا في قصف مدفعي. "
        "وقالت شبكة سي إن إن الأمريكية إن الاتفاق بات قريباً."
    )
    medics, cnn = doc.layer("quotes")
    assert medics.attrs["speaker"]["kind"] == "organization"
    assert cnn.attrs["speaker"]["kind"] == "media"
    assert _text(doc, cnn.attrs["speaker"]) == "شبكة سي إن إن الأمريكية"
    assert _text(doc, cnn.attrs["content"]) == "إن الاتفاق بات قريباً"


def test_moroccan_press_phrasing(analyse) -> None:
    doc = analyse(
        "وأكد الاتحاد المغربي للشغل، في بلاغ له، رفضه المطلق لمشروع القانون. "
        "وأورد المصدر ذاته أن الحوار الاجتماعي متوقف. "
        "وصرح المتحدث لهسبريس بأن الوزارة تتابع الملف عن كثب."
    )
    union = _one(doc, "وأكد")
    assert _text(doc, union.attrs["content"]) == "رفضه المطلق لمشروع القانون"
    assert _one(doc, "وأورد").attrs["speaker"]["kind"] == "organization"  # the union, linked
    spokesman = _one(doc, "وصرح")
    assert _text(doc, spokesman.attrs["speaker"]) == "المتحدث"


def test_same_source_alone_is_anonymous(analyse) -> None:
    doc = analyse("وأورد المصدر ذاته أن التحقيقات ما زالت جارية.")
    assert _one(doc, "وأورد").attrs["speaker"]["kind"] == "anonymous"

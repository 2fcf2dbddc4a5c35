"""Attribution patterns on short Arabic news sentences (not from the seed article)."""

from __future__ import annotations

from tests.quotes.helpers import one as _one
from tests.quotes.helpers import text_of as _text


def test_verb_first_named_speaker_and_indirect_content(analyse) -> None:
    doc = analyse("وقال وزير الخارجية الأردني أيمن الصفدي، في مؤتمر صحفي، إن بلاده ترفض أي تهجير.")
    q = _one(doc, "وقال")
    assert _text(doc, q.attrs["speaker"]) == "وزير الخارجية الأردني أيمن الصفدي"
    assert q.attrs["speaker"]["kind"] == "named_person"
    assert _text(doc, q.attrs["content"]) == "إن بلاده ترفض أي تهجير"
    assert q.attrs["stance"] == "assert" and q.attrs["direct"] is False


def test_anonymous_source_with_descriptor_then_anaphora(analyse) -> None:
    doc = analyse(
        "وأكد مصدر أمني في قيادة عمليات بغداد لـ(شفق نيوز)، أن القوات اعتقلت خمسة مطلوبين. "
        "وأضاف المصدر أن العملية استمرت ثلاث ساعات. وتابع أن المعتقلين نقلوا إلى بغداد."
    )
    first, second, third = doc.layer("quotes")
    assert _text(doc, first.attrs["speaker"]) == "مصدر أمني في قيادة عمليات بغداد"
    assert first.attrs["speaker"]["kind"] == "anonymous"
    assert _text(doc, second.attrs["speaker"]) == "المصدر"
    assert second.attrs["antecedent"] == first.id
    # pro-dropped "وتابع": the speaker is carried over and marked implicit
    assert third.attrs["antecedent"] == first.id
    assert third.attrs["speaker"]["implicit"] is True
    assert _text(doc, third.attrs["content"]) == "أن المعتقلين نقلوا إلى بغداد"


def test_denial_and_doubt_stances(analyse) -> None:
    doc = analyse(
        "زعمت وسائل إعلام إسرائيلية أن الوفد المصري غادر الدوحة. "
        "لكن الخارجية المصرية نفت هذه الأنباء جملة وتفصيلاً."
    )
    doubt = _one(doc, "زعمت")
    deny = _one(doc, "نفت")
    assert doubt.attrs["stance"] == "doubt"
    assert doubt.attrs["speaker"]["kind"] == "media"
    assert deny.attrs["stance"] == "deny"
    assert _text(doc, deny.attrs["speaker"]) == "الخارجية المصرية"
    assert _text(doc, deny.attrs["content"]).startswith("هذه الأنباء")


def test_direct_quote_after_colon_and_inverted_attribution(analyse) -> None:
    doc = analyse(
        "وقال المدرب في المؤتمر الصحفي: «سنلعب من أجل الفوز فقط». "
        "«الجمهور سيكون لاعبنا رقم واحد»، يقول قائد الفريق."
    )
    q1 = _one(doc, "وقال")
    assert q1.attrs["direct"] is True
    assert _text(doc, q1.attrs["content"]) == "سنلعب من أجل الفوز فقط"
    q2 = _one(doc, "يقول")
    assert _text(doc, q2.attrs["content"]) == "الجمهور سيكون لاعبنا رقم واحد"
    assert _text(doc, q2.attrs["speaker"]) == "قائد الفريق"


def test_prepositional_attributions(analyse) -> None:
    doc = analyse(
        "وبحسب تقرير للبنك الدولي، فإن معدل الفقر ارتفع إلى 30 في المئة. "
        "وارتفعت أسعار الخبز بنسبة 15 في المئة، وفقاً لوكالة الأنباء الرسمية."
    )
    doc_q = _one(doc, "وبحسب")
    assert doc_q.attrs["speaker"]["kind"] == "document"
    assert _text(doc, doc_q.attrs["content"]).startswith("فإن معدل الفقر")
    media = _one(doc, "وفقاً")
    assert media.attrs["speaker"]["kind"] == "media"
    assert _text(doc, media.attrs["content"]) == "وارتفعت أسعار الخبز بنسبة 15 في المئة"


def test_plan_is_not_a_source(analyse) -> None:
    doc = analyse("وتسير أعمال الصيانة وفق الجدول الزمني المحدد، حسب الخطة الموضوعة.")
    assert doc.layer("quotes") == []


def test_relay_names_the_original_source(analyse) -> None:
    doc = analyse("ونقلت وكالة رويترز عن ثلاثة دبلوماسيين قولهم إن المحادثات ستستأنف الأسبوع المقبل.")
    q = _one(doc, "ونقلت")
    assert _text(doc, q.attrs["speaker"]) == "ثلاثة دبلوماسيين"
    assert q.attrs["via"]["text"] == "وكالة رويترز"


def test_subject_before_verb(analyse) -> None:
    doc = analyse("أما رئيس الحكومة فأكد أن الانتخابات ستجرى في موعدها.")
    q = _one(doc, "فأكد")
    assert _text(doc, q.attrs["speaker"]) == "رئيس الحكومة"


def test_verbal_noun_is_not_a_cue(analyse) -> None:
    doc = analyse("وتحفظ الضابط عن ذكر اسمه، ورفض الحديث عن تفاصيل العملية.")
    assert doc.layer("quotes") == []


def test_offsets_are_evidence(analyse, seed_text: str) -> None:
    doc = analyse(seed_text)
    assert len(doc.layer("quotes")) >= 12
    for q in doc.layer("quotes"):
        a = q.attrs
        assert q.start <= a["cue"]["start"] < a["cue"]["end"] <= q.end
        assert doc.text[a["cue"]["start"]:a["cue"]["end"]] == a["cue"]["text"]
        assert doc.text[a["speaker"]["start"]:a["speaker"]["end"]] == a["speaker"]["text"]
        assert a["content"]["end"] > a["content"]["start"]
        assert a["stance"] in ("assert", "deny", "doubt")
        assert q.label in ("named_person", "organization", "document", "media", "anonymous")


def test_shortened_repeat_links_to_the_right_person(analyse) -> None:
    doc = analyse(
        "وقال الرئيس الفرنسي إيمانويل ماكرون إن الهدنة ضرورية. من جهته، قال الرئيس الأميركي "
        "جو بايدن إن المفاوضات مستمرة. وأضاف الرئيس الأميركي أن واشنطن لن تتراجع."
    )
    q0, q1, q2 = doc.layer("quotes")
    assert "antecedent" not in q1.attrs  # a different president is a new speaker
    assert q2.attrs["antecedent"] == q1.id


def test_new_anonymous_source_is_not_the_old_one(analyse) -> None:
    doc = analyse(
        "ونفى مصدر رسمي في وزارة الخارجية صحة التقارير. "
        "وكانت مواقع معارضة قد نقلت عن مصدر في الفرقة الرابعة أن الخبراء وصلوا إلى حمص."
    )
    first, second = doc.layer("quotes")
    assert "antecedent" not in second.attrs
    assert second.attrs["via"]["text"] == "مواقع معارضة"
    assert doc.text[second.attrs["speaker"]["start"]:second.attrs["speaker"]["end"]] == (
        "مصدر في الفرقة الرابعة"
    )


def test_announced_bare_content_after_an_institution(analyse) -> None:
    doc = analyse("وأعلنت وزارة الصحة في صنعاء استشهاد ثلاثة أشخاص وإصابة 87 آخرين.")
    (q,) = doc.layer("quotes")
    assert q.attrs["speaker"]["text"] == "وزارة الصحة في صنعاء"
    assert q.attrs["speaker"]["kind"] == "organization"
    assert doc.text[q.attrs["content"]["start"]:q.attrs["content"]["end"]].startswith("استشهاد")


def test_quoted_outlet_name_hides_no_introducer(analyse) -> None:
    doc = analyse(
        'وقال مسؤول حكومي يمني في الرياض لـ"منبر عدن"، مفضلاً عدم الكشف عن هويته، إن '
        '"المملكة أبلغت الحكومة بموقفها".'
    )
    (q,) = doc.layer("quotes")
    assert q.attrs["speaker"]["text"] == "مسؤول حكومي يمني في الرياض"
    assert doc.text[q.attrs["content"]["start"]:q.attrs["content"]["end"]].startswith('إن "المملكة')

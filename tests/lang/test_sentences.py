"""Sentence boundaries in Arabic news copy from several outlets' styles."""

from __future__ import annotations

from rasd.lang.ar.sentences import split_sentences


def sents(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_comma_and_semicolon_do_not_end_a_sentence():
    text = "قال الوزير إن المفاوضات مستمرة، وإن الوفد سيعود غداً؛ لكنه لم يحدد موعداً. وأضاف أن الحل قريب."
    assert sents(text) == [
        "قال الوزير إن المفاوضات مستمرة، وإن الوفد سيعود غداً؛ لكنه لم يحدد موعداً.",
        "وأضاف أن الحل قريب.",
    ]


def test_question_marks_and_exclamations():
    assert sents("هل تنجح الوساطة القطرية؟ يرى مراقبون أن الفرص ضئيلة! لكن الأمل قائم.") == [
        "هل تنجح الوساطة القطرية؟",
        "يرى مراقبون أن الفرص ضئيلة!",
        "لكن الأمل قائم.",
    ]
    assert sents("أهذا معقول؟! نعم.") == ["أهذا معقول؟!", "نعم."]


def test_quoted_terminators_stay_with_their_attribution():
    text = "وقال المتحدث: «لن ننسحب. هذه أرضنا؟ نعم». وأضاف مصدر آخر أن القوات تتقدم."
    assert sents(text) == [
        "وقال المتحدث: «لن ننسحب. هذه أرضنا؟ نعم».",
        "وأضاف مصدر آخر أن القوات تتقدم.",
    ]
    text = "ونقلت الوكالة عنه قوله “الوضع تحت السيطرة.” ثم غادر القاعة."
    assert sents(text) == ["ونقلت الوكالة عنه قوله “الوضع تحت السيطرة.”", "ثم غادر القاعة."]


def test_straight_quotes_are_paired():
    text = (
        'وقال فليتشر في منشور: "لقد قُتل عاملون صحيون في زمزم. هذا عار على الإنسانية". '
        "ودعا إلى تحقيق مستقل."
    )
    assert sents(text) == [
        'وقال فليتشر في منشور: "لقد قُتل عاملون صحيون في زمزم. هذا عار على الإنسانية".',
        "ودعا إلى تحقيق مستقل.",
    ]


def test_line_breaks_headline_pause_abbreviations_and_decimals():
    text = (
        "الجزائر.. محكمة تؤجل النظر في القضية\n"
        "التقى د. أحمد الطيب الوفد عام 1445 هـ. في القاهرة. وارتفع التضخم إلى 35.7 بالمئة.\n"
        "(أ.ف.ب)"
    )
    assert sents(text) == [
        "الجزائر.. محكمة تؤجل النظر في القضية",
        "التقى د. أحمد الطيب الوفد عام 1445 هـ. في القاهرة.",
        "وارتفع التضخم إلى 35.7 بالمئة.",
        "(أ.ف.ب)",
    ]


def test_glued_full_stop_is_a_boundary_but_obfuscation_is_not():
    assert sents("انتهت الجلسة.وقال رئيس البرلمان إنها ناجحة") == [
        "انتهت الجلسة.",
        "وقال رئيس البرلمان إنها ناجحة",
    ]
    assert sents("وصل دعم عسكـ.ـري جديد") == ["وصل دعم عسكـ.ـري جديد"]


def test_offsets_are_trimmed_and_cover_the_text(seed_text: str):
    spans = split_sentences(seed_text)
    assert len(spans) >= 25
    for (a, b), (c, _) in zip(spans, spans[1:], strict=False):
        assert a < b <= c
        assert not seed_text[a].isspace() and not seed_text[b - 1].isspace()
    # the teaser headline with its ".." pause is one sentence
    assert any(
        seed_text[a:b].startswith("اقرأ أيضا:") and seed_text[a:b].endswith("في إدلب")
        for a, b in spans
    )

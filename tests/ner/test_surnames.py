"""Person spans continued over a following nisba surname (rasd.ner.propagate.extend_surnames)."""

from rasd.lang.ar.tokenize import tokenize
from rasd.ner.propagate import extend_surnames


def _run(text, first, last):
    toks = tokenize(text)
    i = next(k for k, t in enumerate(toks) if text[t.start : t.end] == first)
    j = next(k for k, t in enumerate(toks) if text[t.start : t.end] == last) + 1
    (a, b, typ, _c), *_ = extend_surnames(toks, [(i, j, "PER", 0.9)])
    return text[toks[a].start : toks[b - 1].end], typ


def test_nisba_surname_joins_the_person():
    assert _run("وقال النائب عبيد الوسمي إن المجلس", "عبيد", "عبيد") == ("عبيد الوسمي", "PER")


def test_country_adjective_and_relative_pronoun_stay_out():
    assert _run("التقى الوزير جان إيف لودريان الفرنسي نظيره", "جان", "لودريان") == (
        "جان إيف لودريان",
        "PER",
    )
    assert _run("وكان خالد الذي وصل أمس", "خالد", "خالد") == ("خالد", "PER")


def test_compound_given_name_takes_the_rare_word_after_it():
    assert _run("وقال الرئيس عبد المجيد تبون إن", "عبد", "المجيد") == ("عبد المجيد تبون", "PER")
    # a frequent word after it is not a family name
    assert _run("وأكد عبد الرحمن أن الاتفاق", "عبد", "الرحمن") == ("عبد الرحمن", "PER")


def test_titles_learnt_from_newsfane_stay_out_of_person_names():
    from rasd.ner.gazetteer import default_gazetteer
    from rasd.ner.propagate import drop_titles

    assert {"الملك", "الامير", "الشيخ", "الدكتور"} <= default_gazetteer().titles
    text = "استقبل الملك محمد السادس الأمير محمد بن سلمان في القصر"
    toks = tokenize(text)
    a = next(k for k, t in enumerate(toks) if t.norm == "الملك")
    b = next(k for k, t in enumerate(toks) if t.norm == "الأمير")
    spans = [(a, a + 3, "PER", 0.9), (b, b + 4, "PER", 0.8)]
    assert drop_titles(toks, spans) == [(a + 1, a + 3, "PER", 0.9), (b + 1, b + 4, "PER", 0.8)]
    # a title alone is left to the other rules; other types are untouched
    assert drop_titles(toks, [(a, a + 1, "PER", 0.5), (a, a + 3, "ORG", 0.5)]) == [
        (a, a + 1, "PER", 0.5),
        (a, a + 3, "ORG", 0.5),
    ]


def test_common_given_names_the_tagger_missed():
    from rasd.ner.propagate import name_pairs

    text = "ونقل زياد جرادات عن الرئيس قيس سعيّد قوله إن ماهر وصل"
    toks = tokenize(text)

    def at(word):
        return next(k for k, t in enumerate(toks) if text[t.start : t.end] == word)

    qays, saied = at("قيس"), at("سعيّد")
    out = name_pairs(toks, [(saied, saied + 1, "PER", 0.4)])
    # a given name before a person span joins it; two untagged name units make a person;
    # a lone given name ("ماهر") is left to the tagger
    assert out == [(at("زياد"), at("جرادات") + 1, "PER", 0.6), (qays, saied + 1, "PER", 0.4)]


def test_name_pairs_leave_common_words_and_tagged_tokens_alone():
    from rasd.ner.propagate import name_pairs

    text = "وأكد رمضان المبارك أن خان يونس تعرضت للقصف"
    toks = tokenize(text)
    k = next(i for i, t in enumerate(toks) if t.norm == "خان")
    assert name_pairs(toks, [(k, k + 2, "GPE", 0.9)]) == [(k, k + 2, "GPE", 0.9)]

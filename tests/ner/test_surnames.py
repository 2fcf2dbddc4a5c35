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

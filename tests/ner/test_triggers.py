"""Wojood span convention: a place span takes in the trigger word before it."""

from rasd.lang.ar.tokenize import tokenize
from rasd.ner.propagate import include_triggers


def _span(tokens, word):
    i = next(k for k, t in enumerate(tokens) if t.norm == word)
    return i, i + 1


def test_trigger_word_joins_the_place_span():
    toks = tokenize("وصل إلى العاصمة بلغراد أمس")
    i, j = _span(toks, "بلغراد")
    assert include_triggers(toks, [(i, j, "GPE", 0.9)]) == [(i - 1, j, "GPE", 0.9)]


def test_other_words_and_types_are_left_alone():
    toks = tokenize("وصل الوزير بلغراد ومدينة خالد")
    i, j = _span(toks, "بلغراد")
    k, m = _span(toks, "خالد")
    spans = [(i, j, "GPE", 0.9), (k, m, "PER", 0.8)]
    assert include_triggers(toks, spans) == spans


def test_news_convention_drops_an_administrative_head_even_before_an_unknown_name():
    from rasd.ner.gazetteer import default_gazetteer
    from rasd.ner.propagate import gazetteer_repairs

    text = "وتضررت منازل في بلدة أم باطنة ومنطقة وادي الرقاد"
    toks = tokenize(text)
    a = next(k for k, t in enumerate(toks) if t.norm == "بلدة")
    b = next(k for k, t in enumerate(toks) if t.norm == "منطقة")
    assert default_gazetteer().lookup(("ام", "باطنه")) is None  # only the rule can know
    spans = [(a, a + 3, "GPE", 0.8), (b, b + 3, "LOC", 0.7)]
    assert gazetteer_repairs(toks, spans) == [
        (a + 1, a + 3, "GPE", 0.8),
        (b + 1, b + 3, "LOC", 0.7),
    ]
    # the Wojood convention keeps the head
    assert gazetteer_repairs(toks, spans, trim_triggers=False) == spans


def test_a_gazetteer_place_with_its_head_loses_the_head_in_news():
    from rasd.ner.recognize import recognize

    text = "وقال نائب رئيس جماعة محلية في إقليم شيشاوة إن الطرق مقطوعة"
    found = [(text[m.start : m.end], m.type) for m in recognize(text, tokenize(text))]
    assert ("شيشاوة", "GPE") in found
    assert not any(t.startswith("إقليم") for t, _ in found)


def test_compass_word_before_a_place_is_dropped_in_news():
    from rasd.ner.propagate import gazetteer_repairs

    text = "استهدف القصف مواقع جنوبي الفاشر وشمال حماة"
    toks = tokenize(text)
    a = next(k for k, t in enumerate(toks) if t.norm == "جنوبي")
    b = next(k for k, t in enumerate(toks) if t.norm == "شمال")
    spans = [(a, a + 2, "GPE", 0.8), (b, b + 2, "GPE", 0.8)]
    assert gazetteer_repairs(toks, spans) == [(a + 1, a + 2, "GPE", 0.8), (b + 1, b + 2, "GPE", 0.8)]


def test_a_known_name_keeps_its_compass_word():
    from rasd.ner.propagate import gazetteer_repairs

    text = "وصل الوفد إلى جنوب السودان أمس"
    toks = tokenize(text)
    a = next(k for k, t in enumerate(toks) if t.norm == "جنوب")
    assert gazetteer_repairs(toks, [(a, a + 2, "GPE", 0.9)]) == [(a, a + 2, "GPE", 0.9)]

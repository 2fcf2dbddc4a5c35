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

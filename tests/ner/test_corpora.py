"""Both corpora are cut into rasd's own clitic pieces; tags move from words to pieces."""

from rasd.ner.corpora import _newsfane_words, spans, words_to_pieces


def test_proclitic_of_an_entity_word_is_outside_the_span():
    s = words_to_pieces(["وصل", "الوفد", "وبيونغ", "يانغ"], ["O", "O", "B-GPE", "I-GPE"])
    pieces = [(s.text[t.start : t.end], tag) for t, tag in zip(s.tokens, s.tags, strict=True)]
    assert pieces[-3:] == [("و", "O"), ("بيونغ", "B-GPE"), ("يانغ", "I-GPE")]


def test_newsfane_text_form_is_rewritten_as_real_text():
    words, tags = _newsfane_words(
        [["قال"], ["ه", "O"], ["لالاتحاد", "O"], ["و"], ["باريس", "B-Population-Center"]]
    )
    assert words == ["قاله", "للاتحاد", "و", "باريس"]
    assert tags == ["O", "O", "O", "B-Population-Center"]


def test_spans_from_bio():
    assert spans(["B-PER", "I-PER", "O", "I-ORG", "B-GPE", "B-GPE"]) == [
        (0, 2, "PER"),
        (3, 4, "ORG"),
        (4, 5, "GPE"),
        (5, 6, "GPE"),
    ]

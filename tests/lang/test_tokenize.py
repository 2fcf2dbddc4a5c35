"""Text layer on real Arabic: clitics, obfuscation, offsets."""

from rasd.lang.ar.normalize import normalize
from rasd.lang.ar.tokenize import segment_word, tokenize


def pieces(text: str) -> list[str]:
    return [text[t.start : t.end] for t in tokenize(text)]


def test_clitic_segmentation_from_the_brief():
    assert pieces("وبيونغ يانغ") == ["و", "بيونغ", "يانغ"]
    assert pieces("لـ(الحل نت)") == ["لـ", "(", "الحل", "نت", ")"]
    assert pieces("بكوريا الشمالية") == ["ب", "كوريا", "الشمالية"]
    assert pieces("للجيش السوري") == ["ل", "لجيش", "السوري"]


def test_words_that_only_look_like_clitics_stay_whole():
    for w in ("وزارة", "بيروت", "لبنان", "كان", "بعد", "كما", "فيصل"):
        assert segment_word(w) == [(0, len(w), "stem")], w


def test_obfuscated_words_read_as_plain_and_keep_offsets():
    plain = "قوات عسكرية تقدم دعما في معارك"
    obf = "قـ.ـوات عسكـ.ـرية تقدم دعـ.ـماً في معـ.ـارك"
    assert [t.key for t in tokenize(obf)] == [t.key for t in tokenize(plain)]
    assert pieces(obf)[0] == "قـ.ـوات"


def test_missing_space_after_full_stop_is_not_glued():
    assert normalize("الحرب.وقال").text == "الحرب.وقال"


def test_common_given_names_beginning_with_a_conjunction_letter_stay_whole():
    # unseen in the training corpora, these would read as و/ف + a stem ("و + سيم", "ف + راس")
    text = "عيّن وسيم منصوري وفادي عبود وفراس خليل"
    assert [t.norm for t in tokenize(text) if t.role == "stem"] == [
        "عين", "وسيم", "منصوري", "فادي", "عبود", "فراس", "خليل"
    ]  # fmt: skip
    # the same letters before an ordinary word are still the conjunction
    assert [t.norm for t in tokenize("وسلاح وفرصة")] == ["و", "سلاح", "و", "فرصة"]

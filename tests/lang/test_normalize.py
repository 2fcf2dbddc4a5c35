"""Offset-preserving normalization on real Arabic news spellings."""

from __future__ import annotations

import pytest

from rasd.lang.ar.normalize import NormOptions, fold_key, normalize, normalize_key


def test_view_removes_marks_and_maps_back_to_the_whole_word():
    text = "قالَ المُتحدِّثُ العسكـــري"
    v = normalize(text)
    assert v.text == "قال المتحدث العسكري"
    i = v.text.index("المتحدث")
    assert v.original_slice(i, i + len("المتحدث")) == "المُتحدِّثُ"


@pytest.mark.parametrize(
    ("obfuscated", "plain"),
    [
        ("عسكـ.ـري", "عسكري"),
        ("دعـ.ـماً", "دعما"),
        ("قـ.ـوات", "قوات"),
        ("معـ.ـارك", "معارك"),
        ("عسـ*ـكري", "عسكري"),
        ("الاحتـ-ـلال", "الاحتلال"),
        ("مقـ..ـاومة", "مقاومة"),
        ("صـ_ـواريخ", "صواريخ"),
        ("اغتـ·ـيال", "اغتيال"),
        ("عسكـ ـري", "عسكري"),
        ("ﻋﺴﻜﺮﻱ", "عسكري"),  # presentation forms
        ("عسكري\u200cة", "عسكرية"),
        ("حزب*الله", "حزبالله"),  # no tatweel: only marks that never join two words
    ],
)
def test_obfuscation_is_read_as_the_plain_word(obfuscated: str, plain: str):
    v = normalize(obfuscated)
    assert v.text == plain
    assert v.original_slice(0, len(v.text)) == obfuscated


@pytest.mark.parametrize(
    "text",
    [
        "الحرب.وقال المتحدث",  # missing space after a full stop
        "#الحرب_على_غزة",  # hashtag words joined by underscores
        "الشرق-الأوسط",
        "2021/11/01",
        "أ.ف.ب",
    ],
)
def test_ordinary_punctuation_between_words_is_kept(text: str):
    assert normalize(text).text == text


def test_digits_controls_and_letter_variants():
    text = "\u200fبلغ عدد الضحايا ٢٣٥ شخصاً في ۱۴۰۲ ه\u200c\u200dـش، وکان المسئول یقول"
    v = normalize(text)
    assert "235" in v.text and "1402" in v.text
    assert "\u200f" not in v.text and "\u200c" not in v.text
    assert "وكان" in v.text and "يقول" in v.text
    for i, ch in enumerate(v.text):
        a, b = v.to_original(i, i + 1)
        assert 0 <= a < b <= len(text), ch


def test_presentation_forms_decompose_with_offsets():
    text = "ﻻ ﺗﻮﺟﺪ ﻣﻌﻠﻮﻣﺎﺕ"  # pasted from a PDF: presentation forms
    v = normalize(text)
    assert v.text == "لا توجد معلومات"
    assert v.original_slice(0, 2) == "ﻻ"
    # multi-word ligatures stay whole rather than giving several words one offset
    assert normalize("النبي ﷺ قال").text == "النبي ﷺ قال"


@pytest.mark.parametrize("word", ["مسؤول", "أحمد", "إلى", "آخر", "شاطئ"])
def test_decomposed_hamza_is_composed_not_stripped(word: str):
    import unicodedata

    decomposed = unicodedata.normalize("NFD", word)
    assert decomposed != word
    v = normalize(decomposed)
    assert v.text == word
    assert v.original_slice(0, len(v.text)) == decomposed


def test_fold_key_variants_and_options():
    assert fold_key("أحمد إلى آخر مستشفى القاهرة") == "احمد الي اخر مستشفي القاهره"
    keep_taa = NormOptions(taa_marbuta=False)
    assert fold_key("القاهرة", keep_taa) == "القاهرة"
    hamza = NormOptions(hamza=True)
    assert fold_key("المسؤول رئيس", hamza) == "المسوول رييس"
    assert fold_key("المسؤول") == "المسؤول"
    assert normalize_key("وزارةُ الدفــاع") == "وزاره الدفاع"


def test_switching_off_a_step_keeps_its_characters():
    text = "قالَ ٢٠٢١"
    assert normalize(text, NormOptions(diacritics=False)).text == "قالَ 2021"
    assert normalize(text, NormOptions(digits=False)).text == "قال ٢٠٢١"

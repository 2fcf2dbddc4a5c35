"""The romaniser and the Latin/Arabic match keys (rasd.lang.ar.latin), on names chosen here."""

from __future__ import annotations

import pytest

from rasd.lang.ar.latin import (
    is_latin_query,
    latin_key,
    match_keys,
    name_keys,
    pack_keys,
    romanize,
)


def finds(query: str, name: str) -> bool:
    """Does a Latin ``query`` match the stored keys of ``name`` (as the archive does)?"""
    return bool(set(match_keys(query)) & set(name_keys([name])))


@pytest.mark.parametrize(("arabic", "latin"), [
    ("بشار الأسد", "Bashar al-Asad"),
    ("سلمان", "Salman"),
    ("حماس", "Hamas"),
    ("إيران", "Iran"),
    ("سلمان بن عبدالعزيز", "Salman bin Abd al-Aziz"),
    ("عبد الفتاح السيسي", "Abd al-Fatah al-Sisi"),
    ("أيمن الصفدي", "Ayman al-Safdi"),
    ("قطر", "Qatar"),
])  # fmt: skip
def test_romanize_news_style(arabic: str, latin: str) -> None:
    assert romanize(arabic) == latin


def test_romanize_keeps_latin_and_marks() -> None:
    assert romanize("Reuters") == "Reuters"
    assert romanize("بَشّار") == romanize("بشار")  # diacritics and shadda do not change it


@pytest.mark.parametrize(("query", "arabic"), [
    ("Assad", "بشار الأسد"),
    ("al-Assad", "بشار الأسد"),
    ("Al Assad", "بشار الأسد"),
    ("Bashar al-Assad", "بشار الأسد"),
    ("Idlib", "إدلب"),
    ("Houthis", "الحوثيون"),
    ("Houthi", "الحوثيين"),
    ("Hezbollah", "حزب الله"),
    ("Hizb Allah", "حزب الله"),
    ("Riyadh", "الرياض"),
    ("Riyad", "الرياض"),
    ("Mohammed bin Salman", "محمد بن سلمان"),
    ("Muhammad ibn Salman", "محمد بن سلمان"),
    ("Mohamed Bin Salman", "محمد بن سلمان"),
    ("Salman bin Abdulaziz", "سلمان بن عبد العزيز"),
    ("Abdel Fattah el-Sisi", "عبد الفتاح السيسي"),
    ("Jeddah", "جدة"),
    ("Mecca", "مكة"),
    ("Sanaa", "صنعاء"),
    ("Iraq", "العراق"),
])  # fmt: skip
def test_latin_spellings_meet_the_arabic_name(query: str, arabic: str) -> None:
    assert finds(query, arabic)


@pytest.mark.parametrize(("query", "arabic"), [
    ("Assad", "سعد الحريري"),  # a word-initial vowel/ʿayn is kept apart: asd ≠ sd
    ("Saad", "بشار الأسد"),
    ("Iran", "عمان"),
    ("Salman", "سلطان"),
    ("Houthis", "حماس"),
])  # fmt: skip
def test_different_names_stay_apart(query: str, arabic: str) -> None:
    assert not finds(query, arabic)


@pytest.mark.parametrize(("a", "b"), [
    ("Al-Assad", "assad"),
    ("el-Assad", "Asad"),
    ("Mohammed", "Mohamed"),
    ("Houthi", "Huthi"),
    ("Hezbollah", "Hezbolah"),
    ("Sheikh", "Sheikh"),
    ("Muʿammar", "Muammar"),
    ("Ta’if", "Taif"),
])  # fmt: skip
def test_latin_key_normalises_variants(a: str, b: str) -> None:
    assert latin_key(a) == latin_key(b)


def test_latin_key_keeps_different_names_apart() -> None:
    assert latin_key("Salman") != latin_key("Sultan")
    assert latin_key("Assad") != latin_key("Saad")


def test_keys_are_packed_for_like() -> None:
    assert pack_keys(["asd", "bsr", "asd"]) == "|asd|bsr|"
    assert pack_keys([]) == ""


def test_is_latin_query() -> None:
    assert is_latin_query("al-Assad")
    assert not is_latin_query("الأسد")
    assert not is_latin_query("Assad الأسد")
    assert not is_latin_query("2015")

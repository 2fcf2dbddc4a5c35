"""Resolver rule 6 (one gazetteer place → one identity) and dated royal descriptors."""

from __future__ import annotations

from rasd.link.resolve import NameMention, Resolver, resolve_names


def _same(*names: str, typ: str = "GPE") -> bool:
    ids = resolve_names([NameMention(n, None, typ) for n in names])
    return len(set(ids)) == 1


def test_names_of_one_gazetteer_place_are_one_identity() -> None:
    assert _same("مكة", "مكة المكرمة")
    assert _same("السعودية", "المملكة العربية السعودية")
    assert _same("الإمارات", "دولة الإمارات")


def test_ambiguous_or_different_places_stay_apart() -> None:
    assert not _same("عمان", "الأردن")  # "عمان": Amman or Oman — never joined by the gazetteer
    assert not _same("مكة", "المدينة المنورة")


def test_gazetteer_joins_places_only() -> None:
    # two persons whose names happen to be place names are not joined by the gazetteer
    ids = resolve_names([NameMention("مكة", None, "PER"), NameMention("مكة المكرمة", None, "PER")])
    assert ids[0] != ids[1]


def test_custodian_of_the_two_holy_mosques_is_the_king_of_the_day() -> None:
    ms = [NameMention("خادم الحرمين الشريفين", "2015-08-01", "PER"),
          NameMention("الملك سلمان بن عبدالعزيز", "2015-08-02", "PER"),
          NameMention("خادم الحرمين الشريفين", "2014-08-01", "PER"),
          NameMention("محمد بن سلمان", "2015-08-01", "PER")]
    ids, idents = Resolver().resolve(ms)
    assert ids[0] == ids[1] != ids[2]
    assert idents[ids[2]].canonical.startswith("عبد الله بن عبد العزيز")
    assert ids[3] not in (ids[0], ids[2])  # the king's son is his own identity

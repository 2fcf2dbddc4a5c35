"""Institutions and facilities named after a person (rasd.ner.eponyms): synthetic sentences."""

from __future__ import annotations

import pytest

from rasd.lang.ar.tokenize import tokenize
from rasd.ner.recognize import recognize


def _mentions(text: str) -> list[tuple[str, str]]:
    return [(m.type, text[m.start:m.end]) for m in recognize(text, tokenize(text))]


@pytest.mark.parametrize(("text", "typ", "name"), [
    ("زار الوفد المرضى في مستشفى الملك فهد الجامعي أمس.", "FAC", "مستشفى الملك فهد الجامعي"),
    ("أعلنت كلية الملك فهد الأمنية نتائج القبول.", "ORG", "كلية الملك فهد الأمنية"),
    ("وقال المشرف على مركز الملك سلمان للإغاثة والأعمال الإنسانية إن القافلة وصلت.", "ORG",
     "مركز الملك سلمان للإغاثة والأعمال الإنسانية"),
    ("أقيمت المباراة على ملعب الأمير محمد بن فهد مساء أمس.", "FAC", "ملعب الأمير محمد بن فهد"),
])
def test_eponym_is_one_mention(text: str, typ: str, name: str) -> None:
    out = _mentions(text)
    assert (typ, name) in out
    assert all(t != "PER" for t, _ in out)


def test_adjective_closes_the_name() -> None:
    out = _mentions("زار المرضى بمستشفى الملك فهد الجامعي لأكثر من ساعة.")
    assert any(s.endswith("الجامعي") and t == "FAC" for t, s in out)


def test_a_visit_by_the_king_is_not_a_facility() -> None:
    out = _mentions("استقبل الملك سلمان في قصره الأمير محمد.")
    assert all(t not in ("FAC", "ORG") for t, _ in out)

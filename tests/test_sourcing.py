"""The sourcing summary (rasd.sourcing) on synthetic sentences written for these tests:
counts per speaker kind, one source per antecedent chain, and the claims resting on a single
anonymous source — in one article, across a story, and in ``rasd analyze --format text``."""

from __future__ import annotations

from typing import Any

import pytest

from rasd.doc import Document, Meta, Span
from rasd.render.document import render_text
from rasd.sourcing import article_sourcing, story_sourcing, summarize

TEXT = (
    "قال وزير الداخلية خالد سالم إن قوات الأمن اعتقلت خمسة مشتبهين في مدينة الزرقاء. "
    "وأضاف أن التحقيقات مستمرة مع الموقوفين.\n\n"
    "وقال مصدر أمني إن المعتقلين كانوا يخططون لتفجير مبنى حكومي في العاصمة.\n\n"
    "وذكرت وكالة الأنباء الرسمية أن خمسة مشتبهين اعتقلوا في مدينة الزرقاء فجر اليوم.\n\n"
    "وأكد مصدر مطلع أن قوات الأمن اعتقلت خمسة مشتبهين في مدينة الزرقاء."
)


def _quote(text: str, qid: str, who: str, kind: str, content: str, after: int = 0,
           antecedent: str | None = None, entity: str | None = None) -> Span:
    c = text.index(content, after)
    s = text.index(who)
    attrs: dict[str, Any] = {
        "cue": {"start": max(0, s - 4), "end": s, "text": ""},
        "speaker": {"start": s, "end": s + len(who), "text": who, "kind": kind},
        "content": {"start": c, "end": c + len(content)},
    }
    if antecedent:
        attrs["antecedent"] = antecedent
    if entity:
        attrs["speaker"]["entity"] = entity
    return Span(min(s, c), c + len(content), kind, qid, attrs)


def _doc(doc_id: str, text: str, spans: list[Span]) -> Document:
    d = Document(text, Meta(outlet=doc_id, source=doc_id))
    d.set_layer("quotes", spans, as_is=True)
    return d


def _article() -> Document:
    t = TEXT
    return _doc("a", t, [
        _quote(t, "q0", "وزير الداخلية خالد سالم", "named_person",
               "إن قوات الأمن اعتقلت خمسة مشتبهين في مدينة الزرقاء", entity="e1"),
        _quote(t, "q1", "وزير الداخلية خالد سالم", "named_person",
               "أن التحقيقات مستمرة مع الموقوفين", antecedent="q0", entity="e1"),
        _quote(t, "q2", "مصدر أمني", "anonymous",
               "إن المعتقلين كانوا يخططون لتفجير مبنى حكومي في العاصمة"),
        _quote(t, "q3", "وكالة الأنباء الرسمية", "media",
               "أن خمسة مشتبهين اعتقلوا في مدينة الزرقاء فجر اليوم"),
        _quote(t, "q4", "مصدر مطلع", "anonymous",
               "أن قوات الأمن اعتقلت خمسة مشتبهين في مدينة الزرقاء"),
    ])


def test_counts_statements_and_sources_per_kind() -> None:
    s = article_sourcing(_article())
    assert s.statements == 5
    assert s.by_kind == {"named_person": 2, "organization": 0, "document": 0, "media": 1,
                         "anonymous": 2}
    # "وأضاف" refers back to the minister: two statements, one source
    assert s.sources["named_person"] == 1 and s.sources["anonymous"] == 2


def test_single_anonymous_claims_are_the_unsupported_ones() -> None:
    s = article_sourcing(_article())
    # q4 repeats what the minister and the agency said: supported; q2 stands alone
    assert [st.ref for st in s.single_anonymous] == ["q2"]
    assert s.single_anonymous[0].who == "مصدر أمني"


def test_the_same_anonymous_source_does_not_support_itself() -> None:
    t = "قال مصدر أمني إن الهجوم وقع ليلا قرب الحدود. وقال المصدر إن الهجوم وقع ليلا قرب الحدود."
    d = _doc("b", t, [
        _quote(t, "q0", "مصدر أمني", "anonymous", "إن الهجوم وقع ليلا قرب الحدود"),
        _quote(t, "q1", "مصدر أمني", "anonymous", "إن الهجوم وقع ليلا قرب الحدود",
               after=t.index("المصدر"), antecedent="q0"),
    ])
    s = article_sourcing(d)
    assert s.sources["anonymous"] == 1
    assert [st.ref for st in s.single_anonymous] == ["q0", "q1"]


def test_story_pools_articles_and_counts_a_source_once() -> None:
    t1 = "قال مصدر أمني إن الهجوم وقع ليلا قرب الحدود الشمالية."
    t2 = "نقلت الوكالة عن مصدر أمني قوله إن الهجوم وقع ليلا قرب الحدود الشمالية."
    t3 = "وقال المتحدث باسم الجيش سامي يوسف إن الهجوم وقع ليلا قرب الحدود الشمالية."
    claim = "إن الهجوم وقع ليلا قرب الحدود الشمالية"
    a = _doc("a", t1, [_quote(t1, "q0", "مصدر أمني", "anonymous", claim)])
    b = _doc("b", t2, [_quote(t2, "q0", "مصدر أمني", "anonymous", claim)])
    c = _doc("c", t3, [_quote(t3, "q0", "المتحدث باسم الجيش سامي يوسف", "named_person",
                              claim)])
    two = story_sourcing([a, b])
    # two outlets repeating "a security source" are one source, and it supports nothing
    assert two.statements == 2 and two.sources["anonymous"] == 1
    assert len(two.single_anonymous) == 2
    three = story_sourcing([a, b, c])
    assert three.single_anonymous == []  # a named spokesman says the same
    assert three.to_dict()["sources"]["named_person"] == 1


def test_no_quotes_layer_is_an_empty_summary() -> None:
    s = summarize([])
    assert s.statements == 0 and s.single_anonymous == []
    assert article_sourcing(Document("نص بلا اقتباسات.")).statements == 0


@pytest.mark.slow
def test_analyze_text_shows_the_sourcing_section() -> None:
    from rasd import analyze

    out = render_text(analyze(TEXT))
    assert "== sourcing" in out
    section = out.split("== sourcing", 1)[1].split("\n\n", 1)[0]
    assert "anonymous" in section and "single anonymous source" in section
    assert "مصدر أمني" in section  # its claim stands alone in the article
    assert "مصدر مطلع" not in section  # its claim is the minister's and the agency's

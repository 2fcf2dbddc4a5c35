"""Entities in short news paragraphs written for rasd (not copied from outlets), from countries
the training data barely covers: Egypt, Iraq, Morocco, Lebanon.  Each lists names any reader
would mark; the tagger must find nearly all of them with the right coarse type (known misses
at the time of writing, all wrong boundaries: "صندوق النقد الدولي كريستالينا غورغييفا" as
one span, "زار الملك محمد السادس المصابين", "الأميركي آموس" + "هوكشتاين").
"""

import re

import pytest

from rasd.lang.ar.tokenize import tokenize
from rasd.ner.evaluate import COARSE, PROCLITIC_CHARS
from rasd.ner.recognize import recognize

PARAGRAPHS = [
    (
        "أعلن البنك المركزي المصري، الخميس، رفع أسعار الفائدة بمقدار 200 نقطة أساس، في خطوة "
        "قال محافظه حسن عبد الله إنها تهدف إلى كبح التضخم. وتأتي الخطوة بعد أيام من زيارة "
        "مديرة صندوق النقد الدولي كريستالينا غورغييفا إلى القاهرة، حيث التقت الرئيس عبد "
        "الفتاح السيسي.",
        [("البنك المركزي المصري", "ORG"), ("حسن عبد الله", "PER"), ("صندوق النقد الدولي", "ORG"),
         ("كريستالينا غورغييفا", "PER"), ("القاهرة", "LOC"), ("عبد الفتاح السيسي", "PER")],
    ),
    (
        "قال رئيس الوزراء العراقي محمد شياع السوداني، خلال زيارته إلى محافظة البصرة، إن "
        "الحكومة ماضية في تنفيذ مشاريع الطاقة بالتعاون مع شركة توتال. وأضاف السوداني أن "
        "بغداد تسعى إلى تقليل اعتمادها على الغاز المستورد من إيران.",
        [("محمد شياع السوداني", "PER"), ("البصرة", "LOC"), ("السوداني", "PER"),
         ("بغداد", "LOC"), ("إيران", "LOC")],
    ),
    (
        "ضرب زلزال بقوة 6.8 درجات إقليم الحوز جنوب مراكش، ما أسفر عن مقتل أكثر من ألفي شخص، "
        "وفق وزارة الداخلية المغربية. وأعلنت الإمارات وقطر إرسال فرق إنقاذ إلى المغرب، فيما "
        "زار الملك محمد السادس المصابين في مستشفى مراكش.",
        [("مراكش", "LOC"), ("وزارة الداخلية المغربية", "ORG"), ("الإمارات", "LOC"),
         ("وقطر", "LOC"), ("المغرب", "LOC"), ("محمد السادس", "PER")],
    ),
    (
        "وصل المبعوث الأميركي آموس هوكشتاين إلى بيروت، الاثنين، والتقى رئيس مجلس النواب نبيه "
        "بري، لبحث التهدئة على الحدود الجنوبية مع إسرائيل. وقالت الوكالة الوطنية للإعلام إن "
        "بري أكد التزام لبنان بالقرار 1701، فيما دعا حزب الله إلى وقف الاعتداءات.",
        [("آموس هوكشتاين", "PER"), ("بيروت", "LOC"), ("نبيه بري", "PER"),
         ("إسرائيل", "LOC"), ("بري", "PER"), ("لبنان", "LOC"), ("حزب الله", "ORG")],
    ),
]  # fmt: skip


def _found(text: str, name: str, typ: str, mentions) -> bool:
    """Some whole-word occurrence of ``name`` is a mention of ``typ`` (proclitics aside)."""
    for occ in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", text):
        i, end = occ.span()
        if any(
            COARSE.get(m.type) == typ
            and m.end == end
            and all(ch in PROCLITIC_CHARS for ch in text[min(i, m.start) : max(i, m.start)])
            for m in mentions
        ):
            return True
    return False


def _misses(text, expected):
    mentions = recognize(text, tokenize(text))
    for m in mentions:  # every mention is a real span of the text, never a clitic or space
        assert text[m.start] not in "،. " and m.start < m.end
    return [(n, t) for n, t in expected if not _found(text, n, t, mentions)]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPHS)
def test_clear_entities_are_found_in_each_paragraph(text, expected):
    missed = _misses(text, expected)
    assert len(missed) <= 2, missed


def test_clear_entities_recall_over_all_paragraphs():
    total = sum(len(e) for _, e in PARAGRAPHS)
    missed = [m for text, e in PARAGRAPHS for m in _misses(text, e)]
    # unseen names from countries the training data barely covers: ≥ 80 % must be found
    # (the shipped model finds 20 of 24; the misses are boundary errors listed above)
    assert 1 - len(missed) / total >= 0.80, missed

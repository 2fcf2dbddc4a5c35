"""The whole default pipeline on arbitrary Arabic-looking text: it never raises, every span of
every layer lies inside the text, and JSON round-trips.  (Extractors see text they were never
tuned on; a crash there would lose a document in a batch.)"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd import Config, Document, Meta, Pipeline

_WORDS = [
    "قال", "وقال", "الرئيس", "إن", "أنّ", "بحسب", "مصدر", "عسكـ.ـري", "دمشق", "وإدلب", "طرابلس",
    "الأمم", "المتحدة", "كيم", "جونغ", "أون", "يونيو/حزيران", "الماضي", "أمس", "اليوم", "الاثنين",
    "2021", "١٤٤٥", "هـ", "رمضان", "«", "»", "“", "”", ":", "،", ".", "؟", "\n", "\n\n", "(", ")",
    "اقرأ", "أيضاً:", "نفى", "قصف", "استهدف", "الجيش", "السوري", "الحوثيين", "ريف", "خلال",
    "عام", "منذ", "ثلاثة", "أيام", "NK", "NEWS", "ـ", "\u200f", "\u064b", "12", "%", "مليون",
]
_PIPE = Pipeline(Config())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS), min_size=0, max_size=80), st.booleans())
def test_default_pipeline_on_arbitrary_text(words, dated):
    text = " ".join(words)
    doc = _PIPE(Document(text, Meta(published="2022-03-15" if dated else None)))
    assert doc.text == text
    for name, spans in doc.layers.items():
        for s in spans:
            assert 0 <= s.start <= s.end <= len(text), (name, s)
    assert Document.from_json(doc.to_json()).to_dict() == doc.to_dict()

"""The ``entities`` pipeline component: spans without clitics, canonical forms, clusters."""

from rasd.config import Config
from rasd.pipeline import Pipeline

TEXT = (
    "أرسلت بيونغ يانغ وفدا عسكريا إلى دمشق للقاء بشار الأسد، وقال مصدر في الفرقة الرابعة "
    "التابعة للجيش السوري إن خبراء من كوريا الشمالية يعملون في ريف إدلب. "
    "وأكد الأسد أن التعاون مع كوريا الشمالية مستمر.\n"
    "اقرأ أيضا: الأسد يستقبل وفدا من بيونغ يانغ"
)


def _doc():
    return Pipeline(Config(components=("text", "boilerplate", "entities"))).analyze(TEXT)


def test_mentions_exclude_proclitics_and_get_canonical_forms():
    doc = _doc()
    ents = doc.layer("entities")
    by_text = {doc.span_text(s): s for s in ents}
    assert "لجيش السوري" in by_text, sorted(by_text)
    assert by_text["لجيش السوري"].attrs["canonical"] == "الجيش السوري"
    assert by_text["لجيش السوري"].label == "ORG"
    roles = {t.start: t.attrs["role"] for t in doc.layer("tokens")}
    for s in ents:
        assert roles.get(s.start) in ("stem", ""), doc.span_text(s)  # never a clitic piece


def test_clusters_link_short_names_and_capital_for_state():
    doc = _doc()
    ents = {s.id: s for s in doc.layer("entities")}
    clusters = doc.relations["entity_clusters"]
    forms = [{doc.span_text(ents[m]) for m in c["mentions"]} for c in clusters]
    assert any({"بشار الأسد", "الأسد"} <= f for f in forms), forms
    assert any({"كوريا الشمالية", "بيونغ يانغ"} <= f for f in forms), forms
    for c in clusters:
        for m in c["mentions"]:
            assert ents[m].attrs["cluster"] == c["id"]


def test_boilerplate_mentions_are_flagged_not_dropped():
    doc = _doc()
    tail = TEXT.index("اقرأ أيضا")
    late = [s for s in doc.layer("entities") if s.start > tail]
    assert late and all(s.attrs.get("boilerplate") for s in late)
    assert not any(s.attrs.get("boilerplate") for s in doc.layer("entities") if s.start < tail)


def test_generic_groups_of_the_wojood_weights_give_way_to_the_news_reading():
    from rasd.lang.ar.tokenize import tokenize
    from rasd.ner.recognize import _news_reading, recognize

    # unit level: a group the news reading also sees is kept; another gives way to what the
    # news reading finds there
    spans = [(0, 1, "NORP", 0.9), (3, 6, "NORP", 0.8), (8, 9, "NORP", 0.7)]
    news = [(0, 1, "NORP", 0.9), (4, 6, "GPE", 0.7)]
    assert _news_reading(spans, news) == [(0, 1, "NORP", 0.9), (4, 6, "GPE", 0.7)]
    # end to end: peoples by origin stay, displaced people are no group by origin
    text = "وصل آلاف النازحين إلى المخيم بينما غادر الخبراء الكوريين البلاد"
    found = [(text[m.start : m.end], m.type) for m in recognize(text, tokenize(text))]
    assert ("الكوريين", "NORP") in found
    assert not any(t == "النازحين" for t, _ in found)


def test_plurals_of_a_country_adjective_are_peoples_by_origin():
    from rasd.lang.ar.tokenize import tokenize
    from rasd.ner.propagate import origin_groups

    text = "غادر الخبراء الكوريون البلاد وقال مسؤولون أمريكيون إن المهندسين عادوا"
    toks = tokenize(text)
    found = [text[s:e] for s, e, typ, _i, _j in origin_groups(toks, [])]
    assert found == ["الكوريون", "أمريكيون"]  # "المهندسين" is no people by origin
    k = next(i for i, t in enumerate(toks) if t.norm == "الكوريون")
    assert origin_groups(toks, [(k, k + 1, "NORP")]) == [
        (toks[j].start, toks[j].end, "NORP", j, j + 1)
        for j in [next(i for i, t in enumerate(toks) if t.norm == "أمريكيون")]
    ]

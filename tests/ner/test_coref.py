"""In-document coreference of names (rule-based, no tagger needed)."""

from rasd.ner.coref import cluster


def _groups(mentions):
    clusters, assign = cluster(mentions)
    return clusters, [clusters[a].id for a in assign]


def test_person_short_forms_join_the_full_name():
    ms = [("PER", "بشار الأسد"), ("PER", "كيم جونغ أون"), ("PER", "الأسد"), ("PER", "كيم")]
    clusters, ids = _groups(ms)
    assert ids[0] == ids[2] and ids[1] == ids[3] and ids[0] != ids[1]
    by_id = {c.id: c for c in clusters}
    assert by_id[ids[2]].canonical == "بشار الأسد"
    assert by_id[ids[3]].canonical == "كيم جونغ أون"


def test_ambiguous_short_name_stays_alone():
    ms = [("PER", "محمد العلي"), ("PER", "محمد الحسن"), ("PER", "محمد")]
    _, ids = _groups(ms)
    assert ids[2] not in (ids[0], ids[1])
    assert ids[0] != ids[1]


def test_capital_stands_for_its_state_when_the_state_is_named():
    ms = [("GPE", "كوريا الشمالية"), ("GPE", "بيونغ يانغ"), ("GPE", "دمشق")]
    _, ids = _groups(ms)
    assert ids[0] == ids[1]
    assert ids[2] != ids[0]  # Syria is not named: Damascus stays the city


def test_capital_as_a_place_stays_the_city():
    ms = [("GPE", "سوريا"), ("GPE", "دمشق"), ("GPE", "دمشق")]
    _, ids = _groups_loc(ms, [False, True, True])
    assert ids[0] != ids[1]  # "وصل الوفد إلى دمشق", "في دمشق": the city
    _, ids = _groups_loc(ms, [False, True, False])
    assert ids[0] == ids[1] == ids[2]  # "وأعلنت دمشق" as well: the state's voice


def _groups_loc(mentions, locative):
    clusters, assign = cluster(mentions, locative=locative)
    return clusters, [clusters[a].id for a in assign]


def test_spelling_variants_and_aliases_share_an_entity():
    ms = [("GPE", "سورية"), ("GPE", "سوريا"), ("ORG", "داعش"), ("ORG", "تنظيم الدولة"),
          ("GPE", "أميركا"), ("GPE", "الولايات المتحدة")]  # fmt: skip
    clusters, ids = _groups(ms)
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[4] == ids[5]
    assert len(set(ids)) == 3
    by_id = {c.id: c for c in clusters}
    assert by_id[ids[2]].canonical == "تنظيم الدولة الإسلامية"


def test_formal_state_names_join_the_usual_name():
    ms = [("GPE", "جمهورية إيران الإسلامية"), ("GPE", "إيران"), ("GPE", "جمهورية العراق")]
    clusters, ids = _groups(ms)
    assert ids[0] == ids[1] != ids[2]
    assert {c.id: c for c in clusters}[ids[0]].canonical == "إيران"


def test_types_do_not_merge_across_families():
    ms = [("PER", "فلسطين"), ("GPE", "فلسطين")]
    _, ids = _groups(ms)
    assert ids[0] != ids[1]

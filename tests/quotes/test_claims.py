"""Contradicting claims: in one document, and the pure comparison used across documents."""

from __future__ import annotations

from rasd.extract.claims import Claim, Count, contradicts, counts_in, stem


def _claim(speaker: str, stance: str, terms: list[str], counts=()) -> Claim:
    return Claim(id=speaker, speaker=speaker, speaker_key=speaker, kind="organization",
                 stance=stance, terms=terms, counts=list(counts))


def test_counts_read_number_qualifier_and_class() -> None:
    cs = counts_in("إن 12 مدنياً قتلوا وأصيب أكثر من 30 آخرين في قصف على السوق")
    assert [(c.value, c.op, c.what) for c in cs] == [(12, "=", "killed"), (30, ">=", "injured")]
    (big,) = counts_in("أن حصيلة الضحايا تجاوزت 11 ألف قتيل")
    assert (big.value, big.op, big.what) == (11000, ">=", "killed")


def test_different_counts_of_the_same_thing_contradict() -> None:
    a = _claim("النقابة", "assert", ["سوق", "قصف"], [Count(12, "=", "killed", "12")])
    b = _claim("اللجان", "assert", ["سوق", "اطفال"], [Count(20, "=", "killed", "20")])
    assert contradicts(a, b).startswith("numbers")
    # "more than 15" is compatible with 20; injured vs killed are different counts
    c = _claim("الدفاع المدني", "assert", ["سوق"], [Count(15, ">=", "killed", "15")])
    d = _claim("المستشفى", "assert", ["سوق"], [Count(40, "=", "injured", "40")])
    assert contradicts(c, b) is None
    assert contradicts(a, d) is None


def test_assert_versus_deny_needs_a_shared_topic() -> None:
    a = _claim("الحوثيون", "doubt", ["استهدف", "سفين", "اميرك", "بحر", "احمر"])
    b = _claim("البنتاغون", "deny", ["تعرض", "سفين", "اميرك", "اصاب"])
    assert contradicts(a, b).startswith("stance")
    unrelated = _claim("الوزارة", "deny", ["رواتب", "موظف", "تاخير"])
    assert contradicts(a, unrelated) is None
    same = _claim("الحوثيون", "deny", ["استهدف", "سفين", "اميرك"])
    assert contradicts(a, same) is None  # one speaker revising itself is not a dispute


def test_claim_records_round_trip() -> None:
    a = _claim("x", "assert", ["كور"], [Count(3, "~", "killed", "3")])
    assert Claim.from_dict(a.to_dict()) == a


def test_stem_joins_country_and_nisba() -> None:
    assert stem("الكوريين") == stem("كوريا")


def test_seed_government_athletes_versus_source_experts(analyse, seed_text: str) -> None:
    doc = analyse(seed_text)
    pairs = doc.relations["contradictions"]
    gov = next(q for q in doc.layer("quotes") if "رياضيون" in doc.span_text(q))
    pair = next(p for p in pairs if gov.id in (p["a"], p["b"]))
    other = pair["a"] if pair["b"] == gov.id else pair["b"]
    other_q = next(q for q in doc.layer("quotes") if q.id == other)
    assert other_q.attrs["speaker"]["kind"] == "anonymous"
    for side in ("a_evidence", "b_evidence"):
        ev = pair[side]
        assert doc.text[ev["start"]:ev["end"]].strip()
    assert pair["kind"] == "contrast"


def test_numbers_in_one_report(analyse) -> None:
    doc = analyse(
        "قالت نقابة الأطباء في بيان، إن 12 مدنياً قتلوا في قصف استهدف السوق المركزي. "
        "بينما ذكرت لجان الأحياء أن عدد القتلى بلغ 20 شخصاً."
    )
    (pair,) = doc.relations["contradictions"]
    assert pair["kind"] == "numbers"


def test_cross_document_denial(analyse) -> None:
    """Records from two reports of one story compare without their documents."""
    from rasd.extract.claims import claims_of

    a = analyse("كشف مصدر عسكري أن خبراء من كوريا الشمالية وصلوا إلى ريف إدلب الأسبوع الماضي.")
    b = analyse(
        "ونفى مصدر رسمي في وزارة الخارجية وصول خبراء عسكريين من كوريا الشمالية إلى ريف إدلب."
    )
    (ca,), (cb,) = claims_of(a), claims_of(b)
    ca, cb = Claim.from_dict(ca.to_dict()), Claim.from_dict(cb.to_dict())  # e.g. from a store
    reason = contradicts(ca, cb)
    assert reason is not None and reason.startswith("stance")


def test_which_was_denied_links_claim_and_denial(analyse) -> None:
    doc = analyse(
        "ونقلت وكالة رويترز عن مسؤولين غربيين أن طهران تعهدت بوقف شحنات الأسلحة إلى الحوثيين، "
        "وهو ما نفته الخارجية الإيرانية."
    )
    (pair,) = doc.relations["contradictions"]
    a, b = (doc.layer("quotes")[n] for n in (0, 1))
    assert {pair["a"], pair["b"]} == {a.id, b.id}
    assert b.attrs["stance"] == "deny" and b.attrs["cue"]["text"] == "نفته"

"""rasd.eval.metrics on tiny cases computed by hand, and B-cubed on the worked example of the
literature (Bagga & Baldwin 1998, the definition Amigó et al. 2009 analyse)."""

from __future__ import annotations

from collections import Counter

import pytest

from rasd.eval.metrics import (
    TypedCounts,
    align_by_score,
    align_one_to_one,
    bcubed,
    exact,
    f1,
    iou,
    overlaps,
    pair_counts,
    pairwise,
    prf,
    prf_dict,
    ratio,
)


def test_prf_by_hand() -> None:
    # 3 right out of 4 predicted and 6 gold: P 3/4, R 1/2, F1 2·(3/4)(1/2)/(5/4) = 3/5
    assert prf(3, 4, 6) == pytest.approx((0.75, 0.5, 0.6))
    assert f1(0.0, 0.0) == 0.0


def test_empty_denominators_follow_the_stated_convention() -> None:
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)  # extraction: nothing predicted is not a success
    assert prf(0, 0, 0, empty=1.0) == (1.0, 1.0, 1.0)  # clustering: no pairs, nothing wrong
    assert ratio(1, 0) == 0.0 and ratio(1, 4) == 0.25


def test_prf_dict_rounds_scores_not_counts() -> None:
    d = prf_dict(1, 2, 0, digits=4)
    assert d == {"precision": 0.3333, "recall": 1.0, "f1": 0.5, "tp": 1, "fp": 2, "fn": 0}


def test_typed_counts_per_type_and_micro() -> None:
    c = TypedCounts(tp=Counter(PER=2, LOC=1), fp=Counter(LOC=1), fn=Counter(PER=2))
    r = c.report()
    assert list(r) == ["LOC", "PER", "micro"]
    assert r["LOC"]["precision"] == 0.5 and r["LOC"]["recall"] == 1.0
    assert r["PER"]["precision"] == 1.0 and r["PER"]["recall"] == 0.5
    # micro pools the counts: tp 3, fp 1, fn 2 → P 0.75, R 0.6, F1 2/3
    assert (r["micro"]["precision"], r["micro"]["recall"], r["micro"]["f1"]) == (0.75, 0.6, 0.6667)
    other = TypedCounts(tp=Counter(ORG=1))
    c.add(other)
    assert c.report()["ORG"]["f1"] == 1.0


def test_span_comparisons() -> None:
    assert overlaps((0, 5), (4, 9)) and not overlaps((0, 5), (5, 9))  # end is exclusive
    assert exact((3, 7), (3, 7, "PER")) and not exact((3, 7), (3, 8))
    assert iou((0, 4), (2, 6)) == pytest.approx(2 / 6)
    assert iou((0, 2), (5, 6)) == 0.0


def test_one_to_one_uses_each_partner_once() -> None:
    gold = [(0, 10), (20, 30)]
    pred = [(0, 5), (2, 8), (25, 30), (40, 45)]
    a = align_one_to_one(gold, pred, overlaps)
    assert a.pairs == [(0, 0), (1, 2)]
    assert a.left_only == [] and a.right_only == [1, 3]


def test_one_to_one_prefers_exact_over_first_overlap() -> None:
    gold = [(0, 10)]
    pred = [(0, 5), (0, 10)]
    assert align_one_to_one(gold, pred, overlaps).pairs == [(0, 0)]
    assert align_one_to_one(gold, pred, overlaps, prefer=exact).pairs == [(0, 1)]


def test_align_by_score_takes_best_candidates_first() -> None:
    # left 0 fits right 0 best, so left 1 must fall back to right 1
    cands = [(0.9, 0, 0), (0.8, 1, 0), (0.3, 1, 1), (0.1, 2, 1)]
    a = align_by_score(cands, 3, 2)
    assert a.pairs == [(0, 0), (1, 1)]
    assert a.left_only == [2] and a.right_only == []


def test_pairwise_by_hand() -> None:
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    pred = {"a": "x", "b": "x", "c": "y", "d": "y"}
    # gold pairs ab ac bc; predicted pairs ab cd → tp 1 (ab), fp 1 (cd), fn 2 (ac, bc)
    c = pair_counts(sorted(gold), gold, pred)
    assert (c.tp, c.fp, c.fn) == (1, 1, 2)
    assert c.false_merges == [("c", "d")] and c.false_splits == [("a", "c"), ("b", "c")]
    s = pairwise(gold, pred)
    assert (s["precision"], s["recall"]) == (0.5, pytest.approx(1 / 3))


def test_pairwise_without_pairs_is_vacuously_right() -> None:
    s = pairwise({"a": 1, "b": 2}, {"a": 1, "b": 2, "z": 3})
    assert (s["precision"], s["recall"], s["f1"]) == (1.0, 1.0, 1.0)


# Bagga & Baldwin (1998), "Algorithms for scoring coreference chains", figs. 2-3: gold chains
# {1..5}, {6,7}, {8,9,A,B,C}.  Response 1 merges the last two chains, response 2 the first
# and the last.  Both keep recall 1; B-cubed precision is 16/21 (0.76) and 7/12 (0.58): a
# merge of big chains costs more, which the MUC score (0.9 for both) does not see.
BB_GOLD = {**dict.fromkeys("12345", "A"), **dict.fromkeys("67", "B"),
           **dict.fromkeys("89abc", "C")}
BB_RESPONSE_1 = {**dict.fromkeys("12345", 1), **dict.fromkeys("6789abc", 2)}
BB_RESPONSE_2 = {**dict.fromkeys("1234589abc", 1), **dict.fromkeys("67", 2)}


def test_bcubed_bagga_baldwin_example() -> None:
    r1 = bcubed(BB_GOLD, BB_RESPONSE_1)
    assert r1["precision"] == pytest.approx(16 / 21) and r1["recall"] == 1.0
    r2 = bcubed(BB_GOLD, BB_RESPONSE_2)
    assert r2["precision"] == pytest.approx(7 / 12) and r2["recall"] == 1.0
    assert r2["f1"] == pytest.approx(2 * (7 / 12) / (7 / 12 + 1))


def test_bcubed_by_hand_with_a_split() -> None:
    # gold {a,b,c}; prediction {a,b} {c}: precision 1 everywhere; recall 2/3, 2/3, 1/3
    r = bcubed(dict.fromkeys("abc", 0), {"a": 1, "b": 1, "c": 2})
    assert r["precision"] == 1.0 and r["recall"] == pytest.approx(5 / 9)


def test_bcubed_meets_amigo_constraints() -> None:
    """Amigó et al. (2009) §3: the formal constraints B-cubed satisfies (their figs. 1-4)."""
    gold = {**dict.fromkeys("abc", "X"), **dict.fromkeys("de", "Y"), "f": "Z", "g": "W"}

    def f(pred: dict[str, int]) -> float:
        return bcubed(gold, pred)["f1"]

    # homogeneity: splitting a mixed cluster along the gold classes improves the score
    assert f({**dict.fromkeys("abc", 1), **dict.fromkeys("de", 2), "f": 3, "g": 3}) > f(
        {**dict.fromkeys("abc", 1), **dict.fromkeys("defg", 2)})
    # completeness: joining two pieces of one class improves the score
    assert f({**dict.fromkeys("abc", 1), "d": 2, "e": 2, "f": 3, "g": 4}) > f(
        {**dict.fromkeys("ab", 1), "c": 5, "d": 2, "e": 2, "f": 3, "g": 4})
    # rag bag: an intruder hurts less in a cluster that is already a mix
    rag = {**dict.fromkeys("abc", 1), **dict.fromkeys("dfg", 2), "e": 3}
    clean = {**dict.fromkeys("abcd", 1), **dict.fromkeys("fg", 2), "e": 3}
    assert f(rag) > f(clean)
    # singletons count: a correct singleton scores 1 for its item
    assert bcubed({"a": 1}, {"a": 9}) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_bcubed_scores_only_shared_items() -> None:
    assert bcubed({"a": 1, "b": 1}, {"a": 1, "b": 1, "c": 1})["precision"] == 1.0
    assert bcubed({}, {"a": 1})["f1"] == 1.0

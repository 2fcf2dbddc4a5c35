"""The exact-span scorer: clitic-tolerant rule for JSON gold, whole words for CoNLL gold."""

import json
from pathlib import Path

from rasd.ner.evaluate import clitic_exact, evaluate, score_spans


def test_clitic_letters_between_starts_still_match():
    text = "قصفت الطائرات ودير الزور وأعلن للجيش السوري"
    same = clitic_exact(text)
    g = text.index("ودير")
    assert same((g, g + len("ودير الزور"), "LOC"), (g + 1, g + len("ودير الزور"), "LOC"))
    j = text.index("للجيش")
    end = j + len("للجيش السوري")
    assert same((j, end, "ORG"), (j + 1, end, "ORG"))
    # a different type, a different end or a non-clitic letter between the starts do not match
    assert not same((g, g + 10, "LOC"), (g + 1, g + 10, "ORG"))
    assert not same((g, g + 10, "LOC"), (g + 1, g + 9, "LOC"))
    k = text.index("الطائرات")
    assert not same((k, k + 8, "ORG"), (k + 2, k + 8, "ORG"))


def test_micro_and_per_type_counts():
    sc = score_spans([(0, 2, "PER"), (3, 5, "LOC")], [(0, 2, "PER"), (3, 4, "LOC"), (6, 7, "ORG")])
    r = sc.report()
    assert (r["PER"]["tp"], r["LOC"]["fn"], r["LOC"]["fp"], r["ORG"]["fp"]) == (1, 1, 1, 1)
    assert r["micro"]["precision"] == round(1 / 3, 4)
    assert r["micro"]["recall"] == 0.5


def test_conll_gold_is_scored_on_whole_words(tmp_path: Path):
    gold = tmp_path / "g.txt"
    gold.write_text(
        "وصل O\nالوفد O\nإلى O\nبغداد B-GPE\nبرئاسة O\nوزير B-OCC\nالخارجية I-OCC\n\n"
        "وقال O\nمحمد B-PERS\nالعلي I-PERS\n",
        encoding="utf-8",
    )

    def predict(text: str):
        out = []
        for name, typ in (("بغداد", "GPE"), ("محمد", "PER"), ("الخارجية", "ORG")):
            i = text.find(name)
            if i >= 0:
                out.append((i, i + len(name), typ))
        return out

    r = evaluate(gold, predict).report()
    assert r["LOC"]["tp"] == 1
    assert r["PER"]["fp"] == 1 and r["PER"]["fn"] == 1  # "محمد" alone is not "محمد العلي"
    assert r["ORG"]["fp"] == 1  # inside an OCC span of the outer layer: not an ORG mention


def test_json_gold_ignores_boilerplate_and_unscored_types(tmp_path: Path):
    text = "زار الرئيس المصري القاهرة.\nاقرأ أيضا: السوريون في تركيا"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    c = text.index("القاهرة")
    t = text.index("تركيا")
    gold = {
        "entities": [
            {"start": c, "end": c + 7, "type": "LOC", "boilerplate": False},
            {"start": t, "end": t + 5, "type": "LOC", "boilerplate": True},
        ]
    }
    (tmp_path / "a.gold.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    s = text.index("السوريون")

    def predict(_text: str):
        return [(c, c + 7, "GPE"), (t, t + 5, "GPE"), (s, s + 8, "NORP")]

    r = evaluate(tmp_path / "a.gold.json", predict).report()
    assert r["micro"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}

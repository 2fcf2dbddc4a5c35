"""Entity tagging on real news (SaudiNewsNet stand-off gold): CI floors a little below the
measures (docs/measurements.md): dev 0.591 first, 0.816 after session 7's rules (its errors
were looked at); held-out floor still at its first measure 0.606, to be raised by the lead who
scores it.  Skips when the corpus is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.eval.ner_real import evaluate_real, gold_files
from rasd.eval.realgold import corpus_dir
from rasd.ner.evaluate import default_predictor

ROOT = Path(__file__).resolve().parents[2]
CORPUS = corpus_dir()

pytestmark = pytest.mark.skipif(CORPUS is None, reason="../shared/data/saudinewsnet is not here")


@pytest.mark.parametrize(("part", "floor", "articles"), [("dev", 0.79, 49), ("heldout", 0.69, 25)])
def test_real_news_entities_stay_above_their_floor(part: str, floor: float,
                                                  articles: int) -> None:
    assert CORPUS is not None
    folder = ROOT / "eval" / "ner" / "real" / part
    assert len(gold_files(folder)) == articles
    report = evaluate_real(folder, default_predictor(), CORPUS).report()
    assert report["micro"]["f1"] >= floor, report["micro"]
    # every type the gold annotates is scored (a tagger that lost a type would show here)
    assert {"PER", "ORG", "LOC", "NORP"} <= set(report)

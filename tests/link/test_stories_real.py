"""Story clustering on real news: floors on the annotated SaudiNewsNet stories.

``eval/stories/real/dev.tsv`` (550 articles, 147 stories, 2015-07-21..23) fitted the model;
``heldout.tsv`` (187 articles, 50 stories, whole days 2015-08-03/04) was annotated before any
tuning; it has since been scored several times and serves as a second development part (a fresh
held-out part is annotated elsewhere).  Measured 2026-12-06 on the story code alone: held-out
pairwise F1 0.711, B-cubed 0.849 (baseline 0.395 / 0.678 in the same run); dev 0.684 / 0.821.
With the session's new entity and event layers merged (the model was fitted on the older
layers' output): dev 0.694 / 0.826, old held-out 0.676 / 0.819.  ``heldout2.tsv`` (395
articles, 92 stories, 2015-08-01/02, annotated before any run) scored once at that commit:
0.683 / 0.809 (baseline 0.386 / 0.664).  Floors sit a little below; the margin over the
baseline must stay wide.  Skipped when the shared corpus is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.eval.realgold import corpus_dir
from rasd.eval.stories import real_story_scores

ROOT = Path(__file__).resolve().parents[2]
CORPUS = corpus_dir()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CORPUS is None, reason="shared SaudiNewsNet corpus not present"),
]

FLOORS = {"heldout2": (0.65, 0.78), "heldout": (0.65, 0.79), "dev": (0.67, 0.80)}


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_real_story_floors_and_margin_over_baseline(part: str) -> None:
    assert CORPUS is not None
    s = real_story_scores(ROOT / "eval" / "stories" / "real" / f"{part}.tsv", CORPUS)
    pw, b3 = FLOORS[part]
    ours, base = s["rasd"], s["baseline"]
    assert ours["f1"] >= pw, ours
    assert ours["bcubed"]["f1"] >= b3, ours
    assert ours["f1"] >= base["f1"] + 0.25, (ours, base)
    assert ours["bcubed"]["f1"] >= base["bcubed"]["f1"] + 0.1, (ours, base)

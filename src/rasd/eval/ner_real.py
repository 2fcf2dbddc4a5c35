"""Entity tagging scored on real news: stand-off gold that points into SaudiNewsNet.

``eval/ner/real/<part>/<day>-<index>.json`` holds ``{"day", "index", "url", "outlet",
"entities": [{"start", "end", "text", "type"}]}`` — offsets into the corpus article's
``content``, types PER/ORG/LOC/NORP in the news convention (see that folder's README: clitics
و/ب/ل stay inside a gold span, which :func:`rasd.ner.evaluate.clitic_exact` forgives).  The
corpus cannot be copied into the repository, so the text is read from ``../shared`` through
:mod:`rasd.eval.realgold`, and scoring uses the same one-to-one matcher as every other NER
set, so the figures are comparable.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rasd.eval.realgold import raw_article
from rasd.ner.evaluate import COARSE, Predictor, Score, clitic_exact, score_spans

#: The types this gold annotates (GPE and FAC are scored as LOC, as everywhere).
TYPES = frozenset({"PER", "ORG", "LOC", "NORP"})


def gold_files(folder: Path) -> list[Path]:
    """The real-news gold files of ``folder`` (JSON with ``day`` and ``index``)."""
    out = []
    for p in sorted(Path(folder).glob("*.json")):
        head = p.read_text("utf-8")[:400]
        if '"day"' in head and '"index"' in head:
            out.append(p)
    return out


def is_real_gold(folder: Path) -> bool:
    return Path(folder).is_dir() and bool(gold_files(folder))


def score_article(gold: dict[str, Any], text: str, predict: Predictor) -> Score:
    spans = [(e["start"], e["end"], COARSE.get(e["type"], e["type"])) for e in gold["entities"]]
    pred = []
    for s, e, t in predict(text):
        c = COARSE.get(t)
        if c in TYPES:
            pred.append((s, e, c))
    return score_spans(spans, pred, clitic_exact(text), text)


def evaluate_real(folder: Path, predict: Predictor, corpus: Path) -> Score:
    """Pool the scores of every article of ``folder`` (texts read from ``corpus``)."""
    total = Score()
    for p in gold_files(folder):
        gold = json.loads(p.read_text("utf-8"))
        text = raw_article(corpus, gold["day"], int(gold["index"])).get("content") or ""
        total.add(score_article(gold, text, predict))
    return total

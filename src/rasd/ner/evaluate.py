"""Exact-span NER scoring against CoNLL/BIO files (Wojood) and rasd's JSON gold format.

Types are compared on the coarse scale the gold uses: Wojood's outer layer is scored on PER
(PERS), ORG, NORP and LOC = GPE+LOC+FAC; the seed JSON gold has PER/ORG/LOC with LOC covering
GPE, LOC and FAC and no NORP, so NORP predictions are not counted there.

JSON gold spans are whole tokens with clitics ("ودير الزور") while rasd's spans exclude
attached proclitics ("دير الزور"), so a prediction is exact when the type matches, the ends
coincide and the characters between the two starts are only proclitic letters (و ف ب ك ل س,
tatweel).  CoNLL gold is scored on whole-word spans: a prediction is mapped to the words it
touches, exactly as the gold tokens are.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rasd.eval.metrics import TypedCounts, align_one_to_one
from rasd.ner import corpora

#: predicted/gold type → scored type
COARSE = {
    "PER": "PER",
    "PERS": "PER",
    "ORG": "ORG",
    "NORP": "NORP",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
}
PROCLITIC_CHARS = set("وفبكلسـ")

Span = tuple[int, int, str]


@dataclass
class Score(TypedCounts):
    """Counts per type (``report()``: P/R/F1 per type and micro-averaged, see
    :class:`rasd.eval.metrics.TypedCounts`) and the false positives and misses themselves."""

    errors: list[dict] = field(default_factory=list)

    def add(self, other: TypedCounts) -> None:
        """Pool ``other``'s counts (and errors, when it has some) into this score."""
        super().add(other)
        if isinstance(other, Score):
            self.errors.extend(other.errors)


def score_spans(
    gold: Iterable[Span],
    pred: Iterable[Span],
    same: Callable[[Span, Span], bool] | None = None,
    text: str = "",
) -> Score:
    """Greedy one-to-one matching of predicted to gold spans (types already coarse): each
    predicted span, in offset order, takes the first unused gold span that is ``same``."""
    same = same or (lambda g, p: g == p)
    gold, pred = sorted(set(gold)), sorted(set(pred))
    aligned = align_one_to_one(pred, gold, lambda p, g: same(g, p))
    sc = Score()
    for i, _k in aligned.pairs:
        sc.tp[pred[i][2]] += 1
    for i in aligned.left_only:
        p = pred[i]
        sc.fp[p[2]] += 1
        sc.errors.append({"kind": "fp", "span": p, "text": text[p[0] : p[1]] if text else ""})
    for k in aligned.right_only:
        g = gold[k]
        sc.fn[g[2]] += 1
        sc.errors.append({"kind": "fn", "span": g, "text": text[g[0] : g[1]] if text else ""})
    return sc


def clitic_exact(text: str) -> Callable[[Span, Span], bool]:
    """The JSON-gold rule: same type, same end, only proclitic letters between the starts."""

    def same(g: Span, p: Span) -> bool:
        if g[2] != p[2] or g[1] != p[1]:
            return False
        a, b = sorted((g[0], p[0]))
        return all(ch in PROCLITIC_CHARS for ch in text[a:b])

    return same


Predictor = Callable[[str], list[Span]]


def default_predictor(convention: str = "") -> Predictor:
    """Character spans with fine types from the shipped tagger (no coref needed to score)."""
    from rasd.lang.ar.tokenize import tokenize
    from rasd.ner.recognize import ANALYSIS, recognize

    conv = convention or ANALYSIS

    def predict(text: str) -> list[Span]:
        return [(m.start, m.end, m.type) for m in recognize(text, tokenize(text), conv)]

    return predict


def score_json(gold_path: Path, predict: Predictor) -> Score:
    """Score one ``*.gold.json`` (needs the ``.txt`` beside it); boilerplate spans ignored."""
    gold_path = Path(gold_path)
    data = json.loads(gold_path.read_text("utf-8"))
    txt = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
    text = txt.read_text("utf-8")
    ignored = [(e["start"], e["end"]) for e in data["entities"] if e.get("boilerplate")]
    gold = [
        (e["start"], e["end"], COARSE.get(e["type"], e["type"]))
        for e in data["entities"]
        if not e.get("boilerplate")
    ]
    gold_types = {g[2] for g in gold} | {"PER", "ORG", "LOC"}
    pred = []
    for s, e, t in predict(text):
        c = COARSE.get(t)
        if c is None or c not in gold_types:
            continue  # NORP, OCC, EVENT … are not annotated in this gold
        if any(a <= s and e <= b for a, b in ignored):
            continue
        if any(s < b and a < e for a, b in ignored):
            continue
        pred.append((s, e, c))
    return score_spans(gold, pred, clitic_exact(text), text)


def score_conll(path: Path, predict: Predictor, layer: int = 1) -> Score:
    """Score a Wojood-style CoNLL file on whole-word spans of one tag column (1 = outer)."""
    total = Score()
    mapping = {k: v for k, v in COARSE.items()}
    for sent in corpora.read_columns(Path(path)):
        rows = [r for r in sent if r[0] != "$#$"]
        if not rows:
            continue
        words = [r[0] for r in rows]
        tags = corpora.retag([r[layer] if len(r) > layer else "O" for r in rows], mapping)
        gold = corpora.spans(tags)
        starts, pos = [], 0
        for w in words:
            starts.append(pos)
            pos += len(w) + 1
        text = " ".join(words)
        ends = [s + len(w) for s, w in zip(starts, words, strict=True)]
        pred = []
        for s, e, t in predict(text):
            c = COARSE.get(t)
            if c is None:
                continue
            i = max(k for k in range(len(words)) if starts[k] <= s)
            j = min(k for k in range(len(words)) if ends[k] >= e)
            pred.append((i, j + 1, c))
        sc = score_spans(gold, pred)
        for err in sc.errors:
            a, b, _ = err["span"]
            err["text"] = " ".join(words[a:b])
        total.add(sc)
    return total


def evaluate(path: Path, predict: Predictor | None = None, layer: int = 1) -> Score:
    """Score a gold file or a folder of them (``*.gold.json`` and CoNLL ``*.txt``)."""
    predict = predict or default_predictor()
    path = Path(path)
    if path.is_dir():
        total = Score()
        for p in sorted(path.glob("*.gold.json")):
            total.add(score_json(p, predict))
        return total
    if path.name.endswith(".json"):
        return score_json(path, predict)
    return score_conll(path, predict, layer)

"""Scoring of the ``times`` extractor: extent P/R/F1 (exact and overlap) and value accuracy.

Gold sets are JSON files of items ``{"text", "published", "times": [{"start", "end", "type",
"value"}]}`` (``eval/time/``), and the seed article's gold (``tests/reference``), whose times
carry no type: the type is then read off the value (``P…`` DURATION, ``…T…`` TIME, else DATE).
Value accuracy is computed over matched extents (exact and overlap separately), as in the
TempEval-3 evaluation: an extent found with a wrong value counts for extent F1 and against
value accuracy.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasd.eval.metrics import align_one_to_one, exact, overlaps, prf, ratio
from rasd.extract.times import extract_times


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    exact: int = 0
    overlap: int = 0
    value_exact: int = 0
    value_overlap: int = 0

    def add(self, other: Counts) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def scores(self) -> dict[str, float]:
        """Extent P/R/F1 (exact and overlap) and value accuracy over the matched extents."""
        pe, re_, fe = prf(self.exact, self.pred, self.gold)
        po, ro, fo = prf(self.overlap, self.pred, self.gold)
        return {
            "gold": self.gold, "pred": self.pred,
            "exact_p": pe, "exact_r": re_, "exact_f1": fe,
            "overlap_p": po, "overlap_r": ro, "overlap_f1": fo,
            "value_acc_exact": ratio(self.value_exact, self.exact),
            "value_acc_overlap": ratio(self.value_overlap, self.overlap),
        }


@dataclass
class Report:
    name: str
    total: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "set": self.name,
            **self.total.scores(),
            "by_type": {t: c.scores() for t, c in sorted(self.by_type.items())},
        }


def gold_type(t: dict[str, Any]) -> str:
    if t.get("type"):
        return t["type"]
    v = str(t.get("value") or "")
    if v.startswith("P") and not v.endswith("_REF"):
        return "DURATION"
    return "TIME" if "T" in v and not v.endswith("_REF") else "DATE"


def score_item(text: str, published: str | None, gold: list[dict[str, Any]], report: Report,
               item_id: str = "") -> None:
    """Run the extractor on one text and count it against its gold times."""
    spans, _ = extract_times(text, published)
    pred = [(s.start, s.end, s.label, s.attrs.get("value")) for s in spans]
    score_predictions(text, pred, gold, report, item_id)


def score_predictions(text: str, pred: Sequence[tuple[int, int, str, str | None]],
                      gold: list[dict[str, Any]], report: Report, item_id: str = "") -> None:
    """Count ``(start, end, type, value)`` predictions of one text against its gold times
    (any predictor: the extractor, a baseline)."""
    c = Counts(gold=len(gold), pred=len(pred))
    for p in pred:
        report.by_type[p[2]].pred += 1
    # each gold extent takes the first unused overlapping prediction, an exact one first
    aligned = align_one_to_one([(g["start"], g["end"]) for g in gold], pred,
                               lambda g, p: overlaps(g, (p[0], p[1])), exact)
    partner = dict(aligned.pairs)
    for k, g in enumerate(gold):
        gt = gold_type(g)
        tc = report.by_type[gt]
        tc.gold += 1
        best = partner.get(k)
        if best is None:
            report.errors.append({"id": item_id, "kind": "missed", "gold": g})
            continue
        p = pred[best]
        ok_value = p[3] == g["value"]
        is_exact = (p[0], p[1]) == (g["start"], g["end"])
        # per type, a match counts only when the predicted type is the gold one (the
        # predictions are counted under their own type: crediting them under the gold's
        # gave per-type F1 above 1)
        for cc in (c, tc) if p[2] == gt else (c,):
            cc.overlap += 1
            cc.value_overlap += ok_value
            if is_exact:
                cc.exact += 1
                cc.value_exact += ok_value
        if not (ok_value and is_exact):
            report.errors.append({"id": item_id, "kind": "mismatch", "gold": g,
                                  "pred": {"text": text[p[0]:p[1]], "value": p[3],
                                           "start": p[0], "end": p[1]}})
    for i in aligned.right_only:
        p = pred[i]
        report.errors.append({"id": item_id, "kind": "spurious",
                              "pred": {"text": text[p[0]:p[1]], "value": p[3]}})
    report.total.add(c)


def evaluate_seed(text: str, gold: dict[str, Any]) -> Report:
    """The reference article: its full text, publication date and 14 time expressions."""
    rep = Report("seed")
    score_item(text, gold.get("published"), gold["times"], rep, gold.get("document", "seed"))
    return rep


def evaluate_file(path: Path) -> Report:
    """An eval set (``items``) or a single-article gold file like the seed's (``document``
    names the text file next to it: ``rasd eval time tests/reference/…gold.json``)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if "items" not in data and "document" in data:
        text = (path.parent / data["document"]).read_text(encoding="utf-8")
        rep = evaluate_seed(text, data)
        rep.name = path.stem
        return rep
    rep = Report(path.stem)
    for it in data["items"]:
        score_item(it["text"], it.get("published"), it["times"], rep, it.get("id", ""))
    return rep


def evaluate(paths: Iterable[Path], seed: tuple[Path, Path] | None = None) -> list[Report]:
    reports = []
    if seed is not None:
        text_path, gold_path = seed
        reports.append(evaluate_seed(text_path.read_text(encoding="utf-8"),
                                     json.loads(gold_path.read_text(encoding="utf-8"))))
    reports.extend(evaluate_file(p) for p in paths)
    return reports

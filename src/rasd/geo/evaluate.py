"""Scoring of place resolution: accuracy@161 km and resolution rate on gold mentions.

Gold items (``eval/geo/*.json``) hold a text and its place mentions with coordinates.  The
resolver gets the gold mentions (as the entities layer would give them) and resolves them
jointly per item, so document context is in play; a mention counts as correct when the
resolved point lies within 161 km (100 miles) of the gold point — the standard geoparsing
measure (Leidner 2007; Gritta et al. 2018).  Unresolved mentions count as wrong.

:func:`evaluate_pipeline` scores what a user gets instead: the whole default pipeline runs on
each text (the tagger must *find* the names, then the places layer resolves them), and a
predicted place is right when it overlaps a gold mention and lies within 161 km of it —
precision, recall and F1 of the map.
"""

from __future__ import annotations

import json
import math
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasd.eval.metrics import align_one_to_one, overlaps, prf, ratio
from rasd.extract.places import Mention, resolve_mentions
from rasd.lang.ar.tokenize import tokenize

THRESHOLD_KM = 161.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


@dataclass
class GeoReport:
    name: str
    total: int = 0
    resolved: int = 0
    correct: int = 0
    errors_km: list[float] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "set": self.name,
            "mentions": self.total,
            "resolution_rate": ratio(self.resolved, self.total),
            "accuracy_161km": ratio(self.correct, self.total),
            "median_error_km": statistics.median(self.errors_km) if self.errors_km else None,
        }


def evaluate_file(path: Path) -> GeoReport:
    data = json.loads(path.read_text(encoding="utf-8"))
    rep = GeoReport(path.stem)
    for it in data["items"]:
        gold = it["mentions"]
        mentions = [Mention(g["start"], g["end"], "GPE", g["text"]) for g in gold]
        keys = [t.key for t in tokenize(it["text"]) if t.kind == "word"]
        for g, sp in zip(gold, resolve_mentions(mentions, None, it["text"], keys), strict=True):
            rep.total += 1
            a = sp.attrs
            if not a.get("resolved"):
                rep.errors.append({"id": it["id"], "mention": g["text"], "kind": "unresolved",
                                   "gold": g["name_en"]})
                continue
            rep.resolved += 1
            d = haversine_km(g["lat"], g["lon"], float(a["lat"]), float(a["lon"]))
            rep.errors_km.append(d)
            if d <= THRESHOLD_KM:
                rep.correct += 1
            else:
                rep.errors.append({"id": it["id"], "mention": g["text"], "kind": "wrong",
                                   "gold": g["name_en"], "pred": a.get("name_en"),
                                   "pred_country": a.get("country"), "km": round(d)})
    return rep


@dataclass
class PipelineReport:
    name: str
    gold: int = 0
    predicted: int = 0
    found: int = 0  # gold mentions overlapped by a predicted place (any coordinates)
    correct: int = 0  # … and resolved within 161 km
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        p, r, f = prf(self.correct, self.predicted, self.gold)
        return {
            "set": self.name, "mode": "pipeline", "mentions": self.gold,
            "predicted": self.predicted, "found_rate": ratio(self.found, self.gold),
            "precision": p, "recall": r, "f1": f,
        }


def evaluate_pipeline(path: Path) -> PipelineReport:
    """End-to-end: the default pipeline finds and resolves the places of each gold text."""
    from rasd.doc import Meta
    from rasd.pipeline import analyze

    data = json.loads(path.read_text(encoding="utf-8"))
    rep = PipelineReport(path.stem)
    for it in data["items"]:
        doc = analyze(it["text"], Meta(published=it.get("published")))
        preds = [sp for sp in doc.layer("places")]
        gold = it["mentions"]
        rep.gold += len(gold)
        rep.predicted += len(preds)
        # each gold mention takes the first unused predicted place overlapping it
        aligned = align_one_to_one([(g["start"], g["end"]) for g in gold],
                                   [(sp.start, sp.end) for sp in preds], overlaps)
        partner = dict(aligned.pairs)
        for n, g in enumerate(gold):
            k = partner.get(n)
            if k is None:
                rep.errors.append({"id": it["id"], "mention": g["text"], "kind": "missed"})
                continue
            rep.found += 1
            a = preds[k].attrs
            if a.get("resolved") and haversine_km(g["lat"], g["lon"], float(a["lat"]),
                                                  float(a["lon"])) <= THRESHOLD_KM:
                rep.correct += 1
            else:
                rep.errors.append({"id": it["id"], "mention": g["text"], "kind": "wrong",
                                   "pred": a.get("name_en")})
        for k in aligned.right_only:
            sp = preds[k]
            rep.errors.append({"id": it["id"], "mention": doc.text[sp.start:sp.end],
                               "kind": "spurious", "pred": sp.attrs.get("name_en")})
    return rep

"""Scoring of cross-document entity resolution (``rasd eval entities-xdoc``).

The gold file (``eval/stories/entities.json``) lists ``same`` groups — names (optionally dated)
that must share one identity — and ``apart`` pairs that must not.  Every distinct name is
resolved once, all together, and scored pairwise: a pair of names is a true positive when the
resolver and the gold both put it in one identity.  Apart pairs become singleton gold classes,
so merging them is a false merge.
"""

from __future__ import annotations

import json
from typing import Any

from rasd.eval.metrics import pair_counts
from rasd.link.resolve import NameMention, Resolver


def gold_mention(x: Any, typ: str | None = None) -> NameMention:
    """A gold entry — a plain name or ``{"name", "date"}`` — as a mention of type ``typ``."""
    if isinstance(x, dict):
        return NameMention(x["name"], x.get("date"), typ)
    return NameMention(str(x), None, typ)


def evaluate_gold(path: str, use_aliases: bool = True) -> dict[str, Any]:
    """Pairwise P/R/F1 over the names of an ``entities.json`` gold file, with the wrongly
    merged and wrongly split pairs of names."""
    with open(path, encoding="utf-8") as f:
        gold = json.load(f)
    mentions: list[NameMention] = []
    label: list[str] = []
    seen: dict[tuple[str, str | None], int] = {}
    for g in gold["same"]:
        for x in g["names"]:
            m = gold_mention(x, g.get("type"))
            if (m.name, m.date) not in seen:
                seen[(m.name, m.date)] = len(mentions)
                mentions.append(m)
                label.append(g["id"])
    for pair in gold.get("apart", []):
        for x in pair:
            m = gold_mention(x)
            if (m.name, m.date) not in seen:
                seen[(m.name, m.date)] = len(mentions)
                mentions.append(m)
                label.append(f"apart:{m.name}:{m.date}")
    pred, _ = Resolver(use_aliases=use_aliases).resolve(mentions)
    c = pair_counts(list(range(len(mentions))), dict(enumerate(label)), dict(enumerate(pred)))
    return {
        "names": len(mentions), "groups": len(gold["same"]), "apart": len(gold.get("apart", [])),
        **c.scores(),
        "false_merges": [(mentions[i].name, mentions[j].name) for i, j in c.false_merges],
        "false_splits": [(mentions[i].name, mentions[j].name) for i, j in c.false_splits],
    }  # fmt: skip

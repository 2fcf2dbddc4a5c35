"""Integrity of the stand-off event gold (eval/events/<part>/*.json) against the real corpus.

Every span must equal ``content[start:end]`` of the article it points into, labels must come
from the README's vocabularies, and the url/outlet must be the corpus record's.  This checks the
gold itself (no extractor runs), so a mistyped offset is caught before it skews a measure.
Skipped when the shared SaudiNewsNet corpus is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.eval.realgold import corpus_dir, raw_article

GOLD = Path(__file__).resolve().parents[2] / "eval" / "events"
PARTS = sorted(p.name for p in GOLD.iterdir() if p.is_dir())
TYPES = {"ASSAULT", "FIGHT", "COERCE", "PROTEST", "MOBILIZE", "THREATEN", "ACCUSE", "SANCTION",
         "REQUEST", "REJECT", "CONSULT", "AGREE", "SUPPORT", "AID", "COOPERATE", "RETREAT", "OTHER"}
MODES = {"asserted", "denied", "hypothetical", "uncertain", "prohibited"}
ARG_TYPES = {"government", "military", "police", "rebel", "militia", "civilians", "protesters",
             "international", "other"}
KEYS = {"trigger", "type", "mode", "actor", "actor_type", "target", "target_type", "place",
        "time", "fatalities", "injured"}
SPANS = ("trigger", "actor", "target", "place", "time")


def test_parts_exist() -> None:
    assert {"dev", "heldout", "heldout2"} <= set(PARTS)


@pytest.mark.skipif(corpus_dir() is None, reason="SaudiNewsNet corpus not on this machine")
@pytest.mark.parametrize("part", PARTS)
def test_gold_spans_and_labels(part: str) -> None:
    corpus = corpus_dir()
    assert corpus is not None
    problems: list[str] = []
    for path in sorted((GOLD / part).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert path.name == f"{gold['day']}-{gold['index']}.json"
        art = raw_article(corpus, gold["day"], gold["index"])
        assert (gold["url"], gold["outlet"]) == (art["url"], art["source"]), path.name
        content = art["content"]
        starts = [e["trigger"]["start"] for e in gold["events"]]
        assert starts == sorted(starts), f"{path.name}: events not sorted by trigger"
        for ev in gold["events"]:
            where = f"{path.name}@{ev['trigger']['start']}"
            if set(ev) - {"note"} != KEYS:
                problems.append(f"{where}: keys {sorted(set(ev) ^ KEYS)}")
            if ev["type"] not in TYPES or ev["mode"] not in MODES:
                problems.append(f"{where}: label {ev['type']}/{ev['mode']}")
            for role in ("actor_type", "target_type"):
                if ev[role] is not None and ev[role] not in ARG_TYPES:
                    problems.append(f"{where}: {role} {ev[role]}")
            for role in SPANS:
                span = ev[role]
                if span is not None and content[span["start"]:span["end"]] != span["text"]:
                    problems.append(f"{where}: {role} span {span}")
            for num in ("fatalities", "injured"):
                if ev[num] is not None and not (isinstance(ev[num], int) and ev[num] >= 0):
                    problems.append(f"{where}: {num} {ev[num]!r}")
    assert not problems, "\n".join(problems[:20])

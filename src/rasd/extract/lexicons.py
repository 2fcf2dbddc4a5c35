"""Loading of the closed word lists in ``rasd/extract/data`` (cues, speaker heads, triggers).

Lists are written in plain Arabic spelling for reviewers and folded here once (أ/إ/آ→ا,
ى→ي, ة→ه) so lookups compare like with like.  Verb entries are expanded to all persons,
genders and numbers from two principal parts, which keeps the data file short and readable.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from rasd.lang.ar import vocab
from rasd.lang.ar.normalize import normalize_key


def load_json(name: str) -> dict[str, Any]:
    ref = resources.files("rasd.extract") / "data" / name
    return json.loads(ref.read_text(encoding="utf-8"))


def fold(s: str) -> str:
    return normalize_key(s)


def conjugate(past: str, present: str) -> set[str]:
    """Past and present forms of a verb for 3rd/1st person, both genders, sing./dual/plural.

    Regular suffixation only; irregular forms (defective verbs, hollow 1st person) are listed
    as ``extra`` in the data file.
    """
    forms: set[str] = set()
    if past:
        p = fold(past)
        forms |= {p, p + "ت", p + "وا", p + "ا", p + "تا", p + "ن"}
    if present:
        y = fold(present)
        stem = y[1:]
        for pre in "يتنا":
            forms.add(pre + stem)
        forms |= {"ي" + stem + "ون", "ت" + stem + "ون", "ي" + stem + "ان", "ت" + stem + "ان"}
        forms.add("ي" + stem + "ن")
    return forms


@cache
def cue_lexicon() -> dict[str, Any]:
    """Folded cue tables: ``verbs`` form → entry, ``participles`` form → stance, etc."""
    raw = load_json("cues.json")
    verbs: dict[str, dict[str, Any]] = {}
    for entry in raw["verbs"]:
        forms = conjugate(entry["past"], entry.get("present", ""))
        forms |= {fold(x) for x in entry.get("extra", [])}
        info = {
            "lemma": entry["past"],
            "stance": entry["stance"],
            "strong": entry.get("strength") == "strong",
            "relay": bool(entry.get("relay")),
            "bare": bool(entry.get("bare")),
            "object": fold(entry["object"]) if entry.get("object") else None,
        }
        for f in forms:
            verbs.setdefault(f, info)
    # a reporting verb with an object pronoun: "أوردته", "نفته", "نفاه" (ى → ا before it)
    pronoun: dict[str, dict[str, Any]] = {}
    for f, info in verbs.items():
        for stem in {f, f[:-1] + "ا"} if f.endswith("ي") else {f}:
            for suf in ("ه", "ها"):
                pronoun.setdefault(stem + suf, info)
    parts = {}
    for entry in raw["participles"]:
        for f in entry["forms"]:
            parts[fold(f)] = {"lemma": entry["forms"][0], "stance": entry["stance"]}
    preps = sorted(
        (tuple(fold(x) for x in seq) for seq in raw["prepositional"]), key=len, reverse=True
    )
    contrast = sorted(
        (tuple(fold(x) for x in seq) for seq in raw["contrast_markers"]), key=len, reverse=True
    )
    return {
        "first_words": frozenset(verbs) | frozenset(parts) | {seq[0] for seq in preps}
        | frozenset(pronoun),
        "verbs": verbs,
        "pronoun_verbs": pronoun,
        "participles": parts,
        "prepositional": preps,
        "prep_first": {seq[0] for seq in preps},
        "markers": {fold(x) for x in raw["content_markers"]},
        "content_preps": {fold(x) for x in raw["content_prepositions"]},
        "contrast": contrast,
        "marker_only": {fold(x) for x in raw.get("marker_only", [])},
    }


@cache
def speaker_lexicon() -> dict[str, frozenset[str]]:
    """Folded speaker head lists of ``data/speakers.json`` by kind, plus ``titles`` (the one
    title list, ``rasd/lang/ar/vocab/titles.tsv``, shared with events)."""
    raw = load_json("speakers.json")
    out = {k: frozenset(fold(x) for x in v) for k, v in raw.items() if not k.startswith("_")}
    out["titles"] = vocab.words("titles", "title")
    return out

"""Check the stand-off quote gold in eval/quotes/real against the SaudiNewsNet corpus.

Why: the gold stores offsets only (the corpus is CC BY-NC-SA and stays outside the repo), so
the only way to trust it is to re-open each article and check that every span still says
what the short evidence says.  Run from the repository root:

    python eval/quotes/real/validate.py            # checks, then prints counts
    python eval/quotes/real/validate.py --corpus /path/to/saudinewsnet

Does not import rasd.  Exit status 1 on any error.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
KINDS = {"named_person", "anonymous", "organization", "document", "media"}
STANCES = {None, "assert", "deny", "doubt"}
PARTS = {
    "dev": {f"2015-07-{d}" for d in range(21, 28)},
    "heldout": {"2015-08-03", "2015-08-04", "2015-08-06", "2015-08-07", "2015-08-08"},
}
MAX_EVIDENCE_WORDS = 8


def default_corpus() -> Path:
    """The corpus sits in ../shared next to the worktree; fall back to /work/shared."""
    for p in (HERE.parents[3] / "shared/data/saudinewsnet", Path("/work/shared/data/saudinewsnet")):
        if p.is_dir():
            return p
    return Path("/work/shared/data/saudinewsnet")


_DAYS: dict[str, list[dict[str, Any]]] = {}


def articles(corpus: Path, day: str) -> list[dict[str, Any]]:
    if day not in _DAYS:
        raw = zipfile.ZipFile(corpus / f"{day}.zip").read(f"{day}.json")
        _DAYS[day] = json.loads(raw)
    return _DAYS[day]


def evidence_ok(span_text: str, shown: str) -> bool:
    """Evidence is the exact span, or its first words followed by ' …' when it is long."""
    if shown.endswith(" …"):
        return span_text.startswith(shown[:-2]) and len(shown.split()) - 1 <= MAX_EVIDENCE_WORDS
    return span_text == shown and len(shown.split()) <= MAX_EVIDENCE_WORDS


def check_file(path: Path, part: str, corpus: Path) -> list[str]:
    errs: list[str] = []
    g = json.loads(path.read_text(encoding="utf-8"))
    day, idx = g["day"], g["index"]
    if path.name != f"{day}-{idx}.json":
        errs.append("file name does not match day/index")
    if day not in PARTS[part]:
        errs.append(f"day {day} not in the {part} days")
    art = articles(corpus, day)[idx]
    if art["url"] != g["url"] or art["source"] != g["outlet"]:
        errs.append("url/outlet differ from the corpus")
    c = art["content"]
    starts = [q["content"]["start"] for q in g["quotes"]]
    if starts != sorted(starts):
        errs.append("quotes not sorted by content start")
    for n, q in enumerate(g["quotes"]):
        where = f"quote {n}"
        cs, ce = q["content"]["start"], q["content"]["end"]
        if not 0 <= cs < ce <= len(c):
            errs.append(f"{where}: content span out of range")
            continue
        body = c[cs:ce]
        if body != body.strip() or body[-1] in ".،,":
            errs.append(f"{where}: content has edge whitespace/punctuation")
        if q["content"]["text_head"] != " ".join(body.split()[:6]):
            errs.append(f"{where}: text_head does not match the first six words")
        for key in ("cue", "speaker"):
            sp = q[key]
            if sp is None:
                continue
            t = c[sp["start"]:sp["end"]]
            if not evidence_ok(t, sp["text"]):
                errs.append(f"{where}: {key} text does not match span")
            if cs <= sp["start"] < ce and key == "cue" and sp["start"] == cs:
                errs.append(f"{where}: cue starts the content")
        if q["speaker"] is None and not q.get("speaker_text"):
            errs.append(f"{where}: null speaker without speaker_text")
        if len(q["speaker_text"].split()) > MAX_EVIDENCE_WORDS:
            errs.append(f"{where}: speaker_text longer than {MAX_EVIDENCE_WORDS} words")
        if q["speaker_kind"] not in KINDS:
            errs.append(f"{where}: bad kind {q['speaker_kind']}")
        if q.get("stance") not in STANCES:
            errs.append(f"{where}: bad stance {q.get('stance')}")
    return [f"{path.relative_to(HERE)}: {e}" for e in errs]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=default_corpus())
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 1
    errors: list[str] = []
    for part in ("dev", "heldout"):
        files = sorted((HERE / part).glob("*.json"))
        kinds: collections.Counter[str] = collections.Counter()
        outlets: collections.Counter[str] = collections.Counter()
        implicit = stances = 0
        for f in files:
            errors += check_file(f, part, args.corpus)
            g = json.loads(f.read_text(encoding="utf-8"))
            for q in g["quotes"]:
                kinds[q["speaker_kind"]] += 1
                outlets[g["outlet"]] += 1
                implicit += q["speaker"] is None
                stances += q.get("stance") == "deny"
        total = sum(kinds.values())
        print(f"{part}: {total} statements, {len(files)} articles, {len(outlets)} outlets")
        print("  by kind:   " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
        print("  by outlet: " + ", ".join(f"{k} {v}" for k, v in outlets.most_common()))
        print(f"  implicit speaker (pro-drop/participle/relative): {implicit}; deny: {stances}")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

"""Sanity-check the hand-annotated NER gold files in this folder.

For every ``*.gold.json`` beside this script: the ``document`` .txt exists, each entity's
``text`` equals ``txt[start:end]``, spans are sorted by start and do not overlap, types are
PER/ORG/LOC and spans sit on token boundaries.  Prints entity counts per type and exits 1 on
any error.  Usage: ``python eval/ner/check.py [FOLDER]``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

TYPES = {"PER", "ORG", "LOC"}
LEFT = set(' \n\t«"“”(-–:')
RIGHT = set(' \n\t»"“”)،.:؛,؟!')


def check_file(gold_path: Path, counts: Counter[str]) -> list[str]:
    """Return the problems found in one gold file and add its entities to ``counts``."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    txt_path = gold_path.with_name(gold["document"])
    if not txt_path.exists():
        return [f"{gold_path.name}: missing {txt_path.name}"]
    txt = txt_path.read_text(encoding="utf-8")
    errors: list[str] = []
    prev_end = -1
    for e in gold["entities"]:
        s, t, where = e["start"], e["end"], f"{gold_path.name} [{e['start']}:{e['end']}]"
        if txt[s:t] != e["text"]:
            errors.append(f"{where}: text {e['text']!r} != {txt[s:t]!r}")
        if e["type"] not in TYPES:
            errors.append(f"{where}: bad type {e['type']!r}")
        if s < prev_end:
            errors.append(f"{where}: overlaps or out of order")
        if (s > 0 and txt[s - 1] not in LEFT) or (t < len(txt) and txt[t] not in RIGHT):
            errors.append(f"{where}: {e['text']!r} is not on token boundaries")
        prev_end = t
        counts[e["type"]] += 1
    return errors


def main(folder: Path) -> int:
    """Check every gold file in ``folder``; print per-type counts; return an exit code."""
    counts: Counter[str] = Counter()
    files = sorted(folder.glob("*.gold.json"))
    errors = [err for f in files for err in check_file(f, counts)]
    for err in errors:
        print("ERROR", err)
    print(
        f"{len(files)} files, {sum(counts.values())} entities: "
        + ", ".join(f"{k} {counts[k]}" for k in sorted(TYPES))
    )
    return 1 if errors or not files else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent))

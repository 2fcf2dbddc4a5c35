"""Check the stand-off NER gold in eval/ner/real/ against the SaudiNewsNet corpus.

Usage (from the repository root):  python eval/ner/real/check.py [--counts]

Every gold file names an article by (day, index) and lists its entity spans as Python str
offsets into the article's ``content``.  This script re-reads each article from the shared corpus
(``$RASD_SAUDINEWSNET`` or ``../shared/data/saudinewsnet`` beside the repository) and checks:
the keys, that ``url`` and ``outlet`` match the corpus, that ``content[start:end] == text``,
sorted and non-overlapping spans, the four types, no surrounding whitespace or punctuation inside a
span, and token boundaries on both sides (a span glued to the next word in the source must say
so in its ``note``).  It exits 1 on any error.  It does not import rasd: the gold was made and
is checked without the tagger.
"""

from __future__ import annotations

import json
import os
import sys
import unicodedata
import zipfile
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TYPES = {"PER", "ORG", "LOC", "NORP"}
PARTS = {"dev": ("2015-07-21", "2015-07-27"), "heldout": ("2015-08-03", "2015-08-08")}


def corpus_dir() -> Path | None:
    env = os.environ.get("RASD_SAUDINEWSNET")
    cands = [Path(env)] if env else []
    cands.append(HERE.parents[3] / "shared" / "data" / "saudinewsnet")
    for c in cands:
        if c.is_dir() and any(c.glob("*.zip")):
            return c
    return None


@cache
def day_articles(corpus: Path, day: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(zipfile.ZipFile(corpus / f"{day}.zip").read(f"{day}.json"))
    return data


def is_word(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch) == "Mn" or ch == "ـ"


def check_file(path: Path, corpus: Path, part: str) -> list[str]:
    errs: list[str] = []
    doc = json.loads(path.read_text(encoding="utf-8"))
    if set(doc) != {"day", "index", "url", "outlet", "entities"}:
        errs.append(f"keys {sorted(doc)}")
    day, index = doc["day"], doc["index"]
    if path.stem != f"{day}-{index}":
        errs.append("file name is not <day>-<index>.json")
    lo, hi = PARTS[part]
    if not lo <= day <= hi:
        errs.append(f"day {day} outside the {part} range")
    art = day_articles(corpus, day)[index]
    if art.get("url") != doc["url"]:
        errs.append("url differs from the corpus")
    if art.get("source") != doc["outlet"]:
        errs.append("outlet differs from the corpus")
    content = art.get("content") or ""
    prev_end = -1
    prev_start = -1
    for e in doc["entities"]:
        s, t, typ = e["start"], e["end"], e["type"]
        where = f"{s}:{t} {e.get('text')!r}"
        if not set(e) <= {"start", "end", "text", "type", "note"}:
            errs.append(f"{where}: keys {sorted(e)}")
        if typ not in TYPES:
            errs.append(f"{where}: type {typ}")
        if content[s:t] != e["text"]:
            errs.append(f"{where}: text differs from content[start:end]")
        if s < prev_start:
            errs.append(f"{where}: not sorted by start")
        if s < prev_end:
            errs.append(f"{where}: overlaps the previous span")
        if not e["text"] or e["text"] != e["text"].strip() or not is_word(e["text"][0]) \
                or not (is_word(e["text"][-1]) or e["text"][-1] == "."):
            errs.append(f"{where}: span starts/ends with space or punctuation")
        left_ok = s == 0 or not is_word(content[s - 1])
        right_ok = t == len(content) or not is_word(content[t])
        if not left_ok:
            errs.append(f"{where}: starts inside a word")
        if not right_ok and "glued" not in e.get("note", ""):
            errs.append(f"{where}: ends inside a word")
        prev_start, prev_end = s, max(prev_end, t)
    return errs


def main() -> int:
    corpus = corpus_dir()
    if corpus is None:
        print("SaudiNewsNet corpus not found (set RASD_SAUDINEWSNET); nothing checked")
        return 0
    bad = 0
    for part in PARTS:
        files = sorted((HERE / part).glob("*.json"))
        types: Counter[str] = Counter()
        outlets: Counter[str] = Counter()
        per_outlet: Counter[str] = Counter()
        for f in files:
            errs = check_file(f, corpus, part)
            for err in errs:
                print(f"{part}/{f.name}: {err}")
            bad += len(errs)
            doc = json.loads(f.read_text(encoding="utf-8"))
            types.update(e["type"] for e in doc["entities"])
            outlets[doc["outlet"]] += 1
            per_outlet[doc["outlet"]] += len(doc["entities"])
        total = sum(types.values())
        print(f"{part}: {len(files)} articles, {len(outlets)} outlets, {total} mentions "
              f"({total - types['NORP']} PER/ORG/LOC); " + ", ".join(f"{k} {types[k]}" for k in sorted(types)))
        if "--counts" in sys.argv:
            for o in sorted(outlets):
                print(f"  {o}: {outlets[o]} articles, {per_outlet[o]} mentions")
    print("OK" if bad == 0 else f"{bad} errors")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

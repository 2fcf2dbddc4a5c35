"""Check the stand-off real-text time gold against the corpus (stdlib only, no rasd import).

Run from the repository root:  python eval/time/real/check.py [corpus_dir]
Checks that every span's `text` equals `content[start:end]` of the article loaded from the
SaudiNewsNet zip, that spans are sorted and disjoint, that day/part/url/outlet agree, and that
values look like the TIMEX3-like values of eval/time/README.md.  Prints counts per part, type
and outlet; exits 1 on any error.  Skips cleanly (exit 0) when the corpus is absent.
"""
from __future__ import annotations

import collections
import json
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PARTS = {
    "dev": {f"2015-07-{d}" for d in range(21, 28)},
    "heldout": {"2015-08-03", "2015-08-04", "2015-08-06", "2015-08-07", "2015-08-08"},
}
VALUE = re.compile(
    r"^(PAST_REF|PRESENT_REF|FUTURE_REF|P(\d+|X)[YMWD]|PT\d+[HM]|PX|XXXX-WXX-\d|"
    r"(\d{2,4}|XXXX)(-(\d{2}|W\d{2}|Q\d|H\d|SU|WI|SP|FA|XX))?(-(\d{2}|XX))?"
    r"(T(\d{2}:\d{2}|MO|MI|AF|EV|NI|DT))?)$"
)


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[3] / "shared/data/saudinewsnet"
    if not corpus.is_dir():
        print(f"corpus not found at {corpus}; nothing checked")
        return 0
    days: dict[str, list[dict]] = {}
    errors: list[str] = []
    for part, allowed in PARTS.items():
        types: collections.Counter[str] = collections.Counter()
        outlets: collections.Counter[str] = collections.Counter()
        articles: collections.Counter[str] = collections.Counter()
        for path in sorted((HERE / part).glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            day = gold["day"]
            if day not in allowed:
                errors.append(f"{path.name}: day {day} is not a {part} day")
            if path.name != f"{day}-{gold['index']}.json" or gold["published"] != day:
                errors.append(f"{path.name}: file name / published do not match day and index")
            if day not in days:
                zf = zipfile.ZipFile(corpus / f"{day}.zip")
                days[day] = json.loads(zf.read(f"{day}.json"))
            art = days[day][gold["index"]]
            if art["url"] != gold["url"] or art["source"] != gold["outlet"]:
                errors.append(f"{path.name}: url/outlet differ from the corpus")
            content, end = art["content"], -1
            articles[gold["outlet"]] += 1
            for t in gold["times"]:
                if content[t["start"]:t["end"]] != t["text"]:
                    errors.append(f"{path.name}: offsets {t['start']}-{t['end']} != {t['text']!r}")
                if t["start"] < end:
                    errors.append(f"{path.name}: unsorted or overlapping at {t['text']!r}")
                end = t["end"]
                if t["type"] not in ("DATE", "TIME", "DURATION", "SET"):
                    errors.append(f"{path.name}: type {t['type']!r}")
                if not VALUE.match(t["value"]):
                    errors.append(f"{path.name}: value {t['value']!r}")
                types[t["type"]] += 1
                outlets[gold["outlet"]] += 1
        total = sum(types.values())
        print(f"{part}: {sum(articles.values())} articles, {total} expressions, {dict(sorted(types.items()))}")
        for outlet in sorted(articles):
            print(f"  {outlet}: {articles[outlet]} articles, {outlets[outlet]} expressions")
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

"""Build ``news_time.json`` (char offsets) from the markup in ``news_time.src.txt``.

Run from the repository root: ``python eval/time/build.py``.  Shorthand values such as
``{d-1}``, ``{W+1}``, ``{m-1}``, ``{y-2}`` are plain calendar arithmetic on the item's
publication date (written by hand, computed here only to avoid arithmetic slips).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

HERE = Path(__file__).parent
MARK = re.compile(r"\[\[(.+?)\|([A-Z]+)\|(.+?)\]\]")
SHORT = re.compile(r"\{([dWmy])([+-]\d+)?\}")


def _shorthand(value: str, pub: dt.date) -> str:
    def sub(m: re.Match[str]) -> str:
        unit, k = m.group(1), int(m.group(2) or 0)
        if unit == "d":
            return (pub + dt.timedelta(days=k)).isoformat()
        if unit == "W":
            y, w, _ = (pub + dt.timedelta(weeks=k)).isocalendar()
            return f"{y:04d}-W{w:02d}"
        if unit == "m":
            n = pub.year * 12 + pub.month - 1 + k
            return f"{n // 12:04d}-{n % 12 + 1:02d}"
        return f"{pub.year + k:04d}"

    return SHORT.sub(sub, value)


def parse(src: str) -> list[dict]:
    items = []
    head = None
    for line in src.splitlines():
        if line.startswith("## "):
            head = [x.strip() for x in line[3:].split("|")]
            continue
        if not line.strip() or line.startswith("#") or head is None:
            continue
        ident, published, outlet, country, topic = head
        pub = dt.date.fromisoformat(published)
        text, times, pos = "", [], 0
        for m in MARK.finditer(line):
            text += line[pos : m.start()]
            start = len(text)
            text += m.group(1)
            times.append({"start": start, "end": len(text), "text": m.group(1),
                          "type": m.group(2), "value": _shorthand(m.group(3), pub)})
            pos = m.end()
        text += line[pos:]
        items.append({"id": ident, "published": published, "outlet_style": outlet,
                      "country": country, "topic": topic, "text": text, "times": times})
        head = None
    return items


def main() -> None:
    for src in sorted(HERE.glob("*.src.txt")):
        items = parse(src.read_text(encoding="utf-8"))
        for it in items:
            for t in it["times"]:
                assert it["text"][t["start"] : t["end"]] == t["text"]
        out = {
            "description": "Arabic news time expressions written for rasd (not copied from "
            "outlets); see README.md for conventions.",
            "items": items,
        }
        dest = HERE / (src.name.removesuffix(".src.txt") + ".json")
        dest.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        n = sum(len(i["times"]) for i in items)
        print(f"{dest.name}: {len(items)} items, {n} expressions")


if __name__ == "__main__":
    main()

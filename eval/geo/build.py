"""Build ``news_places.json`` (char offsets + coordinates) from ``news_places.src.txt``.

Run from the repository root: ``python eval/geo/build.py``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).parent
MARK = re.compile(r"\[\[(.+?)\|(-?[\d.]+),(-?[\d.]+)\|(.+?)\|([A-Z]{2}|-)\]\]")


def parse(src: str) -> list[dict]:
    items = []
    head = None
    for line in src.splitlines():
        if line.startswith("## "):
            head = [x.strip() for x in line[3:].split("|")]
            continue
        if not line.strip() or line.startswith("#") or head is None:
            continue
        ident, outlet, country, topic = head
        text, mentions, pos = "", [], 0
        for m in MARK.finditer(line):
            text += line[pos : m.start()]
            start = len(text)
            text += m.group(1)
            mentions.append({"start": start, "end": len(text), "text": m.group(1),
                             "lat": float(m.group(2)), "lon": float(m.group(3)),
                             "name_en": m.group(4),
                             "country": None if m.group(5) == "-" else m.group(5)})
            pos = m.end()
        text += line[pos:]
        assert "[[" not in text, ident
        items.append({"id": ident, "outlet_style": outlet, "country": country, "topic": topic,
                      "text": text, "mentions": mentions})
        head = None
    return items


def main() -> None:
    for src in sorted(HERE.glob("*.src.txt")):
        items = parse(src.read_text(encoding="utf-8"))
        out = {
            "description": "Arabic news place mentions with coordinates, written for rasd (not "
            "copied from outlets); see README.md.",
            "items": items,
        }
        dest = HERE / (src.name.removesuffix(".src.txt") + ".json")
        dest.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        n = sum(len(i["mentions"]) for i in items)
        print(f"{dest.name}: {len(items)} items, {n} mentions")


if __name__ == "__main__":
    main()

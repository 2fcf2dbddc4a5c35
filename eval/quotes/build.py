"""Build ``<name>.txt`` + ``<name>.gold.json`` from the annotated sources in ``src/``.

Source format (written for rasd, see README.md): header lines start with ``#``:

    # outlet: وكالة الأنباء …
    # published: 2024-03-02
    # title: …
    #3 anonymous deny s=2      (quote 3: speaker kind, optional stance, speaker = mention s2)

and the article body marks spans inline as ``{c3|قال}`` (cue), ``{s3|…}`` (speaker mention)
and ``{q3|…}`` (content); marks may nest (a parenthetical "حسب التقرير" inside a content).
Offsets are computed on the text with the marks removed, so the gold always matches the text.

Run: ``python eval/quotes/build.py`` (rewrites the built files; sources are the truth).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OPEN = re.compile(r"\{([csq])(\d+)\|")
KINDS = {"named_person", "organization", "document", "media", "anonymous"}
STANCES = {"assert", "deny", "doubt"}


def parse(src: str) -> tuple[dict[str, str], dict[int, dict], str, dict[tuple[str, int], list[int]]]:
    header: dict[str, str] = {}
    quotes: dict[int, dict] = {}
    body_lines = []
    for line in src.splitlines():
        if line.startswith("#"):
            m = re.match(r"#\s*(\d+)\s+(.*)", line)
            if m:
                n = int(m.group(1))
                info: dict = {}
                for tok in m.group(2).split():
                    if tok in KINDS:
                        info["kind"] = tok
                    elif tok in STANCES:
                        info["stance"] = tok
                    elif tok.startswith("s="):
                        info["speaker_ref"] = int(tok[2:])
                    else:
                        raise ValueError(f"bad header token {tok!r}")
                quotes[n] = info
            else:
                k, _, v = line[1:].partition(":")
                header[k.strip()] = v.strip()
            continue
        body_lines.append(line)
    body = "\n".join(body_lines).strip("\n") + "\n"
    out: list[str] = []
    stack: list[tuple[str, int, int]] = []
    spans: dict[tuple[str, int], list[int]] = {}
    i = 0
    pos = 0
    while i < len(body):
        m = OPEN.match(body, i)
        if m:
            stack.append((m.group(1), int(m.group(2)), pos))
            i = m.end()
            continue
        ch = body[i]
        if ch == "}" and stack:
            t, n, s = stack.pop()
            if (t, n) in spans:
                raise ValueError(f"duplicate mark {t}{n}")
            spans[(t, n)] = [s, pos]
            i += 1
            continue
        out.append(ch)
        pos += 1
        i += 1
    if stack:
        raise ValueError(f"unclosed marks {stack}")
    return header, quotes, "".join(out), spans


def build(path: Path, out_dir: Path = HERE) -> tuple[Path, int]:
    header, quotes, text, spans = parse(path.read_text(encoding="utf-8"))
    name = path.stem
    gold_quotes = []
    for n in sorted(quotes):
        info = quotes[n]
        sp = spans.get(("s", info.get("speaker_ref", n)))
        cue, con = spans.get(("c", n)), spans.get(("q", n))
        if sp is None or cue is None or con is None or "kind" not in info:
            raise ValueError(f"{path.name}: quote {n} incomplete")
        gold_quotes.append({
            "cue": cue,
            "speaker": sp,
            "speaker_text": text[sp[0]:sp[1]],
            "content": con,
            "content_text": text[con[0]:con[1]],
            "speaker_kind": info["kind"],
            "stance": info.get("stance", "assert"),
        })
    marked = {n for (t, n) in spans if t in "cq"}
    missing = marked - set(quotes)
    if missing:
        raise ValueError(f"{path.name}: marks without header for quotes {sorted(missing)}")
    (out_dir / f"{name}.txt").write_text(text, encoding="utf-8")
    gold = {"document": f"{name}.txt", "published": header.get("published"),
            "outlet": header.get("outlet"), "title": header.get("title"),
            "quotes": gold_quotes}
    (out_dir / f"{name}.gold.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path, len(gold_quotes)


def main() -> None:
    total = 0
    for p in sorted((HERE / "src").glob("*.txt")):
        _, n = build(p)
        total += n
        print(f"{p.name}: {n} quotes")
    print(f"development set: {total} quotes")
    held = 0
    for p in sorted((HERE / "heldout" / "src").glob("*.txt")):
        _, n = build(p, HERE / "heldout")
        held += n
        print(f"heldout/{p.name}: {n} quotes")
    print(f"held-out set: {held} quotes")
    if total < 60:
        sys.exit("fewer than 60 gold quotes")


if __name__ == "__main__":
    main()

"""Build rasd's event vocabulary from the Arabic CAMEO dictionaries of UniversalPetrarch.

    python data/cameo/build.py [--cameo ../shared/data/cameo-ar]

Reads (in place, never copied): ``CAMEO.ar.0.5.txt`` (verb blocks and patterns with CAMEO
codes), ``agents.all.ar.txt`` (generic agents with role codes) and ``CAMEO2PLOVER-2021.txt``
(the CAMEO → PLOVER mapping published with PLOVER).  Writes

* ``src/rasd/lang/ar/vocab/event-triggers.tsv`` — ``word category source code pos fix``:
  category is the PLOVER type, pos ``verb`` (a lemma), ``noun`` or ``idiom`` (several words);
* ``src/rasd/lang/ar/vocab/event-agents.tsv`` — ``word category source code fix``: category
  is the actor type (military, police, rebel, militia, government, civilians, protesters,
  international, other).

Rows with a source other than ``cameo-ar`` (hand entries) are kept as they are, so the builder
can be rerun after the dictionaries or the corrections change.  Corrections live in
``corrections.tsv`` beside this script (``word table action category reason``; action
``drop`` or ``retype``); every corrected row says so in its ``fix`` column.
Why corrections: the Arabic dictionaries were built partly by machine translation ("عمل" =
"rush", "ضرب" listed under "slam"); PLOVER 0.8 also folds two-sided combat (CAMEO 190/193/194)
into ASSAULT, where rasd keeps PLOVER's FIGHT.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VOCAB = ROOT / "src" / "rasd" / "lang" / "ar" / "vocab"
HERE = Path(__file__).resolve().parent

#: CAMEO codes whose PLOVER 0.8 category rasd refines (two-sided, ongoing combat)
FIGHT_CODES = {"190", "193", "194"}
#: agent role code (first three letters of the CAMEO agent code) → actor type
AGENT_TYPES = {
    "MIL": "military", "COP": "police", "SPY": "government", "REB": "rebel", "INS": "rebel",
    "UAF": "militia", "SEP": "rebel", "GOV": "government", "JUD": "government",
    "LEG": "government", "PTY": "other", "OPP": "other", "CVL": "civilians", "BUS": "civilians",
    "MED": "civilians", "EDU": "civilians", "HLH": "civilians", "AGR": "civilians",
    "REL": "civilians", "LAB": "civilians", "REF": "civilians", "ENV": "civilians",
    "MUS": "civilians", "JEW": "civilians", "CHR": "civilians", "IGO": "international",
    "NGO": "international", "ELI": "government", "RAD": "rebel", "HRI": "civilians",
}
DIAC = re.compile(r"[\u064b-\u0652\u0670\u0640]")


def plover_map(path: Path) -> dict[str, str]:
    """CAMEO code → PLOVER category (codes without an entry fall back to their prefix)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)?", line)
        if m and m.group(2):
            out[m.group(1)] = m.group(2)
    return out


def to_plover(code: str, mapping: dict[str, str]) -> tuple[str | None, str]:
    """(PLOVER category, fix note) of a CAMEO code; FIGHT is rasd's refinement of 19x."""
    if code[:3] in FIGHT_CODES:
        return "FIGHT", "corrected: CAMEO 190/193/194 two-sided combat is FIGHT, not ASSAULT"
    for k in (code, code[:3], code[:2]):
        if k in mapping:
            return mapping[k], ""
    return None, ""


def clean(word: str) -> str:
    """A dictionary lemma as plain text: ``+``/``_`` joiners become spaces, no diacritics."""
    w = DIAC.sub("", word.replace("+", " ").replace("_", " "))
    return " ".join(w.split())


def verbs(path: Path) -> list[tuple[str, str, str]]:
    """(lemma, CAMEO code, pos) from the verb blocks and their patterns.

    A lemma's code is its own ``[code]``, else its block's, else the commonest code of the
    block's patterns that list it.  A pattern whose object is a plain word gives an idiom
    ("شن غارة"): the verbs it names, each with that object.
    """
    out: list[tuple[str, str, str]] = []
    block_code = ""
    lemmas: list[tuple[str, str]] = []
    patterns: list[tuple[str, str, list[str]]] = []

    def flush() -> None:
        for lemma, code in lemmas:
            if not code:
                votes = Counter(c for _, c, vs in patterns if lemma in vs or not vs)
                code = votes.most_common(1)[0][0] if votes else ""
            if code and code != "---":
                out.append((lemma, code, "idiom" if " " in lemma else "verb"))
        for obj, code, vs in patterns:
            for v in vs:
                if v and obj:
                    out.append((f"{v} {obj}", code, "idiom"))

    in_dict = False
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        m = re.match(r"^---\s*(.+?)\s*\[([-\d]+)\]\s*---", line)
        if m:
            if in_dict:
                flush()
            in_dict = True
            block_code = m.group(2)
            lemmas, patterns = [], []
            continue
        if not in_dict or not line or line.startswith("#"):
            continue
        if line.startswith("-"):
            pm = re.match(r"^-\s*\*\s*(.*?)\s*\[(\d+)\]\s*(?:#\s*(.*))?$", line)
            if not pm:
                continue
            obj = pm.group(1)
            # only a plain object word makes an idiom: no synsets, groups or prepositions
            plain = obj if re.fullmatch(r"[\u0621-\u064a ]+", obj) and len(obj.split()) == 1 else ""
            vs = [clean(v) for v in (pm.group(3) or "").split(",")]
            vs = [v for v in vs if v and len(v.split()) == 1]
            patterns.append((clean(plain), pm.group(2), vs))
            continue
        vm = re.match(r"^(\S+(?: \S+)?)\s*(?:\[(\d+)\])?\s*(?:#.*)?$", line)
        if vm and re.match(r"[\u0621-\u064a]", vm.group(1)):
            lemma = clean(vm.group(1))
            code = vm.group(2) or (block_code if block_code != "---" else "")
            lemmas.append((lemma, code))
    if in_dict:
        flush()
    return out


def agents(path: Path) -> list[tuple[str, str]]:
    """(Arabic agent noun, role code) pairs from ``agents.all.ar.txt``."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\S+\s*\[~?([A-Z]+)~?\]\s*(?:#\s*\??)?\s*(.+?)\s*$", line)
        if m and re.search(r"[\u0621-\u064a]", m.group(2)):
            word = clean(m.group(2).lstrip("?").strip())
            if word and re.fullmatch(r"[\u0621-\u064a ]+", word):
                out.append((word, m.group(1)))
    return out


def corrections() -> dict[tuple[str, str], tuple[str, str, str]]:
    """(table, folded-free word) → (action, category, reason) from corrections.tsv."""
    out = {}
    for line in (HERE / "corrections.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("word\t"):
            continue
        word, table, action, category, reason = line.split("\t")
        out[(table, word)] = (action, category, reason)
    return out


def kept_rows(path: Path, ncols: int) -> list[list[str]]:
    """Rows of an existing TSV whose source is not cameo-ar (hand entries survive a rebuild)."""
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("word\t"):
            continue
        cells = line.split("\t")
        if cells[2] != "cameo-ar":
            rows.append(cells + [""] * (ncols - len(cells)))
    return rows


def write(path: Path, header: list[str], comment: str, rows: list[list[str]]) -> None:
    lines = [f"# {c}" for c in comment.splitlines()] + ["\t".join(header)]
    lines += ["\t".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cameo", type=Path, default=ROOT.parent / "shared" / "data" / "cameo-ar")
    args = ap.parse_args()
    mapping = plover_map(args.cameo / "CAMEO2PLOVER-2021.txt")
    fixes = corrections()

    trig_path = VOCAB / "event-triggers.tsv"
    seen: set[str] = set()
    rows: list[list[str]] = []
    for word, code, pos in verbs(args.cameo / "CAMEO.ar.0.5.txt"):
        if word in seen:
            continue
        plover, fix = to_plover(code, mapping)
        action = fixes.get(("triggers", word))
        if action:
            if action[0] == "drop":
                continue
            plover, fix = action[1], f"corrected: {action[2]}"
        if plover is None:
            continue
        seen.add(word)
        rows.append([word, plover, "cameo-ar", code, pos, fix])
    hand = kept_rows(trig_path, 6)
    write(trig_path, ["word", "category", "source", "code", "pos", "fix"],
          "Event triggers: category = PLOVER type. Built by data/cameo/build.py from the Arabic\n"
          "CAMEO dictionaries of UniversalPetrarch (MIT; NOTICE.md) with the CAMEO->PLOVER map;\n"
          "source=hand rows are rasd's own and survive a rebuild. pos: verb (lemma; one entry\n"
          "covers its forms through the stem reader), noun, idiom (several words, in order).",
          hand + rows)

    ag_path = VOCAB / "event-agents.tsv"
    seen = set()
    arows: list[list[str]] = []
    for word, code in agents(args.cameo / "agents.all.ar.txt"):
        typ = AGENT_TYPES.get(code[:3])
        fix = ""
        action = fixes.get(("agents", word))
        if action:
            if action[0] == "drop":
                continue
            typ, fix = action[1], f"corrected: {action[2]}"
        if typ is None or word in seen:
            continue
        seen.add(word)
        arows.append([word, typ, "cameo-ar", code, fix])
    write(ag_path, ["word", "category", "source", "code", "fix"],
          "Generic agents: category = actor type (ACLED inter codes through rasd.export.acled).\n"
          "Built by data/cameo/build.py from agents.all.ar.txt of UniversalPetrarch (MIT);\n"
          "source=hand rows are rasd's own and survive a rebuild.",
          kept_rows(ag_path, 5) + arows)
    print(f"{trig_path.name}: {len(hand)} hand + {len(rows)} cameo-ar; "
          f"{ag_path.name}: {len(arows)} cameo-ar")


if __name__ == "__main__":
    main()

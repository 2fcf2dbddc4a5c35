"""Readers that put both training corpora into ONE token scheme: rasd's own clitic pieces.

Wojood keeps clitics attached ("بكردستان B-GPE"); NewsFANE splits some of them off ("و",
"ف", pronoun suffixes "ه", "ها") and writes ل+ال as "لال…".  Mixing them as they are teaches
the tagger two incompatible token forms, which is why naive mixing barely helps.  Here every
sentence is re-joined into text and cut again by :func:`rasd.lang.ar.tokenize.tokenize`, the
tokenizer used at analysis time, so training and inference see identical pieces:

* a standalone "و"/"ف" stays a clitic piece, an attached one is split off the same way;
* NewsFANE's detached pronoun suffixes are glued back to their word (as in real text);
* NewsFANE's "لال" is written "لل" again (as in real text: "للاتحاد").

Tags move from words to pieces: the first non-clitic piece of a ``B-`` word takes ``B-``, its
proclitics take ``O`` (entity spans exclude attached clitics), later pieces take ``I-``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rasd.lang.ar import vocab
from rasd.lang.ar.tokenize import Token, tokenize

#: coarse type per NewsFANE fine type (its README); unlisted fine types (products…) → O
NEWSFANE_TYPES: dict[str, str] = {
    **dict.fromkeys(
        [
            "Politician",
            "Athlete",
            "Artist",
            "Other_PER",
            "Religious_PER",
            "Scientist",
            "Businessperson",
            "Lawyer",
            "Engineer",
            "Police",
        ],
        "PER",
    ),
    "Group": "NORP",
    **dict.fromkeys(
        [
            "Non-Governmental",
            "Sports",
            "Media",
            "Government",
            "Commercial",
            "Educational",
            "Medical-Science",
            "Entertainment",
            "Religious_ORG",
        ],
        "ORG",
    ),
    **dict.fromkeys(
        ["Nation", "Population-Center", "State-or-Province", "GPE-Cluster", "County-or-District"],
        "GPE",
    ),
    **dict.fromkeys(["Continent", "Water-Body", "Land-Region-Natural", "Celestial"], "LOC"),
    **dict.fromkeys(["Building-Grounds", "Airport", "Path", "Subarea-Facility"], "FAC"),
}

#: Wojood outer-layer types kept as labels.  OCC and EVENT are kept so the tagger learns that
#: "سكرتير اللجنة …" is a title, not an ORG mention, the way Wojood's outer layer reads.
WOJOOD_TYPES: dict[str, str] = {
    "PERS": "PER",
    "ORG": "ORG",
    "NORP": "NORP",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "FAC",
    "OCC": "OCC",
    "EVENT": "EVENT",
}

_PRONOUNS = vocab.words("function_words", "pronoun-suffix")
_INVISIBLE = str.maketrans("", "", "\u200e\u200f\ufeff\u200b")


@dataclass
class Sentence:
    """Pieces of one sentence with their BIO tags (``text`` is the re-joined sentence)."""

    text: str
    tokens: list[Token]
    tags: list[str]


def read_columns(path: Path) -> Iterator[list[list[str]]]:
    """Blank-line separated sentences of whitespace/tab-separated columns."""
    sent: list[list[str]] = []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.rstrip("\n").translate(_INVISIBLE)
            if not line.strip():
                if sent:
                    yield sent
                sent = []
                continue
            parts = line.replace("\t", " ").split(" ")
            parts = [p for p in parts if p]
            if parts:
                sent.append(parts)
    if sent:
        yield sent


def retag(tags: list[str], mapping: dict[str, str]) -> list[str]:
    """Map types; an ``I-`` after a dropped type becomes ``O`` (spans stay well-formed)."""
    out = []
    for t in tags:
        typ = mapping.get(t[2:]) if t[:2] in ("B-", "I-") else None
        out.append(f"{t[:2]}{typ}" if typ else "O")
    for i, t in enumerate(out):
        if t.startswith("I-") and (i == 0 or out[i - 1][2:] != t[2:]):
            out[i] = "B-" + t[2:]
    return out


def words_to_pieces(words: list[str], tags: list[str]) -> Sentence:
    """Re-tokenize whitespace words with rasd's tokenizer and carry word tags to pieces."""
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    text = " ".join(words)
    toks = tokenize(text)
    piece_tags = []
    seen_stem: set[int] = set()
    for t in toks:
        wi = bisect.bisect_right(starts, t.start) - 1
        tag = tags[wi]
        if tag == "O":
            piece_tags.append("O")
            continue
        typ = tag[2:]
        if tag.startswith("B-") and wi not in seen_stem:
            if t.role in ("conj", "prep", "fut") and t.kind == "word":
                piece_tags.append("O")  # proclitic before the entity: outside the span
                continue
            seen_stem.add(wi)
            piece_tags.append("B-" + typ)
        else:
            piece_tags.append("I-" + typ)
    return Sentence(text, toks, piece_tags)


def wojood(path: Path, layer: int = 1, mapping: dict[str, str] | None = None) -> list[Sentence]:
    """Wojood CoNLL file, one tag column (``layer`` 1 = outer), as piece sentences."""
    mapping = WOJOOD_TYPES if mapping is None else mapping
    out = []
    for sent in read_columns(path):
        rows = [r for r in sent if r[0] != "$#$"]
        if not rows:
            continue
        words = [r[0] for r in rows]
        tags = retag([r[layer] if len(r) > layer else "O" for r in rows], mapping)
        out.append(words_to_pieces(words, tags))
    return out


def _newsfane_words(rows: list[list[str]]) -> tuple[list[str], list[str]]:
    words: list[str] = []
    tags: list[str] = []
    for r in rows:
        w, tag = r[0], (r[1] if len(r) > 1 else "O")
        if w in _PRONOUNS and words and tag == "O" and len(words[-1]) > 1 and words[-1].isalpha():
            words[-1] += w  # detached pronoun suffix: glue it back as real text has it
            continue
        if w.startswith("لال") and len(w) > 4:
            w = "لل" + w[3:]  # NewsFANE's ل+ال → the real orthography "لل"
        words.append(w)
        tags.append(tag)
    return words, tags


def newsfane(path: Path) -> list[Sentence]:
    """NewsFANE Gold (token<TAB>fine tag) as coarse-typed piece sentences."""
    out = []
    for sent in read_columns(path):
        words, tags = _newsfane_words(sent)
        if words:
            out.append(words_to_pieces(words, retag(tags, NEWSFANE_TYPES)))
    return out


def spans(tags: Iterable[str]) -> list[tuple[int, int, str]]:
    """``(i, j, type)`` spans of a BIO sequence (``j`` exclusive); stray ``I-`` opens a span."""
    out: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    tags = list(tags)
    for i, t in enumerate([*tags, "O"]):
        if start >= 0 and not (t.startswith("I-") and t[2:] == typ):
            out.append((start, i, typ))
            start = -1
        if t.startswith("B-") or (t.startswith("I-") and start < 0):
            start, typ = i, t[2:]
    return out

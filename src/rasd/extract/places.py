"""The ``places`` layer: place mentions resolved to gazetteer entries with coordinates.

Input is the ``entities`` layer (GPE/LOC, and FAC where a known place name is inside the
facility's name: "مطار دمشق الدولي" → Damascus).  Without an entities layer (pipelines that
skip NER) names are matched directly on the tokens against the prominent part of the gazetteer
(countries, capitals, regions, large or Arab-world cities).

Each span keeps the mention's offsets; attrs: ``resolved``, ``id``, ``name_ar``, ``name_en``,
``country`` (ISO2), ``kind`` (country, capital, city, admin1, region, water, continent,
landmark), ``lat``, ``lon``, ``method`` and ``confidence``; ``entity`` is the entity span id.
Mentions that match nothing stay in the layer with ``resolved: false``.

Disambiguation (geoparsing's classic heuristics, cf. Leidner 2007): candidates are scored by
a kind prior (countries and capitals first), population, and the document's country focus —
countries named in the text and countries of unambiguous places — so "طرابلس" in a story about
Lebanon is Tripoli, Lebanon, and "كوريا" next to "كوريا الشمالية" is North Korea.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rasd.config import Config
from rasd.doc import Document, Span, trusted_span
from rasd.geo.gazetteer import Gazetteer, Place, default_gazetteer, key, population_score
from rasd.geo.prominent import fallback_index, first_forms
from rasd.lang.ar import vocab
from rasd.lang.ar.clitics import proclitic_forms
from rasd.lang.ar.normalize import fold_key
from rasd.lang.ar.textview import text_view
from rasd.pipeline import component

PLACE_TYPES = ("GPE", "LOC", "FAC")

_KIND_PRIOR = {
    "country": 3.0, "continent": 2.6, "region": 2.4, "water": 2.4, "capital": 1.6,
    "admin1": 1.6, "landmark": 1.6, "city": 0.6,
}
#: Generic heads stripped before lookup ("محافظة إدلب" → "إدلب"); the head tells the kind.
_HEADS = vocab.table("places", "kind", "head")
#: Directional adjectives after a name ("ريف حلب الشمالي", "البادية الشرقية"): dropped for a
#: second lookup when the full name is unknown.
_DIR_SUFFIX = vocab.words("places", "direction-suffix")


@dataclass
class Mention:
    start: int
    end: int
    label: str
    text: str
    canonical: str | None = None
    entity_id: str = ""


@lru_cache(maxsize=50_000)
def _keys(text: str, canonical: str | None) -> list[tuple[str, str | None, str]]:
    """Lookup keys for a mention, best first: ``(key, head kind, method)``."""
    out: list[tuple[str, str | None, str]] = []
    seen: set[str] = set()

    def add(k: str, head: str | None, method: str) -> None:
        if k and k not in seen:
            seen.add(k)
            out.append((k, head, method))

    bases = [key(canonical)] if canonical else []
    bases.append(key(text))
    for b in bases:
        add(b, None, "name")
        for v in proclitic_forms(b):
            add(v, None, "name")
    for found in list(out):
        words = found[0].split(" ")
        if len(words) > 2 and " ".join(words[-2:]) in _DIR_SUFFIX:
            add(" ".join(words[:-2]), None, "name")
        elif len(words) > 1 and words[-1] in _DIR_SUFFIX:
            add(" ".join(words[:-1]), None, "name")
    for found in list(out):
        words = found[0].split(" ")
        if len(words) > 1 and words[0] in _HEADS:
            rest = " ".join(words[1:])
            add(rest, _HEADS[words[0]], "head")
            for v in proclitic_forms(rest):
                add(v, _HEADS[words[0]], "head")
    return out


_FOUND: dict[int, dict[tuple[str, str | None, str], tuple[Sequence[Place], str | None, str]]] = {}


def _candidates(gaz: Gazetteer, m: Mention) -> tuple[Sequence[Place], str | None, str]:
    """Candidates of a mention, memoized per (text, canonical, label): place names repeat
    within and across documents.  Results of containment matching are fresh lists per
    call (as unmemoized), so mentions never share them by identity."""
    memo = _FOUND.get(id(gaz))
    if memo is None:
        memo = _FOUND[id(gaz)] = {}
    ck = (m.text, m.canonical, m.label)
    r = memo.get(ck)
    if r is None:
        if len(memo) > 100_000:  # bound the memory of a long-running process
            memo.clear()
        r = memo[ck] = _candidates_uncached(gaz, m)
    if r[2] == "contained":
        return list(r[0]), r[1], r[2]
    return r


def _candidates_uncached(gaz: Gazetteer, m: Mention) -> tuple[Sequence[Place], str | None, str]:
    for k, head, method in _keys(m.text, m.canonical):
        cands = gaz.lookup(k)
        if cands:
            return cands, head, method
    directional = _directional(gaz, key(m.canonical or m.text))
    if directional is not None:
        return directional, None, "direction"
    if m.label == "FAC" or len(key(m.text).split(" ")) > 2:
        # a known name inside a longer one: "مطار دمشق الدولي", "ميناء الحديدة"
        words = key(m.canonical or m.text).split(" ")
        best: list[Place] = []
        for n in range(min(len(words), gaz.max_words), 0, -1):
            for i in range(0, len(words) - n + 1):
                inner = [p for p in gaz.lookup(" ".join(words[i : i + n])) if _contained_ok(p)]
                if inner:
                    best = inner
                    break
            if best:
                return best, None, "contained"
    return [], None, "none"


#: Direction words before a place name → (north-south, east-west) sign and English label.
_DIRECTIONS: dict[str, tuple[int, int, str]] = {}
for _ws, (_dy, _dx, _en) in {
    ("شمال", "الشمال", "شمالي"): (1, 0, "North"), ("جنوب", "الجنوب", "جنوبي"): (-1, 0, "South"),
    ("شرق", "الشرق", "شرقي"): (0, 1, "East"), ("غرب", "الغرب", "غربي"): (0, -1, "West"),
    ("وسط", "الوسط"): (0, 0, "Central"),
    ("شمال شرق", "شمال شرقي", "الشمال الشرقي"): (1, 1, "Northeast"),
    ("شمال غرب", "شمال غربي", "الشمال الغربي"): (1, -1, "Northwest"),
    ("جنوب شرق", "جنوب شرقي", "الجنوب الشرقي"): (-1, 1, "Southeast"),
    ("جنوب غرب", "جنوب غربي", "الجنوب الغربي"): (-1, -1, "Southwest"),
}.items():
    for _w in _ws:
        _DIRECTIONS[key(_w)] = (_dy, _dx, _en)
_DIR_FIRST = frozenset(k.split(" ")[0] for k in _DIRECTIONS)
_DIRECTIONAL: dict[tuple[int, str], tuple[Place, ...] | None] = {}
_EXTENTS: dict[tuple[int, str], list[tuple[float, float]]] = {}


def _directional(gaz: Gazetteer, k: str) -> tuple[Place, ...] | None:
    """A direction and a known place: "جنوب ليبيا", "شمال شرق سوريا", "الجنوب الليبي".

    A country's part is the mean of its gazetteer towns in that third of the country (by
    the 5–95 % range of their coordinates); any other place keeps its own point.  Runs only
    for names the gazetteer does not know as a whole; memoized per name.
    """
    words = k.split(" ")
    if len(words) < 2 or words[0] not in _DIR_FIRST:
        return None
    memo_key = (id(gaz), k)
    if memo_key in _DIRECTIONAL:
        return _DIRECTIONAL[memo_key]
    out = None
    for n in (2, 1):
        d = _DIRECTIONS.get(" ".join(words[:n])) if len(words) > n else None
        if d is None:
            continue
        rest = " ".join(words[n:])
        base: Sequence[Place] = next(
            (c for r in (rest, *proclitic_forms(rest)) if (c := gaz.lookup(r))), ())
        if not base and words[0].startswith("ال"):  # "الجنوب الليبي": a nationality adjective
            country = gaz.by_id.get(f"iso:{_nisba_index(gaz).get(rest)}")
            base = (country,) if country else ()
        if base:
            out = tuple(_part_of(gaz, p, d, k) for p in base)
            break
    if len(_DIRECTIONAL) > 100_000:  # bound the memory of a long-running process
        _DIRECTIONAL.clear()
    _DIRECTIONAL[memo_key] = out
    return out


def _part_of(gaz: Gazetteer, p: Place, d: tuple[int, int, str], name: str) -> Place:
    dy, dx, en = d
    lat, lon = p.lat, p.lon
    if p.kind == "country" and p.country:
        pts = _EXTENTS.get((id(gaz), p.country))
        if pts is None:
            pts = _EXTENTS[(id(gaz), p.country)] = [
                (q.lat, q.lon) for q in gaz.places
                if q.country == p.country and q.kind in ("city", "capital")
            ]
        if len(pts) >= 5:
            lats, lons = sorted(a for a, _ in pts), sorted(b for _, b in pts)
            i0, i1 = len(pts) // 20, len(pts) - 1 - len(pts) // 20
            (la0, la1), (lo0, lo1) = (lats[i0], lats[i1]), (lons[i0], lons[i1])

            def third(v: float, lo: float, hi: float, sign: int) -> bool:
                t = (v - lo) / (hi - lo) if hi > lo else 0.5
                return t >= 2 / 3 if sign > 0 else t <= 1 / 3 if sign < 0 else 1 / 3 <= t <= 2 / 3

            sel = [(a, b) for a, b in pts if la0 <= a <= la1 and lo0 <= b <= lo1
                   and (third(a, la0, la1, dy) if dy or not dx else True)
                   and (third(b, lo0, lo1, dx) if dx or not dy else True)]
            if sel:
                lat = round(sum(a for a, _ in sel) / len(sel), 2)
                lon = round(sum(b for _, b in sel) / len(sel), 2)
    kind = "region" if p.kind in ("country", "admin1", "region") else p.kind
    return Place(f"{p.id}#{en.lower()}", kind, p.country, lat, lon, 0, f"{en} {p.name_en}", name)


def _contained_ok(p: Place) -> bool:
    """A name inside a longer one ("مطار دمشق الدولي") must be a prominent place: "سالم" in
    "كرم أبو سالم" is not Salem, India."""
    return p.kind != "city" or p.population >= 500_000


_DATELINE_AFTER = re.compile(r"\s*[-–—:،,]")


def _is_dateline(text: str, m: Mention) -> bool:
    """A place name opening a line and followed by a dash or comma ("عمّان - …", "دمشق، 3 …")
    is a dateline: the city the story was filed from."""
    if not _DATELINE_AFTER.match(text, m.end):  # the cheap test first
        return False
    line_start = text.rfind("\n", 0, m.start) + 1
    return not text[line_start : m.start].strip()


_NISBA_STOP = vocab.words("places", "nisba-stop")
_NISBA: dict[int, dict[str, str]] = {}


def _nisba_index(gaz: Gazetteer) -> dict[str, str]:
    """Nationality adjectives → country, derived from single-word country names: "الأردن" →
    "الأردني/الأردنية", "سوريا" → "السوري/السورية".  Adjectives shared by several countries
    ("الكوري") are left out."""
    idx = _NISBA.get(id(gaz))
    if idx is None:
        tmp: dict[str, set[str]] = {}
        for k, ids in gaz.names.items():
            ccs = {gaz.places[i].country for i in ids if gaz.places[i].kind == "country"}
            if not ccs or " " in k:
                continue
            base = k[2:] if k.startswith("ال") else k
            if base.endswith("يه"):
                stem = base[:-1]
            elif base.endswith("يا"):
                stem = base[:-2] + "ي"
            elif base.endswith("ا"):
                stem = base[:-1] + "ي"
            else:
                stem = base + "ي"
            for form in ("ال" + stem, "ال" + stem + "ه"):
                if form not in _NISBA_STOP:
                    tmp.setdefault(form, set()).update(c for c in ccs if c)
        idx = _NISBA[id(gaz)] = {k: next(iter(v)) for k, v in tmp.items() if len(v) == 1}
    return idx


def nationality_country(word: str, gaz: Gazetteer | None = None) -> str | None:
    """The country code of a nationality word — an adjective ("الأردني", "الأردنية") or its
    sound plural, the usual NORP mention ("الأردنيين", "أردنيون") — or None for groups that are
    not one country ("العرب", "المسلمين", broken plurals) and adjectives several countries share.
    Used by exports that must say a nationality as a country (FollowTheMoney has no group schema).
    """
    k = key(word)
    if not k:
        return None
    if not k.startswith("ال"):
        k = "ال" + k
    for plural in ("يين", "يون"):
        if k.endswith(plural) and len(k) > len(plural) + 3:
            k = k[: -len(plural)] + "ي"
            break
    return _nisba_index(gaz or default_gazetteer()).get(k)


#: Territories whose places a story about another country names as its own: Moroccan news
#: (most Arabic coverage of them) counts Western Sahara's towns ("الداخلة", "العيون") with
#: Morocco's, so a Moroccan focus also backs them.
_FOCUS_ALSO = {"EH": "MA"}


def _score(p: Place, head: str | None, focus: Mapping[str, float], total: float) -> float:
    s = _KIND_PRIOR.get(p.kind, 0.5) + population_score(p.population)
    if head == "city" and p.kind in ("city", "capital"):
        s += 3.0
    elif head == "admin" and p.kind in ("admin1", "region", "city", "capital"):
        s += 1.0
    elif head == "country" and p.kind == "country":
        s += 3.0
    if p.country and total:
        n = focus.get(p.country, 0)
        if p.country in _FOCUS_ALSO:
            n += focus.get(_FOCUS_ALSO[p.country], 0)
        if n:
            s += 1.0 + 2.0 * n / total
    return s


def resolve_mentions(
    mentions: Sequence[Mention],
    gaz: Gazetteer | None = None,
    text: str | None = None,
    context_keys: Iterable[str] | Callable[[], Iterable[str]] = (),
    id_prefix: str | None = None,
) -> list[Span]:
    """Resolve mentions jointly (document context) into ``places`` spans.

    ``text`` lets a dateline ("عمّان - البتراء بوست") count as a city; ``context_keys`` are the
    document's word keys, whose nationality adjectives ("الأردني", "اليمنية") add to the
    country focus at half the weight of a named country or unambiguous place.  With
    ``id_prefix`` the spans get the ids :meth:`Document.set_layer` would give them (prefix and
    rank by offsets), which spares it re-creating every span.
    """
    gaz = gaz or default_gazetteer()
    found = [_candidates(gaz, m) for m in mentions]
    # Country focus: explicit country mentions and places with a single candidate country.
    focus: dict[str, float] = {}  # nationality adjectives weigh half (below)
    for cands, _, _ in found:
        countries = {p.country for p in cands if p.country}
        if len(countries) == 1:
            c = next(iter(countries))
            focus[c] = focus.get(c, 0.0) + 1.0
    if any(len(c) > 1 for c, _, _ in found):  # context matters only for ambiguous names
        nisba = _nisba_index(gaz)
        ctx = context_keys() if callable(context_keys) else context_keys
        for k in ctx:
            cc = nisba.get(k)
            if cc is not None:
                focus[cc] = focus.get(cc, 0.0) + 0.5
    total = sum(focus.values())
    if text is not None:
        for i, (cands, head, meth) in enumerate(found):
            if head is None and cands and _is_dateline(text, mentions[i]):
                found[i] = (cands, "city", meth)
    # One sense per discourse: a name made explicit once ("مدينة طرابلس", a dateline) keeps
    # that reading for its other, bare mentions in the same document.
    explicit: dict[int, str] = {}  # candidate lists are shared objects per name key
    for cands, head, _ in found:
        if head and len(cands) > 1:
            explicit.setdefault(id(cands), head)
    if explicit:
        found = [
            (c, explicit.get(id(c)), meth) if head is None and c else (c, head, meth)
            for c, head, meth in found
        ]
    ids = [""] * len(mentions)
    if id_prefix is not None:
        order = sorted(range(len(mentions)), key=lambda i: (mentions[i].start, mentions[i].end))
        for rank, i in enumerate(order):
            ids[i] = f"{id_prefix}{rank}"
    out: list[Span] = []
    # a name repeated in the document has the same candidates, head and focus: score it once
    done: dict[tuple[int, str | None, str], dict[str, object]] = {}
    for i, (cands, head, method) in enumerate(found):
        m = mentions[i]
        sid = ids[i]
        if cands:
            ck = (id(cands), head, method)  # candidate tuples are shared per name key
            base = done.get(ck)
            if base is None:
                base = done[ck] = _resolved_attrs(cands, head, method, focus, total)
            attrs = dict(base)
        else:
            attrs = {"resolved": False}
        if m.entity_id:
            attrs["entity"] = m.entity_id
        out.append(trusted_span(m.start, m.end, m.label, sid, attrs))
    return out


def _resolved_attrs(
    cands: Sequence[Place], head: str | None, method: str, focus: Mapping[str, float], total: float
) -> dict[str, object]:
    """Attrs of a mention resolved to the best-scored of ``cands`` (non-empty)."""
    if len(cands) == 1:  # nothing to rank: the score does not matter
        best = cands[0]
        conf = 1.0
    else:
        scored = sorted(
            ((_score(p, head, focus, total), p.id, p) for p in cands), key=lambda t: (-t[0], t[1])
        )
        best_score, _, best = scored[0]
        second = scored[1][0]
        conf = max(0.0, min(1.0, (best_score - second) / best_score + 0.5))
    if method == "contained":
        conf *= 0.6
    attrs: dict[str, object] = {
        "resolved": True,
        **best.to_attrs(),
        "method": f"gazetteer-{method}" + ("+context" if len(cands) > 1 else ""),
        "confidence": round(conf, 3),
    }
    if len(cands) > 1:
        attrs["candidates"] = len(cands)
    return attrs


# ----------------------------------------------------------------------------------------------
# Fallback: gazetteer matching on tokens when there is no entities layer
def mentions_from_tokens(doc: Document, gaz: Gazetteer) -> list[Mention]:
    """Longest gazetteer names found in the token stream (clitics off the first word).

    Only prominent entries are matched (:func:`_fallback_ok`): without NER there is no
    evidence that a word is a name, and many Arabic words are also small places somewhere.
    """
    from rasd.extract.times import stream_for

    idx = fallback_index(gaz)
    st = stream_for(doc)  # the word stream the times layer built (shared, not rebuilt)
    keys, words = st.keys, st.words
    memo = _FIRST_FORMS.setdefault(id(gaz), {})
    first = idx.first
    out: list[Mention] = []
    i = 0
    n = len(keys)
    maxw = min(gaz.max_words, 4)
    while i < n:
        head = keys[i]
        forms = memo.get(head)
        if forms is None:
            forms = memo[head] = tuple(f for f in first_forms(head) if f in first)
        hit = None
        if forms:
            for L in range(min(maxw, n - i), 0, -1):
                tail = " ".join(keys[i + 1 : i + L])
                for f in forms:
                    k = f"{f} {tail}" if tail else f
                    if k in idx.names:
                        hit = (L, k, len(head) - len(f))
                        break
                if hit:
                    break
        if hit:
            L, k, drop = hit
            s0, e = words[i].start, words[i + L - 1].end
            while drop > 0 and s0 < e and doc.text[s0] in "وفبلك":  # proclitics stay outside
                s0 += 1
                drop -= 1
            out.append(Mention(s0, e, "LOC", doc.text[s0:e], k))
            i += L
        else:
            i += 1
    return out


_FIRST_FORMS: dict[int, dict[str, tuple[str, ...]]] = {}


def entity_mentions(
    spans: Iterable[Span], text: str, gaz: Gazetteer | None = None
) -> list[Mention]:
    """Place mentions from the entities layer, widened to a gazetteer name that starts one or
    two words earlier: the tagger often marks "آسيا" in "شرق آسيا" or "إدلب" in "ريف إدلب"."""
    out = []
    for s in spans:
        if s.label not in PLACE_TYPES:
            continue
        m = Mention(s.start, s.end, s.label, text[s.start : s.end], s.attrs.get("canonical"), s.id)
        if gaz is not None:
            m = _widen(m, text, gaz)
        out.append(m)
    return out


def _word_before(text: str, pos: int) -> tuple[int, int] | None:
    """``(start, end)`` of the Arabic word just before ``pos`` (spaces between), or None."""
    j = pos
    while j > 0 and text[j - 1] == " ":
        j -= 1
    if j == pos:
        return None
    k = j
    while k > 0 and ("\u0600" <= text[k - 1] <= "\u06ff"):
        k -= 1
    return (k, j) if k < j else None


_STARTS: dict[int, dict[str, bool]] = {}


def _may_start_name(gaz: Gazetteer, word: str) -> bool:
    """Can ``word`` (maybe with one or two proclitics) open a multi-word gazetteer name?
    Memoized per word: it runs for the words before every place mention."""
    memo = _STARTS.get(id(gaz))
    if memo is None:
        memo = _STARTS[id(gaz)] = {}
    ok = memo.get(word)
    if ok is None:
        if len(memo) > 100_000:  # bound the memory of a long-running process
            memo.clear()
        k = fold_key(word)
        first = gaz.first_words
        ok = memo[word] = k in first or k[1:] in first or k[2:] in first
    return ok


_PHRASES: dict[int, dict[str, tuple[str, int] | None]] = {}


def _phrase_name(gaz: Gazetteer, phrase: str) -> tuple[str, int] | None:
    """The gazetteer name ``phrase`` is (maybe after proclitics) and how many proclitic letters
    precede it, or None.  Memoized per phrase ("ريف إدلب" recurs across documents)."""
    memo = _PHRASES.get(id(gaz))
    if memo is None:
        memo = _PHRASES[id(gaz)] = {}
    if phrase in memo:
        return memo[phrase]
    if len(memo) > 100_000:  # bound the memory of a long-running process
        memo.clear()
    pk = key(phrase)
    forms = (pk, *proclitic_forms(pk))
    r = next(((k, len(pk) - len(k)) for k in forms if k in gaz.names), None)
    if r is None:  # "جنوب ليبيا" when the tagger marked "ليبيا"
        r = next(((k, len(pk) - len(k)) for k in forms if _directional(gaz, k)), None)
    memo[phrase] = r
    return r


def _widen(m: Mention, text: str, gaz: Gazetteer) -> Mention:
    start = m.start
    best = None
    for _ in range(2):
        w = _word_before(text, start)
        if w is None:
            break
        start = w[0]
        if not _may_start_name(gaz, text[w[0] : w[1]]):
            continue  # cheap test before normalizing the phrase
        hit = _phrase_name(gaz, text[start : m.end])
        if hit is not None:
            best = (start, hit)
    if best is None:
        return m
    start, (k, drop) = best
    while drop > 0 and text[start] in "وفبلك":  # proclitics stay outside
        start += 1
        drop -= 1
    return Mention(start, m.end, m.label, text[start : m.end], None, m.entity_id)


@component("places", requires=("tokens", "sentences"), reads=("entities",), assigns=("places",))
def places_component(doc: Document, config: Config) -> None:
    """Resolve the document's place mentions (entities layer, else gazetteer on tokens)."""
    gaz = default_gazetteer()
    if "entities" in doc.layers:
        mentions = entity_mentions(doc.layer("entities"), doc.text, gaz)
    else:
        mentions = mentions_from_tokens(doc, gaz)
    def keys() -> Iterable[str]:
        # nationality adjectives ("الأردني") are stems with the article: only those pieces
        # of the text layer's view are looked up (C-level maps, no Python step per token)
        return [t[3] for t in text_view(doc).pieces if t[7]]  # Token.key where Token.det

    spans = resolve_mentions(mentions, gaz, doc.text, keys, id_prefix="pl")
    doc.set_layer("places", spans, "pl")


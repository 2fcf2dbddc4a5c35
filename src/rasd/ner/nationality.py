"""Nationality, ethnic and religious-community words (NORP) in the news convention.

News annotation (``eval/ner/real/README.md``, "NORP") tags a nationality adjective wherever it
is not part of a longer ORG or LOC name: after a title ("الرئيس **التركي**"), after a common
noun ("الصحف **التركية**", "مسؤول **تركي**"), standing for a person ("وقع مع **العراقي** سعد")
and after a *complete* name ("الأهلي | **المصري**", "بنغازي | **الليبية**", "جامعة برمنجهام |
**البريطانية**"); after a generic head it belongs to the organization ("الجيش التركي",
"الحكومة الإسرائيلية").  The CRF learnt NORP from NewsFANE, which tags few of these, so the
first real-news measure found NORP recall at 0.18.  Two passes, both in the news convention only
(Wojood's NORP layer is its own and is scored in its convention):

* :func:`split_adjectives` cuts a trailing adjective off a place, a complete organization name
  or a person, and a leading one off a person ("اليوناني | جورجيوس ساماراس");
* :func:`nationality_mentions` adds the adjectives and group words left on free tokens.

A word is a country's adjective when it is a stem + ي/ية/يون/يين/يات whose stem names a
*country* in the gazetteer (ISO code, not a capital: "الرياضي" is "sports", not Riyadh's);
``vocab/peoples.tsv`` adds the group words ("الأكراد", "المسلمين"), spellings the gazetteer
lacks, and the wide adjectives ("العربية", "الإسلامي") that are NORP only after a noun that is
not a thing of culture ("الدول العربية" yes, "اللغة العربية" no).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rasd.lang.ar import vocab
from rasd.lang.ar.tokenize import Token
from rasd.ner.gazetteer import Gazetteer, default_gazetteer
from rasd.ner.keys import match_key
from rasd.ner.propagate import ADMIN_HEADS, TokSpan, covered

_PEOPLE = vocab.words("peoples", "people")
_STEMS = vocab.words("peoples", "nisba-stem")
_WIDE = vocab.words("peoples", "wide-stem")
_THING_HEADS = vocab.words("peoples", "thing-head")
_TITLES = vocab.words("titles", "name-title")
_STATE_BODIES = vocab.words("org_words", "state-body")
_STATE_STYLES = frozenset({"جمهوريه", "مملكه", "سلطنه"})  # "الجمهورية اليمنية" (not دولة)
_SUFFIXES = ("يون", "يين", "يات", "يه", "ي")
_NISBA_CONF = 0.9


def _bare(t: Token) -> str:
    key = match_key(t.key, t.det)
    return key[2:] if t.det and key.startswith("ال") else key


def _country(stem: str, gaz: Gazetteer) -> bool:
    """Does ``stem`` (nisba adjective without its ending) name a country: "فرنس" → "فرنسا"?"""
    if stem in _STEMS:
        return True
    for place in (stem, stem + "ا", "ال" + stem, stem + "يا", stem + "ه"):
        hit = gaz.lookup((place,))
        if hit and hit[2] and not hit[2].startswith("capital"):
            return True
    return False


@lru_cache(maxsize=20_000)
def _kind_of(bare: str) -> str:
    if bare in _PEOPLE:
        return "people"
    gaz = default_gazetteer()
    for suf in _SUFFIXES:
        stem = bare[: -len(suf)]
        if bare.endswith(suf) and len(stem) >= 3:
            if stem in _WIDE:
                return "wide"
            if _country(stem, gaz):
                return "adj"
    return ""


def kind(t: Token) -> str:
    """"adj" (a country's adjective), "wide" (العربي/الإسلامي), "people" (a group word) or
    "" for a token that is none of them (or a piece of a longer word)."""
    if t.kind != "word" or t.role != "stem":
        return ""
    return _kind_of_token(t.key, t.det)


@lru_cache(maxsize=50_000)
def _kind_of_token(key: str, det: bool) -> str:
    key = match_key(key, det)
    return _kind_of(key[2:] if det and key.startswith("ال") else key)


def _whole(tokens: Sequence[Token], k: int) -> bool:
    """Token ``k`` ends its word (no suffix piece glued after it)."""
    return k + 1 >= len(tokens) or tokens[k + 1].word != tokens[k].word


def _after_thing(tokens: Sequence[Token], k: int) -> bool:
    """Is the word before ``k`` (skipping adjectives of the same run and و) a thing-of-culture
    head ("اللغة العربية", "الأمتين العربية والإسلامية" is not)?"""
    j = k - 1
    while j >= 0 and (tokens[j].role == "conj" or kind(tokens[j])):
        j -= 1
    return j >= 0 and tokens[j].role == "stem" and _bare(tokens[j]) in _THING_HEADS


def _after_noun(tokens: Sequence[Token], k: int) -> bool:
    j = k - 1
    while j >= 0 and (tokens[j].role == "conj" or kind(tokens[j])):
        j -= 1
    return j >= 0 and tokens[j].kind == "word" and tokens[j].role == "stem" and j < k


def is_norp(tokens: Sequence[Token], k: int) -> bool:
    """Is token ``k`` a NORP word in its context (see the module's rules)?"""
    t = tokens[k]
    what = kind(t)
    if not what or not _whole(tokens, k) or _after_thing(tokens, k) or t.norm.endswith("ى"):
        return False  # "اليمنى" (the right one) folds like "اليمني"
    bare = _bare(t)
    if what == "wide":  # singular only: "الإسلاميين" is a political current
        return t.det and bare.endswith(("ي", "يه")) and _after_noun(tokens, k)
    if what == "adj" and not t.det and bare.endswith("ي") and not bare.endswith("يي"):
        # indefinite masculine "تركي" is also a given name ("تركي الفيصل"): only right
        # after an indefinite noun ("مسؤول تركي") and not before a definite word
        prev = tokens[k - 1] if k else None
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if prev is None or prev.det or prev.kind != "word" or prev.key in _TITLES:
            return False
        if nxt is not None and nxt.det and nxt.kind == "word":
            return False
    return True


def nationality_mentions(
    tokens: Sequence[Token], found: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str, int, int]]:
    """NORP mentions ``(start, end, "NORP", first, last)`` on tokens no mention covers."""
    taken = covered(len(tokens), found)
    out = []
    for k in range(len(tokens)):
        if not taken[k] and is_norp(tokens, k):
            out.append((tokens[k].start, tokens[k].end, "NORP", k, k + 1))
    return out


def _trailing(tokens: Sequence[Token], i: int, j: int) -> int:
    """Start of the run of country adjectives ending span ``[i, j)`` (``j`` when none)."""
    k = j
    while k > i + 1 and tokens[k - 1].det and kind(tokens[k - 1]) == "adj" \
            and _whole(tokens, k - 1) and not tokens[k - 1].norm.endswith("ى"):
        k -= 1
    return k


def _place(tokens: Sequence[Token], i: int, j: int, gaz: Gazetteer) -> bool:
    keys = tuple(match_key(t.key, t.det) for t in tokens[i:j] if t.role == "stem")
    hit = gaz.lookup(keys)
    return hit is not None and hit[0] in ("GPE", "LOC")


def _adjective_run(tokens: Sequence[Token], j: int, taken: list[bool]) -> int:
    """End of the free country adjective right after position ``j`` ("… | السعودي"); one only:
    a second is usually someone else's ("المنتخب القطري | الإسباني" for its coach)."""
    k = j
    while k < min(j + 1, len(tokens)) and not taken[k] and tokens[k].det and kind(tokens[k]) == "adj" \
            and _whole(tokens, k) and not tokens[k].norm.endswith("ى") \
            and tokens[k].start - tokens[k - 1].end <= 1:
        k += 1
    return k


def state_bodies(tokens: Sequence[Token], spans: Sequence[TokSpan],
                 clubs: frozenset[str] = frozenset()) -> list[TokSpan]:
    """Adjectives that belong to an organization: a free state body + adjective is one ORG
    ("السلطات البريطانية", "المنتخب السعودي"), and an ORG the tagger stopped before its
    adjective takes it in ("هيئة الهلال الأحمر | السعودي") unless its name is complete
    without it (see :func:`split_adjectives`)."""
    taken = covered(len(tokens), spans)
    out = list(spans)
    for x, (i, j, typ, conf) in enumerate(spans):
        if typ != "ORG" or _complete(tokens, i, j, clubs) or kind(tokens[j - 1]) == "adj":
            continue  # one adjective is the name's; a second is someone else's
        k = _adjective_run(tokens, j, taken)
        if k > j:
            out[x] = (i, k, typ, conf)
            for y in range(j, k):
                taken[y] = True
    for i, t in enumerate(tokens):
        state = t.det and _bare(t) in _STATE_STYLES  # "الجمهورية اليمنية": the state, a place
        if taken[i] or not t.det or t.role != "stem" or not (state or _bare(t) in _STATE_BODIES):
            continue
        k = _adjective_run(tokens, i + 1, taken)
        if k > i + 1:
            out.append((i, k, "GPE" if state else "ORG", _NISBA_CONF))
            for y in range(i, k):
                taken[y] = True
    return sorted(out)


def _complete(tokens: Sequence[Token], a: int, k: int, clubs: frozenset[str]) -> bool:
    """Is the organization name ``[a, k)`` complete before an adjective: a club, or a name
    ending on an indefinite (foreign) word ("جامعة برمنجهام")?"""
    while a < k and tokens[a].role != "stem":
        a += 1
    last = tokens[k - 1]
    name = " ".join(_bare(t) for t in tokens[a:k] if t.role == "stem")
    return name in clubs or (not last.det and k - a >= 2 and last.kind == "word")


def split_adjectives(
    tokens: Sequence[Token], spans: Sequence[TokSpan], clubs: frozenset[str] = frozenset(),
    gaz: Gazetteer | None = None,
) -> list[TokSpan]:
    """Cut nationality adjectives off the names they follow or precede:

    * a place + adjective ("بنغازي الليبية", "محافظة الأنبار العراقية" → the place without its
      administrative head);
    * an organization whose name is complete before the adjective: its last word is an
      indefinite foreign name ("جامعة برمنجهام البريطانية") or it is a club (``clubs``: keys);
      a generic head keeps it ("الجيش التركي", "وزارة الداخلية السعودية");
    * a person opening on an adjective ("اليوناني | جورجيوس ساماراس"); a closing one is
      often the family name ("محمد شياع السوداني") and stays;
    * a title (OCC) closing on one ("الرئيس | الأمريكي").
    """
    gaz = gaz or default_gazetteer()
    out: list[TokSpan] = []
    for i, j, typ, conf in spans:
        if typ == "PER" and j - i >= 3 and tokens[i].det and kind(tokens[i]) == "adj":
            out += [(i, i + 1, "NORP", conf), (i + 1, j, typ, conf)]
            continue
        k = _trailing(tokens, i, j)
        if typ == "OCC" and k < j:  # a title: "الرئيس | الأمريكي", "الفنانة | المصرية"
            s = k - 1
            if s > i and tokens[s].det and _bare(tokens[s]) in _STATE_STYLES:
                out += [(i, s, typ, conf), (s, j, "GPE", conf)]  # "رئيس | الجمهورية اليمنية"
                continue
            out.append((i, k, typ, conf))
            out += [(x, x + 1, "NORP", _NISBA_CONF) for x in range(k, j)]
            continue
        if typ == "ORG" and j - i == 2 and not tokens[i].det and not tokens[i + 1].det \
                and kind(tokens[i + 1]) == "adj":  # "جامعة | بريطانية": no name, a NORP
            out.append((i + 1, j, "NORP", conf))
            continue
        if k == j or typ not in ("ORG", "GPE", "LOC", "FAC"):  # "محمد شياع السوداني": a name
            out.append((i, j, typ, conf))
            continue
        a = i
        while a < k and tokens[a].role != "stem":
            a += 1
        keep = ""
        if typ in ("GPE", "LOC", "ORG") and _place(tokens, a, j, gaz):
            keep = "whole"  # "الولايات المتحدة الأمريكية" is the name
        elif typ in ("GPE", "LOC", "ORG"):
            if k - a >= 2 and match_key(tokens[a].key, tokens[a].det) in ADMIN_HEADS \
                    and _place(tokens, a + 1, k, gaz):
                a, keep = a + 1, "LOC"
            elif _place(tokens, a, k, gaz):
                keep = "LOC"
        if not keep and typ == "ORG" and _complete(tokens, a, k, clubs):
            keep = "ORG"
        if not keep or keep == "whole":
            out.append((i, j, typ, conf))
            continue
        out.append((a if keep == "LOC" and a > i else i, k, keep, conf))
        out += [(x, x + 1, "NORP", _NISBA_CONF) for x in range(k, j)]
    return sorted(out)

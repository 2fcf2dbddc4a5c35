"""Sports clubs in sports stories: "استضاف الخليج شقيقه الشباب", "نادي الهلال" → "الهلال".

Club names are mostly common words or places ("الاتحاد" union, "الخليج" the Gulf, "الشعلة"
the torch, "الوطني" national), so the CRF, which learnt from general news, leaves most of them
untagged or reads them as places: on the first real-news measure a whole cup-round report lost
its clubs.  This pass is confined to stories about sport (at least :data:`_MIN_CUES` sports
words, ``vocab/clubs.tsv`` category ``sports-cue``) and reads a list of clubs with provenance
(NewsFANE's "Sports" spans and hand lists of league members):

* a ``club`` name (unambiguous in a sports story: "الهلال", "الزمالك", "ريال مدريد") is an ORG
  wherever it stands free, unless it reads as an adjective of the noun before it;
* a ``club-word`` name (also a common word or a place: "الاتحاد", "الخليج", "الرياض") needs a
  club context once in the story — after نادي/فريق, a fixture noun or match verb ("شقيقه",
  "استضاف"), beside "×", or before "لكرة القدم" — and then counts wherever it stands free;
* a place span that is exactly such a club, in such a story, is the club;
* "نادي X" with X a club is X alone (news convention: category words before a standalone name
  stay out).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rasd.lang.ar import vocab
from rasd.lang.ar.tokenize import Token
from rasd.ner.gazetteer import Gazetteer
from rasd.ner.keys import match_key
from rasd.ner.nationality import kind
from rasd.ner.propagate import TokSpan, covered

_CUES = vocab.words("clubs", "sports-cue")
_CLUB_CUES = vocab.words("clubs", "club-cue")
_HEADS = frozenset({"نادي", "فريق"})
_MIN_CUES = 4  # sports words (occurrences) that make a story a sports story
CONFIDENCE = 0.85


@lru_cache(maxsize=1)
def _clubs() -> Gazetteer:
    gaz = Gazetteer()
    for e in vocab.entries("clubs"):
        if e.category in ("club", "club-word"):
            gaz.add(e.word, e.category)
    return gaz


@lru_cache(maxsize=1)
def club_keys() -> frozenset[str]:
    """Every unambiguous club name as space-joined keys without the article (for
    :func:`rasd.ner.nationality.split_adjectives`: "الأهلي | المصري"); not the common-word
    ones ("الاتحاد السعودي" is the federation)."""
    out = set()
    for e in vocab.entries("clubs"):
        if e.category == "club":
            out.add(" ".join(k[2:] if k.startswith("ال") else k for k in e.key.split()))
    return frozenset(out)


def _bare(t: Token) -> str:
    key = match_key(t.key, t.det)
    return key[2:] if t.det and key.startswith("ال") else key


def _cue(t: Token) -> bool:
    """A fixture noun or match verb, also with a pronoun glued on ("نظيره", "شقيقه")."""
    key = _bare(t)
    return any(k in _CLUB_CUES for k in (key, t.key, key[:-1] if key.endswith("ه") else "",
                                         key[:-2] if key.endswith("ها") else ""))


def sports_story(tokens: Sequence[Token]) -> bool:
    """Does the text read as a sports story (enough sports words)?"""
    n = 0
    for t in tokens:
        key = t.key[2:] if t.key.startswith("ال") else t.key
        if (key in _CUES or t.key in _CUES) and t.role == "stem":
            n += 1
            if n >= _MIN_CUES:
                return True
    return False


def _prev_stem(tokens: Sequence[Token], i: int) -> Token | None:
    k = i - 1
    while k >= 0 and tokens[k].word == tokens[i].word:
        k -= 1  # proclitics of the name itself
    return tokens[k] if k >= 0 and tokens[k].kind in ("word", "punct") else None


def _context(text: str, tokens: Sequence[Token], i: int, j: int) -> bool:
    """A club context around ``[i, j)``: head noun, fixture noun or match verb before it, "×"
    beside it, "لكرة القدم" after it."""
    prev = _prev_stem(tokens, i)
    if prev is not None and prev.kind == "word" and (_bare(prev) in _HEADS or _cue(prev)):
        return True
    if "×" in text[tokens[i - 1].end if i else 0 : tokens[i].start]:
        return True
    after = text[tokens[j - 1].end : tokens[j].end if j < len(tokens) else len(text)]
    if "×" in after or j >= len(tokens):
        return "×" in after
    k = j + (tokens[j].role == "prep" and j + 1 < len(tokens))  # "الأهلي | لكرة القدم"
    return tokens[k].key in ("كره", "لكره") and tokens[k].start - tokens[j - 1].end <= 2


def _adjectival(tokens: Sequence[Token], i: int) -> bool:
    """Does the name at ``i`` read as an adjective of a definite noun before it ("المدرب
    الوطني", "الأمير الأهلي")?  A head noun (النادي الأهلي) does not count."""
    prev = _prev_stem(tokens, i)
    return (
        prev is not None
        and prev.kind == "word"
        and prev.det
        and tokens[i].det
        and _bare(prev) not in _HEADS
        and prev.word != tokens[i].word
    )


def _sport_tail(tokens: Sequence[Token], j: int, b: int) -> bool:
    """Are tokens ``[j, b)`` only "لكرة القدم" (the club's football section)?"""
    keys = [t.key for t in tokens[j:b] if t.role == "stem"]
    return keys in (["لكره", "القدم"], ["كره", "القدم"])


def _longer_name(tokens: Sequence[Token], j: int, category: str) -> bool:
    """Does a definite word glued to the name's end carry it on into a longer name?  After an
    unambiguous club a country adjective does not: "الأهلي | المصري" is the club and its NORP;
    after a common-word one it does: "الاتحاد السعودي" is the federation."""
    if j >= len(tokens):
        return False
    t = tokens[j]
    if t.kind != "word" or t.start - tokens[j - 1].end > 1 or not (t.det or t.role == "prep"):
        return False
    return category != "club" or not (t.det and kind(t) == "adj")


def foreign_club_heads(tokens: Sequence[Token], spans: Sequence[TokSpan]) -> list[TokSpan]:
    """"نادي | تيريك جروزني": a head noun before a name of indefinite (foreign) words stays
    out, as before a known club; "نادي الباحة الأدبي" (a place + adjectives) keeps it."""
    out = []
    for i, j, typ, conf in spans:
        if typ == "ORG" and j - i >= 2 and tokens[i].role == "stem" \
                and _bare(tokens[i]) in _HEADS and not tokens[i].det \
                and all(not t.det and t.kind == "word" and t.role == "stem"
                        for t in tokens[i + 1 : j]):
            i += 1
        out.append((i, j, typ, conf))
    return out


def club_mentions(text: str, tokens: Sequence[Token], spans: Sequence[TokSpan]) -> list[TokSpan]:
    """``spans`` with the clubs of a sports story added or retyped (see the module doc)."""
    if not sports_story(tokens):
        return list(spans)
    n = len(tokens)
    keys = [match_key(t.key, t.det) for t in tokens]
    hits = [(i, j, cat) for i, j, cat in _clubs().matches(keys)
            if tokens[i].role == "stem" and (j == n or tokens[j].word != tokens[j - 1].word)]
    confirmed = {tuple(keys[i:j]) for i, j, cat in hits
                 if cat == "club" or _context(text, tokens, i, j)}
    out = list(spans)
    taken = covered(n, out)
    for i, j, cat in hits:
        name = tuple(keys[i:j])
        if name not in confirmed:
            continue
        if any(taken[i:j]):
            same = [x for x, s in enumerate(out) if s[0] <= i and j <= s[1]]
            for x in same:
                a, b, typ, conf = out[x]
                lead = [tokens[k] for k in range(a, i) if tokens[k].role == "stem"]
                head = bool(lead) and all(_bare(t) in _HEADS for t in lead)
                cue = all(_cue(t) for t in lead)
                if a == i and b > j and typ == "ORG" and _sport_tail(tokens, j, b):
                    out[x] = (i, j, "ORG", conf)  # "الأهلي | لكرة القدم": the club's section
                elif b == j and typ == "ORG" and head:
                    out[x] = (i, j, "ORG", conf)  # "نادي الهلال" → "الهلال"
                elif b == j and typ in ("GPE", "LOC", "FAC") and cue:
                    out[x] = (i, j, "ORG", conf)  # "(نظيره) الخليج" read as the Gulf
            continue
        if _adjectival(tokens, i) and not _context(text, tokens, i, j):
            continue
        if _longer_name(tokens, j, cat):
            continue  # "الاتحاد | السعودي لكرة القدم": the federation, not the club
        out.append((i, j, "ORG", CONFIDENCE))
        for k in range(i, j):
            taken[k] = True
    return sorted(out)

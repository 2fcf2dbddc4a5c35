"""Document-level consistency: a name tagged once is the same name everywhere in the article.

A sentence-level CRF misses repeated names in poor context ("لـ(الحل نت)", "“الأسد” و”كيم”")
that it found elsewhere in the same article.  News style makes the reverse inference safe: once
"بشار الأسد" is a person, a bare "الأسد" in the article is that person; once "الحل نت" is an
organization, every "الحل نت" is.  This module adds such mentions (never removes or retypes
the tagger's own), and repairs one tagger error: a person span swallowing "في <place>"
("بشار الأسد في بيونغ يانغ") is cut before the preposition.

Works on token index spans, so it is independent of the document model.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache

from rasd.lang.ar import vocab
from rasd.lang.ar.lexicon import default_lexicon
from rasd.lang.ar.tokenize import Token
from rasd.ner.gazetteer import Gazetteer, default_gazetteer
from rasd.ner.keys import bare_stem, match_key

_CLITIC = ("conj", "prep", "fut")
_PREPOSITIONS = vocab.words("function_words", "preposition")
#: words that are too common to stand alone as a short form of a person's name ("علي" folds
#: together with the preposition "على")
_NOT_SHORT_NAMES = vocab.words("name_parts", "not-short-name") | _PREPOSITIONS

TokSpan = tuple[int, int, str, float]


def covered(n: int, spans: Iterable[tuple[int, int, str] | TokSpan]) -> list[bool]:
    """Per token of ``n``: does one of the token-range ``spans`` cover it?"""
    taken = [False] * n
    for span in spans:
        for k in range(span[0], min(span[1], n)):
            taken[k] = True
    return taken


def span_keys(tokens: Sequence[Token], i: int, j: int) -> tuple[str, ...]:
    """Gazetteer look-up keys of the tokens ``[i, j)`` (article restored after ل)."""
    return tuple(match_key(t.key, t.det) for t in tokens[i:j])


def split_person_spans(
    tokens: Sequence[Token], spans: Sequence[TokSpan], gaz: Gazetteer | None = None
) -> list[TokSpan]:
    """Repair person spans that run into a place: "بشار الأسد في بيونغ يانغ", "على بيونغ يانغ".

    A PER span is cut at a preposition; what follows becomes a place when the gazetteer knows
    it.  A PER span that is exactly a country or capital name becomes that place.
    """
    gaz = gaz or default_gazetteer()
    out: list[TokSpan] = []
    for i, j, typ, conf in spans:
        if typ != "PER":
            out.append((i, j, typ, conf))
            continue
        whole = gaz.lookup(span_keys(tokens, i, j))
        if whole and whole[0] == "GPE" and whole[2]:
            out.append((i, j, "GPE", conf))  # a country or capital is not a person
            continue
        if tokens[i].key in _PLACE_TRIGGERS and j - i >= 2:  # "ريف إدلب" is no person
            place = gaz.lookup(span_keys(tokens, i + 1, j))
            if place and place[0] in ("GPE", "LOC"):
                out.append((i + 1, j, place[0], conf))
                continue
        cut = next((k for k in range(i, j) if tokens[k].key in _PREPOSITIONS), None)
        place = gaz.lookup(span_keys(tokens, cut + 1, j)) if cut is not None else None
        if cut is None or (cut == i and not place):
            out.append((i, j, typ, conf))
            continue
        if cut > i:
            out.append((i, cut, typ, conf))
        if place and place[0] in ("GPE", "LOC"):
            out.append((cut + 1, j, place[0], conf))
    return out


#: definite words ending in ي that follow a name without being part of it
_NOT_SURNAMES = vocab.words("function_words", "relative")


def extend_surnames(
    tokens: Sequence[Token], spans: Sequence[TokSpan], gaz: Gazetteer | None = None
) -> list[TokSpan]:
    """A person span continues over a definite nisba word right after it ("راشد | الغنوشي",
    "عبيد | الوسمي"), and a span that is only a compound given name over a rare word right after
    it ("عبد المجيد | تبون"; in the training corpora 38 of the 54 such names that go on do so
    with a word seen at most 20 times).

    In both training corpora such a word after a person is part of the name 267 times and
    outside it about 25 (relative pronouns and verbs in ى excluded); nationality adjectives,
    the commonest outside case ("الفرنسي"), are left alone when their stem is a country
    ("فرنسا", "اليمن")."""
    gaz = gaz or default_gazetteer()
    taken = covered(len(tokens), spans)
    out: list[TokSpan] = []
    n = len(tokens)
    for i, j, typ, conf in spans:
        whole_word = j + 1 >= n or tokens[j + 1].word != tokens[j].word
        free = typ == "PER" and j < n and not taken[j] and whole_word
        if free and (
            _surname(tokens[j], gaz) or (_compound_given(tokens, i, j) and _rare(tokens[j]))
        ):
            taken[j] = True
            j += 1
        out.append((i, j, typ, conf))
    return out


def _compound_given(tokens: Sequence[Token], i: int, j: int) -> bool:
    """The span is only a compound given name, "عبد المجيد" or "أبو بكر", which news writing
    seldom uses alone (18 of 72 such spans in the training corpora)."""
    stems = [t for t in tokens[i:j] if t.role == "stem"]
    return len(stems) == 2 and stems[0].key in ("عبد", "ابو") and stems[1].det


def _rare(t: Token) -> bool:
    """A word rare enough in the lexicon (≤ 20 times) to be a family name: "تبون"."""
    return (
        t.kind == "word"
        and t.role == "stem"
        and default_lexicon().count(t.key) <= 20
        and not t.norm.endswith("ى")  # a verb in ى ("التقى")
    )


def _surname(t: Token, gaz: Gazetteer) -> bool:
    if t.kind != "word" or t.role != "stem" or not t.det or not t.norm.endswith("ي"):
        return False
    key = match_key(t.key, True)
    if key in _NOT_SURNAMES or len(key) < 5:
        return False
    return not _country_stem(key[2:-1], gaz)  # a country's adjective: "الفرنسي", "اليمني"


def _country_stem(stem: str, gaz: Gazetteer) -> bool:
    """Is ``stem`` (a nisba adjective without ي) the stem of a country's name: "فرنس" →
    "فرنسا", "يمن" → "اليمن", "كور" → "كوريا"?"""
    for place in (stem, stem + "ا", "ال" + stem, stem + "يا", stem + "ه"):
        hit = gaz.lookup((place,))
        if hit and hit[2]:
            return True
    return False


def origin_groups(
    tokens: Sequence[Token], found: Sequence[tuple[int, int, str]], gaz: Gazetteer | None = None
) -> list[tuple[int, int, str, int, int]]:
    """NORP mentions ``(start, end, "NORP", first, last)`` of untagged plurals of a country's
    adjective ("الكوريون", "السوريين", "أمريكيون"): a people by origin.  In NewsFANE such a
    word is a group 199 times of 267 (most of the 38 untagged ones are groups too:
    "المصريين"); the tagger misses the rarer case forms ("الكوريون")."""
    gaz = gaz or default_gazetteer()
    taken = covered(len(tokens), found)
    out = []
    for k, t in enumerate(tokens):
        if taken[k] or t.kind != "word" or t.role != "stem":
            continue
        if k + 1 < len(tokens) and tokens[k + 1].word == t.word:
            continue  # a suffix piece follows: not a whole word
        key = match_key(t.key, t.det)
        key = key[2:] if key.startswith("ال") else key
        if len(key) >= 6 and key.endswith(("يون", "يين")) and _country_stem(key[:-3], gaz):
            out.append((t.start, t.end, "NORP", k, k + 1))
    return out


def _word_bounded(tokens: Sequence[Token], i: int, j: int) -> bool:
    """Span starts at a word's stem (only proclitics before it) and ends at a word's end."""
    if tokens[i].role in _CLITIC or tokens[i].kind == "punct":
        return False
    k = i - 1
    while k >= 0 and tokens[k].word == tokens[i].word:
        if tokens[k].role not in _CLITIC:
            return False
        k -= 1
    return j >= len(tokens) or tokens[j].word != tokens[j - 1].word


def _can_stand_alone(key: str) -> bool:
    return len(key) >= 3 and key not in _NOT_SHORT_NAMES and key not in _PLACE_TRIGGERS


def propagate(
    tokens: Sequence[Token], spans: Sequence[TokSpan], min_confidence: float = 0.6
) -> list[TokSpan]:
    """Add untagged repeats of names tagged elsewhere in the document (and person short forms).

    Only mentions tagged with marginal confidence ≥ ``min_confidence`` are propagated, so one
    doubtful tag does not spread through the article.
    """
    spans = sorted(spans)
    taken = covered(len(tokens), spans)
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for i, j, typ, conf in spans:
        key = span_keys(tokens, i, j)
        if conf < min_confidence or (len(key) == 1 and not _can_stand_alone(key[0])):
            continue  # only names the tagger is sure of; never a lone generic word
        votes[key][typ] += 1
    # short forms of multi-word person names: "الأسد", "بشار" for "بشار الأسد"
    for i, j, typ, _c in spans:
        if typ != "PER":
            continue
        stems = [k for k in range(i, j) if tokens[k].role not in _CLITIC]
        if len(stems) < 2:
            continue
        for pos in (stems[0], stems[-1]):
            key = (match_key(tokens[pos].key, tokens[pos].det),)
            if _can_stand_alone(key[0]) and key not in votes:
                votes[key]["PER"] += 0  # known short form, typed by its full name below
    short_type = {k: "PER" for k, v in votes.items() if not v}
    names = {k: v.most_common(1)[0][0] for k, v in votes.items() if v} | short_type
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for k in names:
        by_first[k[0]].append(k)
    for lst in by_first.values():
        lst.sort(key=len, reverse=True)
    added: list[TokSpan] = []
    n = len(tokens)
    i = 0
    while i < n:
        cands = by_first.get(match_key(tokens[i].key, tokens[i].det)) if not taken[i] else None
        hit = None
        for k in cands or ():
            j = i + len(k)
            if (
                j <= n
                and not any(taken[i:j])
                and span_keys(tokens, i, j) == k
                and _word_bounded(tokens, i, j)
            ):
                hit = (i, j, names[k], 0.5)
                break
        if hit:
            added.append(hit)
            for pos in range(hit[0], hit[1]):
                taken[pos] = True
            i = hit[1]
        else:
            i += 1
    return sorted([*spans, *added])


#: generic words before a place name ("ريف إدلب", "محافظة حلب"): news annotation keeps the name
_PLACE_TRIGGERS = vocab.words("places", "place-trigger")

#: administrative and generic heads that news annotation leaves out of a place span whether or
#: not the gazetteer knows the name after them: in NewsFANE "مدينة" stands outside the span 105
#: times of 126, "منطقة" 44 of 53, "محافظة" 15 of 16, "إقليم" 23 of 27 ("قرية" 6 of 10, "حي" 8
#: of 18 and "مخيم" are kept: camps and quarters are often named with them); and the compass
#: words: outside the span 159 times of 186 in NewsFANE, the adjectival forms ("جنوبي الفاشر")
#: always; a known name keeps them ("جنوب السودان")
ADMIN_HEADS = vocab.words("places", "admin-head")


def gazetteer_repairs(
    tokens: Sequence[Token],
    spans: Sequence[TokSpan],
    trim_triggers: bool = True,
    gaz: Gazetteer | None = None,
) -> list[TokSpan]:
    """Apply what the curated list knows for sure, after the tagger has decided *where*.

    * a span that is exactly a curated name takes the curated type ("الحوثيين" is the
      movement, ORG, not a people);
    * ``trim_triggers``: "ريف إدلب" → "إدلب" when the rest is a known place (news convention;
      a curated whole name such as "ريف دمشق", a governorate, is kept), and a title (OCC)
      span ending in two or more known personal names is split ("وزير الخارجية سامح شكري" →
      OCC + PER "سامح شكري"), since news annotation keeps the person.  ORG spans are left
      alone: many are named after people ("جامعة الملك سعود").
    """
    gaz = gaz or default_gazetteer()
    out: list[TokSpan] = []
    for i, j, typ, conf in spans:
        keys = span_keys(tokens, i, j)
        if len(keys) == 1 and keys[0] in _PLACE_TRIGGERS:
            continue  # a lone "ريف" or "محافظة" names nothing
        hit = gaz.lookup(keys)
        if hit and keys in gaz.curated:
            out.append((i, j, hit[0], conf))
            continue
        if (
            trim_triggers
            and typ in ("GPE", "LOC")
            and j - i >= 2
            and (tokens[i].key in _PLACE_TRIGGERS or tokens[i].key in ADMIN_HEADS)
            and not hit
        ):
            rest = gaz.lookup(keys[1:])
            if rest and rest[0] in ("GPE", "LOC"):
                out.append((i + 1, j, rest[0], conf))
                continue
            if tokens[i].key in ADMIN_HEADS and tokens[i + 1].kind == "word":
                out.append((i + 1, j, typ, conf))  # "حي كفرسوسة" → "كفرسوسة", unknown or not
                continue
        if trim_triggers and typ == "OCC" and j - i >= 3:
            k = j
            while k > i and _is_name(tokens[k - 1], gaz):
                k -= 1
            if j - k >= 2 and k > i:
                out += [(i, k, typ, conf), (k, j, "PER", conf)]
                continue
        out.append((i, j, typ, conf))
    return out


def include_triggers(tokens: Sequence[Token], spans: Sequence[TokSpan]) -> list[TokSpan]:
    """Wojood convention: the generic word before a place is part of its span ("مدينة نابلس",
    "العاصمة بلغراد").  Wojood train is consistent about it (196 of 198 place spans after a
    trigger word include it), but the tagger learns it only for the frequent triggers, so a
    place span right after a trigger word is extended over it (dev micro F1 0.749 → 0.757)."""
    out: list[TokSpan] = []
    for i, j, typ, conf in spans:
        if typ in ("GPE", "LOC") and i > 0:
            t = tokens[i - 1]
            if t.kind == "word" and t.role == "stem" and bare_stem(t.key, t.det) in _PLACE_TRIGGERS:
                i -= 1
        out.append((i, j, typ, conf))
    return out


def _is_name(t: Token, gaz: Gazetteer) -> bool:
    if t.kind != "word" or t.role != "stem":
        return False
    key = match_key(t.key, t.det)
    return key in gaz.names or (key.startswith("ال") and key[2:] in gaz.names)


#: the hand list of titles before names ("المهندس", "الدكتور", "اللواء"), beside the learnt ones
_NAME_TITLES = vocab.words("titles", "name-title")


def drop_titles(
    tokens: Sequence[Token], spans: Sequence[TokSpan], gaz: Gazetteer | None = None
) -> list[TokSpan]:
    """News convention: a title opening a person span is not part of the name ("الملك محمد
    السادس" → "محمد السادس", "الأمير محمد بن سلمان" → "محمد بن سلمان"); the titles are
    learnt from NewsFANE (:attr:`rasd.ner.gazetteer.Gazetteer.titles`) and listed by hand
    (``vocab/titles.tsv`` name-title: "المهندس فهد الجبير" → "فهد الجبير")."""
    titles = (gaz or default_gazetteer()).titles
    out: list[TokSpan] = []
    for i, j, typ, conf in spans:
        while typ == "PER" and j - i >= 2 and (tokens[i].key in titles
                                               or tokens[i].key in _NAME_TITLES):
            i += 1
        out.append((i, j, typ, conf))
    return out


#: a name pair needs a given name borne by at least this many Wikidata people …
_PAIR_GIVEN = 30
#: … and a second name borne by at least this many, neither of them a common word (seen at
#: most this often in the training corpora: "على" is also "علي", "الله" a name unit)
_PAIR_SECOND = 10
_PAIR_MAX_COUNT = 50


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    """Month and weekday names, which are given names too ("رمضان المبارك", "شعبان")."""
    return vocab.words("months") | vocab.words("weekdays")


def name_pairs(
    tokens: Sequence[Token], spans: Sequence[TokSpan], gaz: Gazetteer | None = None
) -> list[TokSpan]:
    """Common given names the tagger left out of a person.

    The tagger learns names mostly by heart and misses new ones after contexts its corpora
    rarely show ("الرئيس قيس سعيّد" where NewsFANE writes "الرئيس التونسي …").  A given name
    borne by many Wikidata people that is not a common word (:data:`_PAIR_GIVEN`,
    :data:`_PAIR_MAX_COUNT`):

    * right before a person span joins it ("قيس | سعيّد"): in the training corpora 761 person
      spans open with such a word and only 11 times does one stand outside a span before it;
    * followed by another untagged name unit makes a person ("أكرم عفيف"): in the training
      corpora such a pair is a person 90 % of the time (390 of 431; several of the rest are
      annotation slips: "نجيب محفوظ").
    """
    gaz = gaz or default_gazetteer()
    lex = default_lexicon()
    taken = covered(len(tokens), spans)

    def plain(t: Token) -> bool:
        return (
            t.kind == "word"
            and t.role == "stem"
            and lex.count(t.key) <= _PAIR_MAX_COUNT
            and t.key not in _time_words()
        )

    def given(k: int) -> bool:
        t = tokens[k]
        return not taken[k] and not t.det and plain(t) and gaz.given.get(t.key, 0) >= _PAIR_GIVEN

    out: list[TokSpan] = []
    for i, j, typ, conf in spans:
        if typ == "PER" and i > 0 and given(i - 1) and tokens[i - 1].word != tokens[i].word:
            taken[i - 1] = True
            i -= 1
        out.append((i, j, typ, conf))
    for k in range(len(tokens) - 1):
        b = tokens[k + 1]
        if not given(k) or taken[k + 1] or not plain(b) or b.word == tokens[k].word:
            continue
        if max(gaz.given.get(b.key, 0), gaz.surnames.get(b.key, 0)) >= _PAIR_SECOND:
            out.append((k, k + 2, "PER", 0.6))
            taken[k] = taken[k + 1] = True
    return sorted(out)

"""Clause-level readings of the events extractor (issue 22): what a word or phrase *is* in
its clause, before it can be an argument.

Why a module of its own: the argument rules of :mod:`rasd.extract.events` keep asking the same
questions of the words around a trigger — does a relative clause open here ("هجوم وقع …",
"تفجيران تبناهما داعش")? is this a weapon ("انفجار سيارة مفخخة"), a place ("سيطروا على مناطق"),
a fused preposition ("اجتماعين بالقاهرة")? is the verb passive ("الرجل … قُتل"), or does it carry
its object as a pronoun ("أقره رؤساء الأركان")? does a verb describe the event noun before it
("غارات استهدفت …")?  Each answer is a function of the extractor (``ev``) and word indices, read
through the vocabulary of ``event_words.tsv`` (clause-verb, instrument, place-noun) and the
lexicons; none changes the document.
"""

from __future__ import annotations

from typing import Any, Protocol

from rasd.extract import event_arguments as argrules
from rasd.extract import event_lexicon
from rasd.extract.words import variants
from rasd.lang.ar import vocab

__all__ = ["CLAUSE_VERBS", "INSTRUMENTS", "NOUN_PREPS", "PARTY_ONLY", "PARTY_TARGET",
           "PLACE_NOUNS", "clause_verb", "described", "instrument", "is_place", "masdar",
           "nominative_plural", "object_pronoun", "opens_time", "passive", "prep_target",
           "prep_word"]

Range = tuple[int, int]
#: layers up to this size are scanned; longer ones go through the extractor's SpanIndex
SCAN_MAX = 48
TIME_WORDS = vocab.words("event_words", "time-word")
RELATIVE = vocab.words("event_words", "relative")
CLAUSE_OPENERS = vocab.words("event_words", "clause-opener")
#: event types whose target is a party, never the place taken, visited, left or reached
PARTY_TARGET = frozenset({"FIGHT", "CONSULT", "RETREAT", "MOBILIZE", "AID", "PROTEST"})
#: two-sided or movement types: the target is a party or nothing ("تحرير جامعة الأنبار")
PARTY_ONLY = frozenset({"FIGHT", "RETREAT", "MOBILIZE"})
#: prepositions no verb follows: a verb reading after them is the verbal noun
NOUN_PREPS = vocab.words("event_words", "noun-prep")
PLACE_NOUNS = vocab.words("event_words", "place-noun")
#: verbs that open a relative clause after an event noun: never the start of an argument
CLAUSE_VERBS = vocab.words("event_words", "clause-verb")
#: weapons: the genitive of "انفجار سيارة مفخخة", the ب-phrase of "هجوم بقنبلة"
INSTRUMENTS = vocab.words("event_words", "instrument")


class ClauseReader(Protocol):
    """What these readings need of the events extractor."""

    words: list[Any]
    r: Any
    doc: Any
    lex: dict[str, Any]
    times: list[Any]
    places: list[Any]
    objects: dict[int, int]
    conj_starts: Any

    def trigger(self, i: int) -> tuple[dict[str, Any], str, int] | None: ...

    def candidate(self, key: str) -> bool: ...

    def in_time(self, j: int) -> bool: ...

    def in_entity(self, j: int) -> bool: ...

    def indexed(self, spans: list[Any]) -> Any: ...

    def np(self, a: int, b: int, conj: bool = False) -> Range | None: ...


def nominative_plural(ev: ClauseReader, j: int) -> bool:
    """Is word ``j`` a dual or plural of a people noun with its ن ("انتحاريان",
    "مسلحون"), which cannot head a construct?"""
    w = ev.words[j]
    key = w.key
    if w.kind != "word" or not key.endswith(("ان", "ون")) or len(key) < 5 \
            or ev.in_entity(j):
        return False
    base = key[:-2]
    return event_lexicon.victim_number(base) is not None or \
        event_lexicon.actor_type([base]) is not None


def clause_verb(ev: ClauseReader, j: int) -> bool:
    """Is word ``j`` a verb opening a clause ("وقع", "تبناهما", "استهدفت"), never a
    phrase?  A trigger read as a verb counts unless it can be a verbal noun or the verb
    reading needs a conjunction the text layer did not split off."""
    w = ev.words[j]
    if w.kind != "word":
        return False
    if any(v in CLAUSE_VERBS for v in variants(w.key)[:2]):
        return True
    if w.key[:1] in "وف" and w.start not in ev.conj_starts:
        return False  # "وزارة" is no "و + زاره": only a split conjunction makes a verb here
    trig = ev.trigger(j)
    return trig is not None and trig[1] == "verb" and j not in ev.objects \
        and not masdar(ev, j) and not ev.in_entity(j)


def instrument(ev: ClauseReader, j: int) -> bool:
    """Is word ``j`` a weapon ("سيارة", "عبوتين", "بقنبلة")?"""
    if j >= len(ev.words) or ev.words[j].kind != "word":
        return False
    return any(s in INSTRUMENTS for s in event_lexicon.stems(ev.words[j].key)[:6])


def masdar(ev: ClauseReader, i: int) -> bool:
    """Can word ``i`` be read as a verbal noun of the stem lexicon ("قصف", "اعتقال")?"""
    hit = event_lexicon.lookup(ev.words, i)
    return hit is not None and hit[1] == "noun" or ev.words[i].key in ev.lex["nouns"]


def opens_time(ev: ClauseReader, j: int) -> bool:
    """Does a time expression of the times layer start at word ``j`` ("فجر أمس", "مساء
    الخميس")?  Its first word is then a time word, whatever verb it is spelt like."""
    w = ev.words[j]
    if len(ev.times) <= SCAN_MAX:
        return any(t.start == w.start and t.end > w.end for t in ev.times)
    return any(t.start == w.start and t.end > w.end
               for t in ev.indexed(ev.times).overlapping(w.start, w.end))


def prep_target(ev: ClauseReader, a: int, info: dict[str, Any], end: int,
                 actor: Range | None) -> Range | None:
    """"غارات جوية نفذتها طائرات التحالف على معسكر …", "الضربات التي شنها الجيش على
    معسكرات": the type's preposition a few words on, past adjectives, the agent and a
    relative clause, still in the trigger's clause (no punctuation, no other event)."""
    words = ev.words
    for j in range(a, min(end, a + 9)):
        w = words[j]
        if w.kind == "punct" or w.key in CLAUSE_OPENERS:
            return None
        if w.key in info["target_preps"]:
            if actor is not None and actor[0] <= j < actor[1]:
                return None
            return argrules.count_phrase(ev, j + 1, end) or ev.np(j + 1, end)
        trig = ev.trigger(j) if w.kind == "word" else None
        if trig is not None and not argrules.support_verb(w.key):
            return None
    return None


def prep_word(ev: ClauseReader, j: int) -> bool:
    """Does word ``j`` open with a preposition fused to it ("بالقاهرة", "للمدينة",
    "بغداد" excepted: a ب/ل reading must leave a place or a definite noun)?"""
    if j >= len(ev.words) or ev.words[j].kind != "word":
        return False
    w = ev.words[j]
    key = w.key
    if key.startswith(("بال", "لل", "كال")) and not ev.in_entity(j):
        return not any(x.start == w.start for x in ev.r.entities_in(w.start, w.end)
                       if x.label in ("PER", "ORG"))
    if key[:1] in "بل" and len(key) > 3:
        return any(p.start == w.start + 1 for p in ev.places)
    return False


def object_pronoun(ev: ClauseReader, i: int) -> bool:
    """Does the verb at ``i`` carry an object pronoun ("أقره", "استهدفته", "نفذها")?"""
    key = ev.words[i].key
    for p in ("هما", "هم", "ها", "ه"):
        if key.endswith(p) and len(key) - len(p) >= 3:
            base = key[: -len(p)]
            if base.endswith("ت") and ev.doc.text[ev.words[i].end - 1] == "ه" and \
                    len(base) > 3:
                base = base[:-1]  # "استهدفته": feminine ت before the pronoun
            return ev.candidate(base) or ev.candidate(base + "ت")
    return False


def passive(ev: ClauseReader, i: int, subj: Range, nxt: int, end: int,
            info: dict[str, Any]) -> bool:
    """A passive verb with its subject before it ("حركة الشباب قد هُزمت", "الرجل … قتل
    مساء الثلاثاء في حي …"): a past transitive verb of force whose subject is not an
    acting party, with no object after it (a time, a preposition, a coordinated clause or
    the sentence end follows), or one written with a damma on its first letter."""
    w = ev.words[i]
    text = ev.doc.text[w.start:w.end]
    key = w.key
    if key[:1] in "وف" and w.start in ev.conj_starts:
        key = key[1:]
    if "\u064f" in text[:3]:
        return True
    if info["plover"] not in ("ASSAULT", "COERCE", "FIGHT"):
        return False
    if key[:1] in "يتنا" or key.endswith(("وا", "ون")) or object_pronoun(ev, i):
        return False  # present tense, "انفجرت"/"اشتبكت" (intransitive), plural actors
    if argrules.head_agent(ev, subj, places=False):
        return False
    if nxt >= end:
        return True
    nw = ev.words[nxt]
    if nw.kind == "punct" or ev.in_time(nxt) or nw.key in TIME_WORDS:
        return True
    if nw.key in ("في", "ب", "خلال", "اثر", "جراء", "بعد", "قبل", "عندما", "امس"):
        return True
    return nw.start in ev.conj_starts and not ev.in_entity(nxt)


def described(ev: ClauseReader, i: int, info: dict[str, Any],
               built: dict[int, Any]) -> int | None:
    """The event noun a verb trigger at ``i`` describes, as a relative clause ("غارات
    عنيفة استهدفت …", "غارات شنها طيران التحالف، استهدفت …") or after a relative pronoun
    ("الهجوم الذي استهدف …"): the trigger word of that noun, or None.

    The noun must be an event of the same PLOVER type already read in the sentence (or,
    after "الذي/التي", any noun trigger of that type: the anaphor "الهجوم" too)."""
    words = ev.words
    s0 = ev.r.sent_start(i)
    relative = i > 0 and words[i - 1].key in RELATIVE
    commas = 0
    for k in range(i - 1, max(s0, i - 8) - 1, -1):
        w = words[k]
        if w.kind == "punct":
            commas += 1
            if w.norm not in ",،" or commas > 1:
                return None
            continue
        trig = ev.trigger(k) if w.kind == "word" else None
        if trig is None:
            continue
        if trig[1] != "noun" or trig[0]["plover"] != info["plover"]:
            return None
        if k in built:
            return k
        return None if not relative else -1
    return None


def is_place(ev: ClauseReader, rng: Range | None, names: bool = True) -> bool:
    """Does the phrase name a place: a place word at its head ("مدينة", "مناطق") or,
    with ``names``, a place span of the places layer starting there ("عدن")?"""
    if rng is None:
        return False
    w = ev.words[rng[0]]
    if any(v in PLACE_NOUNS for v in variants(w.key)[:2]):
        return True
    return names and any(p.start <= w.start < p.end for p in ev.places)

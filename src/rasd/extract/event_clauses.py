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
from rasd.lang.ar.normalize import normalize_key

__all__ = ["CLAUSE_VERBS", "INSTRUMENTS", "NOUN_PREPS", "PARTY_ONLY", "PARTY_TARGET",
           "PLACE_NOUNS", "clause_ends", "clause_verb", "described", "described_after",
           "instrument", "is_place", "link_line", "masdar", "moves_force", "nominative_plural",
           "not_an_event", "object_pronoun", "opens_time", "other_event", "passive",
           "prep_target", "prep_word"]

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
#: words before an event noun that halt it ("وقف العمليات العسكرية")
HALT_WORDS = vocab.words("event_words", "halt-word")
#: "وصل إلى تفاهم" is reaching an agreement, not a movement
NON_DESTINATIONS = vocab.words("event_words", "non-destination")
#: "هذا الهجوم", "تلك الغارات": an anaphor of an event already reported
DEMONSTRATIVES = frozenset({"هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين"})
#: movement nouns that need a force to move ("وصول")
ARRIVALS = vocab.words("event_words", "arrival-noun")
#: phrases opening a related-article line ("رابط الخبر")
LINK_CUES = tuple(vocab.words("event_words", "link-cue"))
#: the raw first words of the cues ("رابط", "اقرأ"): lines without one are not normalized
LINK_HEADS = tuple({w.word.split()[0] for w in vocab.rows("event_words", "link-cue")})


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
    links: list[tuple[int, int]] | None

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


def clause_ends(ev: ClauseReader, j: int, end: int) -> bool:
    """Does the verb's clause end at word ``j`` (sentence end, punctuation, a coordinated
    clause, a preposition or a time): no object follows?"""
    if j >= end:
        return True
    w = ev.words[j]
    return w.kind == "punct" or w.key in NOUN_PREPS or ev.in_time(j) or (
        w.start in ev.conj_starts and not ev.in_entity(j))


def described_after(ev: ClauseReader, j: int) -> bool:
    """Does a relative clause follow the noun ending before word ``j`` (past its
    adjectives)?  "المعارك التي اندلعت خلال الليل" tells an event, not a back-reference."""
    k = argrules.after_adjectives(ev, j, min(len(ev.words), j + 3))
    return k < len(ev.words) and ev.words[k].key in RELATIVE and \
        ev.words[k].sent == ev.words[j - 1].sent


def moves_force(ev: ClauseReader, i: int, kind: str, actor: Range | None) -> bool:
    """Does a movement move a force: an acting party as its mover, or a force noun as
    the trigger itself ("تعزيزات", "حشود")?"""
    if kind == "noun" and not any(s in ARRIVALS
                                  for s in event_lexicon.stems(ev.words[i].key)[:4]):
        return True
    return actor is not None and argrules.is_agent(ev, actor)


def other_event(ev: ClauseReader, j: int, plover: str) -> bool:
    """Is word ``j`` a trigger of another PLOVER type than ``plover``?"""
    if ev.words[j].kind != "word":
        return False
    trig = ev.trigger(j)
    return trig is not None and trig[0]["plover"] != plover


def link_line(ev: ClauseReader, pos: int) -> bool:
    """Is ``pos`` on a related-article line ("رابط الخبر بصحيفة …: …")?  The document's
    link lines are found once, on the first question."""
    if ev.links is None:
        ev.links = []
        text = ev.doc.text
        start = 0
        for line in text.split("\n"):
            end = start + len(line)
            if LINK_CUES and any(c[-3:] in line for c in LINK_HEADS) and any(
                    c in normalize_key(line) for c in LINK_CUES):
                ev.links.append((start, end))
            start = end + 1
    return any(a <= pos < b for a, b in ev.links)


def not_an_event(ev: ClauseReader, i: int, kind: str, info: dict[str, Any],
                 args: dict[str, Any]) -> bool:
    """Is the trigger at ``i`` no event after all, in its context?  A movement of no force
    or to an agreement ("وصلت مساعدات", "وصل إلى تفاهم"), a back-reference ("هذا الهجوم"), a
    halted act ("وقف العمليات العسكرية"), a related article's headline ("رابط الخبر …: تركيا
    تقصف …"), or an agreement that is another event's object ("انتهكت اتفاقية وقف إطلاق
    النار")."""
    words = ev.words
    prev = words[i - 1] if i > 0 else None
    if info["type"] == "MOVE":
        if not moves_force(ev, i, kind, args["actor"]):
            return True
        if args["target"] is not None and any(
                v in NON_DESTINATIONS for v in variants(words[args["target"][0]].key)):
            return True
    if prev is not None and prev.key in DEMONSTRATIVES:
        return True
    if kind == "noun" and info["plover"] != "AGREE" and prev is not None \
            and prev.key in HALT_WORDS:
        return True
    if link_line(ev, words[i].start):
        return True
    return kind == "noun" and info["plover"] == "AGREE" and i > 0 and other_event(
        ev, i - 1, "AGREE")

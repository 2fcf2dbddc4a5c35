"""Event arguments that the trigger's own word order does not give (issue 22, item 3).

Why a module of its own: news names the doer of an event far less often as the subject of the
trigger verb than through a construction around a *noun* trigger, and each construction
puts the actor somewhere else:

* a **support verb** before the noun — "شنت طائرات التحالف أربع غارات", "قام الجيش بإقصاء …",
  "تمكنت القوات من تدمير …": the support verb's subject (after it, or before it) is the actor;
* a **resumptive relative** after the noun — "غارات نفذتها طائرات التحالف", "هجمات يشنها
  متشددون", "اعتقالات تقوم بها الجماعة", or an **agent marker** — "على يد مسلحين", "من قبل
  قوات أمنية", "بواسطة العناصر";
* a **ل-genitive** of an agent — "غارات لطيران التحالف", "هجوم مسلح للمقاومة";
* **بين X و Y** after a two-sided event — "اشتباكات بين المقاومة ومسلحين": X acts, Y is
  the other side;
* a **count phrase** as the victims — "قتل أكثر من ألف متشدد", "مقتل ثمانية مدنيين".

Adjectives of the event noun ("هجوم دموي", "غارات جوية", "اشتباكات عنيفة") are skipped: they
are never the noun's genitive argument.  Every helper returns word ranges ``(a, b)`` and never
crosses the sentence.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Protocol

from rasd.extract import event_lexicon
from rasd.lang.ar import vocab
from rasd.lang.ar.clitics import variants

__all__ = ["adjective", "after_adjectives", "agent_after", "between", "count_phrase",
           "head_agent", "honorific", "is_agent", "lam_agent", "support_subject", "support_verb"]

Range = tuple[int, int]
SUPPORT = vocab.words("event_words", "support-verb")
ADJECTIVES = vocab.words("event_words", "adjective")
HONORIFICS = vocab.words("event_words", "honorific")
CLAUSE_OPENERS = vocab.words("event_words", "clause-opener")
#: verbal nouns of support verbs whose genitive acts ("نجاح المقاومة في السيطرة")
SUPPORT_NOUNS = vocab.words("event_words", "support-noun")
#: unit and member words whose genitive names the agent ("طيران التحالف", "عناصر داعش")
MEMBERS = vocab.words("event_words", "member-noun")
#: agent markers, first word → rest ("على يد", "من قبل", "بواسطة")
MARKERS: dict[str, list[tuple[str, ...]]] = {}
for _m in sorted(vocab.words("event_words", "agent-marker")):
    _p = _m.split()
    MARKERS.setdefault(_p[0], []).append(tuple(_p[1:]))
#: the object pronouns of a resumptive relative ("نفذها", "شنه", "تقوم بها")
PRONOUNS = ("ها", "ه", "هما", "هم")
#: prepositions between a support verb and its event noun ("تمكنت القوات من تدمير")
LINKS = frozenset({"من", "في", "عن", "ب", "الي", "علي"})
#: event types whose genitive is the doer (intransitive: "انسحاب القوات", "زيارة الوزير")
INTRANSITIVE = frozenset({"RETREAT", "MOBILIZE", "PROTEST", "CONSULT", "MOVE"})
#: agent types that make a phrase an actor rather than a victim or a place
AGENTS = frozenset({"military", "police", "rebel", "militia", "government", "international",
                    "protesters"})


class ArgReader(Protocol):
    """What the helpers need of the events extractor."""

    words: list[Any]
    r: Any

    def np(self, a: int, b: int, conj: bool = False) -> Range | None: ...

    def trigger(self, i: int) -> tuple[dict[str, Any], str, int] | None: ...

    def in_time(self, j: int) -> bool: ...


_SUPPORT_OPENINGS = event_lexicon.openings(SUPPORT)


@cache
def support_verb(key: str) -> bool:
    """Is the folded word a form of a support verb ("شنت", "نفذتها", "قامت", "يشنها")?"""
    if not event_lexicon.may_open(key, _SUPPORT_OPENINGS):
        return False  # no support verb can be read inside the word
    if key in SUPPORT or any(s in SUPPORT for s in event_lexicon.verb_stems(key)):
        return True
    for v in variants(key)[:2]:
        forms = {v}
        if v[:1] in ("ي", "ت", "ن") and len(v) > 3:
            forms.add(v[1:])
        for f in list(forms):
            for e in PRONOUNS:
                if f.endswith(e) and len(f) - len(e) >= 2:
                    forms.add(f[: -len(e)])
        for f in list(forms):
            for e in ("ت", "وا", "تا"):
                if f.endswith(e) and len(f) - len(e) >= 2:
                    forms.add(f[: -len(e)])
        if any(f in SUPPORT or any(s in SUPPORT for s in event_lexicon.verb_stems(f))
               for f in forms if len(f) >= 2):
            return True
    return False


_support = support_verb


@cache
def adjective_key(key: str) -> bool:
    """Is the folded word a common adjective or a nisba ("جوية", "دموي", "عسكرية")?"""
    if any(v in ADJECTIVES for v in variants(key)[:2]):
        return True
    if key.startswith(("ال", "وال", "لل", "بال")) or len(key) < 4:
        return False
    nisba = key.endswith(("يه", "يا", "يين", "يون")) or (key.endswith("ي") and len(key) >= 5)
    return nisba and event_lexicon.actor_type([key]) is None


def adjective(ev: ArgReader, j: int) -> bool:
    """Word ``j`` is an adjective of the phrase before it (and not inside a name)."""
    w = ev.words[j]
    if w.kind != "word" or not adjective_key(w.key) or event_lexicon.is_number(ev.words, j):
        return False  # "ثمانية" looks like a nisba but counts
    return not ev.r.entities_in(w.start, w.end)


def after_adjectives(ev: ArgReader, j: int, end: int) -> int:
    """The first word at or after ``j`` that is not an adjective (at most three skipped)."""
    k = j
    while k < end and k < j + 3 and adjective(ev, k):
        k += 1
    return k


def honorific(ev: ArgReader, a: int, end: int) -> int:
    """Skip "سمو", "فخامة", "معالي" before the name they honour."""
    while a < end - 1 and ev.words[a].key in HONORIFICS:
        a += 1
    return a


def agent_type(ev: ArgReader, rng: Range) -> str | None:
    """The agent type a phrase names (agents list), or None."""
    return event_lexicon.actor_type([ev.words[k].key for k in range(*rng)])


def is_agent(ev: ArgReader, rng: Range) -> bool:
    """Does the phrase name an acting party (army, group, government …, or an ORG/GPE/PER)?"""
    if agent_type(ev, rng) in AGENTS:
        return True
    head = ev.words[rng[0]]
    return any(x.label in ("ORG", "PER", "NORP", "GPE")
               for x in ev.r.entities_in(head.start, head.end)) or head_agent(ev, rng)


def _word_type(key: str) -> str | None:
    """The agent type of one folded word, also in its construct-plural and dual forms
    ("مقاتلو", "مسلحان")."""
    keys = [key]
    for end in ("و", "ان"):
        if key.endswith(end) and len(key) - len(end) >= 3:
            keys.append(key[: -len(end)])
    return next((t for k in keys if (t := event_lexicon.actor_type([k])) is not None), None)


def _support_noun(key: str) -> bool:
    """Is the folded word the verbal noun of a support verb ("نجاح", "قيام", "محاولة")?"""
    return any(v in SUPPORT_NOUNS for v in variants(key)[:2])


def _member(key: str) -> bool:
    return any(v in MEMBERS for v in variants(key)[:2])


def head_agent(ev: ArgReader, rng: Range, places: bool = True) -> bool:
    """Does the *head* of the phrase name an acting party?

    Unlike :func:`is_agent`, a party named deeper in the phrase does not count: "مواقع
    المقاومة" and "مبنى يتخذه الحوثيون" are things, "طيران التحالف" and "عناصر داعش" act (a
    unit or member word hands the question to its genitive).  A place name at the head counts
    only with ``places`` (a country visiting acts; a city shelled does not).
    """
    words = ev.words
    a, b = rng
    labels = ("ORG", "PER", "NORP", "GPE") if places else ("ORG", "PER", "NORP")
    for k in (a, a + 1):
        if k >= b:
            return False
        w = words[k]
        if w.kind != "word" and w.kind != "latin":
            return False
        if _word_type(w.key) in AGENTS:
            return True
        if any(x.label in labels and x.start <= w.start
               for x in ev.r.entities_in(w.start, w.end)):
            return True
        if k == a:
            if not (_member(w.key) or ev.r.speaker_head(k)):
                return False
            if b == a + 1 and w.key.startswith(("ال", "وال")) and _member(w.key):
                return True  # "القوات", "الحركة": a definite unit word alone names the party
            # "قوات الأمن": the unit word and its genitive may name the party together
            if event_lexicon.actor_type([words[j].key for j in range(a, min(b, a + 3))]) \
                    in AGENTS:
                return True
    return False


def support_subject(ev: ArgReader, i: int) -> Range | None:
    """The subject of a support verb that governs the noun trigger ``i``.

    "شنت طائرات التحالف صباح أمس غارات" (after the verb), "التحالف وجه ضربة" (before it),
    "قام الجيش بإقصاء", "تمكنت القوات من تدمير".  The search stays in the trigger's clause:
    it stops at punctuation, a clause opener and any other verb trigger.
    """
    words = ev.words
    s0 = ev.r.sent_start(i)
    stop = i
    if i - 1 >= s0 and words[i - 1].key in LINKS:
        stop = i - 1
    if stop - 1 > s0 and words[stop - 1].norm in ",،":
        stop -= 1  # "شنت القوات المسلحة التركية، غارات جوية": a comma before the object
    for v in range(stop - 1, max(s0, i - 11) - 1, -1):
        w = words[v]
        if (w.kind == "punct" and not ev.in_time(v)) or w.key in CLAUSE_OPENERS:
            return None  # "الجمعة 24 يوليو/تموز": punctuation inside a date does not count
        if w.kind == "word" and v + 1 < stop and _support_noun(w.key):
            # "نجاح المقاومة الشعبية في السيطرة": the support noun's genitive acts
            cand = ev.np(v + 1, stop)
            if cand is not None and cand[1] == stop and is_agent(ev, cand):
                return cand
        if w.kind == "word" and _support(w.key):
            a = ev.r.skip_adverbs(v + 1, stop)
            cand = ev.np(a, stop) if a < stop else None
            if cand is not None and is_agent(ev, cand):
                return cand
            if cand is None or cand[1] < stop - 3:
                before = ev.r.subject_before(v)
                if before is not None and is_agent(ev, before):
                    return before
                return _short_before(ev, v)
            return None
        trig = ev.trigger(v) if w.kind == "word" else None
        if trig is not None and trig[1] == "verb":
            return None
    return None


def _short_before(ev: ArgReader, v: int) -> Range | None:
    """An agent phrase ending right before the verb ``v`` ("قوات التحالف ستقوم …")."""
    words = ev.words
    s0 = ev.r.sent_start(v)
    stop = v
    while stop - 1 >= s0 and words[stop - 1].key in ("قد", "لقد"):
        stop -= 1
    for a in range(stop - 1, max(s0, stop - 6) - 1, -1):
        w = words[a]
        if w.kind == "punct" or w.key in CLAUSE_OPENERS:
            return None
        rng = ev.np(a, stop)
        opens = a == s0 or words[a - 1].kind == "punct" or words[a - 1].key in CLAUSE_OPENERS \
            or words[a - 1].key in ("ان", "بان", "لان")
        if opens and rng is not None and rng[1] == stop and is_agent(ev, rng):
            return rng
    return None


def agent_after(ev: ArgReader, i: int, end: int, limit: int = 12) -> Range | None:
    """"غارات نفذتها طائرات التحالف", "هجوم … على يد مسلحين": the agent after a noun trigger."""
    words = ev.words
    for j in range(i + 1, min(end, i + limit)):
        w = words[j]
        if w.kind == "punct" and w.norm not in "()\"“”«»":
            return None
        key = w.key
        rests = MARKERS.get(key)
        if rests:
            for rest in rests:
                k = j + 1
                if all(k + n < end and any(v == p for v in variants(words[k + n].key)[:2])
                       for n, p in enumerate(rest)):
                    a = k + len(rest)
                    return ev.np(a, end) if a < end else None
        if w.kind == "word" and _support(key):
            base = key[1:] if key[:1] in "وف" and w.start in ev.r.conj_starts else key
            a = j + 1
            if not base.endswith(PRONOUNS):
                if a < end and words[a].key in ("بها", "به", "بهما", "بهم"):
                    a += 1
                else:
                    continue
            a = ev.r.skip_adverbs(a, end)
            cand = ev.np(a, end) if a < end else None
            if cand is not None:
                return cand
    return None


def lam_agent(ev: ArgReader, j: int, end: int) -> Range | None:
    """"غارات لطيران التحالف", "هجوم للمقاومة": a ل-phrase naming an agent right after."""
    if j >= end:
        return None
    w = ev.words[j]
    if w.kind != "word" or w.key[:1] != "ل" or len(w.key) < 4:
        return None
    rng = ev.np(j, end)
    if rng is None:
        return None
    rest = [ev.words[k].key for k in range(j + 1, rng[1])]
    typ = next((t for v in variants(w.key)[1:]
                if (t := event_lexicon.actor_type([v, *rest])) in AGENTS), None)
    # a place after ل is a destination ("زيارة لبغداد"), not an agent
    # nor is a person: "كميناً لقائد المحور" is laid for him
    if typ is not None or any(x.label in ("ORG", "NORP")
                            for x in ev.r.entities_in(w.start, ev.words[rng[1] - 1].end)):
        return rng
    return None


def between(ev: ArgReader, i: int, end: int) -> tuple[Range, Range | None] | None:
    """"اشتباكات عنيفة بين المقاومة ومسلحين": (first side, second side) after a two-sided
    trigger; "بين X وY من جهة، وZ من جهة أخرى" makes Z the second side."""
    words = ev.words
    b = None
    for j in range(i + 1, min(end, i + 12)):  # "مواجهات عنيفة اندلعت مساء السبت … بين"
        if words[j].key == "بين":
            b = j
            break
        if words[j].kind == "punct":
            return None
    if b is None:
        return None
    first = ev.np(b + 1, end)
    if first is None:
        return None
    k = first[1]
    second = None
    if k < end and words[k].start in ev.r.conj_starts:
        second = ev.np(k, end, conj=True)
        if second is not None:
            k = second[1]
    # "… من جهة، والمقاومة الشعبية من جهة أخرى": the sides are the two جهة groups
    while k < end and words[k].key in ("لها", "له", "لهم", "لهما"):
        k += 1  # "والمسلحين الموالين لها من جهة"
    if k + 1 < end and words[k].key == "من" and words[k + 1].key.startswith(("جه", "طرف")):
        k += 2
        while k < end and words[k].kind == "punct":
            k += 1
        if k < end and words[k].start in ev.r.conj_starts:
            other = ev.np(k, end, conj=True)
            if other is not None:
                second = other
    return first, second


def count_phrase(ev: ArgReader, a: int, end: int) -> Range | None:
    """"أكثر من ألف متشدد", "ثمانية مدنيين", "16 آخرين": lead words, a number and the counted
    noun, as one victims phrase."""
    words = ev.words
    j = a
    while j < end and j < a + 4 and words[j].key in event_lexicon.COUNT_LEAD:
        j += 1
    if j >= end or not event_lexicon.is_number(words, j):
        return None
    k = event_lexicon.number_end(words, j)
    if k + 1 < end and words[k].key == "من":  # "42 من عناصر داعش"
        k += 1
    if k < end and words[k].kind == "word" and words[k].key not in ("في", "من", "علي"):
        rng = ev.np(k, end)
        if rng is not None:
            return (a, rng[1])
    return (a, k)

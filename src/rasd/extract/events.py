"""Events: who did what to whom, where and when, typed with PLOVER categories.

Rule-based and precision-first.  A trigger from the lexicon (``data/events.json``: verbs in
all persons and genders, verbal nouns, and light verbs that only count with their object —
"فرض عقوبات", "أرسل مساعدات", "ألقى القبض") opens an event; its arguments are read off the
same sentence:

* **actor** — the subject: the phrase before the verb in its clause ("الطيران الروسي قصف"),
  else the phrase right after it (Arabic is verb-first: "قصف الطيران الروسي مواقع …").  A
  number right after the verb is the victims, not the actor ("قتل 12 شخصاً");
* **target** — the object after the actor, or the phrase after the type's preposition
  ("على", "ضد", "مع" …);
* **place**/**time** — the nearest ``places``/``times`` span in the sentence when those layers
  exist (else GPE/LOC/FAC entities for the place);
* **mode** — ``denied`` (negated, or inside a denial quote), ``hypothetical`` (future,
  modal or planned: "قد", "سوف", "من المتوقع", "تستعد"), else ``asserted``.

Every event is one span over its trigger and actor/target (the evidence); each argument keeps
its own offsets and, where available, the entity or place it links to.  An event inside a
quote's content records the quote as its ``source``: a reported event is not a fact.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache
from typing import Any

from rasd.config import Config
from rasd.doc import Document, Span
from rasd.extract import event_arguments as argrules
from rasd.extract import event_casualties as casualties
from rasd.extract import event_clauses as clauses
from rasd.extract import event_lexicon, event_mode
from rasd.extract.boilerplate import in_boilerplate
from rasd.extract.lexicons import conjugate, fold, load_json
from rasd.extract.reader import reader
from rasd.extract.spanindex import SpanIndex
from rasd.extract.words import PREPOSITIONS, variants
from rasd.lang.ar import vocab
from rasd.pipeline import component

Range = tuple[int, int]
MAX_ARG_WORDS = 8
MAX_PLACE_DISTANCE = 80  # characters between trigger and place
#: time expressions end an argument even when the times layer is absent
TIME_WORDS = vocab.words("event_words", "time-word")
#: words that never start an argument phrase
NON_HEADS = PREPOSITIONS | vocab.words("event_words", "non-head")
RELATIVE = vocab.words("event_words", "relative")
#: words that open the clause of a subject before the verb: "إن الضربة استهدفت …"
CLAUSE_OPENERS = vocab.words("event_words", "clause-opener")
TANWEEN_FATH = "\u064b"
#: "هذا الهجوم", "تلك الغارات": an anaphor of an event already reported
DEFINITE = ("ال", "وال", "فال", "بال", "لل")
#: event nouns whose genitive is the victim even when it names an agent ("اغتيال النائب")
PATIENT_NOUNS = vocab.words("event_words", "patient-noun")
#: two-sided event types: "اشتباكات بين X وY" gives both sides
SYMMETRIC = frozenset({"FIGHT", "CONSULT", "AGREE", "COOPERATE"})
#: words after which a "وصل"/"بلغ" is a quantity reaching a value, not a movement
QUANTITY_HEADS = vocab.words("event_words", "quantity-head")


@cache
def trigger_lexicon() -> dict[str, Any]:
    """Folded trigger tables: verb form → (entry, required objects), noun → entry."""
    raw = load_json("events.json")
    verbs: dict[str, list[tuple[dict[str, Any], frozenset[str] | None]]] = {}
    nouns: dict[str, dict[str, Any]] = {}
    present: set[str] = set()
    for entry in raw["triggers"]:
        info = {
            "type": entry["type"],
            "plover": entry["plover"],
            "target_preps": frozenset(fold(x) for x in entry.get("target_preps", [])),
            "not_objects": frozenset(fold(x) for x in entry.get("not_objects", [])),
        }
        objects = frozenset(fold(x) for x in entry.get("objects", [])) or None
        vobj = {fold(k): frozenset(fold(x) for x in v)
                for k, v in entry.get("verb_objects", {}).items()}
        for past, pres in entry.get("verbs", []):
            req = vobj.get(fold(past), objects)
            for f in conjugate(past, pres):
                verbs.setdefault(f, []).append((info, req))
            present.update(conjugate("", pres))
        for f in entry.get("extra", []):
            ff = fold(f)
            verbs.setdefault(ff, []).append((info, vobj.get(ff, objects)))
        for n in entry.get("nouns", []):
            nouns.setdefault(fold(n), info)
    return {
        "verbs": verbs,
        "nouns": nouns,
        "present": frozenset(present),
        "any": frozenset(verbs),
        "neg": frozenset(fold(x) for x in raw["negations"]),
        "hyp": frozenset(fold(x) for x in raw["hypothetical"]),
    }


@lru_cache(maxsize=200_000)
def _verb_readings(key: str) -> tuple[str, ...]:
    """The verb forms a folded word may be: itself, without و/ف, and without the future س."""
    cands = [key, key[1:]] if key[0] in "وف" and len(key) > 3 else [key]
    for c in list(cands):
        if c[:1] == "س" and len(c) > 3 and c[1:2] in "يتن":
            cands.append(c[1:])
    return tuple(cands)


@lru_cache(maxsize=200_000)
def _candidate(key: str) -> bool:
    """Could this folded word be a trigger at all?  Memoized: news vocabulary repeats.

    Exactly the lexicon lookups :meth:`_Events._trigger` makes, so a word failing here can
    be skipped without changing any result (most words of a document do).
    """
    if not key:
        return False
    lex = trigger_lexicon()
    verbs = lex["any"]
    nouns = lex["nouns"]
    return any(c in verbs for c in _verb_readings(key)) or any(
        v in nouns for v in variants(key)
    ) or event_lexicon.candidate(key)


@cache
def _grams() -> event_lexicon.Openings:
    """Openings of every key the trigger and casualty lookups try (:func:`_flags`)."""
    lex = trigger_lexicon()
    return event_lexicon.openings(set(event_lexicon.lookup_keys()) | set(lex["any"])
                                  | set(lex["nouns"]))


@lru_cache(maxsize=200_000)
def _flags(key: str) -> int:
    """1: the word may be a trigger; 2: it may open a casualty phrase (one memoized lookup
    per word of the document, the hot path of the layer)."""
    if not event_lexicon.may_open(key, _grams()):
        return 0  # most words of an article: no lexicon key can open inside them
    return int(_candidate(key)) | (2 if event_lexicon.casualty_candidate(key) else 0)


#: Layers up to this size are scanned; longer ones go through a :class:`SpanIndex`.
_SCAN_MAX = clauses.SCAN_MAX


class _Events:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.r = reader(doc)  # the document's shared phrase reader
        self.words = self.r.words
        self.lex = trigger_lexicon()
        self.places = sorted(doc.layer("places"), key=lambda s: s.start)
        self.times = sorted(doc.layer("times"), key=lambda s: s.start)
        self.quotes = doc.layer("quotes")
        self.objects: dict[int, int] = {}  # light-verb trigger → its object word
        self.inside: set[int] = set()  # words inside an idiom trigger ("وقف إطلاق النار")
        self._trig: dict[int, tuple[dict[str, Any], str, int] | None] = {}
        # words whose first letter the text layer split off as a conjunction (و/ف + word)
        self.conj_starts = self.r.conj_starts  # shared per-document word view
        if not self.places:
            self.places = [e for e in doc.layer("entities") if e.label in ("GPE", "LOC", "FAC")]
        # sorted-offset indexes keep per-word lookups logarithmic on very long documents; built
        # lazily and only for long layers (a scan is cheaper for an article's few spans)
        self._index: dict[int, SpanIndex] = {}
        self._contents: list[tuple[int, int, int]] | None = None
        self.links: list[tuple[int, int]] | None = None  # related-article lines (link_line)

    # ------------------------------------------------------------------ triggers
    def candidate(self, key: str) -> bool:
        """Could the folded word be a trigger at all (the lexicon lookups of _trigger)?"""
        return _candidate(key)

    def trigger(self, i: int) -> tuple[dict[str, Any], str, int] | None:
        """(entry, "verb"|"noun", end word index) for a trigger at word ``i`` (memoized)."""
        if i not in self._trig:
            self._trig[i] = self._trigger(i)
        return self._trig[i]

    def _trigger(self, i: int) -> tuple[dict[str, Any], str, int] | None:
        w = self.words[i]
        if w.kind != "word":
            return None
        key = w.key
        if not _candidate(key):
            return None  # fast path: no trigger reading at all
        if i > 0 and (self.words[i - 1].norm in "“«\"" or self.r.has(i - 1, "titles")) or (
            self._in_entity_label(i, "PER")
        ):
            return None  # a name ("النقيب فيصل", "“فيصل الفضل”"), not "ف + يصل"
        if clauses.opens_time(self, i):
            return None  # "فجر أمس": the dawn, not "فجّر"
        if i > 0 and self.words[i - 1].key == "تحت":
            return None  # "تحت سيطرة الحوثيين": a state, not an event
        cands = _verb_readings(key)
        fut = False
        refused = False
        nunated = TANWEEN_FATH in self.doc.text[w.start:w.end]
        after_that = i > 0 and self.words[i - 1].key in ("ان", "لان", "بان", "وان", "فان")
        for c in cands:
            if nunated:  # "تعاوناً" is a noun, not the verb "تعاونا"
                continue
            if after_that and c not in self.lex["present"]:
                continue  # "أنّ تعاوناً …": أنّ is followed by a noun, not a past verb
            for info, req in self.lex["verbs"].get(c, []):
                if req is not None and not self._has_object(i, req):
                    continue
                if info["not_objects"] and self._other_sense(i, info["not_objects"]):
                    refused = True  # "استقبل المستشفى جثامين": no other entry may take it
                    continue
                # "سيجتمع", "وسيزور": the reading without the future س
                fut = (key[:1] == "س" and c == key[1:]) or (
                    key[:1] in "وف" and key[1:2] == "س" and c == key[2:])
                return ({**info, "future": fut}, "verb", i + 1)
        for v in variants(key):
            if v in self.lex["nouns"]:
                info = self.lex["nouns"][v]
                if info["not_objects"] and self._other_sense(i, info["not_objects"]):
                    return None
                return ({**info, "future": False}, "noun", i + 1)
        return None if refused else self._stem_trigger(i)

    def _stem_trigger(self, i: int) -> tuple[dict[str, Any], str, int] | None:
        """A trigger of the stem lexicon (``event-triggers.tsv``): verb forms, masdars,
        participles and plurals of one entry, and idioms ("أطلق النار", "لقي مصرعه").

        An idiom reads like a light verb: its last word is its object, never an argument.
        A word inside an organisation's or person's name ("الحشد الشعبي") is not a trigger.
        """
        hit = event_lexicon.lookup(self.words, i)
        if hit is None or self._in_entity_label(i, "ORG"):
            return None
        typ, kind, end = hit
        info = {"type": typ, "plover": typ, "future": False, "not_objects": frozenset(),
                "target_preps": frozenset(event_lexicon.TARGET_PREPS.get(typ, ()))}
        if kind == "idiom":
            self.objects[i] = end - 1
            self.inside.update(range(i + 1, end))
            kind = "verb"
        elif kind == "verb" and self.words[i].key[:1] == "س" and self.words[i].key[1:2] in "يتن":
            info["future"] = True
        return info, kind, end

    def _other_sense(self, i: int, words: frozenset[str]) -> bool:
        """"استقبل المستشفى جثامين …", "ضبط الأسعار": the word after the trigger (or after its
        subject, within 3 words not counting a time expression) shows a non-event sense."""
        n = 0
        for j in range(i + 1, min(len(self.words), i + 8)):
            w = self.words[j]
            if w.sent != self.words[i].sent or w.kind == "punct":
                return False
            if w.key in words or w.key[1:] in words:
                return True
            if w.key != "منذ" and not self.in_time(j):
                n += 1
                if n == 3:
                    return False
        return False

    def _has_object(self, i: int, req: frozenset[str]) -> bool:
        for j in range(i + 1, min(len(self.words), i + 5)):
            if self.words[j].sent != self.words[i].sent:
                return False
            if any(v in req for v in variants(self.words[j].key)):
                self.objects[i] = j
                return True
        return False

    def _in_entity_label(self, i: int, label: str) -> bool:
        w = self.words[i]
        return any(x.label == label for x in self.r.entities_in(w.start, w.end))

    def in_time(self, j: int) -> bool:
        """Is word ``j`` inside a time expression of the times layer?"""
        w = self.words[j]
        if len(self.times) <= _SCAN_MAX:
            return any(t.start < w.end and w.start < t.end for t in self.times)
        return bool(self.indexed(self.times).overlapping(w.start, w.end))

    def indexed(self, spans: list[Span]) -> SpanIndex:
        idx = self._index.get(id(spans))
        if idx is None:
            idx = self._index[id(spans)] = SpanIndex(spans)
        return idx

    # ------------------------------------------------------------------ arguments
    def np(self, a: int, b: int, conj: bool = False) -> tuple[int, int] | None:
        """A noun phrase from ``a``: head, construct genitives and adjectives.

        An indefinite word after a definite one starts a new phrase (the object in
        "قصف الطيران الروسي مواقع …"); an entity span is never cut.  With ``conj`` the
        phrase may open with a conjunction ("… بين المقاومة ومسلحين": the second side).
        """
        words = self.words
        if a >= b or words[a].kind not in ("word", "latin", "num"):
            return None
        if words[a].key in NON_HEADS or words[a].key in self.lex["neg"] or self.in_time(a):
            return None
        if clauses.clause_verb(self, a):
            return None  # "هجوم وقع في …", "هجمات استهدفت …": a relative clause, no phrase
        if words[a].start in self.conj_starts and not self.in_entity(a) and not conj:
            return None  # "… وأصيب …": a coordinated clause, not an argument
        e = a + 1
        definite = words[a].key.startswith(("ال", "وال", "فال", "لل"))
        limit = min(b, a + MAX_ARG_WORDS)
        while e < limit:
            w = words[e]
            if w.kind == "punct":
                if w.norm == "(":
                    close = next((k for k in range(e, min(e + 6, b)) if words[k].norm == ")"),
                                 None)
                    if close is not None:
                        e = close + 1
                        continue
                if w.norm in "“«\"" and self.r.quoted_name(e) is not None:
                    e = self.r.quoted_name(e)  # type: ignore[assignment]
                    continue
                break
            if w.key in NON_HEADS or w.key == "و" or self.in_time(e) or w.key in TIME_WORDS:
                break
            if self.trigger(e) or self.r.verb_cue(e) or clauses.clause_verb(self, e):
                break
            is_def = w.key.startswith("ال")
            if definite and not is_def and w.kind == "word" and not self.in_entity(e):
                break
            if w.start in self.conj_starts and not self.in_entity(e):
                break  # coordination ends the phrase
            if not is_def and w.kind == "word" and clauses.nominative_plural(self, e - 1) \
                    and not argrules.adjective(self, e):
                break  # "هاجم انتحاريان حمام سباحة": a dual or plural in -ان/-ون is no construct
            definite = definite or is_def
            e += 1
        e = self._extend_entity(a, e)
        if e < b and e - a < MAX_ARG_WORDS and any(self.r.has(k, "titles") for k in range(a, e)):
            # "وزير الدفاع الأمريكي أشتون كارتر": a title and the name it stands before
            nw = words[e]
            for x in self.r.entities_in(nw.start, nw.end):
                if x.label == "PER" and x.start == nw.start:
                    e = self._extend_entity(a, e + 1)
                    break
        return (a, e)

    def in_entity(self, j: int) -> bool:
        w = self.words[j]
        return any(x.start < w.start < x.end for x in self.r.entities_in(w.start, w.end))

    def _extend_entity(self, a: int, e: int) -> int:
        last = self.words[e - 1]
        for x in self.r.entities_in(last.start, last.end):
            while e < len(self.words) and self.words[e].start < x.end:
                e += 1
        return e

    def span_of(self, rng: tuple[int, int] | None) -> tuple[int, int] | None:
        if rng is None:
            return None
        a, b = rng
        return self.words[a].start, self.words[b - 1].end

    def arguments(self, i: int, kind: str, info: dict[str, Any]) -> dict[str, Any]:
        words = self.words
        end = self.r.sent_end(i)
        actor = target = None
        nxt = self.r.skip_adverbs(i + 1, end)
        if kind == "verb":
            key = words[i].key
            # plural/dual endings carry the subject: the phrase after the verb is the object
            marked = key.endswith(("وا", "ون", "تا")) or (key.endswith("ا") and len(key) > 4)
            relative = i > 0 and words[i - 1].key in RELATIVE
            # "داهمت القوات منزلاً واعتقلت …": before a و-verb stands the last clause's object
            coordinated = words[i].start in self.conj_starts
            subj = None if relative or coordinated else (
                self.r.subject_before(i) or self._np_before(i))
            if subj is not None and words[subj[0]].kind == "num":
                target, subj = subj, None  # "12 مدنياً قتلوا": victims before a passive
            light = i in self.objects
            if light:
                obj = self.objects[i]
                if obj > nxt and subj is None:
                    # "فرضت وزارة الخزانة عقوبات …": the subject sits between verb and object
                    cand = self.np(nxt, obj)
                    if cand is not None and cand[1] == obj:
                        subj = cand
                nxt = self.r.skip_adverbs(obj + 1, end)
                # adjectives of the object ("عقوبات جديدة على …")
                while nxt < end and words[nxt].kind == "word" and nxt < obj + 3 and not (
                    words[nxt].key in info["target_preps"] or words[nxt].key in NON_HEADS
                ):
                    nxt += 1
            if subj is not None and clauses.passive(self, i, subj, nxt, end, info):
                target, subj = subj, None  # "الرجل … قُتل مساء الثلاثاء": the one killed
                actor = argrules.agent_after(self, i, end)  # "… على يد مسلحين"
                after = nxt
            elif subj is not None:
                actor = subj
                after = nxt
            elif clauses.object_pronoun(self, i) and not light:
                # "أقره رؤساء الأركان", "تبناه التنظيم": the object is the pronoun, the
                # phrase after the verb is its subject
                actor = self.np(nxt, end)
                after = actor[1] if actor else nxt
            else:
                cand = self.np(nxt, end)
                victims = None if light else argrules.count_phrase(self, nxt, end)
                if victims is not None:
                    target, after = victims, victims[1]  # "قتل أكثر من ألف متشدد"
                elif light:
                    after = nxt  # after "فرض عقوبات": only a preposition brings the target
                elif cand is not None and words[cand[0]].kind == "num" or relative or marked:
                    target = cand  # "قتل 12 شخصاً": the victims; "زاروا سوريا": the object
                    after = cand[1] if cand else nxt
                elif cand is not None and any(
                    v in QUANTITY_HEADS for v in variants(words[cand[0]].key)
                ):
                    return {"skip": True}
                elif cand is not None and not self._agentive(cand) or (
                    cand is not None and info["plover"] == "ASSAULT"
                    and event_lexicon.victim_number(words[cand[0]].key) is not None
                    and clauses.clause_ends(self, cand[1], end)
                ):
                    # "استهدف سوق صابرين": an indefinite common noun is the object; "قُتل
                    # شرطي وأصيب آخر": a person and nothing after is a passive's subject
                    target = cand
                    after = cand[1]
                else:
                    actor = cand
                    after = cand[1] if cand else nxt
            if target is None:
                after = self.r.skip_adverbs(after, end)
                if after < end and words[after].key in info["target_preps"]:
                    target = self.np(after + 1, end)
                elif not light and after < end and not (
                    words[after].key in NON_HEADS or words[after].kind == "punct"
                ):
                    target = argrules.count_phrase(self, after, end) or self.np(after, end)
            if (
                target is not None and words[target[0]].key.startswith("بال")
                and "ب" not in info["target_preps"]
            ):
                # "قصفت بالمدافع الثقيلة معسكر أبو شوك": an instrument, the object follows
                nxt_np = self.np(target[1], end)
                target = nxt_np if nxt_np is not None and words[nxt_np[0]].kind != "punct" else None
        else:
            actor, target = self._noun_arguments(i, info, nxt, end)
        return self._more_arguments(i, kind, info, actor, target, end)

    def _noun_arguments(self, i: int, info: dict[str, Any], nxt: int,
                        end: int) -> tuple[Range | None, Range | None]:
        """"غارات التحالف على …", "اعتقال الناشط …", "هجوم مسلح للمقاومة على نقطة": a
        genitive follows an indefinite (construct) trigger, adjectives are skipped, a ل-phrase
        naming an agent is the actor and the type's preposition brings the target."""
        words = self.words
        actor = target = None
        definite = words[i].key.startswith(("ال", "وال", "فال", "بال", "لل"))
        gen = None
        after = nxt
        if not definite and nxt == i + 1:
            adj = argrules.after_adjectives(self, nxt, end)
            if nxt < end and argrules.support_verb(words[nxt].key):
                pass  # "اعتقالات تقوم بها الجماعة": a relative, not a genitive
            elif adj > nxt:
                after = adj  # "هجوم دموي", "غارات جوية": no genitive
            else:
                g0 = argrules.honorific(self, nxt, end)
                if clauses.instrument(self, g0):
                    # "انفجار سيارة مفخخة", "هجوم بقنبلة يدوية على …": the weapon, skipped
                    weapon = self.np(g0, end)
                    after = weapon[1] if weapon else g0 + 1
                elif not clauses.prep_word(self, g0):  # "اجتماعين بالقاهرة": no genitive
                    gen = argrules.count_phrase(self, g0, end) or self.np(g0, end)
                    after = gen[1] if gen else nxt
        else:
            while after < end and words[after].key.startswith("ال") and after < i + 4:
                after += 1
        after = self.r.skip_adverbs(after, end)
        # after a genitive a ل-phrase is its owner ("تدمير 16 آلية لمليشيات الحوثي")
        lam = argrules.lam_agent(self, after, end) if gen is None else None
        if lam is not None:
            actor = lam  # "قصف لطيران التحالف"
            after = self.r.skip_adverbs(lam[1], end)
        if after < end and words[after].key in info["target_preps"]:
            target = argrules.count_phrase(self, after + 1, end) or self.np(after + 1, end)
        if gen is not None:
            plover = info["plover"]
            patient = any(s in PATIENT_NOUNS for s in event_lexicon.stems(words[i].key))
            agent = self.r.speaker_head(gen[0]) or argrules.head_agent(
                self, gen, places=plover not in ("ASSAULT", "FIGHT", "COERCE"))
            if info["type"] in ("ARREST", "SEIZE", "SANCTION") or words[gen[0]].kind == "num" \
                    or argrules.count_phrase(self, gen[0], end) is not None:
                target = target or gen
            elif agent and not patient and actor is None:
                actor = gen  # "غارات التحالف", "زيارة الوزير", "سيطرة المقاومة"
                if target is None and plover in ("ASSAULT", "COERCE") and after < end \
                        and words[after].key[:1] == "ل" and words[after].key[:2] != "ال":
                    target = self.np(after, end)  # "قصف طائرات التحالف لأربعة مخازن"
            elif plover in argrules.INTRANSITIVE and self._agentive(gen) and actor is None:
                actor = gen  # "وصول الخبراء": who arrives
            elif plover in ("ASSAULT", "FIGHT", "COERCE") or patient:
                target = target or gen  # "قصف السوق": what is hit
        return actor, target

    def _more_arguments(self, i: int, kind: str, info: dict[str, Any], actor: Range | None,
                        target: Range | None, end: int) -> dict[str, Any]:
        """Fill a missing actor from the constructions of :mod:`event_arguments`: the sides
        of "بين X وY", an agent after the trigger ("نفذها", "على يد"), the subject of a
        support verb before a noun trigger ("شنت الطائرات غارات")."""
        last = self.objects.get(i, i)
        if actor is None and info["plover"] in SYMMETRIC:
            sides = argrules.between(self, last, end)
            if sides is not None:
                actor = sides[0]
                if target is None or target[0] <= sides[0][0] < target[1]:
                    target = sides[1]
        if actor is None and (kind == "noun" or last != i):
            actor = argrules.agent_after(self, last, end)
            if actor is not None and target is not None and actor[0] < target[1] \
                    and target[0] < actor[1]:
                target = None
        if actor is None and kind == "noun":
            actor = argrules.support_subject(self, i)
            if actor is not None and target is not None and actor[0] < target[1] \
                    and target[0] < actor[1]:
                actor = None
        if target is None and info["plover"] in ("ASSAULT", "COERCE", "PROTEST", "FIGHT") and not (
            kind == "noun" and actor is None and self.words[i].key.startswith(DEFINITE)
        ):  # a bare definite noun stays bare: it refers back (run() drops it)
            target = clauses.prep_target(self, max(last, i) + 1, info, end, actor)
        return {"actor": actor, "target": target}

    def _np_before(self, i: int) -> tuple[int, int] | None:
        """A short subject phrase opening the verb's clause: "إن الضربة استهدفت …"."""
        words = self.words
        s0 = self.r.sent_start(i)
        j = i - 1
        while j >= s0 and words[j].key in ("قد", "لقد"):
            j -= 1
        stop = j + 1
        while j >= s0 and words[j].kind != "punct" and words[j].key not in CLAUSE_OPENERS and (
            stop - j <= 6
        ):
            trig = self.trigger(j)
            if (trig and trig[1] == "verb") or self.r.verb_cue(j):
                return None
            j -= 1
        a = j + 1
        if a >= stop or words[a].key in NON_HEADS or words[a].key.startswith("و"):
            return None
        rng = self.np(a, stop)
        return rng if rng is not None and rng[1] == stop else None

    def _agentive(self, rng: tuple[int, int]) -> bool:
        """Can this phrase be a verb-first subject?  Definite, named at its head ("منازل قادة
        جماعة الحوثي" is no subject for naming a group deep inside), or a speaker head."""
        a = rng[0]
        w = self.words[a]
        return (
            w.key.startswith(("ال", "وال"))
            or w.kind == "latin"
            or self._entity_label((a, a + 1)) in ("PER", "ORG", "GPE", "NORP")
            or self.r.speaker_head(a)
            or self.r.name_score(*rng) >= 2
            or argrules.head_agent(self, rng)
        )

    def _entity_label(self, rng: tuple[int, int]) -> str | None:
        s, e = self.span_of(rng)  # type: ignore[misc]
        for x in self.r.entities_in(s, e):
            return x.label
        return None

    def nearest(self, spans: list[Span], pos: int, sent: tuple[int, int],
                located: bool = False) -> Span | None:
        """The span nearest after ``pos`` in the sentence (else the last before it).

        For places, one introduced by في/إلى/ب ("في دمشق", "إلى سوريا") wins over an origin
        or a modifier ("خبراء من كوريا الشمالية").
        """
        if len(spans) <= _SCAN_MAX:
            inside = [s for s in spans if s.start >= sent[0] and s.end <= sent[1]]
        else:
            inside = self.indexed(spans).within(sent[0], sent[1])
        if located:  # a place far from the trigger belongs to another clause
            inside = [s for s in inside if abs(s.start - pos) <= MAX_PLACE_DISTANCE]
        if not inside:
            return None
        after = [s for s in inside if s.start >= pos]
        before = [s for s in inside if s.start < pos]
        if located:
            order = [x for x in after if self._located(x.start)] + after
            order += [x for x in reversed(before) if self._located(x.start)] + before[::-1]
            return order[0]
        return after[0] if after else before[-1]

    def _located(self, start: int) -> bool:
        before = self.doc.text[max(0, start - 6):start]
        return bool(re.search(r"(?:^|\s)(?:في|إلى|الى|داخل|قرب|بمدينة|بمحافظة)\s*$|ب$", before))

    def reported_in(self, pos: int) -> Span | None:
        """The last quote (in layer order) whose content covers ``pos``."""
        if len(self.quotes) <= _SCAN_MAX:
            src = None
            for q in self.quotes:
                c = q.attrs.get("content")
                if c and c["start"] <= pos < c["end"]:
                    src = q
            return src
        if self._contents is None:
            self._contents = sorted(
                (q.attrs["content"]["start"], q.attrs["content"]["end"], n)
                for n, q in enumerate(self.quotes) if q.attrs.get("content")
            )  # fmt: skip
            self._content_starts = [c[0] for c in self._contents]
            self._content_maxlen = max((c[1] - c[0] for c in self._contents), default=0)
        lo = bisect_left(self._content_starts, pos - self._content_maxlen)
        hi = bisect_right(self._content_starts, pos)
        best = max((n for a, b, n in self._contents[lo:hi] if a <= pos < b), default=None)
        return None if best is None else self.quotes[best]

    def mode(self, i: int, info: dict[str, Any]) -> tuple[str, str | None]:
        """(mode, reporting quote id) of the event at word ``i`` (see :mod:`event_mode`)."""
        return event_mode.mode(self, i, info)

    # ------------------------------------------------------------------ main
    def role_attr(self, rng: Range) -> dict[str, Any]:
        """The attribute of an argument phrase (word range): offsets, text, the entity it
        links to and its actor type."""
        text = self.doc.text
        sp = self.span_of(rng)
        assert sp is not None
        d: dict[str, Any] = {"start": sp[0], "end": sp[1], "text": text[sp[0]:sp[1]]}
        for x in self.r.entities_in(*sp):
            d["entity"] = x.attrs.get("cluster") or x.attrs.get("entity") or x.id
            if x.attrs.get("canonical"):
                d["canonical"] = x.attrs["canonical"]
            break
        typ = event_lexicon.actor_type([self.words[k].key for k in range(*rng)],
                                       self._entity_label(rng))
        if typ is not None:
            d["type"] = typ
        return d

    def describe(self, i: int, attrs: dict[str, Any], roles: dict[str, Any],
                 source: str | None) -> tuple[int, int]:
        """Add actor/target (word ranges in ``roles``), place, time and source to the
        attributes of the event at word ``i``; returns the evidence span (trigger and
        arguments).  Shared by trigger events and casualty events (event_casualties)."""
        text = self.doc.text
        words = self.words
        w = words[i]
        sents = self.doc.layer("sentences")
        sent = sents[w.sent] if sents else Span(0, len(text))
        pts = [(attrs["trigger"]["start"], attrs["trigger"]["end"])]
        for role in ("actor", "target"):
            rng = roles.get(role)
            if rng is None:
                continue
            d = self.role_attr(rng)
            pts.append((d["start"], d["end"]))
            attrs[role] = d
        pl = self.nearest(self.places, w.start, (sent.start, sent.end), located=True)
        if pl is not None:
            attrs["place"] = {"start": pl.start, "end": pl.end, "text": text[pl.start:pl.end],
                              "id": pl.id}
            for k in ("lat", "lon", "geonameid", "canonical", "country"):
                if k in pl.attrs:
                    attrs["place"][k] = pl.attrs[k]
        tm = self.nearest(self.times, w.start, (sent.start, sent.end))
        if tm is not None:
            attrs["time"] = {"start": tm.start, "end": tm.end, "text": text[tm.start:tm.end],
                             "id": tm.id}
            if "value" in tm.attrs:
                attrs["time"]["value"] = tm.attrs["value"]
        if source:
            attrs["source"] = source
        return min(p[0] for p in pts), max(p[1] for p in pts)

    def run(self) -> list[Span]:
        out: list[Span] = []
        text = self.doc.text
        objects = self.objects
        words = self.words
        # the fast path of _trigger, in one comprehension instead of two calls per word
        flags = [_flags(w.key) if w.kind == "word" else 0 for w in words]
        cands = [i for i, f in enumerate(flags) if f & 1]
        at: list[int] = []  # trigger word of each event of ``out``
        built: dict[int, tuple[int, dict[str, Any], dict[str, Any], str | None]] = {}
        shared: dict[int, tuple[int, Range]] = {}  # sentence → last verb trigger and its actor
        for i in cands:
            w = words[i]
            if (objects and i in objects.values()) or i in self.inside:
                continue  # "تبادلا المراسلات": the object of a light-verb trigger
            trig = self.trigger(i)
            if trig is None:
                continue
            info, kind, t_end = trig
            if in_boilerplate(self.doc, w.start, w.end):
                continue
            prev = self.words[i - 1] if i > 0 else None
            if kind == "verb" and prev is not None and prev.key == "ما":
                continue
            if kind == "verb" and prev is not None and prev.key in clauses.NOUN_PREPS and (
                t_end > i + 1 or clauses.masdar(self, i)
            ):
                kind = "noun"  # "في قصف للحوثيين", "في إطلاق النار": no verb follows these
            elif kind == "verb" and prev is not None and prev.key in clauses.NOUN_PREPS:
                continue
            if kind == "verb" and i + 1 < len(self.words) and self.words[i + 1].key == "عدم":
                continue  # "طلب عدم نشر اسمه"
            args = self.arguments(i, kind, info)
            if args.get("skip"):
                continue
            if clauses.not_an_event(self, i, kind, info, args):
                continue  # a back-reference, a halted act, a headline, no force moving …
            if kind == "verb":
                last = shared.get(w.sent)
                if args["actor"] is None and last is not None and w.start in self.conj_starts \
                        and i - last[0] <= 12:
                    args["actor"] = last[1]  # "قتلت القوات مسلحاً واعتقلت 16": one subject
                if args["actor"] is not None:
                    shared[w.sent] = (i, args["actor"])
            if kind == "verb" and info["plover"] in ("ASSAULT", "FIGHT") \
                    and w.start not in self.conj_starts:
                host = clauses.described(self, i, info, built)
                if host == -1:
                    continue  # "الهجوم الذي استهدف": a back-reference, as its noun
                if host is not None:
                    # "هجمات استهدفت مناطق شيعية", "تفجير سيارة مفخخة استهدف شارعاً": the verb
                    # describes the event noun before it; its object is that event's target
                    k, base, hargs, hsrc = built[host]
                    if args["target"] is not None and (
                        hargs["target"] is None or hargs["target"][1] <= i
                    ):
                        hargs = {**hargs, "target": args["target"]}
                        hattrs = dict(base)
                        s0, e0 = self.describe(host, hattrs, hargs, hsrc)
                        out[k] = Span(s0, e0, base["type"], "", hattrs)
                        built[host] = (k, base, hargs, hsrc)
                    continue
            mode, source = self.mode(i, info)
            if (kind == "noun" and args["actor"] is None and args["target"] is None
                    and w.key.startswith(DEFINITE) and mode != "prohibited"
                    and not clauses.described_after(self, t_end)):
                continue  # a bare definite noun ("الهجوم", "الهدنة") refers back
            plover = info["plover"]
            if plover in clauses.PARTY_TARGET and clauses.is_place(self, args["target"],
                                                                   plover != "CONSULT"):
                args["target"] = None  # "سيطروا على مناطق", "سيزور العاصمة": the place
            elif plover in clauses.PARTY_ONLY and args["target"] is not None and not (
                argrules.is_agent(self, args["target"])
                or argrules.count_phrase(self, args["target"][0], args["target"][1])
            ):
                args["target"] = None  # "تحرير مبنى الجامعة": what is taken is no party
            obj = objects.get(i)
            if kind == "verb" and obj is not None and t_end <= obj < i + 5:
                t_end = obj + 1  # "شنت طائرات التحالف غارات": the trigger runs to its object
            attrs: dict[str, Any] = {
                "type": info["type"],
                "plover": info["plover"],
                "trigger": {"start": w.start, "end": words[t_end - 1].end,
                            "text": text[w.start:words[t_end - 1].end], "kind": kind},
                "mode": mode,
            }
            base = dict(attrs)
            s, e = self.describe(i, attrs, args, source)
            if kind == "noun":
                built[i] = (len(out), base, args, source)
            out.append(Span(s, e, info["type"], "", attrs))
            at.append(i)
        return casualties.attach(self, out, at, [i for i, f in enumerate(flags) if f & 2])


def extract(doc: Document) -> list[Span]:
    """Events of ``doc`` (needs tokens/sentences; uses quotes, entities, places, times)."""
    return _Events(doc).run()


@component("events", requires=("tokens", "sentences"),
           reads=("entities", "places", "times", "quotes", "boilerplate"), assigns=("events",))
def events_component(doc: Document, config: Config) -> None:
    """The ``events`` layer (ids ev0, ev1 …); the optional layers give arguments their links,
    places and times, and reported events their source."""
    doc.set_layer("events", extract(doc), prefix="ev")

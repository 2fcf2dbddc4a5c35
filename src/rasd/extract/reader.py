"""The clause and phrase reader shared by quotes, speakers and events: one per document.

Why: attribution, speaker typing and event arguments all ask the same questions of a sentence —
is this word a speech verb, where does this noun phrase end, what is the subject before this
verb, which adverbs and adjuncts can be skipped, does this phrase look like a name, which
entities or places does it overlap.  They used to be private methods of the quote extractor
that the other extractors borrowed; :class:`Reader` is that reading, public and built once per
document as a :class:`~rasd.doc.Document` view (:func:`reader`), like
:func:`rasd.extract.words.doc_words`.  It holds no extraction state (no statements found so
far), so every component reads the same answers.

Word indices refer to :attr:`Reader.words` (the text layer's orthographic words); spans are
``(start, end)`` character offsets or ``[a, b)`` word ranges, as each method says.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from rasd.doc import Document, Span
from rasd.extract.lexicons import cue_lexicon, speaker_lexicon
from rasd.extract.spanindex import SpanIndex
from rasd.extract.words import (
    COMMA,
    CUE_OPENERS,
    DASH,
    PREPOSITIONS,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    Word,
    bare,
    doc_words,
    variants,
)
from rasd.lang.ar import vocab

__all__ = ["CLAUSE_BOUNDARIES", "CONTENT_STARTS", "MASDAR", "MAX_SPEAKER_WORDS", "PLATFORMS",
           "SPEECH_EVENTS", "Reader", "reader"]

MAX_SPEAKER_WORDS = 16
#: speaker lists whose indefinite nouns are also read with the accusative alif ("مسؤولا")
ACCUSATIVE_TABLES = frozenset({"anonymous", "titles"})
#: words inside quotation marks after a speaker phrase that make them speech, not a name
QUOTED_SPEECH_WORDS = 3
#: words that open a new clause: the subject of a later verb never reaches back across them
CLAUSE_BOUNDARIES = vocab.words("phrase_words", "clause-boundary")
#: nouns of a speech event: "في بيان", "خلال مؤتمر صحفي" are adjuncts of the speech verb
SPEECH_EVENTS = vocab.words("speech_nouns", "speech", "speech-cue")
#: where a statement was posted: "على منصة إكس", "عبر حسابه الرسمي"
PLATFORMS = vocab.words("speech_nouns", "platform")
#: words that open a bare (marker-less) content: "نفى X الأنباء …", "أكد X ضرورة …",
#: verbal nouns of announced content ("أعلنت الوزارة ارتفاع …") and the object before the
#: verb's preposition ("كشف X تفاصيل/النقاب عن …")
CONTENT_STARTS = vocab.words("phrase_words", "content-start")
#: possessive pronoun suffixes a content-start word may carry ("نجاحها", "رفضه")
POSSESSIVES = ("هما", "هم", "ها", "ه")
#: indefinite verbal nouns of the derived stems (استفعال، انفعال، افتعال): "استشهاد"، "ارتفاع"
MASDAR = re.compile(r"^(?:است..ا.|ان..ا.|ا.ت.ا.)$")
#: finite verbs and participles that open a relative clause after a document head
#: ("تقرير للبنك الدولي صدر أمس"); "الصادرة عن X" names the issuer and stays in the phrase
ISSUED = vocab.words("phrase_words", "issued")
#: adjectives of a speech event skipped with it: "في بيان رسمي", "خلال مؤتمر صحفي مشترك"
SPEECH_ADJECTIVES = vocab.words("phrase_words", "speech-adjective")

#: words that end a speaker phrase (:meth:`Reader.np_stop`): relative pronouns, time words, and
#: the prepositions opening an adjunct ("في تصريح", "خلال مؤتمر")
NP_RELATIVES = vocab.words("phrase_words", "np-relative")
NP_ADJUNCT_PREPS = vocab.words("phrase_words", "np-adjunct-prep")
NP_SPEECH_NOUNS = vocab.words("speech_nouns", "speech", "meeting", "account", "when")
NP_TIME_WORDS = vocab.words("phrase_words", "np-time")
#: words that glue time words into one adjunct: "يوم أمس", "أول من أمس"
TIME_GLUE = vocab.words("phrase_words", "time-glue")

_VIEW = "reader"


def reader(doc: Document) -> Reader:
    """The document's :class:`Reader`, built on first use and shared by every component.

    It is derived from the tokens, sentences, entities and places layers: replacing any of
    them drops it (:meth:`Document.view`), so a component never reads a stale one.
    """
    r = doc.view(_VIEW)
    if r is None:
        r = Reader(doc)
        doc.set_view(_VIEW, r, ("tokens", "sentences", "entities", "places"))
    assert isinstance(r, Reader)
    return r


class Reader:
    """Word-level questions about one document's clauses and phrases (see the module doc).

    Build it through :func:`reader` (one per document); constructing one directly works too
    but repeats the per-document indexing.
    """

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        view = doc_words(doc)
        self.words: list[Word] = view.words
        self.starts = view.starts
        self.bounds = view.bounds
        #: words whose first letter the text layer split off as و/ف ("ووصفها", not "وكيل")
        self.conj_starts = view.conj_starts
        self.cues = cue_lexicon()
        self.lex = speaker_lexicon()
        # the tables read per word, typed: compiled (rasd.native), a typed set test is a C call
        cues = self.cues
        self.first_words: frozenset[str] = cues["first_words"]
        self.verbs: dict[str, dict[str, Any]] = cues["verbs"]
        self.parts: dict[str, dict[str, Any]] = cues["participles"]
        self.prep_first: set[str] = cues["prep_first"]
        self.preps: list[tuple[str, ...]] = cues["prepositional"]
        self.markers: set[str] = cues["markers"]
        self.cpreps: set[str] = cues["content_preps"]
        self.entities = sorted(doc.layer("entities"), key=lambda s: s.start)
        self.ent_starts = [x.start for x in self.entities]
        self.ent_maxlen = max((x.end - x.start for x in self.entities), default=0)
        self._places: SpanIndex | None = None  # built when a test needs it
        self._spans_words: dict[tuple[int, int], range] = {}  # memo of words_in

    # ----------------------------------------------------------------- words and sentences
    def words_in(self, span: tuple[int, int]) -> range:
        """Indices of the words inside the character span (bisect on word starts); memoized
        per span, as a speaker span is asked for again by every test on it."""
        hit = self._spans_words.get(span)
        if hit is not None:
            return hit
        a = bisect.bisect_left(self.starts, span[0])
        b = bisect.bisect_right(self.starts, span[1] - 1)
        while b > a and self.words[b - 1].end > span[1]:
            b -= 1
        r = self._spans_words[span] = range(a, b)
        return r

    def has(self, i: int, table: str) -> bool:
        """Is a reading of word ``i`` (whole, or without its proclitics; for unnamed sources and
        titles also without an accusative alif) in speaker list ``table`` (``titles``,
        ``media``, ``organization`` … of ``data/speakers.json``)?"""
        tbl = self.lex[table]
        key = self.words[i].key
        # any() over a generator compiles to a plain loop; isdisjoint would be a method lookup
        if any(v in tbl for v in variants(key)):
            return True
        # an indefinite accusative after إنّ/لكنّ: "لكن مسؤولا ليبيا رفيعا قال"
        return table in ACCUSATIVE_TABLES and len(key) > 3 and key[-1] == "ا" and key[:-1] in tbl

    def is_punct(self, i: int, chars: set[str] | str) -> bool:
        """Is word ``i`` a punctuation mark among ``chars``?"""
        w = self.words[i]
        return w.kind == "punct" and w.norm in chars

    def sent_end(self, i: int) -> int:
        """Index after the last word of word ``i``'s sentence."""
        return self.bounds[self.words[i].sent][1]

    def sent_start(self, i: int) -> int:
        """Index of the first word of word ``i``'s sentence."""
        return self.bounds[self.words[i].sent][0]

    def chunks(self, a: int, b: int) -> list[tuple[int, int]]:
        """Split words ``[a, b)`` at commas and dashes into non-empty chunks."""
        out = []
        s = a
        for j in range(a, b):
            w = self.words[j]
            if w.kind == "punct" and (w.norm in COMMA or w.norm in DASH):
                if j > s:
                    out.append((s, j))
                s = j + 1
        if b > s:
            out.append((s, b))
        return out

    # ----------------------------------------------------------------- entities and places
    def entities_in(self, s: int, e: int) -> list[Span]:
        """Entities overlapping characters ``[s, e)``, in start order.  Only those starting
        within the longest entity's length before ``s`` can reach it, so the scan is bisected."""
        ents = self.entities
        lo = bisect.bisect_left(self.ent_starts, s - self.ent_maxlen)
        hi = bisect.bisect_left(self.ent_starts, e, lo)
        return [x for x in ents[lo:hi] if s < x.end]

    def places(self) -> SpanIndex:
        """The document's ``places`` layer, indexed once (lookups per speaker stay cheap)."""
        idx = self._places
        if idx is None:
            idx = self._places = SpanIndex(self.doc.layer("places"))
        return idx

    # ----------------------------------------------------------------- cue words
    def verb_cue(self, i: int) -> dict[str, Any] | None:
        """The cue entry (stance, strength, relay …) if word ``i`` is a speech verb form."""
        w = self.words[i]
        if w.kind != "word":
            return None
        table = self.verbs
        key = w.key
        if w.norm.endswith(("يدعى", "تدعى")):
            return None  # "ويُدعى" (is called), not "يدّعي" (claims)
        cands = [key, key[1:]] if key[0] in "وف" and len(key) > 3 else [key]
        for v in cands:  # whole word or without و/ف only, never article-stripped
            if v in table and not v.startswith("ال"):
                return table[v]
        return None

    def participle_cue(self, i: int) -> dict[str, Any] | None:
        """The cue entry if word ``i`` is a speech participle ("مضيفاً", "قائلاً")."""
        parts = self.parts
        key = self.words[i].key
        hit = parts.get(key)  # the whole word is always the first variant
        if hit is not None:
            return hit
        vs = variants(key)
        return parts.get(vs[1]) if len(vs) > 1 else None

    def pronoun_verb(self, j: int) -> dict[str, Any] | None:
        """"أوردته", "ذكرتها": a reporting verb carrying an object pronoun."""
        pv: dict[str, dict[str, Any]] = self.cues["pronoun_verbs"]
        return pv.get(self.words[j].key)

    def prep_cue(self, i: int) -> int:
        """Length in words of a prepositional cue ("بحسب", "وفقاً لـ") starting at ``i`` (0 if
        none)."""
        key0 = self.words[i].key
        first = self.prep_first
        if key0 not in first and key0[1:] not in first:
            return 0
        vs0 = variants(key0)[:2]
        for seq in self.preps:
            if seq[0] not in vs0:
                continue  # the first part is compared with the same variants below
            ok = True
            for k, part in enumerate(seq):
                j = i + k
                if j >= len(self.words) or self.words[j].sent != self.words[i].sent:
                    ok = False
                    break
                key = self.words[j].key
                vs = variants(key)[:2]
                if part == "ل" and k > 0:
                    # "وفقاً لـ" / "وفقاً لمصدر": the lam may be attached to the next word
                    if key in ("ل", "لـ") or (
                        key.startswith("ل") and len(key) > 2 and key != "لما"
                    ):
                        continue
                    ok = False
                    break
                if part not in vs:
                    ok = False
                    break
            if ok:
                last = seq[-1]
                if last == "ل" and self.words[i + len(seq) - 1].key not in ("ل", "لـ"):
                    return len(seq) - 1  # lam attached to the speaker word
                return len(seq)
        return 0

    def content_marker(self, i: int) -> int:
        """Word count of a content introducer at ``i`` (أنّ, إلى أنّ, :, «) or 0."""
        w = self.words[i]
        if w.kind == "punct":
            if w.norm == ":":
                return 1
            if w.norm in CUE_OPENERS and i > 0 and (
                    self.verb_cue(i - 1) or self.participle_cue(i - 1)):
                return 1  # "وأضاف ”…”", "وأضاف – …": only right after the speech verb
            if self.opens_quote(i) and self.quoted_name(i) is None:
                return 1
            return 0
        if w.key in self.markers:
            if w.key == "ان" and i > 0 and (
                self.words[i - 1].key == "سي"
                or (i > 1 and self.words[i - 1].key == "ان" and self.words[i - 2].key == "سي")
            ):
                return 0  # "سي إن إن" (CNN) is a name, not "إنّ"
            return 1
        if (
            w.key in self.cpreps
            and w.norm != "علي"  # the name Ali folds like the preposition على
            and i + 1 < len(self.words)
            and self.words[i + 1].key in self.markers
        ):
            return 2
        return 0

    def opens_quote(self, i: int) -> bool:
        """Is word ``i`` an opening quotation mark?  « “ „ always are; the ASCII " (used for
        both ends) opens only when a word follows it directly: «لـ"منبر عدن"،»."""
        w = self.words[i]
        if w.norm not in QUOTE_OPEN:
            return False
        if w.norm != '"':
            return True
        nxt = self.text[w.end:w.end + 1]
        return bool(nxt) and (nxt.isalnum() or nxt in "«“(")

    def quoted_name(self, i: int) -> int | None:
        """If ``i`` opens a short quoted name (“فيصل الفضل”), the index after its close."""
        w = self.words[i]
        if not self.opens_quote(i):
            return None
        closers = {QUOTE_CLOSE.get(w.norm, w.norm), "”", "»", '"'}
        for j in range(i + 1, min(i + 7, len(self.words))):
            wj = self.words[j]
            if wj.kind == "punct" and wj.norm in closers:
                if j == i + 1:
                    return None
                nxt = j + 1
                ends = (
                    nxt >= len(self.words) or self.words[nxt].sent != w.sent
                    or (self.words[nxt].kind == "punct" and self.words[nxt].norm in ".!?؟")
                )
                if ends and not (i > 0 and (self.has(i - 1, "media")
                                            or self.has(i - 1, "agency_heads")
                                            or self.words[i - 1].key in ("ل", "لـ"))):
                    # a quote that ends the sentence is speech, not a name, unless it is
                    # an outlet or its addressee: '… قال موظف لـ"العربي الجديد".'
                    return None
                return j + 1
            if wj.kind == "punct" and wj.norm not in "()-.":
                return None
        return None

    def quoted_speech(self, i: int, close: int) -> bool:
        """Is the quotation ``i``..``close`` after a speaker phrase the speech itself ("وقال
        كارتر «النفوذ الإيراني على الحوثيين حقيقي»، …") rather than a quoted name?  A name
        in quotation marks follows its head noun (an outlet, an institution, a title:
        "حركة «أحرار الشام»", "النقيب “فيصل الفضل”") or "لـ"; three or more words after a
        name are speech."""
        if close - i - 2 < QUOTED_SPEECH_WORDS or i == 0:
            return False
        prev = i - 1
        return not (self.words[prev].key in ("ل", "لـ") or self.words[prev].key in PREPOSITIONS
                    or any(
            self.has(prev, t) for t in ("media", "agency_heads", "organization", "titles",
                                        "document")))

    def cue_starts_clause(self, j: int) -> bool:
        """Does word ``j`` open its clause (sentence start, after punctuation, or و/ف-)?"""
        if j == 0 or self.words[j - 1].sent != self.words[j].sent:
            return True
        prev = self.words[j - 1]
        return prev.kind == "punct" or self.words[j].key[0] in "وف"

    # ----------------------------------------------------------------- clauses
    def subject_before(self, i: int) -> tuple[int, int] | None:
        """SVO order: a speaker phrase (word range) right before the verb ``i`` in its clause.

        "لكن وزارة الدفاع الأميركية نفت …", "أما رئيس المجلس فأكد …", "وكانت الوزارة قد
        أعلنت …": the clause starts after the last boundary (punctuation, أنّ, لكن, بينما …),
        and its leftmost speaker head must run up to the verb.
        """
        j = i - 1
        s0 = self.sent_start(i)
        while j >= s0 and self.words[j].key in ("قد", "لقد"):
            j -= 1
        stop = j + 1
        while j >= s0:
            w = self.words[j]
            if w.kind == "punct" and w.norm not in "()\"“”«»":
                break
            if w.key in CLAUSE_BOUNDARIES or w.key in self.markers:
                break
            if self.verb_cue(j) or self.participle_cue(j):
                break
            j -= 1
        a = j + 1
        if a >= stop:
            return None
        first = self.words[a].key
        if self.words[a].kind == "word" and (
                first in PREPOSITIONS or (first[:1] in "وف" and first[1:] in PREPOSITIONS)):
            return None  # "وفي كلمة بثها التلفزيون قال الأسد": an adjunct, the subject follows
        for k in range(a, stop):
            if self.words[k].kind != "word" or not self.speaker_head(k):
                continue
            e = self.np_end(k, stop)
            if e >= stop - 1 and e > k:
                return (k, stop)
            return None
        return None

    def skip_adverbs(self, a: int, b: int) -> int:
        """The first word at or after ``a`` (before ``b``) that is not an adverb or "من جهته",
        "في وقت سابق" style phrase."""
        while a < b:
            key = self.words[a].key
            if key in ("من", "علي") and a + 1 < b and bare(self.words[a + 1].key).startswith(
                ("جهت", "ناحيت", "جانب")
            ):
                a += 2
                continue
            if key in self.lex["adverbs"] and key not in ("من",):
                a += 1
                continue
            if key in ("في",) and a + 2 < b and self.words[a + 1].key in ("وقت", "حين"):
                a += 3 if self.words[a + 2].key in ("سابق", "لاحق") else 2
                continue
            break
        return a

    def skip_time(self, a: int, b: int) -> int:
        """Skip a time adjunct between a speaker and its content: "أمس (السبت)", "اليوم
        الأحد", "أول من أمس (الجمعة)" (the words of :data:`NP_TIME_WORDS`, a weekday in
        brackets, "يوم", "أول من")."""
        while a < b:
            w = self.words[a]
            if w.kind == "word" and (w.key in NP_TIME_WORDS or w.key in TIME_GLUE):
                a += 1
                if w.key in TIME_GLUE and a < b and self.words[a].key in PREPOSITIONS:
                    a += 1  # "أول من أمس"
            elif (w.norm == "(" and a + 2 < b and self.words[a + 1].key in NP_TIME_WORDS
                  and self.words[a + 2].norm == ")"):
                a += 3
            else:
                break
        return a

    def skip_adjuncts(self, a: int, b: int) -> int:
        """Skip adverbs and "في بيان (على منصة إكس)" style phrases before bare content."""
        while a < b:
            a2 = self.skip_adverbs(a, b)
            w = self.words[a2] if a2 < b else None
            if w is None:
                return a2
            if w.kind == "punct" and w.norm in COMMA:
                a = a2 + 1
                continue
            if w.key in ("في", "عبر", "خلال") and a2 + 1 < b and any(
                v in SPEECH_EVENTS for v in variants(self.words[a2 + 1].key)
            ):
                a = a2 + 2
                while a < b and self.words[a].key in SPEECH_ADJECTIVES:
                    a += 1
                continue
            if w.key in ("علي", "عبر") and a2 + 1 < b and any(
                any(v in PLATFORMS for v in variants(self.words[k].key))
                for k in range(a2 + 1, min(b, a2 + 3))
            ):
                a = a2 + 2
                while a < b and any(v in PLATFORMS for v in variants(self.words[a].key)):
                    a += 1
                continue
            return a2
        return a

    def is_adjunct_start(self, j: int) -> bool:
        """Does word ``j`` open an adjunct (a preposition, an addressee "لـ(…)", "للصحفيين")
        rather than a speaker phrase?"""
        w = self.words[j]
        if w.kind == "punct":
            return w.norm in "(" and j > 0 and self.words[j - 1].key in ("ل", "لـ")
        key = w.key
        if key in self.lex["adjunct_starts"] or key in PREPOSITIONS or key in ("ل", "لـ"):
            return True
        if key.startswith(("لل", "بال", "وبال", "ولل")) and len(key) > 4:
            return True  # preposition + article: an addressee or adjunct, never the subject
        return key.startswith("ل") and any(
            v in self.lex["media"] or v in self.lex["agency_heads"] for v in variants(key)[1:]
        )

    # ----------------------------------------------------------------- noun phrases
    def np_end(self, a: int, b: int) -> int:
        """End of the speaker noun phrase starting at ``a`` (before ``b``).

        The phrase stops at punctuation, adjunct phrases ("في تصريح", "لـ(…)"), content
        introducers and the verbal nouns that open bare content ("… ارتفاع عدد الشهداء").
        """
        j = a
        limit = min(b, a + MAX_SPEAKER_WORDS)
        while j < limit:
            w = self.words[j]
            if j > a:
                if w.kind == "punct" and w.norm in QUOTE_OPEN:
                    close = self.quoted_name(j)
                    if close is None or self.quoted_speech(j, close):
                        break
                    j = close
                    continue
                if w.kind == "punct" and (w.norm in COMMA or w.norm in DASH or w.norm in ".:!?؟"):
                    break
                if w.kind == "word" and (
                    self.np_stop(j) or self.content_marker(j) or (
                        self.content_start(j)  # "أفادت الوزارة بمقتل …"
                        # "وكالة الأنباء": a genitive of an outlet, not the start of content,
                        # nor "دائرة صحة …" after an indefinite institution head
                        and not (self.has(j - 1, "agency_heads") or self.has(j - 1, "media"))
                        and not (self.has(j - 1, "organization")
                                 and not self.words[j - 1].key.startswith("ال"))
                    )
                ):
                    break
                if self.verb_cue(j) or self.participle_cue(j):
                    break
            elif w.kind == "punct" and w.norm in QUOTE_OPEN:
                close = self.quoted_name(j)
                if close is None:
                    break
                j = close
                continue
            if w.kind == "punct" and w.norm == "(":
                close = next(
                    (k for k in range(j + 1, min(j + 8, b)) if self.words[k].norm == ")"), None
                )
                if close is None:
                    break
                j = close + 1
                continue
            j += 1
        return j

    def content_start(self, j: int) -> bool:
        """Does word ``j`` open a marker-less content: a listed word ("ضرورة", "بمقتل"), one
        with a possessive pronoun ("نجاحها", "عدم تلقيها" → "نجاح", "عدم"), or a bare verbal
        noun of a derived stem ("أعلنت وزارة الصحة استشهاد …")?"""
        w = self.words[j]
        key = w.key
        if key in CONTENT_STARTS or (key[:1] == "ب" and len(key) > 4 and key[1:] in CONTENT_STARTS):
            return True
        if any(key.endswith(p) and len(key) > len(p) + 2 and key[:-len(p)] in CONTENT_STARTS
               for p in POSSESSIVES):
            return True
        return MASDAR.match(key) is not None and not self.entities_in(w.start, w.end)

    def np_stop(self, j: int) -> bool:
        """Does word ``j`` end a speaker phrase (a relative, a time word, an adjunct
        preposition, "صدر أمس", an addressee outlet "لـ«النهار»")?"""
        key = self.words[j].key
        if key in ISSUED and (j + 1 >= len(self.words) or self.words[j + 1].key not in ("عن", "من")):
            return True  # "تقرير للبنك الدولي صدر أمس", but "البيانات الصادرة عن المركز"
        if self.words[j].norm == "على":  # the preposition, not the name علي (same fold)
            return True
        if key in NP_RELATIVES:
            return True
        if key in NP_ADJUNCT_PREPS:
            nxt = self.words[j + 1].key if j + 1 < len(self.words) else ""
            return not NP_SPEECH_NOUNS.isdisjoint(variants(nxt)) or key != "في"
        if key in NP_TIME_WORDS:
            return True
        if key in ("ل", "لـ"):
            return True
        # "لـ«النهار»", "لوكالة الأنباء": an addressee outlet ends the speaker phrase, but
        # "للأنباء" inside "وكالة المغرب العربي للأنباء" is part of a name
        return key.startswith("ل") and any(
            (v in self.lex["media"] and v not in self.lex["media_needs_head"])
            or v in self.lex["agency_heads"]
            for v in variants(key)[1:2]
        )

    def speaker_head(self, j: int) -> bool:
        """Can word ``j`` head a speaker phrase (a source noun, a title, an outlet, an
        institution, or the first word of a PER/ORG entity)?"""
        return any(
            self.has(j, t) for t in ("anonymous", "document", "organization", "titles")
        ) or self.has(j, "agency_heads") or (
            self.has(j, "media") and not self.has(j, "media_needs_head")
        ) or bool(
            [e for e in self.entities_in(self.words[j].start, self.words[j].end)
             if e.label in ("PER", "ORG") and e.start == self.words[j].start]
        )

    def name_score(self, a: int, b: int) -> int:
        """How much ``[a, b)`` looks like a personal name: 3 quoted/PER, 2 title + name,
        1 bare name-like words, 0 a description (prepositions, institutional heads)."""
        w = self.words[a]
        if w.kind == "punct" and w.norm in QUOTE_OPEN and self.quoted_name(a) is not None:
            return 3
        if any(e.label == "PER" for e in self.entities_in(w.start, self.words[b - 1].end)):
            return 3
        k = a
        titled = False
        while k < b and self.has(k, "titles"):
            titled = True
            k += 1
        if k < b and self.words[k].norm in QUOTE_OPEN and self.quoted_name(k) is not None:
            return 3
        rest = self.words[k:b]
        if not rest or len(rest) > 5:
            return 0
        for j, x in enumerate(rest, start=k):
            if x.kind != "word" or x.key in PREPOSITIONS or x.key in ("باسم", "لدي"):
                return 0
            if x.key.startswith("ل") and len(x.key) >= 4:
                return 0
            if any(self.has(j, t) for t in ("organization", "media", "anonymous", "document")):
                return 0
        return 2 if titled else 1

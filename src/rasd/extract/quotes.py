"""Attributed statements: who said what, in what words, with what stance.

Arabic news attributes almost every claim, and the attribution patterns are few and regular:

* a speech verb, usually verb-first: "وقال وزير الخارجية …، إن …", "كشف مصدر عسكري … أنّ …",
  with the speaker after the verb, adjuncts between ("لـ(الحل نت)، اليوم الاثنين،"), and the
  content introduced by أنّ/إنّ/إلى أنّ, a colon or a quotation mark;
* pro-dropped continuations ("وأضاف أن …", "مضيفاً أن …") whose speaker is the previous one;
* prepositional attributions ("بحسب …", "وفقاً لـ …", "نقلاً عن …") before or after the content;
* the subject before the verb ("وكان تقرير للأمم المتحدة … كشف أن …").

Each statement is one span in the ``quotes`` layer covering cue, local speaker mention and
content, with ``attrs``: ``cue``/``speaker``/``content`` ``{start, end}`` (speaker also has
``kind``, ``text``, ``entity``, ``canonical``, ``descriptor``, ``implicit``), ``stance``
(assert/deny/doubt), ``direct`` (quoted words) and ``antecedent`` (id of the quote whose
speaker this one refers back to, for "المصدر", "وأضاف", a repeated surname …).

Speaker kinds: ``named_person`` (a name or an identifiable office holder: "وزير الخارجية"),
``organization``, ``document`` ("تقرير الأمم المتحدة", "البيان"), ``media`` (an outlet or its
data) and ``anonymous`` (unnamed sources; the descriptor is kept verbatim).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from rasd.config import Config
from rasd.doc import Document, Span
from rasd.extract.boilerplate import in_boilerplate
from rasd.extract.lexicons import cue_lexicon, speaker_lexicon
from rasd.extract.spanindex import SpanIndex
from rasd.extract.speakers import MAX_BACK, _places_index, entity_link, resolve, root_of
from rasd.extract.words import (
    COMMA,
    DASH,
    PREPOSITIONS,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    bare,
    doc_words,
    variants,
)
from rasd.lang.ar.normalize import fold_key
from rasd.pipeline import component

MAX_SPEAKER_WORDS = 16
MAX_GAP_WORDS = 40  # cue → content marker search window
NEGATIONS = {"لم", "لن", "لا", "ما"}
CLAUSE_BOUNDARIES = {"لكن", "ولكن", "بينما", "فيما", "حين", "اذ", "اما", "ثم", "حيث", "كما", "غير",
                     "بل", "لان", "عندما", "بعدما", "وبينما", "وفيما", "لكنه", "لكنها"}
SPEECH_EVENTS = {"بيان", "تصريح", "تصريحات", "حديث", "مقابله", "لقاء", "مؤتمر", "كلمه", "تغريده",
                 "منشور", "رساله", "اتصال", "حوار", "بلاغ", "خطاب", "تدوينه"}
PLATFORMS = {"منصه", "حسابه", "حسابها", "صفحته", "صفحتها", "موقعه", "موقعها", "تويتر", "اكس",
             "فيسبوك", "تلغرام", "تليغرام", "يوتيوب", "الرسمي", "الرسميه"}
#: words that open a bare (marker-less) content: "نفى X الأنباء …", "أكد X ضرورة …"
CONTENT_STARTS = {"صحه", "وجود", "الانباء", "الاخبار", "الاتهامات", "التقارير", "المزاعم",
                  "الشائعات", "هذه", "هذا", "اي", "تعرض", "قيام", "حدوث", "مسؤوليته",
                  "مسؤوليتها", "علمه", "علمها", "ضروره", "اهميه", "استعداد", "رفض", "تمسك",
                  "التزام", "دعم", "ما", "كل", "جميع", "الروايه", "الادعاءات", "وقوع", "نيه",
                  # verbal nouns that open announced content: "أعلنت الوزارة ارتفاع …"
                  "ارتفاع", "انخفاض", "تراجع", "مقتل", "سقوط", "اصابه", "استهداف", "اعتقال",
                  "وصول", "بدء", "انطلاق", "تعليق", "استئناف", "رفع", "خفض", "تمديد", "اطلاق",
                  "الافراج", "فرض", "توقيع", "تسجيل", "عوده", "انتهاء", "مشاركه", "تعيين",
                  "اغلاق", "فتح", "الغاء", "تاجيل", "زياده", "نجاح", "فشل", "ضبط", "احباط",
                  # "كشف X تفاصيل/النقاب عن …": the object before the verb's preposition
                  "تفاصيل", "النقاب", "معلومات", "ملامح"}
#: indefinite verbal nouns of the derived stems (استفعال، انفعال، افتعال): "استشهاد"، "ارتفاع"
MASDAR = re.compile(r"^(?:است..ا.|ان..ا.|ا.ت.ا.)$")
#: honorific pronouns of agency style ("وشدد سموه", "وأكد معاليه"): the speaker is not
#: written here and is the one referred to, as with a pro-dropped verb
HONORIFIC_PRONOUNS = {"سموه", "سموها", "معاليه", "معاليها", "فخامته", "جلالته", "سيادته",
                      "سيادتها", "دولته", "سعادته", "سعادتها", "حضرته"}
#: finite verbs and participles that open a relative clause after a document head
#: ("تقرير للبنك الدولي صدر أمس"); "الصادرة عن X" names the issuer and stays in the phrase
ISSUED = {"صدر", "صدرت", "الصادر", "الصادره", "نشر", "نشرت", "المنشور", "المنشوره"}
#: words after an object preposition that show it is not the content ("كشف عن هويته")
NOT_OBJECT = {"هويته", "هويتها", "هويتهم", "اسمه", "اسمها", "اسمائهم", "هامش"}
RELATIVES = {"عدم", "ما", "مما", "بما", "عما", "الذي", "التي", "الذين", "كما", "فيما", "لما"}
KINDS = ("named_person", "organization", "document", "media", "anonymous")


@dataclass
class Quote:
    """Working record for one attributed statement (word indices and char offsets)."""

    cue: tuple[int, int]
    stance: str
    speaker: tuple[int, int] | None = None  # char offsets of the local mention
    content: tuple[int, int] | None = None
    direct: bool = False
    kind: str = ""
    descriptor: tuple[int, int] | None = None
    antecedent: int | None = None  # index into the quote list
    implicit: bool = False  # speaker not written here (pro-drop / participle)
    via: tuple[int, int] | None = None  # relaying outlet: "نقلت وكالة X عن Y"
    cue_kind: str = "verb"
    sent: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def _speaker_of(q: Quote) -> tuple[int, int] | None:
    return q.speaker


#: words that end a speaker phrase (:meth:`_Extractor._np_stop`): relative pronouns, time
#: words, and the prepositions opening an adjunct ("في تصريح", "خلال مؤتمر")
_NP_RELATIVES = frozenset(
    ("الذي", "التي", "الذين", "والذي", "والتي", "والذين", "اللذان", "اللتان"))
_NP_ADJUNCT_PREPS = frozenset(("في", "خلال", "عبر", "لدي", "امام", "اثناء", "عقب", "ضمن", "بعد",
                               "قبل", "اثر", "عند", "منذ"))
_NP_SPEECH_NOUNS = frozenset((
    "تصريح", "تصريحات", "حديث", "بيان", "مقابله", "لقاء", "مؤتمر", "كلمه",
    "تغريده", "منشور", "رساله", "اتصال", "حوار", "اجتماع", "جلسه", "ندوه",
    "صفحته", "حسابه", "صفحتها", "حسابها", "وقت", "حين",
))
_NP_TIME_WORDS = frozenset(("اليوم", "امس", "مساء", "صباح", "للصحفيين", "للصحافيين", "الاحد",
                            "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت"))


class _Extractor:
    """One pass over one document; keeps the word list and lexicons at hand."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        view = doc_words(doc)  # built once per document, shared with events and claims
        self.words = view.words
        self.starts = view.starts
        self.bounds = view.bounds
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
        self.quotes: list[Quote] = []
        self.skip_to = 0  # char offset before which no new statement may start
        # words whose first letter the text layer split off as و/ف ("ووصفها", not "وكيل")
        self.conj_starts = view.conj_starts
        self.places_index: SpanIndex | None = None  # built when a speaker test needs it
        self.spans_words: dict[tuple[int, int], range] = {}  # memo of words_in

    # ----------------------------------------------------------------- word helpers
    def words_in(self, span: tuple[int, int]) -> range:
        """Indices of the words inside the character span (bisect on word starts); memoized
        per span, as a speaker span is asked for again by every test on it."""
        hit = self.spans_words.get(span)
        if hit is not None:
            return hit
        a = bisect.bisect_left(self.starts, span[0])
        b = bisect.bisect_right(self.starts, span[1] - 1)
        while b > a and self.words[b - 1].end > span[1]:
            b -= 1
        r = self.spans_words[span] = range(a, b)
        return r

    def has(self, i: int, table: str) -> bool:
        """Is a reading of word ``i`` (whole, or without its proclitics) in lexicon ``table``?"""
        tbl = self.lex[table]
        # any() over a generator compiles to a plain loop; isdisjoint would be a method lookup
        return any(v in tbl for v in variants(self.words[i].key))

    def is_punct(self, i: int, chars: set[str] | str) -> bool:
        w = self.words[i]
        return w.kind == "punct" and w.norm in chars

    def sent_end(self, i: int) -> int:
        return self.bounds[self.words[i].sent][1]

    def sent_start(self, i: int) -> int:
        return self.bounds[self.words[i].sent][0]

    def verb_cue(self, i: int) -> dict[str, Any] | None:
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
        parts = self.parts
        key = self.words[i].key
        hit = parts.get(key)  # the whole word is always the first variant
        if hit is not None:
            return hit
        vs = variants(key)
        return parts.get(vs[1]) if len(vs) > 1 else None

    def prep_cue(self, i: int) -> int:
        """Length in words of a prepositional cue starting at ``i`` (0 if none)."""
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

    # ----------------------------------------------------------------- main loop
    def run(self) -> list[Quote]:
        first = self.first_words
        words = self.words
        # only words a cue can start with are visited (one comprehension, not a Python loop
        # step per word); a statement may consume words, so later ones resume after it
        starts = [k for k, w in enumerate(words) if w.key in first or w.key[1:] in first]
        i = 0
        for k in starts:
            if k < i:
                continue
            i = k
            if words[i].start < self.skip_to:
                i += 1  # inside the attribution of the previous statement
                continue
            nxt = (self.try_prep(i) or self.try_verb(i) or self.try_participle(i)
                   or self.try_what(i))
            i = nxt if nxt else i + 1
        return self.quotes

    # ----------------------------------------------------------------- verb cues
    def try_verb(self, i: int) -> int:
        info = self.verb_cue(i)
        if info is None:
            return 0
        if i > 0 and self.opens_quote(i - 1) and self.quoted_name(i - 1) is not None:
            return 0  # وكالة "فرات": the first word of a quoted name, not a cue
        prev = self.words[i - 1] if i > 0 else None
        if (
            prev is not None
            and prev.sent == self.words[i].sent
            and (prev.key in PREPOSITIONS or prev.key in RELATIVES)
        ):
            return 0  # "عن ذكر اسمه", "ما تقر به": a verbal noun or relative clause
        w = self.words[i]
        if in_boilerplate(self.doc, w.start, w.end) or self._inside_content(w.start):
            return 0
        if not info["strong"] and not self._weak_cue_position(i):
            return 0  # "تعاون بين …", "مقارنة بين …": a weak cue must open its clause
        end = self.sent_end(i)
        # locate the content introducer (a side-effect-free scan, so the position test
        # above, which does not depend on it, is made first)
        m = None
        j = i
        # the checks below are guarded by cheap set lookups that are necessary conditions of
        # the helper they guard (this loop runs over up to 40 words for every cue)
        words = self.words
        verbs = self.verbs
        markers = self.markers
        cpreps = self.cpreps
        limit = min(end, i + 1 + MAX_GAP_WORDS)
        obj = info["object"]
        by_object = False
        while j + 1 < limit:
            j += 1
            wj = words[j]
            norm = wj.norm
            if norm in QUOTE_OPEN and self.opens_quote(j) and (
                close := self.quoted_name(j)
            ) is not None:
                j = close - 1  # a quoted name ("بي إن سبورتس") hides no introducer
                continue
            key = wj.key
            if j > i + 1:
                if (
                    wj.kind == "word" and (key in verbs or key[1:] in verbs)
                    and self.verb_cue(j) and self._cue_starts_clause(j)
                ):
                    break
                prev = words[j - 1]
                if prev.kind == "punct" and prev.norm in COMMA and (
                    self.prep_cue(j) or self.participle_cue(j) or key in CLAUSE_BOUNDARIES
                    or self._coordinated_clause(j)
                ):
                    break  # the next clause belongs to another statement
            if (
                key in markers or key in cpreps
                or (wj.kind == "punct" and (norm == ":" or norm in QUOTE_OPEN))
            ):
                k = self.content_marker(j)
                if k:
                    m = (j, k)
                    break
            if key == obj and self._object_prep(j, limit):
                m = (j, 1)  # "أعربت الوزارة في بيان عن ترحيبها …", "شكك X في جدوى …"
                by_object = True
                break
        # a weak cue ("أعلن", "كشف", "حمّل") without أنّ/إنّ/«» only counts when an
        # institution is speaking and its words follow directly: "أعلنت الوزارة ارتفاع …"
        quoted_before = m is None and self._quote_before(i)
        weak_bare = m is None and not info["strong"] and not quoted_before
        if weak_bare and not (info["bare"] and self._cue_starts_clause(i)):
            return 0
        region_end = m[0] if m else end
        q = Quote(cue=(w.start, w.end), stance=info["stance"])
        q.sent = w.sent
        if self._negated(i):
            q.extra["negated"] = True
        subject = None if info["relay"] else self._subject_before(i)
        np_end = i + 1
        if i + 1 < end and self.participle_cue(i + 1):
            np_end = i + 2  # "وتابع قائلاً:": the participle belongs to the cue
        if subject is not None:
            q.speaker = (self.words[subject[0]].start, self.words[subject[1] - 1].end)
        elif info["relay"]:
            if not self._relay(q, i, region_end):
                return 0
            np_end = q.extra.get("np_end", np_end)
        else:
            np_end = self._speaker_after(q, np_end, region_end) or np_end
            np_end = self._relay_after(q, np_end, region_end)
        if weak_bare and not (
            q.speaker is not None and self._institutional(q.speaker) and np_end < end
        ):
            return 0
        if m is not None and by_object and np_end < m[0] and self._bare_object(np_end, m[0]):
            q.content = self._clause(np_end, end)  # "كشف مصدر تفاصيل جديدة عن …"
        elif m is not None:
            self._content_from(q, m[0], m[1])
        elif quoted_before:
            # "«…»، يقول فلان، وهو …": the quotation opening the sentence is the content
            q.content = self._preceding_content(i)
            q.direct = True
        else:
            # no introducer: bare content after the speaker ("نفى X الاتهامات …"), or the
            # statement precedes the cue ("«…»، قال X")
            after = self._skip_adjuncts(np_end, end)
            if any(self.words[k].kind != "punct" for k in range(after, end)):
                q.content = self._clause(after, end)
            else:
                q.content = self._preceding_content(i)
        if q.content is None or q.content[0] >= q.content[1]:
            return 0
        if q.speaker is None:
            self._speaker_before(q, i)
        self.quotes.append(q)
        # words between the cue and its content cannot open another statement
        self.skip_to = max(self.skip_to, min(q.content[0], self.words[min(np_end, end) - 1].end)
                           if q.content[0] > w.start else w.end)
        return i + 1

    def _relay_after(self, q: Quote, np_end: int, b: int) -> int:
        """"قالت صحيفة X نقلاً عن مسؤولين …": the outlet relays, the officials speak."""
        j = np_end
        while j < b and self.words[j].kind == "punct" and self.words[j].norm in COMMA:
            j += 1
        if (
            q.speaker is not None and j + 1 < b and self.words[j].key in ("نقلا",)
            and self.words[j + 1].key == "عن"
        ):
            via = q.speaker
            q.speaker = None
            end = self._speaker_after(q, j + 2, b)
            # re-read through a call: a type checker (and mypyc, which compiles this module)
            # would otherwise keep ``q.speaker`` narrowed to the None assigned above
            if _speaker_of(q) is None:
                q.speaker = via
                return np_end
            q.via = via
            return end or np_end
        return np_end

    def _institutional(self, span: tuple[int, int]) -> bool:
        idx = [k for k in self.words_in(span) if self.words[k].kind == "word"]
        return bool(idx) and any(
            self.has(idx[0], t) for t in ("organization", "document", "agency_heads")
        )

    def _object_prep(self, j: int, b: int) -> bool:
        """Does the preposition at ``j`` open the verb's content rather than an adjunct or a
        descriptor ("مصدر في الحزب", "في بيان", "على منصة إكس", "عن هويته")?"""
        if j + 1 >= b or self.words[j + 1].kind != "word":
            return False
        nxt = self.words[j + 1]
        if nxt.key in NOT_OBJECT or self.words[j - 1].key in ("نقلا",) or self.words[j - 1].key in ISSUED:
            return False
        vs = variants(nxt.key)
        if any(v in SPEECH_EVENTS or v in PLATFORMS for v in vs) or self._np_stop(j + 1):
            return False
        # "مصدر في الحزب", "في أربيل": a descriptor or a place, not the content
        return self.words[j].key not in ("في", "من") or not (
            any(self.has(j + 1, t) for t in ("organization", "media", "agency_heads", "anonymous"))
            or any(e.label in ("GPE", "LOC", "ORG", "FAC") and e.start == nxt.start
                   for e in self._entities_in(nxt.start, nxt.end))
            or bool(_places_index(self).overlapping(nxt.start, nxt.start + 1))
        )

    def _bare_object(self, a: int, b: int) -> bool:
        """Words ``[a, b)`` left between the speaker and the verb's preposition are its object
        ("تفاصيل جديدة", "النقاب"), not an adjunct ("في بيان", "لـ«النهار»", "، اليوم،")."""
        w = self.words[a]
        return (
            w.kind == "word" and (w.key in CONTENT_STARTS or MASDAR.match(w.key) is not None)
            and not any(self.words[k].kind == "punct" for k in range(a, b))
        )

    def _quote_before(self, i: int) -> bool:
        """"«…»، قال X": a quotation that opens its sentence (or paragraph), then a comma."""
        if i < 2 or not self.is_punct(i - 1, COMMA):
            return False
        last = self.words[i - 2]
        if last.kind != "punct" or last.norm not in "»”\"":
            return False
        opener = {"»": "«", "”": "“", '"': '"'}[last.norm]
        pos = self.text.rfind(opener, 0, last.start)
        if pos < 0 or last.start - pos > 3000:
            return False
        before = self.text[max(0, pos - 3):pos].rstrip(" \t")
        return not before or before[-1] in "\n.!?؟" or (
            before[-1] in "وف" and (len(before) < 2 or before[-2] in " \n")
        )

    def _inside_content(self, pos: int) -> bool:
        """Cues inside an earlier statement's content are nested speech: not extracted."""
        return any(
            q.content is not None and q.content[0] <= pos < q.content[1] and q.cue[0] < pos
            and q.cue_kind != "preposition"
            for q in self.quotes[-3:]
        )

    def _subject_before(self, i: int) -> tuple[int, int] | None:
        """SVO order: a speaker phrase right before the cue in the same clause.

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
        for k in range(a, stop):
            if self.words[k].kind != "word" or not self._speaker_head(k):
                continue
            e = self._np_end(k, stop)
            if e >= stop - 1 and e > k:
                return (k, stop)
            return None
        return None

    def _skip_adjuncts(self, a: int, b: int) -> int:
        """Skip adverbs and "في بيان (على منصة إكس)" style phrases before bare content."""
        while a < b:
            a2 = self._skip_adverbs(a, b)
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
                while a < b and self.words[a].key in ("رسمي", "صحفي", "صحفيه", "مقتضب",
                                                      "مشترك", "صحفيه", "تلفزيوني",
                                                      "اذاعي", "رسميه", "مكتوب", "له", "لها",
                                                      "لهم"):
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

    def _weak_cue_position(self, i: int) -> bool:
        """Weak cues (بيّن، ذكر، كشف …) double as nouns and prepositions ("بين"); accept
        them at a clause start, after a clause word (إذ، حين، قد), or after their subject."""
        if self._cue_starts_clause(i):
            return True
        prev = self.words[i - 1].key
        return prev in CLAUSE_BOUNDARIES or prev in ("قد", "لقد", "كان", "كانت") or (
            self._subject_before(i) is not None
        )

    def _coordinated_clause(self, j: int) -> bool:
        """"…، ووصفها بأنها …": و/ف + an indefinite word after a comma opens a new clause
        (a parenthetical "، وهو …" or a second "، وأن …" does not)."""
        key = self.words[j].key
        return (
            self.words[j].kind == "word" and self.words[j].start in self.conj_starts
            and not key.startswith(("وال", "فال"))
            and key[1:] not in ("هو", "هي", "هم") and not self.content_marker(j)
            and not self.verb_cue(j)
        )

    def _cue_starts_clause(self, j: int) -> bool:
        if j == 0 or self.words[j - 1].sent != self.words[j].sent:
            return True
        prev = self.words[j - 1]
        return prev.kind == "punct" or self.words[j].key[0] in "وف"

    def _negated(self, i: int) -> bool:
        return i > 0 and self.words[i - 1].key in NEGATIONS

    def _relay(self, q: Quote, i: int, region_end: int) -> bool:
        """"نقلت وكالة X عن مصدر … قوله إن": X relays, the speaker follows عن."""
        for j in range(i + 1, region_end):
            if self.words[j].key == "عن":
                subject = self._subject_before(i)  # "وكانت مواقع معارضة قد نقلت، …، عن"
                if subject is not None:
                    q.via = (self.words[subject[0]].start, self.words[subject[1] - 1].end)
                else:
                    for ca, cb in self._chunks(i + 1, j):
                        ca = self._skip_adverbs(ca, cb)
                        if ca < cb:
                            q.via = (self.words[ca].start, self.words[cb - 1].end)
                            break
                # drop a trailing "قوله/قولها" (the verbal noun of the relayed saying)
                stop = region_end
                if stop - 1 > j and self.words[stop - 1].key.startswith("قول"):
                    stop -= 1
                q.extra["np_end"] = self._speaker_after(q, j + 1, stop) or j + 1
                return q.speaker is not None
        return False

    # ----------------------------------------------------------------- speakers
    def _chunks(self, a: int, b: int) -> list[tuple[int, int]]:
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

    def _skip_adverbs(self, a: int, b: int) -> int:
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

    def _is_adjunct_start(self, j: int) -> bool:
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

    def _np_end(self, a: int, b: int) -> int:
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
                    if close is None:
                        break
                    j = close
                    continue
                if w.kind == "punct" and (w.norm in COMMA or w.norm in DASH or w.norm in ".:!?؟"):
                    break
                if w.kind == "word" and (
                    self._np_stop(j) or self.content_marker(j) or (
                        (w.key in CONTENT_STARTS or (
                            w.key[:1] == "ب" and len(w.key) > 4 and w.key[1:] in CONTENT_STARTS
                        ) or (  # "أعلنت وزارة الصحة استشهاد …": a bare verbal noun
                            MASDAR.match(w.key) is not None
                            and not self._entities_in(w.start, w.end)
                        ))  # "أفادت الوزارة بمقتل …"
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

    def _np_stop(self, j: int) -> bool:
        key = self.words[j].key
        if key in ISSUED and (j + 1 >= len(self.words) or self.words[j + 1].key not in ("عن", "من")):
            return True  # "تقرير للبنك الدولي صدر أمس", but "البيانات الصادرة عن المركز"
        if self.words[j].norm == "على":  # the preposition, not the name علي (same fold)
            return True
        if key in _NP_RELATIVES:
            return True
        if key in _NP_ADJUNCT_PREPS:
            nxt = self.words[j + 1].key if j + 1 < len(self.words) else ""
            return not _NP_SPEECH_NOUNS.isdisjoint(variants(nxt)) or key != "في"
        if key in _NP_TIME_WORDS:
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

    def _speaker_after(self, q: Quote, a: int, b: int) -> int | None:
        """Find the speaker among the comma-separated chunks between cue and content.

        Returns the word index where the speaker phrase ends (bare content may follow).
        With an apposition ("القائد العسكري في …، النقيب “فيصل الفضل”،") the more name-like
        chunk is the speaker and the other is kept as its descriptor.
        """
        chunks = self._chunks(a, b)
        first: tuple[int, int] | None = None
        for ca, cb in chunks:
            s = self._skip_adverbs(ca, cb)
            if s >= cb:
                continue
            if first is None:
                if self.words[s].key in HONORIFIC_PRONOUNS:
                    return s + 1  # "وشدد سموه على …": the speaker is the one referred to
                if self._is_adjunct_start(s):
                    if self.words[s].key in ("ل", "لـ") or self.words[s].norm == "(":
                        # "لـ(الحل نت) مصدر عسكري", "لـ«القبس» مصدر …": skip the addressee
                        k = s + 1 if self.words[s].key in ("ل", "لـ") else s
                        if k < cb and self.opens_quote(k) and self.quoted_name(k) is not None:
                            k = self.quoted_name(k) - 1  # type: ignore[operator]
                        else:
                            while k < cb and self.words[k].norm != ")":
                                k += 1
                        s = self._skip_adverbs(k + 1, cb)
                        if s >= cb or self._is_adjunct_start(s):
                            continue
                    else:
                        continue
                e = self._np_end(s, cb)
                if e <= s:
                    continue
                first = (s, e)
                if e < cb:
                    break  # the phrase stopped inside its chunk: bare content follows
                continue
            if self._is_adjunct_start(s):
                break
            e = self._np_end(s, cb)
            score = self._name_score(s, e) if e > s else 0
            if score >= 2 and score > self._name_score(*first):
                q.descriptor = (self.words[first[0]].start, self.words[first[1] - 1].end)
                first = (s, e)
            break
        if first is None:
            return None
        s, e = first
        q.speaker = (self.words[s].start, self.words[e - 1].end)
        return e

    def _name_score(self, a: int, b: int) -> int:
        """How much ``[a, b)`` looks like a personal name: 3 quoted/PER, 2 title + name,
        1 bare name-like words, 0 a description (prepositions, institutional heads)."""
        w = self.words[a]
        if w.kind == "punct" and w.norm in QUOTE_OPEN and self.quoted_name(a) is not None:
            return 3
        if any(e.label == "PER" for e in self._entities_in(w.start, self.words[b - 1].end)):
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

    def _entities_in(self, s: int, e: int) -> list[Span]:
        """Entities overlapping ``[s, e)``, in start order.  Only those starting within the
        longest entity's length before ``s`` can reach it, so the scan is bisected."""
        ents = self.entities
        lo = bisect.bisect_left(self.ent_starts, s - self.ent_maxlen)
        hi = bisect.bisect_left(self.ent_starts, e, lo)
        return [x for x in ents[lo:hi] if s < x.end]

    def _after_speaker(self, i: int, b: int) -> int | None:
        """Word index where bare content starts after the cue's speaker phrase."""
        j = i + 1
        while j < b:
            w = self.words[j]
            if w.kind == "punct" and w.norm in COMMA:
                return j + 1
            j += 1
        return None

    def _speaker_before(self, q: Quote, i: int) -> None:
        """Pro-drop cue: the subject earlier in the sentence, else the previous speaker.

        Clauses are searched from the cue backwards and the leftmost speaker head of the
        nearest clause that has one wins: "وكان تقرير للأمم المتحدة، صدر في …، كشف أن",
        "ما تقر به الحكومة السورية، إذ ذكرت …".
        """
        a = self.sent_start(i)
        if self.quotes and self.quotes[-1].sent == self.words[i].sent:
            prev = self.quotes[-1]
            if prev.content is not None:
                while a < i and self.words[a].start < prev.content[1]:
                    a += 1
        segments: list[tuple[int, int]] = []
        s = a
        for j in range(a, i):
            w = self.words[j]
            if (w.kind == "punct" and (w.norm in COMMA or w.norm in DASH)) or (
                w.key in CLAUSE_BOUNDARIES
            ):
                if j > s:
                    segments.append((s, j))
                s = j + 1
        if i > s:
            segments.append((s, i))
        for sa, sb in reversed(segments):
            for j in range(sa, sb):
                if self.words[j].kind != "word" or not self._speaker_head(j):
                    continue
                e = self._np_end(j, sb)
                if e > j:
                    q.speaker = (self.words[j].start, self.words[e - 1].end)
                    return
        if self.quotes:
            q.antecedent = len(self.quotes) - 1
            q.implicit = True

    def _speaker_head(self, j: int) -> bool:
        return any(
            self.has(j, t) for t in ("anonymous", "document", "organization", "titles")
        ) or self.has(j, "agency_heads") or (
            self.has(j, "media") and not self.has(j, "media_needs_head")
        ) or bool(
            [e for e in self._entities_in(self.words[j].start, self.words[j].end)
             if e.label in ("PER", "ORG") and e.start == self.words[j].start]
        )

    # ----------------------------------------------------------------- content
    def _content_from(self, q: Quote, j: int, k: int) -> None:
        w = self.words[j]
        if w.kind == "punct" and w.norm == ":":
            nxt = j + 1
            if nxt < len(self.words) and self.words[nxt].norm in QUOTE_OPEN:
                self._direct(q, nxt)
                return
            q.direct = True
            q.content = self._clause(nxt, self.sent_end(j))
            return
        if w.kind == "punct" and w.norm in QUOTE_OPEN:
            self._direct(q, j)
            return
        q.content = self._clause(j, self.sent_end(j))

    def _direct(self, q: Quote, j: int) -> None:
        """Quoted words: from after the opening mark to its closing mark, across sentences."""
        opener = self.words[j].norm
        closer = QUOTE_CLOSE.get(opener, opener)
        start = self.words[j].end
        pos = self.text.find(closer, start)
        if opener == '"' or pos < 0:
            pos = self.text.find(closer, start) if pos < 0 else pos
        if pos < 0 or pos - start > 3000:
            q.content = self._clause(j + 1, self.sent_end(j))
            return
        q.direct = True
        q.content = self._trim(start, pos)

    def _clause(self, a: int, b: int) -> tuple[int, int] | None:
        """Content from word ``a`` to the sentence end or the next attribution in it."""
        if a >= b:
            return None
        end = b
        for j in range(a + 1, b):
            if self.is_punct(j - 1, COMMA) and (
                self.participle_cue(j) or self.prep_cue(j) or self._verb_clause(j)
                or self._subordinate_cue(j, b) or self._what_start(j, b)
            ):
                end = j - 1
                break
        return self._trim(self.words[a].start, self.words[end - 1].end)

    def _subordinate_cue(self, j: int, b: int) -> bool:
        """"…، في حين نفى حزب الله …" / "…، بينما ذكرت …": another statement starts here."""
        k = j
        if self.words[k].key == "في" and k + 1 < b and self.words[k + 1].key == "حين":
            k += 2
        elif self.words[k].key in CLAUSE_BOUNDARIES:
            k += 1
        else:
            return False
        for x in range(k, min(b, k + 6)):
            if self.words[x].kind == "punct":
                return False
            if self.verb_cue(x):
                return True
        return False

    def _verb_clause(self, j: int) -> bool:
        info = self.verb_cue(j)
        return bool(info) and self.words[j].key[0] in "وف"

    def _trim(self, s: int, e: int) -> tuple[int, int]:
        t = self.text
        while e > s and (t[e - 1].isspace() or t[e - 1] in ".،,؛;:"):
            e -= 1
        while s < e and t[s].isspace():
            s += 1
        return s, e

    def _preceding_content(self, i: int) -> tuple[int, int] | None:
        """"«…»، قال X" / "الوضع خطير، قال المسؤول": the statement before the cue."""
        a = self.sent_start(i)
        if i - 1 <= a or not self.is_punct(i - 1, COMMA):
            return None
        last = self.words[i - 2]
        if last.kind == "punct" and last.norm in "»”\"":
            opener = {"»": "«", "”": "“", '"': '"'}[last.norm]
            pos = self.text.rfind(opener, 0, last.start)
            if pos >= 0:
                return self._trim(pos + 1, last.start)
        return self._trim(self.words[a].start, self.words[i - 2].end)

    # ----------------------------------------------------------------- participles
    def try_participle(self, i: int) -> int:
        info = self.participle_cue(i)
        if info is None or i == 0 or not self.quotes:
            return 0
        if not self.is_punct(i - 1, COMMA) and self.words[i].key[0] not in "و":
            return 0
        end = self.sent_end(i)
        a = self._skip_addressee(i + 1, end)
        m = next(
            ((j, k) for j in range(a, min(end, a + 3)) if (k := self.content_marker(j))),
            None,
        )
        q = Quote(cue=(self.words[i].start, self.words[i].end), stance=info["stance"])
        q.sent = self.words[i].sent
        q.cue_kind = "participle"
        if m is not None:
            self._content_from(q, *m)
        else:
            q.content = self._clause(a, end)
        if q.content is None:
            return 0
        q.antecedent = len(self.quotes) - 1
        q.implicit = True
        self.quotes.append(q)
        return i + 1

    def _skip_addressee(self, j: int, b: int) -> int:
        """Skip "لـ«النهار»" / "لـ(شفق نيوز)" / "للصحفيين" right after a participle cue."""
        if j >= b:
            return j
        key = self.words[j].key
        if key in ("للصحفيين", "للصحافيين"):
            return j + 1
        if key in ("ل", "لـ") and j + 1 < b:
            if self.opens_quote(j + 1) and (close := self.quoted_name(j + 1)) is not None:
                return close
            if self.words[j + 1].norm == "(":
                for k in range(j + 2, min(b, j + 9)):
                    if self.words[k].norm == ")":
                        return k + 1
        return j

    # ----------------------------------------------------------------- "وهو ما نفاه X"
    def _what_start(self, j: int, b: int) -> bool:
        """Does "، وهو ما نفاه X" (a statement about the clause before it) start at ``j``?"""
        if self.words[j].key not in ("وهو", "وهي", "هو", "هي") or j + 2 >= b:
            return False
        if self.words[j + 1].key != "ما":
            return False
        k = j + 2
        if self.words[k].key in ("لم", "لن", "لا") and k + 1 < b:
            k += 1
        info = self._verb_with_pronoun(k)
        return info is not None and not info["relay"]

    def try_what(self, i: int) -> int:
        """"…، وهو ما نفاه مصدر مصري": the speaker comments on the clause (or the statement)
        just before; the content is that clause."""
        info = self._verb_with_pronoun(i)
        if info is None or info["relay"]:
            return 0
        k = i - 1
        negated = k >= 0 and self.words[k].key in ("لم", "لن", "لا")
        if negated:
            k -= 1
        if k < 2 or self.words[k].key != "ما" or not self._what_start(k - 1, self.sent_end(i)):
            return 0
        c = k - 2  # the comma before "وهو"
        if c < 0 or self.words[c].sent != self.words[i].sent or not self.is_punct(c, COMMA):
            return 0
        end = self.sent_end(i)
        q = Quote(cue=(self.words[i].start, self.words[i].end), stance=info["stance"])
        q.sent = self.words[i].sent
        if negated:
            q.extra["negated"] = True
        np_end = self._speaker_after(q, i + 1, end)
        if q.speaker is None:
            return 0
        # "وهو ما اعتبره مراقبون دليلاً على …": the accusative complement is not the speaker
        ws = list(self.words_in(q.speaker))
        for n, k in enumerate(ws[1:], start=1):
            if "\u064b" in self.text[self.words[k].start:self.words[k].end]:  # tanween fath
                q.speaker = (q.speaker[0], self.words[ws[n - 1]].end)
                break
        prev = self.quotes[-1] if self.quotes else None
        if prev is not None and prev.content is not None and prev.sent == q.sent and (
            prev.content[1] <= self.words[c].start
        ):
            q.content = prev.content  # the statement "وهو ما" refers to
            q.direct = prev.direct
        else:
            a = self.sent_start(i)
            if prev is not None and prev.sent == q.sent and prev.content is not None:
                while a < c and self.words[a].start < prev.content[1]:
                    a += 1
            if a >= c:
                return 0
            q.content = self._trim(self.words[a].start, self.words[c - 1].end)
        self.quotes.append(q)
        return max(i + 1, np_end or i + 1)

    # ----------------------------------------------------------------- prepositional cues
    def _verb_with_pronoun(self, j: int) -> dict[str, Any] | None:
        """"أوردته", "ذكرتها": a reporting verb carrying an object pronoun."""
        return self.cues["pronoun_verbs"].get(self.words[j].key)

    def _plausible_source(self, a: int, e: int) -> bool:
        """A prepositional attribution needs a source-like phrase: a speaker head noun, an
        entity, a quoted name, or the name of an earlier speaker."""
        if self._name_score(a, e) == 3:
            return True
        if any(self._speaker_head(k) or self.has(k, "media") for k in range(a, e)
               if self.words[k].kind in ("word", "latin")):
            return True
        if any(x.label in ("PER", "ORG", "GPE") for x in
               self._entities_in(self.words[a].start, self.words[e - 1].end)):
            return True
        last = bare(self.words[e - 1].key)
        # the MAX_BACK latest statements, as speaker resolution looks back: exact for articles,
        # linear for transcripts with thousands of statements
        return any(
            q.speaker is not None and bare(fold_key(self.text[q.speaker[0]:q.speaker[1]])
                                           .split()[-1]) == last
            for q in self.quotes[-MAX_BACK:] if q.speaker
        )

    def try_prep(self, i: int) -> int:
        n = self.prep_cue(i)
        if not n:
            return 0
        words = self.words
        end = self.sent_end(i)
        a = i + n
        if a >= end:
            return 0
        # the cue is the preposition word ("بحسب" in "بحسب ما أفادت"), "على لسان" whole
        cue_end = words[i + 1].end if words[i].key == "علي" else words[i].end
        q = Quote(cue=(words[i].start, cue_end), stance="assert")
        q.sent = words[i].sent
        q.cue_kind = "preposition"
        last_key = words[i + n - 1].key
        # "بحسب ما أفادت وكالة X" / "حسبما نقلت X عن Y": the verb introduces the speaker
        # the next word is the reporting verb, often with an object pronoun (أوردته)
        if (
            last_key in ("ما", "حسبما", "وفقما", "لما") or words[i].key in ("كما",)
        ) and (a < end and words[a].kind == "word"):
            info = self.verb_cue(a) or self._verb_with_pronoun(a)
            if a + 1 < end and words[a + 1].key in ("به", "بها"):
                a += 1  # "بحسب ما أفادت به منظمة …"
            if words[i].key == "علي" and (
                info is None or (i > 0 and words[i - 1].kind != "punct")
            ):
                return 0  # "، على ما ذكرت X" attributes; "علّق على ما أورده" does not
            if info and info["relay"]:
                self._relay(q, a, end)
            a += 1
        wi = words[i]
        if in_boilerplate(self.doc, wi.start, wi.end) or self._inside_content(wi.start):
            return 0
        if q.speaker is None:
            e = self._np_end(a, end)
            if e <= a or not self._plausible_source(a, e):
                return 0  # "وفق الجدول الزمني", "حسب الخطة": not a source
            q.speaker = (words[a].start, words[e - 1].end)
            after = e
        else:
            after = a
            while after < end and words[after].start < q.speaker[1]:
                after += 1
        s0 = self.sent_start(i)
        at_start = i == s0 or (i == s0 + 1 and words[s0].key in ("و", "ف"))
        # content after the speaker phrase ("بحسب X، …" / "وفقاً لـX فإن …")
        rest = after
        while rest < end and words[rest].kind == "punct" and words[rest].norm in COMMA:
            rest += 1
        k = self.content_marker(rest) if rest < end else 0
        if not k and not self.cues["marker_only"].isdisjoint(variants(words[i].key)[:2]):
            return 0  # "وجاء في البيان أن …" attributes; "جاء في المرتبة الثانية" does not
        if k:
            self._content_from(q, rest, k)
        elif at_start:
            # "وبحسب المصدر، الذي طلب عدم كشف اسمه، فإن …": skip to the introducer
            later = next(
                ((j, kk) for j in range(rest, min(end, rest + MAX_GAP_WORDS))
                 if (kk := self.content_marker(j))), None)
            if later is not None and not any(
                (info := self.verb_cue(x)) and info["strong"] for x in range(rest, later[0])
            ):
                self._content_from(q, *later)
            elif rest < end:
                q.content = self._clause(rest, end)
        else:
            # parenthetical or trailing: the clause around the cue
            a0 = s0
            for prev in reversed(self.quotes):
                if prev.sent == q.sent and prev.cue_kind == "preposition" and prev.speaker:
                    # after an earlier attribution in the same sentence
                    while a0 < i and words[a0].start < prev.speaker[1]:
                        a0 += 1
                    while a0 < i and words[a0].kind == "punct":
                        a0 += 1
                    break
            stop = end
            if rest < end:
                for j in range(rest + 1, end):
                    if self.is_punct(j - 1, COMMA) and (self.prep_cue(j) or self.participle_cue(j)):
                        stop = j - 1
                        break
            if rest < stop and self.is_punct(after, COMMA):
                q.content = self._trim(words[a0].start, words[stop - 1].end)
            elif i > a0:
                pre = self._trim(words[a0].start, words[i - 1].end)
                q.content = pre if pre[0] < pre[1] else None
                # a quotation just before the cue is the content itself
                lw = words[i - 2] if i - 2 >= a0 else None
                if lw is not None and lw.kind == "punct" and lw.norm in "»”\"":
                    pc = self._preceding_content(i)
                    if pc:
                        q.content, q.direct = pc, True
        if q.content is None or q.content[0] >= q.content[1]:
            return 0
        self.quotes.append(q)
        return max(i + n, after)  # the reporting verb of "حسبما أفادت" is consumed too


#: phrase-reading helpers (speaker heads, noun-phrase ends, clause subjects) reused by events
Reader = _Extractor


def extract(doc: Document) -> list[Span]:
    """All attributed statements of ``doc`` as ``quotes`` spans (ids q0, q1 … in text order)."""
    ex = _Extractor(doc)
    ex.run()
    resolve(ex)
    qs = ex.quotes
    order = sorted(range(len(qs)), key=lambda k: _span_of(qs[k])[0])
    ids = {k: f"q{n}" for n, k in enumerate(order)}
    spans = []
    for k in order:
        q = qs[k]
        s, e = _span_of(q)
        root = root_of(qs, k)
        sp = q.speaker if q.speaker is not None else qs[root].speaker
        attrs: dict[str, Any] = {
            "cue": {"start": q.cue[0], "end": q.cue[1], "text": doc.text[q.cue[0]:q.cue[1]],
                    "kind": q.cue_kind},
            "stance": q.stance,
            "direct": q.direct,
        }
        if sp is not None:
            ent, canon = entity_link(ex, sp, q.kind or qs[root].kind)
            spk: dict[str, Any] = {
                "start": sp[0], "end": sp[1], "text": doc.text[sp[0]:sp[1]], "kind": q.kind,
                "implicit": q.speaker is None,
            }
            if ent:
                spk["entity"] = ent
            if canon:
                spk["canonical"] = canon
            if q.descriptor:
                spk["descriptor"] = {"start": q.descriptor[0], "end": q.descriptor[1],
                                     "text": doc.text[q.descriptor[0]:q.descriptor[1]]}
            attrs["speaker"] = spk
        if q.content:
            attrs["content"] = {"start": q.content[0], "end": q.content[1]}
        if q.antecedent is not None:
            # first mention of this speaker, and the nearest earlier quote by the same speaker
            attrs["antecedent"] = ids[root]
            attrs["previous"] = ids[q.antecedent]
        if q.via:
            attrs["via"] = {"start": q.via[0], "end": q.via[1],
                            "text": doc.text[q.via[0]:q.via[1]]}
        if q.extra.get("negated"):
            attrs["negated"] = True
        spans.append(Span(s, e, q.kind or "unknown", ids[k], attrs))
    return spans


def _span_of(q: Quote) -> tuple[int, int]:
    """The extent of a statement: its cue, speaker and content together."""
    a, b = q.cue
    for part in (q.speaker, q.content):
        if part:
            a = min(a, part[0])
            b = max(b, part[1])
    return a, b


@component("quotes", requires=("tokens", "sentences"), assigns=("quotes",))
def quotes_component(doc: Document, config: Config) -> None:
    doc.set_layer("quotes", extract(doc), prefix="q")

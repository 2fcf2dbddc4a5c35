"""Where statements start: the cue scanner of the quotes layer.

Four kinds of cue open a statement (the tables are ``data/cues.json``):

* a speech verb ("قال", "كشف", "نفى" …), verb-first or after its subject — :meth:`try_verb`;
* a prepositional attribution ("بحسب", "وفقاً لـ", "نقلاً عن") — :meth:`try_prep`;
* a participle continuing the previous speaker ("مضيفاً أن …") — :meth:`try_participle`;
* "…، وهو ما نفاه X" commenting on the clause before — :meth:`try_what`.

The scanner visits only words a cue can start with, and a statement consumes the words up to
its content, so a speaker phrase never opens a second statement.  Speaker and content are read
by :mod:`rasd.extract.quote_speaker` and :mod:`rasd.extract.quote_content`; a new cue *word*
goes in ``data/cues.json``, a new cue *pattern* is a ``try_*`` method here.
"""

from __future__ import annotations

from rasd.extract.boilerplate import in_boilerplate
from rasd.extract.quote_content import (
    bare_object,
    clause,
    content_from,
    object_prep,
    preceding_content,
    quote_before,
    skip_addressee,
    trim,
    what_start,
)
from rasd.extract.quote_record import Quote
from rasd.extract.quote_speaker import (
    institutional,
    plausible_source,
    relay,
    relay_after,
    speaker_after,
    speaker_before,
)
from rasd.extract.reader import CLAUSE_BOUNDARIES, Reader
from rasd.extract.words import COMMA, CUE_OPENERS, PREPOSITIONS, QUOTE_OPEN, variants
from rasd.lang.ar import vocab

__all__ = ["MAX_GAP_WORDS", "CueScanner"]

MAX_GAP_WORDS = 40  # cue → content marker search window
NEGATIONS = vocab.words("phrase_words", "negation")
#: words before a verb cue that make it a verbal noun or a relative clause ("عن ذكر اسمه")
RELATIVES = vocab.words("phrase_words", "relative")
_NEG = ("لم", "لن", "لا")
#: passive forms of speech verbs that, right before their content, say "it is noted that"
IMPERSONAL = vocab.words("phrase_words", "impersonal-cue")
#: "كما" opening its clause is "also" ("كما أكد الوزير أن …"), not "as" ("كما تقر به")
ALSO = vocab.words("phrase_words", "also")


class CueScanner:
    """One pass over one document's words, collecting :class:`Quote` records in text order."""

    def __init__(self, r: Reader) -> None:
        self.r = r
        self.words = r.words
        self.doc = r.doc
        self.quotes: list[Quote] = []
        self.skip_to = 0  # char offset before which no new statement may start

    # ----------------------------------------------------------------- main loop
    def run(self) -> list[Quote]:
        """Scan the document; the statements found, in the order their cues appear."""
        first = self.r.first_words
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
        """A statement at speech verb ``i``; the index to resume at, or 0."""
        r = self.r
        info = r.verb_cue(i)
        if info is None:
            return 0
        if i > 0 and r.opens_quote(i - 1) and r.quoted_name(i - 1) is not None:
            return 0  # وكالة "فرات": the first word of a quoted name, not a cue
        words = self.words
        prev = words[i - 1] if i > 0 else None
        if (
            prev is not None
            and prev.sent == words[i].sent
            and (prev.key in PREPOSITIONS or prev.key in RELATIVES)
            and not (prev.key in ALSO and r.cue_starts_clause(i - 1))
        ):
            return 0  # "عن ذكر اسمه", "ما تقر به": a verbal noun or relative clause
        w = words[i]
        if in_boilerplate(self.doc, w.start, w.end) or self._inside_content(w.start):
            return 0
        if not info["strong"] and not self._weak_cue_position(i):
            return 0  # "تعاون بين …", "مقارنة بين …": a weak cue must open its clause
        if w.key in IMPERSONAL and i + 1 < len(words) and r.content_marker(i + 1):
            return 0  # "يذكر أن …", "ويشار إلى أن …": the writer's background, no speaker
        end = r.sent_end(i)
        # locate the content introducer (a side-effect-free scan, so the position test
        # above, which does not depend on it, is made first)
        m = None
        j = i
        # the checks below are guarded by cheap set lookups that are necessary conditions of
        # the helper they guard (this loop runs over up to 40 words for every cue)
        verbs = r.verbs
        markers = r.markers
        cpreps = r.cpreps
        limit = min(end, i + 1 + MAX_GAP_WORDS)
        obj = info["object"]
        by_object = False
        while j + 1 < limit:
            j += 1
            wj = words[j]
            norm = wj.norm
            if norm in QUOTE_OPEN and r.opens_quote(j) and (
                close := r.quoted_name(j)
            ) is not None:
                j = close - 1  # a quoted name ("بي إن سبورتس") hides no introducer
                continue
            key = wj.key
            if j > i + 1:
                if (
                    wj.kind == "word" and (key in verbs or key[1:] in verbs)
                    and r.verb_cue(j) and r.cue_starts_clause(j)
                ):
                    break
                prev = words[j - 1]
                if prev.kind == "punct" and prev.norm in COMMA and (
                    r.prep_cue(j) or r.participle_cue(j) or key in CLAUSE_BOUNDARIES
                    or self._coordinated_clause(j)
                ):
                    break  # the next clause belongs to another statement
            if (
                key in markers or key in cpreps
                or (wj.kind == "punct" and (norm == ":" or norm in QUOTE_OPEN
                                            or (j == i + 1 and norm in CUE_OPENERS)))
            ):
                k = r.content_marker(j)
                if k:
                    m = (j, k)
                    break
            if key == obj and object_prep(r, j, limit):
                m = (j, 1)  # "أعربت الوزارة في بيان عن ترحيبها …", "شكك X في جدوى …"
                by_object = True
                break
            if (obj is not None and len(obj) == 1 and j > i + 1 and key[:1] == obj
                    and len(key) > 3 and wj.kind == "word" and not r.has(j, "organization")):
                # a one-letter preposition written on its noun: "أشاد الوزير بأهمية …",
                # "ندد الرئيس بـ«هجوم إرهابي»"; the content opens with it
                m = (j, 1)
                by_object = True
                break
        # a weak cue ("أعلن", "كشف", "حمّل") without أنّ/إنّ/«» only counts when an
        # institution is speaking and its words follow directly: "أعلنت الوزارة ارتفاع …"
        quoted_before = m is None and quote_before(r, i)
        weak_bare = m is None and not info["strong"] and not quoted_before
        if weak_bare and not (info["bare"] and r.cue_starts_clause(i)):
            return 0
        region_end = m[0] if m else end
        q = Quote(cue=(w.start, w.end), stance=info["stance"])
        q.sent = w.sent
        if self._negated(i):
            q.extra["negated"] = True
        subject = None if info["relay"] else r.subject_before(i)
        np_end = i + 1
        if i + 1 < end and r.participle_cue(i + 1):
            np_end = i + 2  # "وتابع قائلاً:": the participle belongs to the cue
        if subject is not None:
            q.speaker = (words[subject[0]].start, words[subject[1] - 1].end)
        elif info["relay"]:
            if not relay(r, q, i, region_end):
                return 0
            np_end = q.extra.get("np_end", np_end)
        else:
            np_end = speaker_after(r, q, np_end, region_end) or np_end
            np_end = relay_after(r, q, np_end, region_end)
        if weak_bare and not (
            q.speaker is not None and institutional(r, q.speaker) and np_end < end
        ):
            return 0
        nominal = None
        if m is not None and not by_object and np_end < m[0]:
            # "أعلنت الإدارة أمس (السبت) تجديد عقد …، … أن …": a verbal noun right after the
            # speaker is the content; the later أنّ belongs to a clause inside it
            after = r.skip_time(r.skip_adjuncts(np_end, m[0]), m[0])
            if after < m[0] and words[after].kind == "word" and r.content_start(after):
                nominal = after
        if m is not None and by_object and np_end < m[0] and bare_object(r, np_end, m[0]):
            q.content = clause(r, np_end, end)  # "كشف مصدر تفاصيل جديدة عن …"
        elif nominal is not None:
            q.content = clause(r, nominal, end)
        elif m is not None:
            content_from(r, q, m[0], m[1])
        elif quoted_before:
            # "«…»، يقول فلان، وهو …": the quotation opening the sentence is the content
            q.content = preceding_content(r, i)
            q.direct = True
        else:
            # no introducer: bare content after the speaker ("نفى X الاتهامات …"), or the
            # statement precedes the cue ("«…»، قال X")
            after = r.skip_adjuncts(np_end, end)
            if any(words[k].kind != "punct" for k in range(after, end)):
                q.content = clause(r, after, end)
            else:
                q.content = preceding_content(r, i)
        if q.content is None or q.content[0] >= q.content[1]:
            return 0
        if q.speaker is None:
            speaker_before(r, self.quotes, q, i)
        self.quotes.append(q)
        # words between the cue and its content cannot open another statement
        self.skip_to = max(self.skip_to, min(q.content[0], words[min(np_end, end) - 1].end)
                           if q.content[0] > w.start else w.end)
        return i + 1

    def _inside_content(self, pos: int) -> bool:
        """Cues inside an earlier statement's content are nested speech: not extracted."""
        return any(
            q.content is not None and q.content[0] <= pos < q.content[1] and q.cue[0] < pos
            and q.cue_kind != "preposition"
            for q in self.quotes[-3:]
        )

    def _weak_cue_position(self, i: int) -> bool:
        """Weak cues (بيّن، ذكر، كشف …) double as nouns and prepositions ("بين"); accept
        them at a clause start, after a clause word (إذ، حين، قد), or after their subject."""
        r = self.r
        if r.cue_starts_clause(i):
            return True
        prev = self.words[i - 1].key
        return prev in CLAUSE_BOUNDARIES or prev in ("قد", "لقد", "كان", "كانت") or (
            r.subject_before(i) is not None
        )

    def _coordinated_clause(self, j: int) -> bool:
        """"…، ووصفها بأنها …": و/ف + an indefinite word after a comma opens a new clause
        (a parenthetical "، وهو …" or a second "، وأن …" does not)."""
        r = self.r
        key = self.words[j].key
        return (
            self.words[j].kind == "word" and self.words[j].start in r.conj_starts
            and not key.startswith(("وال", "فال"))
            and key[1:] not in ("هو", "هي", "هم") and not r.content_marker(j)
            and not r.verb_cue(j)
        )

    def _negated(self, i: int) -> bool:
        return i > 0 and self.words[i - 1].key in NEGATIONS

    # ----------------------------------------------------------------- participles
    def try_participle(self, i: int) -> int:
        """"…، مضيفاً أن …": a participle continuing the previous statement's speaker."""
        r = self.r
        info = r.participle_cue(i)
        if info is None or i == 0 or not self.quotes:
            return 0
        # "…، مضيفاً أن", "ومضيفاً", or opening a sentence of its own when its content
        # marker follows at once ("… للتسمم. مضيفاً أنه …")
        opens = self.words[i - 1].sent != self.words[i].sent
        if not r.is_punct(i - 1, COMMA) and self.words[i].key[0] not in "و" and not opens:
            return 0
        end = r.sent_end(i)
        a = skip_addressee(r, i + 1, end)
        m = next(
            ((j, k) for j in range(a, min(end, a + 3)) if (k := r.content_marker(j))),
            None,
        )
        if opens and not r.is_punct(i - 1, COMMA) and (m is None or m[0] != i + 1):
            return 0
        q = Quote(cue=(self.words[i].start, self.words[i].end), stance=info["stance"])
        q.sent = self.words[i].sent
        q.cue_kind = "participle"
        if m is not None:
            content_from(r, q, *m)
        else:
            q.content = clause(r, a, end)
        if q.content is None:
            return 0
        q.antecedent = len(self.quotes) - 1
        q.implicit = True
        self.quotes.append(q)
        return i + 1

    # ----------------------------------------------------------------- "وهو ما نفاه X"
    def try_what(self, i: int) -> int:
        """"…، وهو ما نفاه مصدر مصري": the speaker comments on the clause (or the statement)
        just before; the content is that clause."""
        r = self.r
        words = self.words
        info = r.pronoun_verb(i)
        if info is None or info["relay"]:
            return 0
        k = i - 1
        negated = k >= 0 and words[k].key in _NEG
        if negated:
            k -= 1
        if k < 2 or words[k].key != "ما" or not what_start(r, k - 1, r.sent_end(i)):
            return 0
        c = k - 2  # the comma before "وهو"
        if c < 0 or words[c].sent != words[i].sent or not r.is_punct(c, COMMA):
            return 0
        end = r.sent_end(i)
        q = Quote(cue=(words[i].start, words[i].end), stance=info["stance"])
        q.sent = words[i].sent
        if negated:
            q.extra["negated"] = True
        np_end = speaker_after(r, q, i + 1, end)
        if q.speaker is None:
            return 0
        # "وهو ما اعتبره مراقبون دليلاً على …": the accusative complement is not the speaker
        ws = list(r.words_in(q.speaker))
        for n, k in enumerate(ws[1:], start=1):
            if "\u064b" in r.text[words[k].start:words[k].end]:  # tanween fath
                q.speaker = (q.speaker[0], words[ws[n - 1]].end)
                break
        prev = self.quotes[-1] if self.quotes else None
        if prev is not None and prev.content is not None and prev.sent == q.sent and (
            prev.content[1] <= words[c].start
        ):
            q.content = prev.content  # the statement "وهو ما" refers to
            q.direct = prev.direct
        else:
            a = r.sent_start(i)
            if prev is not None and prev.sent == q.sent and prev.content is not None:
                while a < c and words[a].start < prev.content[1]:
                    a += 1
            if a >= c:
                return 0
            q.content = trim(r.text, words[a].start, words[c - 1].end)
        self.quotes.append(q)
        return max(i + 1, np_end or i + 1)

    # ----------------------------------------------------------------- prepositional cues
    def try_prep(self, i: int) -> int:
        """"بحسب X، …", "وفقاً لـ X فإن …", "… حسبما أفادت X": an attribution by preposition,
        before, inside or after its content."""
        r = self.r
        n = r.prep_cue(i)
        if not n:
            return 0
        words = self.words
        end = r.sent_end(i)
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
            info = r.verb_cue(a) or r.pronoun_verb(a)
            if a + 1 < end and words[a + 1].key in ("به", "بها"):
                a += 1  # "بحسب ما أفادت به منظمة …"
            if words[i].key == "علي" and (
                info is None or (i > 0 and words[i - 1].kind != "punct")
            ):
                return 0  # "، على ما ذكرت X" attributes; "علّق على ما أورده" does not
            if info and info["relay"]:
                relay(r, q, a, end)
            a += 1
        wi = words[i]
        if in_boilerplate(self.doc, wi.start, wi.end) or self._inside_content(wi.start):
            return 0
        if q.speaker is None:
            e = r.np_end(a, end)
            if e <= a or not plausible_source(r, self.quotes, a, e):
                return 0  # "وفق الجدول الزمني", "حسب الخطة": not a source
            q.speaker = (words[a].start, words[e - 1].end)
            after = e
        else:
            after = a
            while after < end and words[after].start < q.speaker[1]:
                after += 1
        s0 = r.sent_start(i)
        at_start = i == s0 or (i == s0 + 1 and words[s0].key in ("و", "ف"))
        # content after the speaker phrase ("بحسب X، …" / "وفقاً لـX فإن …")
        rest = after
        while rest < end and words[rest].kind == "punct" and words[rest].norm in COMMA:
            rest += 1
        k = r.content_marker(rest) if rest < end else 0
        if not k and not r.cues["marker_only"].isdisjoint(variants(words[i].key)[:2]):
            return 0  # "وجاء في البيان أن …" attributes; "جاء في المرتبة الثانية" does not
        if k:
            content_from(r, q, rest, k)
        elif at_start:
            # "وبحسب المصدر، الذي طلب عدم كشف اسمه، فإن …": skip to the introducer
            later = next(
                ((j, kk) for j in range(rest, min(end, rest + MAX_GAP_WORDS))
                 if (kk := r.content_marker(j))), None)
            if later is not None and not any(
                (vi := r.verb_cue(x)) and vi["strong"] for x in range(rest, later[0])
            ):
                content_from(r, q, *later)
            elif rest < end:
                q.content = clause(r, rest, end)
        else:
            self._around(q, i, rest, after, end)
        if q.content is None or q.content[0] >= q.content[1]:
            return 0
        self.quotes.append(q)
        return max(i + n, after)  # the reporting verb of "حسبما أفادت" is consumed too

    def _around(self, q: Quote, i: int, rest: int, after: int, end: int) -> None:
        """A parenthetical or trailing prepositional cue ``i``: the content is the clause
        around it (after an earlier attribution in the same sentence)."""
        r = self.r
        words = self.words
        a0 = r.sent_start(i)
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
                if r.is_punct(j - 1, COMMA) and (r.prep_cue(j) or r.participle_cue(j)):
                    stop = j - 1
                    break
        if rest < stop and r.is_punct(after, COMMA):
            q.content = trim(r.text, words[a0].start, words[stop - 1].end)
        elif i > a0:
            pre = trim(r.text, words[a0].start, words[i - 1].end)
            q.content = pre if pre[0] < pre[1] else None
            # a quotation just before the cue is the content itself
            lw = words[i - 2] if i - 2 >= a0 else None
            if lw is not None and lw.kind == "punct" and lw.norm in "»”\"":
                pc = preceding_content(r, i)
                if pc:
                    q.content, q.direct = pc, True

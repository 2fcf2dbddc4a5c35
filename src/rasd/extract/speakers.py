"""Who is speaking: speaker kinds and coreference between attributed statements.

Kinds come from the head noun of the speaker phrase (closed lists in ``data/speakers.json``:
titles, anonymous roles, documents, outlets, institutions), then entity labels when an NER
layer exists.  Coreference links a later mention to an earlier quote when it is the same
text, a surname ("“الحريري”" after "“عمر الحريري”"), an anaphoric definite description
("المصدر", "التقرير", "المسؤول في حماس") or a shortened repeat ("الرئيس الأميركي" after
"الرئيس الأميركي جو بايدن").  A new indefinite "مصدر …" is deliberately *not* linked: two
anonymous sources are two sources unless the text says otherwise.
"""

from __future__ import annotations

from rasd.doc import Span
from rasd.extract.quote_record import Quote
from rasd.extract.reader import Reader
from rasd.extract.words import PREPOSITIONS, bare, variants
from rasd.lang.ar import vocab

#: adjectives that precede the head noun: "آخر حصيلة", "أحدث تقرير"
LEADING_ADJECTIVES = vocab.words("speaker_words", "leading-adjective")
#: numerals and quantifiers before the head noun: "ثلاثة مصادر مطلعة", "عدة مسؤولين"
QUANTIFIERS = vocab.words("speaker_words", "quantifier")
#: heads that name an outlet only when an outlet name follows ("شبكة الجزيرة"); otherwise a
#: network of people is an organization ("الشبكة السورية لحقوق الإنسان")
AMBIGUOUS_MEDIA_HEADS = vocab.words("speaker_words", "ambiguous-media-head")
#: "المصدر ذاته", "المسؤول نفسه": explicitly the speaker just quoted
SAME = vocab.words("speaker_words", "same")
#: "ذكرت تقارير أن …", "أفادت تقارير إخبارية تركية": reports nobody owns are the press
PRESS_REPORT_HEADS = vocab.words("speaker_words", "press-report-head")
PRESS_ADJECTIVES = vocab.words("speaker_words", "press-adjective")
#: "المصدر", "المصادر": a description that refers back to an unnamed source only
UNNAMED_DESCRIPTIONS = vocab.words("speaker_words", "unnamed-description")


def classify_speaker(r: Reader, span: tuple[int, int]) -> str:
    """Speaker kind from the head noun, the words of the phrase, and entity labels."""
    ws = [k for k in r.words_in(span) if r.words[k].kind in ("word", "latin")]
    if not ws:
        return "named_person"
    if len(ws) > 1 and bare(r.words[ws[0]].key) in LEADING_ADJECTIVES:
        ws = ws[1:]  # "آخر حصيلة", "أحدث تقرير": the noun after is the head
    while len(ws) > 1 and (r.words[ws[0]].key in QUANTIFIERS or r.words[ws[0]].key.isdigit()):
        ws = ws[1:]  # "ثلاثة مصادر مطلعة", "5 مسؤولين": the counted noun is the head
    head = ws[0]
    if r.has(head, "titles"):
        return "named_person"
    media = any(r.has(k, "media") and not r.has(k, "media_needs_head") for k in ws[:6])
    if r.has(head, "agency_heads"):
        if any(r.has(k, "media") for k in ws[1:]) or len(ws) == 1:
            return "media"
        return "organization"
    if r.has(head, "media") and not r.has(head, "media_needs_head"):
        if bare(r.words[head].key) in AMBIGUOUS_MEDIA_HEADS and not any(
            r.has(k, "media") for k in ws[1:4]
        ):
            return "organization"  # "شبكة أطباء السودان", but "شبكة سي إن إن"
        return "media"
    if r.has(head, "document"):
        if media or bare(r.words[head].key) in PRESS_REPORT_HEADS and (
                len(ws) == 1 or bare(r.words[ws[1]].key) in PRESS_ADJECTIVES):
            return "media"
        return "document"
    if r.has(head, "anonymous"):
        # "المزارع خليل العبد الله": a definite role noun followed by a name names someone
        nxt = ws[1] if len(ws) > 1 and ws[1] == head + 1 else None
        if (
            nxt is not None and r.words[head].key.startswith("ال")
            and not r.words[nxt].key.startswith("ال") and r.words[nxt].key not in PREPOSITIONS
            and bare(r.words[nxt].key) not in SAME  # "المصدر ذاته" is no name
            and not any(r.has(nxt, t) for t in ("organization", "document", "media",
                                                  "anonymous"))
        ):
            return "named_person"
        return "anonymous"
    if r.has(head, "organization"):
        return "organization"
    pos = r.words[head].start
    if r.places().overlapping(pos, pos + 1):
        return "organization"  # "قالت دمشق …", "أعلنت أنقرة …": a capital speaks for a state
    ents = r.entities_in(span[0], span[1])
    for e in ents:
        if e.label == "PER":
            return "named_person"
        if e.label in ("ORG",):
            return "media" if media else "organization"
        if e.label in ("GPE", "LOC"):
            return "organization"
        if e.label == "NORP" and _name_follows(r, e, ents):
            return "named_person"  # "اليوناني دونيس مدرب فريق الهلال": origin + a name
        # otherwise a NORP says where someone is from ("الرئيس التركي"), not who speaks: the
        # next entity (or the default) decides
    if media:
        return "media"
    return "named_person"


def _name_follows(r: Reader, norp: Span, ents: list[Span]) -> bool:
    """Whether the word right after a nationality is an untagged name, not a role, body or
    source word ("اليوناني دونيس", but "السعودي للتنمية" or "الأمريكي المسؤول")."""
    nxt = [k for k in r.words_in((norp.end, norp.end + 40)) if r.words[k].start >= norp.end]
    if not nxt:
        return False
    k = nxt[0]
    w = r.words[k]
    if w.kind != "word" or w.key.startswith("ال") or any(x.start <= w.start < x.end for x in ents):
        return False
    return not any(r.has(k, t) for t in ("organization", "document", "media", "anonymous",
                                         "titles", "agency_heads"))


def _head_key(r: Reader, span: tuple[int, int]) -> tuple[str, str]:
    """(first content word stem, last word stem) of a speaker mention, for matching."""
    ks = [
        bare(r.words[k].key)
        for k in r.words_in(span)
        if r.words[k].kind in ("word", "latin")
    ]
    if not ks:
        return "", ""
    return ks[0], ks[-1]


def _keys(r: Reader, span: tuple[int, int]) -> set[str]:
    return {bare(r.words[k].key) for k in r.words_in(span) if r.words[k].kind == "word"}


def _is_anaphoric(r: Reader, span: tuple[int, int]) -> bool:
    ws = [r.words[k] for k in r.words_in(span) if r.words[k].kind == "word"]
    if not ws:
        return False
    if not ws[0].key.startswith(("ال", "وال", "فال")) or not any(
        v in r.lex["anaphoric"] for v in variants(ws[0].key)
    ):
        return False
    if len(ws) == 1 or bare(ws[1].key) in SAME:
        return True
    # "المسؤول في حماس" (a definite head with a short modifier) still refers back, but
    # "الرئيس الأميركي جو بايدن" names someone: a title followed by a name is a new mention
    idx = [k for k in r.words_in(span) if r.words[k].kind == "word"]
    return len(idx) <= 4 and r.name_score(idx[0], idx[-1] + 1) < 2


#: How many earlier statements a speaker mention is compared with (articles carry < 60).
MAX_BACK = 200


class _SpanFacts:
    """Head words, word keys and text of speaker spans, each computed once per span."""

    def __init__(self, r: Reader) -> None:
        self.r = r
        self.heads: dict[tuple[int, int], tuple[str, str]] = {}
        self.keyed: dict[tuple[int, int], set[str]] = {}
        self.texts: dict[tuple[int, int], str] = {}

    def head(self, span: tuple[int, int]) -> tuple[str, str]:
        h = self.heads.get(span)
        if h is None:
            h = self.heads[span] = _head_key(self.r, span)
        return h

    def keys(self, span: tuple[int, int]) -> set[str]:
        k = self.keyed.get(span)
        if k is None:
            k = self.keyed[span] = _keys(self.r, span)
        return k

    def text(self, span: tuple[int, int]) -> str:
        t = self.texts.get(span)
        if t is None:
            t = self.texts[span] = self.r.text[span[0]:span[1]]
        return t


def resolve(r: Reader, qs: list[Quote]) -> None:
    """Kinds for every speaker of ``qs``, then antecedents for anaphoric and repeated
    mentions (both set on the records)."""
    for q in qs:
        if q.speaker is not None:
            q.kind = classify_speaker(r, q.speaker)
    facts = _SpanFacts(r)  # per speaker span, computed once: compared with up to MAX_BACK
    for n, q in enumerate(qs):
        sp = q.speaker
        if q.antecedent is not None or sp is None:
            continue
        first, last = facts.head(sp)
        inside = r.words_in(sp)
        nwords = len([k for k in inside if r.words[k].kind in ("word", "latin")])
        anaphoric = _is_anaphoric(r, sp)
        own = facts.text(sp)
        mine = facts.keys(sp)
        # definite: "الرئيس الأميركي", or a title in construct with a definite noun ("وزير
        # الطاقة", "رئيس الوزراء"): both name one office holder already introduced
        definite = len(inside) > 0 and (r.words[inside[0]].key.startswith("ال") or (
            len(inside) > 1 and r.has(inside[0], "titles")
            and r.words[inside[1]].key.startswith("ال")))
        # look back at most MAX_BACK statements: exact for articles, linear for transcripts
        for m in range(n - 1, max(-1, n - 1 - MAX_BACK), -1):
            p = qs[m]
            root = root_of(qs, m)
            ps = qs[root].speaker if qs[root].speaker else p.speaker
            if ps is None:
                continue
            pf, pl = facts.head(ps)
            same = facts.text(ps) == own
            surname = nwords <= 2 and last == pl and q.kind == "named_person" and len(last) > 2
            head = anaphoric and first in (pf, pl) and first
            # a shortened repeat: "الرئيس الأميركي" after "الرئيس الأميركي جو بايدن" (a new
            # indefinite "مصدر في …" is another source and is not contained in the old one)
            other = p.speaker or ps
            theirs = facts.keys(other)
            shortened = (
                sp[0] != other[0] and len(mine) < len(theirs) and mine <= theirs and definite
            )
            if same or surname or head or shortened:
                q.antecedent = m  # nearest coreferent quote; the chain leads to the first
                if anaphoric or surname or shortened:
                    q.kind = qs[root].kind
                break
        if q.antecedent is None and anaphoric and n > 0 and _says_same(r, sp):
            # "وأبرز المسؤول الحكومي ذاته" after a named minister: whoever was just quoted
            q.antecedent = n - 1
            q.kind = qs[root_of(qs, n - 1)].kind
        elif q.antecedent is None and anaphoric and n > 0:
            # "وأكد المصدر" after "مسؤول في الإدارة", "قال الدبلوماسي" after a named
            # spokesman: a definite description with no earlier head of its own refers to
            # the most recent speaker it can describe
            kind = q.kind
            if kind == "anonymous" and first in UNNAMED_DESCRIPTIONS:
                kind = "unnamed"
            near = _nearest_compatible(qs, n, kind)
            if near is not None:
                q.antecedent = near
                q.kind = qs[root_of(qs, near)].kind
    for q in qs:
        if q.speaker is None and q.antecedent is not None:
            q.kind = qs[root_of(qs, q.antecedent)].kind


#: The speaker kinds a definite description of each kind may refer back to: "المسؤول",
#: "الدبلوماسي" (typed anonymous) describe an unnamed source or a named person, "المصدر"
#: (``unnamed``, :data:`UNNAMED_DESCRIPTIONS`) an unnamed source only, "الوزير" a
#: named person, "البيان" a document, "الوكالة" an outlet, "الوزارة" an organization.
COMPATIBLE = {
    "unnamed": ("anonymous",),
    "anonymous": ("anonymous", "named_person"),
    "named_person": ("named_person",),
    "document": ("document",),
    "media": ("media",),
    "organization": ("organization",),
}
#: How many earlier statements a description looks back for a compatible speaker.
DESCRIPTION_BACK = 8


def _nearest_compatible(qs: list[Quote], n: int, kind: str | None) -> int | None:
    """The nearest earlier statement whose (root) speaker a description of ``kind`` can
    refer to; None when none is near."""
    allowed = COMPATIBLE.get(kind or "", ())
    for m in range(n - 1, max(-1, n - 1 - DESCRIPTION_BACK), -1):
        root = root_of(qs, m)
        if qs[root].speaker is not None and qs[root].kind in allowed:
            return m
    return None


def _says_same(r: Reader, span: tuple[int, int]) -> bool:
    ws = [k for k in r.words_in(span) if r.words[k].kind == "word"]
    return len(ws) > 1 and bare(r.words[ws[-1]].key) in SAME


def root_of(qs: list[Quote], m: int) -> int:
    """The first statement of ``m``'s chain of antecedents (a cycle stops where it repeats)."""
    a = qs[m].antecedent
    if a is None:
        return m  # most statements: no set to build
    seen = {m}
    m = a
    while True:
        a = qs[m].antecedent
        if a is None or m in seen:
            return m
        seen.add(m)
        m = a


def entity_link(
    r: Reader, span: tuple[int, int], kind: str
) -> tuple[str | None, str | None]:
    """The entity the speaker *is* (not one merely named in an anonymous descriptor).

    Persons link to a PER inside the mention ("النقيب “فيصل الفضل”"); organizations and
    media to an entity covering at least half of it.  Anonymous sources and documents are
    never linked: "مصدر في الجيش السوري" is not the Syrian army.
    """
    if kind in ("anonymous", "document"):
        return None, None
    best = None
    for e in r.entities_in(*span):
        if kind == "named_person" and e.label != "PER":
            continue
        if kind != "named_person" and (e.end - e.start) * 2 < span[1] - span[0]:
            continue
        if best is None or (e.end - e.start) > (best.end - best.start):
            best = e
    if best is None:
        return None, None
    ent = best.attrs.get("cluster") or best.attrs.get("entity") or best.id
    return ent, best.attrs.get("canonical")

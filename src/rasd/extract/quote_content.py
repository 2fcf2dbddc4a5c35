"""What was said: the content of an attributed statement, read from its introducer.

Content follows a marker (أنّ/إنّ/إلى أنّ, a colon, a quotation mark), a verb's object
preposition ("أعربت الوزارة عن ترحيبها …"), or nothing at all ("نفى X الاتهامات …"); it runs to
the sentence end or to the next attribution inside the sentence.  Quoted words run to their
closing mark, across sentences.  Every function reads the document through a
:class:`~rasd.extract.reader.Reader` and returns character offsets.
"""

from __future__ import annotations

from rasd.extract.quote_record import Quote
from rasd.extract.reader import (
    CLAUSE_BOUNDARIES,
    CONTENT_STARTS,
    ISSUED,
    MASDAR,
    PLATFORMS,
    SPEECH_EVENTS,
    Reader,
)
from rasd.extract.words import COMMA, CUE_OPENERS, QUOTE_CLOSE, QUOTE_OPEN, variants
from rasd.lang.ar import vocab

__all__ = ["bare_object", "clause", "content_from", "object_prep", "preceding_content",
           "quote_before", "skip_addressee", "trim", "what_start"]

#: words after an object preposition that show it is not the content ("كشف عن هويته")
NOT_OBJECT = vocab.words("phrase_words", "not-object")
#: the pronoun-initial "وهو ما" clause and its negations ("وهو ما لم تؤكده …")
_WHAT_PRONOUNS = ("وهو", "وهي", "هو", "هي")
_NEG = ("لم", "لن", "لا")


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """``[s, e)`` without surrounding spaces and trailing punctuation."""
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".،,؛;:"):
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


def content_from(r: Reader, q: Quote, j: int, k: int) -> None:
    """Set ``q``'s content from the introducer at word ``j`` (``k`` words long)."""
    w = r.words[j]
    if w.kind == "punct" and w.norm == ":":
        nxt = j + 1
        if nxt < len(r.words) and r.words[nxt].norm in QUOTE_OPEN:
            direct(r, q, nxt)
            return
        q.direct = True
        q.content = clause(r, nxt, r.sent_end(j))
        return
    if w.kind == "punct" and (w.norm in QUOTE_OPEN or w.norm == "”"):
        direct(r, q, j)
        return
    if w.kind == "punct" and w.norm in CUE_OPENERS:  # a dash: the speech follows it
        q.content = clause(r, j + 1, r.sent_end(j))
        return
    q.content = clause(r, j, r.sent_end(j))


def direct(r: Reader, q: Quote, j: int) -> None:
    """Quoted words: from after the opening mark to its closing mark, across sentences."""
    opener = r.words[j].norm
    closer = QUOTE_CLOSE.get(opener, opener)
    start = r.words[j].end
    pos = r.text.find(closer, start)
    if opener == '"' or pos < 0:
        pos = r.text.find(closer, start) if pos < 0 else pos
    if pos < 0 or pos - start > 3000:
        q.content = clause(r, j + 1, r.sent_end(j))
        return
    q.direct = True
    q.content = trim(r.text, start, pos)


def clause(r: Reader, a: int, b: int) -> tuple[int, int] | None:
    """Content from word ``a`` to the sentence end ``b`` or the next attribution before it."""
    if a >= b:
        return None
    end = b
    for j in range(a + 1, b):
        if r.is_punct(j - 1, COMMA) and (
            r.participle_cue(j) or r.prep_cue(j) or _verb_clause(r, j)
            or _subordinate_cue(r, j, b) or what_start(r, j, b)
        ):
            end = j - 1
            break
    return trim(r.text, r.words[a].start, r.words[end - 1].end)


def _subordinate_cue(r: Reader, j: int, b: int) -> bool:
    """"…، في حين نفى حزب الله …" / "…، بينما ذكرت …": another statement starts here."""
    k = j
    if r.words[k].key == "في" and k + 1 < b and r.words[k + 1].key == "حين":
        k += 2
    elif r.words[k].key in CLAUSE_BOUNDARIES:
        k += 1
    else:
        return False
    for x in range(k, min(b, k + 6)):
        if r.words[x].kind == "punct":
            return False
        if r.verb_cue(x):
            return True
    return False


def _verb_clause(r: Reader, j: int) -> bool:
    info = r.verb_cue(j)
    return bool(info) and r.words[j].key[0] in "وف"


def what_start(r: Reader, j: int, b: int) -> bool:
    """Does "، وهو ما نفاه X" (a statement about the clause before it) start at ``j``?"""
    if r.words[j].key not in _WHAT_PRONOUNS or j + 2 >= b:
        return False
    if r.words[j + 1].key != "ما":
        return False
    k = j + 2
    if r.words[k].key in _NEG and k + 1 < b:
        k += 1
    info = r.pronoun_verb(k)
    return info is not None and not info["relay"]


def preceding_content(r: Reader, i: int) -> tuple[int, int] | None:
    """"«…»، قال X" / "الوضع خطير، قال المسؤول": the statement before the cue ``i``."""
    a = r.sent_start(i)
    if i - 1 <= a or not r.is_punct(i - 1, COMMA):
        return None
    last = r.words[i - 2]
    if last.kind == "punct" and last.norm in "»”\"":
        opener = {"»": "«", "”": "“", '"': '"'}[last.norm]
        pos = r.text.rfind(opener, 0, last.start)
        if pos >= 0:
            return trim(r.text, pos + 1, last.start)
    return trim(r.text, r.words[a].start, r.words[i - 2].end)


def quote_before(r: Reader, i: int) -> bool:
    """"«…»، قال X": a quotation that opens its sentence (or paragraph), then a comma."""
    if i < 2 or not r.is_punct(i - 1, COMMA):
        return False
    last = r.words[i - 2]
    if last.kind != "punct" or last.norm not in "»”\"":
        return False
    opener = {"»": "«", "”": "“", '"': '"'}[last.norm]
    pos = r.text.rfind(opener, 0, last.start)
    if pos < 0 or last.start - pos > 3000:
        return False
    before = r.text[max(0, pos - 3):pos].rstrip(" \t")
    return not before or before[-1] in "\n.!?؟" or (
        before[-1] in "وف" and (len(before) < 2 or before[-2] in " \n")
    )


def skip_addressee(r: Reader, j: int, b: int) -> int:
    """Skip "لـ«النهار»" / "لـ(شفق نيوز)" / "للصحفيين" right after a participle cue."""
    if j >= b:
        return j
    key = r.words[j].key
    if key in ("للصحفيين", "للصحافيين"):
        return j + 1
    if key in ("ل", "لـ") and j + 1 < b:
        if r.opens_quote(j + 1) and (close := r.quoted_name(j + 1)) is not None:
            return close
        if r.words[j + 1].norm == "(":
            for k in range(j + 2, min(b, j + 9)):
                if r.words[k].norm == ")":
                    return k + 1
    return j


def object_prep(r: Reader, j: int, b: int) -> bool:
    """Does the preposition at ``j`` open the verb's content rather than an adjunct or a
    descriptor ("مصدر في الحزب", "في بيان", "على منصة إكس", "عن هويته")?"""
    if j + 1 >= b or r.words[j + 1].kind != "word":
        return False
    nxt = r.words[j + 1]
    if nxt.key in NOT_OBJECT or r.words[j - 1].key in ("نقلا",) or r.words[j - 1].key in ISSUED:
        return False
    vs = variants(nxt.key)
    if any(v in SPEECH_EVENTS or v in PLATFORMS for v in vs) or r.np_stop(j + 1):
        return False
    # "مصدر في الحزب", "في أربيل": a descriptor or a place, not the content
    return r.words[j].key not in ("في", "من") or not (
        any(r.has(j + 1, t) for t in ("organization", "media", "agency_heads", "anonymous"))
        or any(e.label in ("GPE", "LOC", "ORG", "FAC") and e.start == nxt.start
               for e in r.entities_in(nxt.start, nxt.end))
        or bool(r.places().overlapping(nxt.start, nxt.start + 1))
    )


def bare_object(r: Reader, a: int, b: int) -> bool:
    """Words ``[a, b)`` left between the speaker and the verb's preposition are its object
    ("تفاصيل جديدة", "النقاب"), not an adjunct ("في بيان", "لـ«النهار»", "، اليوم،")."""
    w = r.words[a]
    return (
        w.kind == "word" and (w.key in CONTENT_STARTS or MASDAR.match(w.key) is not None)
        and not any(r.words[k].kind == "punct" for k in range(a, b))
    )

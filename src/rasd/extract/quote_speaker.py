"""Who is quoted, read locally: the speaker phrase written around a cue.

The speaker follows a verb-first cue, among comma-separated chunks and past adjuncts
("قال لـ(الحل نت) مصدر عسكري"), or precedes it in the same clause (SVO), or is written
earlier in the sentence for a pro-dropped verb; a relaying outlet ("نقلت وكالة X عن Y",
"قالت صحيفة X نقلاً عن مسؤولين") is kept apart as ``via``.  Kinds and coreference across
statements are :mod:`rasd.extract.speakers`' job.
"""

from __future__ import annotations

from rasd.extract.quote_record import Quote, speaker_of
from rasd.extract.reader import CLAUSE_BOUNDARIES, Reader
from rasd.extract.speakers import MAX_BACK
from rasd.extract.words import COMMA, DASH, bare
from rasd.lang.ar import vocab
from rasd.lang.ar.normalize import fold_key

__all__ = ["HONORIFIC_PRONOUNS", "institutional", "plausible_source", "relay", "relay_after",
           "speaker_after", "speaker_before"]

#: honorific pronouns of agency style ("وشدد سموه", "وأكد معاليه"): the speaker is not
#: written here and is the one referred to, as with a pro-dropped verb
HONORIFIC_PRONOUNS = vocab.words("titles", "honorific-pronoun")


def speaker_after(r: Reader, q: Quote, a: int, b: int) -> int | None:
    """Find the speaker among the comma-separated chunks between cue and content.

    Returns the word index where the speaker phrase ends (bare content may follow).
    With an apposition ("القائد العسكري في …، النقيب “فيصل الفضل”،") the more name-like
    chunk is the speaker and the other is kept as its descriptor.
    """
    words = r.words
    first: tuple[int, int] | None = None
    for ca, cb in r.chunks(a, b):
        s = r.skip_adverbs(ca, cb)
        if s >= cb:
            continue
        if first is None:
            if words[s].key in HONORIFIC_PRONOUNS:
                return s + 1  # "وشدد سموه على …": the speaker is the one referred to
            if r.is_adjunct_start(s):
                if words[s].key in ("ل", "لـ") or words[s].norm == "(":
                    # "لـ(الحل نت) مصدر عسكري", "لـ«القبس» مصدر …": skip the addressee
                    k = s + 1 if words[s].key in ("ل", "لـ") else s
                    if k < cb and r.opens_quote(k) and r.quoted_name(k) is not None:
                        k = r.quoted_name(k) - 1  # type: ignore[operator]
                    else:
                        while k < cb and words[k].norm != ")":
                            k += 1
                    s = r.skip_adverbs(k + 1, cb)
                    if s >= cb or r.is_adjunct_start(s):
                        continue
                else:
                    continue
            e = r.np_end(s, cb)
            if e <= s:
                continue
            first = (s, e)
            if e < cb:
                break  # the phrase stopped inside its chunk: bare content follows
            continue
        if r.is_adjunct_start(s):
            break
        e = r.np_end(s, cb)
        score = r.name_score(s, e) if e > s else 0
        if score >= 2 and score > r.name_score(*first):
            q.descriptor = (words[first[0]].start, words[first[1] - 1].end)
            first = (s, e)
        break
    if first is None:
        return None
    s, e = first
    q.speaker = (words[s].start, words[e - 1].end)
    return e


def relay_after(r: Reader, q: Quote, np_end: int, b: int) -> int:
    """"قالت صحيفة X نقلاً عن مسؤولين …": the outlet relays, the officials speak."""
    j = np_end
    while j < b and r.words[j].kind == "punct" and r.words[j].norm in COMMA:
        j += 1
    if (
        q.speaker is not None and j + 1 < b and r.words[j].key in ("نقلا",)
        and r.words[j + 1].key == "عن"
    ):
        via = q.speaker
        q.speaker = None
        end = speaker_after(r, q, j + 2, b)
        if speaker_of(q) is None:
            q.speaker = via
            return np_end
        q.via = via
        return end or np_end
    return np_end


def relay(r: Reader, q: Quote, i: int, region_end: int) -> bool:
    """"نقلت وكالة X عن مصدر … قوله إن": X relays, the speaker follows عن."""
    words = r.words
    for j in range(i + 1, region_end):
        if words[j].key == "عن":
            subject = r.subject_before(i)  # "وكانت مواقع معارضة قد نقلت، …، عن"
            if subject is not None:
                q.via = (words[subject[0]].start, words[subject[1] - 1].end)
            else:
                for ca, cb in r.chunks(i + 1, j):
                    ca = r.skip_adverbs(ca, cb)
                    if ca < cb:
                        q.via = (words[ca].start, words[cb - 1].end)
                        break
            # drop a trailing "قوله/قولها" (the verbal noun of the relayed saying)
            stop = region_end
            if stop - 1 > j and words[stop - 1].key.startswith("قول"):
                stop -= 1
            q.extra["np_end"] = speaker_after(r, q, j + 1, stop) or j + 1
            return q.speaker is not None
    return False


def speaker_before(r: Reader, quotes: list[Quote], q: Quote, i: int) -> None:
    """Pro-drop cue ``i``: the subject earlier in the sentence, else the previous speaker.

    Clauses are searched from the cue backwards and the leftmost speaker head of the
    nearest clause that has one wins: "وكان تقرير للأمم المتحدة، صدر في …، كشف أن",
    "ما تقر به الحكومة السورية، إذ ذكرت …".
    """
    words = r.words
    a = r.sent_start(i)
    if quotes and quotes[-1].sent == words[i].sent:
        prev = quotes[-1]
        if prev.content is not None:
            while a < i and words[a].start < prev.content[1]:
                a += 1
    segments: list[tuple[int, int]] = []
    s = a
    for j in range(a, i):
        w = words[j]
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
            if words[j].kind != "word" or not r.speaker_head(j):
                continue
            e = r.np_end(j, sb)
            if e > j:
                q.speaker = (words[j].start, words[e - 1].end)
                return
    if quotes:
        q.antecedent = len(quotes) - 1
        q.implicit = True


def institutional(r: Reader, span: tuple[int, int]) -> bool:
    """Does the speaker phrase ``span`` start with an institution, document or outlet head?"""
    idx = [k for k in r.words_in(span) if r.words[k].kind == "word"]
    return bool(idx) and any(
        r.has(idx[0], t) for t in ("organization", "document", "agency_heads")
    )


def plausible_source(r: Reader, quotes: list[Quote], a: int, e: int) -> bool:
    """A prepositional attribution needs a source-like phrase ``[a, e)``: a speaker head
    noun, an entity, a quoted name, or the name of an earlier speaker."""
    words = r.words
    if r.name_score(a, e) == 3:
        return True
    if any(r.speaker_head(k) or r.has(k, "media") for k in range(a, e)
           if words[k].kind in ("word", "latin")):
        return True
    if any(x.label in ("PER", "ORG", "GPE") for x in
           r.entities_in(words[a].start, words[e - 1].end)):
        return True
    last = bare(words[e - 1].key)
    # the MAX_BACK latest statements, as speaker resolution looks back: exact for articles,
    # linear for transcripts with thousands of statements
    return any(
        q.speaker is not None and bare(fold_key(r.text[q.speaker[0]:q.speaker[1]])
                                       .split()[-1]) == last
        for q in quotes[-MAX_BACK:] if q.speaker
    )

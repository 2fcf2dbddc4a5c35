"""From text + tokens to typed mentions with canonical forms (no document model needed).

The tagger runs sentence by sentence (CRF context never crosses a sentence); a mention is the
token range the tagger marks, trimmed of stray punctuation, and its offsets start at the first
non-clitic piece, so "وبيونغ يانغ" yields "بيونغ يانغ".  The canonical form is the normalized
reading of the pieces, with the article restored after ل ("لجيش السوري" → "الجيش السوري").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rasd.lang.ar.normalize import normalize
from rasd.lang.ar.sentences import split_sentences
from rasd.lang.ar.tokenize import Token
from rasd.ner import orgnames
from rasd.ner.clubs import club_keys, club_mentions, foreign_club_heads
from rasd.ner.datelines import datelines
from rasd.ner.eponyms import eponym_names
from rasd.ner.keys import match_key
from rasd.ner.model import Tagger, default_tagger
from rasd.ner.nationality import split_adjectives, state_bodies
from rasd.ner.patterns import complete_quoted, paper_mentions, stock_mentions
from rasd.ner.propagate import (
    ADMIN_HEADS,
    drop_titles,
    extend_surnames,
    gazetteer_repairs,
    include_triggers,
    name_pairs,
    propagate,
    split_person_spans,
)
from rasd.ner.regional import (
    category_heads,
    places_after_heads,
    regional_bodies,
    regional_branches,
)
from rasd.ner.supplement import CONFIDENCE as SUPPLEMENT_CONFIDENCE
from rasd.ner.supplement import supplement

#: the tagger's span conventions: Wojood's ("مدينة القدس", titles inside person spans) is only
#: for scoring on Wojood; analysis sums the news (NewsFANE) and Wojood copies of the
#: convention-sensitive weights, which keeps armies and units as ORG (Wojood) while the
#: repairs below drop trigger words ("ريف إدلب" → "إدلب") as news annotation does
WOJOOD = "wojood"
NEWS = "news"
ANALYSIS = "news+wojood"
_MAX_CHUNK = 250  # tokens; longer "sentences" (lists, tables) are tagged in pieces
_OPEN, _CLOSE = '([«"“', ')]»"”'


@dataclass
class Mention:
    start: int
    end: int
    type: str
    canonical: str
    confidence: float
    first: int  # token index range [first, last) in the token list given
    last: int


def canonical(tokens: Sequence[Token]) -> str:
    """Normalized reading of a mention's pieces; the article elided after ل is restored."""
    parts: list[str] = []
    prev: Token | None = None
    for t in tokens:
        piece = t.norm.replace("ـ", "")
        if prev is None and t.det and match_key(t.key, True) != t.key:
            piece = "ا" + piece
        if prev is not None and (t.start > prev.end or t.word != prev.word):
            parts.append(" ")
        parts.append(piece)
        prev = t
    return "".join(parts).strip()


def _trim(tokens: Sequence[Token], i: int, j: int) -> tuple[int, int]:
    while i < j and (tokens[i].kind == "punct" or tokens[i].role in ("conj", "prep", "fut")):
        i += 1
    while j > i and tokens[j - 1].kind == "punct":
        opened = any(tokens[k].norm in _OPEN for k in range(i, j - 1))
        if tokens[j - 1].norm in _CLOSE and opened:
            break
        j -= 1
    return i, j


def chunks(tokens: Sequence[Token], text: str) -> list[tuple[int, int]]:
    """Token ranges the tagger sees: one per sentence, long ones cut at ``_MAX_CHUNK`` tokens
    (public so benchmarks tag exactly the same sequences as :func:`recognize`)."""
    bounds = split_sentences(text) if text else [(0, tokens[-1].end if tokens else 0)]
    out, k = [], 0
    for _a, b in bounds:
        start = k
        while k < len(tokens) and tokens[k].start < b:
            k += 1
            if k - start >= _MAX_CHUNK:
                out.append((start, k))
                start = k
        if k > start:
            out.append((start, k))
    if k < len(tokens):
        out.append((k, len(tokens)))
    return out


def _news_reading(
    spans: list[tuple[int, int, str, float]], news: list[tuple[int, int, str, float]]
) -> list[tuple[int, int, str, float]]:
    """Where the Wojood weights in the summed convention tag a title or a group, ask the news
    convention alone (NewsFANE has neither Wojood's titles nor its generic groups):

    * a title (OCC) swallows the names in it ("مديرة صندوق النقد الدولي كريستالينا
      غورغييفا"): the news reading finds them inside;
    * a group (NORP) is read as the news reading reads it: peoples by origin, without
      Wojood's head nouns ("الخبراء | الكوريين"); Wojood's generic human groups ("النازحين",
      "الموظفون") are not groups by origin, and one may swallow a person or a place
      ("اللاجئين آدم", "لنازحين جنوبي الفاشر"), so it gives way to what the news reading
      finds there, or to nothing.  A news span running into another mention is not taken.
    """
    titles = [(i, j) for i, j, typ, _c in spans if typ == "OCC"]
    out = [s for s in spans if s[2] != "NORP"]
    for i, j, typ, _conf in spans:
        if typ == "NORP":
            over = [s for s in news if s[0] < j and i < s[1]]
            over = [s for s in over if not any(o[0] < s[1] and s[0] < o[1] for o in out)]
            groups = [s for s in over if s[2] == "NORP"]
            out += groups or [s for s in over if s[2] != "OCC"]
    for i, j, typ, conf in news:
        if typ != "OCC" and any(x <= i and j <= y for x, y in titles):
            out.append((i, j, typ, conf))
    return sorted(set(out))


def recognize(
    text: str,
    tokens: Sequence[Token],
    convention: str = ANALYSIS,
    tagger: Tagger | None = None,
    propagate_names: bool = True,
    supplement_rules: bool = True,
) -> list[Mention]:
    """Typed mentions in ``text`` (``tokens`` = :func:`rasd.lang.ar.tokenize.tokenize` output).

    ``convention`` selects the span convention learnt per corpus (:data:`ANALYSIS` by
    default, :data:`WOJOOD` to reproduce that corpus's annotation style when scoring on it).
    ``propagate_names`` adds untagged repeats of names found elsewhere in the text
    (:mod:`rasd.ner.propagate`); ``supplement_rules`` adds what fixed patterns and the
    gazetteer are sure of on tokens left free (:mod:`rasd.ner.supplement`).
    """
    tagger = tagger or default_tagger()
    news = convention != WOJOOD  # news practice (analysis, or NewsFANE's alone)
    found: list[tuple[int, int, str, float]] = []
    for a, b in chunks(tokens, text):
        spans = tagger.tag_spans(tokens[a:b], convention)
        if news and any(typ in ("OCC", "NORP") for _i, _j, typ, _c in spans):
            spans = _news_reading(spans, tagger.tag_spans(tokens[a:b], NEWS))
        found += [(a + i, a + j, typ, conf) for i, j, typ, conf in spans]
    found = extend_surnames(tokens, name_pairs(tokens, split_person_spans(tokens, found)))
    found = gazetteer_repairs(tokens, found, trim_triggers=news)
    # Wojood puts trigger words inside place spans; news leaves titles out of person names
    found = drop_titles(tokens, found) if news else include_triggers(tokens, found)
    found = orgnames.repair(tokens, found, news=news)
    if news:  # "الأهلي | المصري", "الرئيس | التركي": the adjective is its own NORP span
        clubs = club_keys()
        found = eponym_names(tokens, found)  # "مستشفى الملك فهد الجامعي": one place, no person
        found = places_after_heads(tokens, category_heads(tokens, found))  # "محافظة القويعية"
        # services without a head ("الدفاع المدني") are not added here: the story model
        # (rasd.link), fitted on the earlier actors, links unrelated stories through them
        # (held-out stories pairwise F1 0.711 → 0.674); see regional.service_names
        found = regional_bodies(tokens, found)  # "أمانة الطائف"
        found = club_mentions(text, tokens, found)
        found = split_adjectives(tokens, state_bodies(tokens, found, clubs), clubs)
        found = regional_branches(tokens, foreign_club_heads(tokens, found))
        found = [s for s in found if s[0] < s[1]]  # no pass may leave an empty span
    found = datelines(text, tokens, complete_quoted(tokens, found))
    if propagate_names:
        found = propagate(tokens, found)
    if news:  # after propagation: a paper named "الرياض" must not spread to the city
        found = stock_mentions(tokens, paper_mentions(text, tokens, found))
    out = []
    for i0, j0, typ, conf in found:
        i, j = _trim(tokens, i0, j0)
        if i >= j:
            continue
        pieces = tokens[i:j]
        out.append(Mention(pieces[0].start, pieces[-1].end, typ, canonical(pieces), conf, i, j))
    if supplement_rules:
        taken = [(m.first, m.last, m.type) for m in out]
        added = supplement(text, tokens, taken, platforms=news)
        for s, e, typ, i, j in added:
            if news and j - i >= 2 and tokens[i].key in ADMIN_HEADS:
                i, s = i + 1, tokens[i + 1].start  # "إقليم شيشاوة", a geonames name → "شيشاوة"
            pieces = tokens[i:j]
            # a proclitic left unsplit by the tokenizer is outside the span: "وتعز" → "تعز"
            name = canonical(pieces) if pieces[0].start == s else normalize(text[s:e]).text
            out.append(Mention(s, e, typ, name, SUPPLEMENT_CONFIDENCE, i, j))
        if added:
            out.sort(key=lambda m: (m.start, m.end))
    return out

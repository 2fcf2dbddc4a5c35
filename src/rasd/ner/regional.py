"""State bodies named by their place or their service, as Gulf news names them.

Three shapes the CRF reads as a bare place or misses (``vocab/org_words.tsv``):

* **a directorate named by its place** (``regional-head``): "أمانة الطائف", "بلدية محافظة
  الخبر", "بلدية غرب الدمام", "صحة جدة" — the head, an administrative word and the place are one
  ORG (the tagger found only the place);
* **a regional branch**: an ORG + ب + (منطقة/محافظة) + a place is one ORG, "الدفاع المدني
  بمحافظة جدة", "محكمة الاستئناف الإدارية بالرياض", "السفارة اليمنية بجيبوتي" — unless the
  body is uniquely named after a person ("جامعة الأمير سطام | بالخرج" keeps the place apart);
* **a service without a head noun** (``service``): "الدفاع المدني", "الهلال الأحمر", "الشؤون
  الصحية", "الحرس الوطني" on free tokens (:func:`service_names`, not wired in yet, see there).

News annotation marks all three as ORG (``eval/ner/real/README.md``, "Regional branches").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rasd.lang.ar import vocab
from rasd.lang.ar.lexicon import default_lexicon
from rasd.lang.ar.tokenize import Token
from rasd.ner.gazetteer import Gazetteer, default_gazetteer
from rasd.ner.keys import match_key
from rasd.ner.orgnames import INSTITUTION_NOUNS
from rasd.ner.propagate import ADMIN_HEADS, TokSpan, covered

_REGIONAL = vocab.words("org_words", "regional-head")
_REGIONAL_FORMS = frozenset({f"{p}{h}" for h in _REGIONAL for p in ("", "ب", "ل")})
_HONORIFIC = vocab.words("eponyms", "honorific")
_PLACES = frozenset({"GPE", "LOC"})
CONFIDENCE = 0.85


@lru_cache(maxsize=1)
def _services() -> Gazetteer:
    gaz = Gazetteer()
    for e in vocab.entries("org_words"):
        if e.category == "service":
            gaz.add(e.word, "ORG")
    return gaz


def _admin(t: Token) -> bool:
    key = match_key(t.key, t.det)
    return t.kind == "word" and t.role == "stem" and (key in ADMIN_HEADS or (
        t.det and key[2:] in ADMIN_HEADS))


def _place_after(tokens: Sequence[Token], k: int, spans: Sequence[TokSpan]) -> TokSpan | None:
    """The place span starting at ``k``, or after one administrative word there ("محافظة",
    "غرب"); None when there is none."""
    by_start = {s[0]: s for s in spans if s[2] in _PLACES}
    if k in by_start:
        return by_start[k]
    if k < len(tokens) and _admin(tokens[k]) and k + 1 in by_start:
        return by_start[k + 1]
    return None


def service_names(tokens: Sequence[Token], spans: Sequence[TokSpan]) -> list[TokSpan]:
    """``spans`` with the services of ``service`` rows found on free tokens.

    Not in :func:`rasd.ner.recognize.recognize` yet: it adds 0.006 micro F1 on the real-news
    dev set, but the story model of :mod:`rasd.link`, fitted on the earlier tagger's actors,
    then links unrelated stories through these frequent bodies (held-out stories pairwise F1
    0.711 → 0.674).  Wire it in when that model is refitted."""
    n = len(tokens)
    taken = covered(n, spans)
    keys = [match_key(t.key, t.det) for t in tokens]
    added = [
        (i, j, "ORG", CONFIDENCE) for i, j, _t in _services().matches(keys)
        if tokens[i].role == "stem" and not any(taken[i:j])
        and (j == n or tokens[j].word != tokens[j - 1].word)
    ]
    return sorted([*spans, *added])


def regional_bodies(tokens: Sequence[Token], spans: Sequence[TokSpan]) -> list[TokSpan]:
    """``spans`` with "head (+ admin word) + place" read as one ORG ("أمانة الطائف"); a title
    that swallowed the head gives it up ("رئيس | بلدية محافظة الخبر")."""
    out = list(spans)
    for k, t in enumerate(tokens):
        if t.key not in _REGIONAL_FORMS or t.kind != "word" or t.role != "stem" or t.det:
            continue
        holder = [s for s in out if s[0] <= k < s[1]]
        title = holder[0] if holder and holder[0][2] == "OCC" and holder[0][0] < k else None
        if holder and title is None:
            continue
        # a title may have swallowed the head and its admin word ("رئيس بلدية | محافظة الخبر")
        end = title[1] if title is not None else k + 1
        if end > k + 2 or (end == k + 2 and not _admin(tokens[k + 1])):
            continue
        place = _place_after(tokens, k + 1, [s for s in out if s[0] >= end or s[0] == k + 1])
        if place is None or tokens[k + 1].start - t.end > 1:
            continue
        out.remove(place)
        if title is not None:
            out.remove(title)
            out.append((title[0], k, "OCC", title[3]))
        out.append((k, place[1], "ORG", place[3]))
    return sorted(out)


def _descriptive(tokens: Sequence[Token], i: int, j: int) -> bool:
    """Is the ORG ``[i, j)`` named by what it does ("الدفاع المدني", "محكمة الاستئناف
    الإدارية"): after its head, only definite words — no person's title, no proper name
    ("جامعة الأمير سطام", "مركز جونسون للفضاء" are unique and keep their place apart)?"""
    while i < j and tokens[i].role != "stem":
        i += 1
    if i >= j or not (tokens[i].det or match_key(tokens[i].key, False) in INSTITUTION_NOUNS):
        return False  # "جونسون للفضاء": a name first
    for k in range(i, j):
        t = tokens[k]
        if t.key in _HONORIFIC:
            return False
        if k > i and t.role == "stem" and t.kind == "word" and not t.det \
                and tokens[k - 1].role != "prep":
            return False
    return True


def regional_branches(tokens: Sequence[Token], spans: Sequence[TokSpan]) -> list[TokSpan]:
    """``spans`` with "ORG + ب (+ admin word) + place" read as one ORG when the ORG is
    descriptive (:func:`_descriptive`)."""
    out = sorted(spans)
    n = len(tokens)
    result: list[TokSpan] = []
    skip: set[TokSpan] = set()
    for x, (i, j, typ, conf) in enumerate(out):
        if (i, j, typ, conf) in skip:
            continue
        if typ == "ORG" and j + 1 < n and tokens[j].role == "prep" and tokens[j].key == "ب" \
                and tokens[j].start - tokens[j - 1].end <= 1 \
                and _descriptive(tokens, i, j):
            place = _place_after(tokens, j + 1, out[x + 1 :])
            if place is not None and (place[0] == j + 1 or tokens[j + 1].word == tokens[j].word):
                skip.add(place)
                result.append((i, place[1], "ORG", conf))
                continue
        result.append((i, j, typ, conf))
    return sorted(s for s in result if s not in skip)


_NAMING_HEADS = vocab.words("places", "naming-head")
_STOPWORDS = vocab.words("stopwords") | vocab.words("function_words")
_LANDFORMS = vocab.words("places", "landform")
_COMMON = 5  # lexicon count above which an unprotected word is a common word, not a name


def _names_place(tokens: Sequence[Token], head: str, k: int) -> bool:
    """Can token ``k`` right after the naming head ``head`` be the place's name?"""
    t = tokens[k]
    if t.kind != "word" or t.role != "stem" or (k + 1 < len(tokens) and
                                                tokens[k + 1].word == t.word):
        return False
    key = match_key(t.key, t.det)
    bare = key[2:] if t.det and key.startswith("ال") else key
    lex = default_lexicon()
    if key in _STOPWORDS or bare in _STOPWORDS or key in ADMIN_HEADS or bare in ADMIN_HEADS:
        return False
    if lex.count(key) > _COMMON and not lex.is_protected(key):
        return False
    if key in _LANDFORMS or bare in _LANDFORMS or bare.endswith(("يين", "يون")):
        return False  # "قرية نهر …", "منطقة الصدريين": a landform noun, a group
    if not t.det and t.norm.endswith("ي"):  # (not "ديالى": ى folds to ي in keys)
        return False  # "حي سكني": an adjective
    if head == "منطقه":  # "منطقة عازلة / حدودية / الحدودية": adjectives of a zone
        return not bare.endswith(("ه", "ي")) or (t.det and not bare.endswith(("يه", "ي")))
    return True


def places_after_heads(tokens: Sequence[Token], spans: Sequence[TokSpan]) -> list[TokSpan]:
    """``spans`` with the word after an indefinite naming head ("محافظة القويعية", "بلدة
    كفريا", "ولاية لويزيانا") read as a place, the head left out as news annotation does;
    a title swallowing it ("أمير منطقة عسير") gives it up."""
    out = sorted(spans)
    n = len(tokens)
    owner = [-1] * n
    for x, (i, j, _t, _c) in enumerate(out):
        for k in range(i, j):
            owner[k] = x
    added: list[TokSpan] = []
    cut: dict[int, int] = {}
    for k in range(n - 1):
        t = tokens[k]
        head = t.key if t.role == "stem" and not t.det else ""
        if head not in _NAMING_HEADS or not _names_place(tokens, head, k + 1) \
                or tokens[k + 1].start - t.end > 1:
            continue
        x = owner[k + 1]
        if x >= 0:
            i, j, typ, _c = out[x]
            # only a title ending on the name gives it up ("أمير منطقة عسير" → OCC + LOC)
            if typ != "OCC" or j != k + 2 or owner[k] != x:
                continue
            cut[x] = k
        added.append((k + 1, k + 2, "GPE", CONFIDENCE))
    kept = []
    for x, s in enumerate(out):
        if x in cut:
            if cut[x] > s[0]:
                kept.append((s[0], cut[x], s[2], s[3]))
        else:
            kept.append(s)
    return sorted(kept + added)


_CATEGORY_HEADS = vocab.words("org_words", "category-head")
_MAX_REST = 4


def category_heads(tokens: Sequence[Token], spans: Sequence[TokSpan],
                   gaz: Gazetteer | None = None) -> list[TokSpan]:
    """"تنظيم | الدولة الإسلامية": a category word before a name that stands by itself stays
    out of the ORG (news convention).  A tagged "تنظيم X" loses the head when X is definite;
    an untagged one whose whole form the gazetteer knows as ORG gets X alone."""
    gaz = gaz or default_gazetteer()
    n = len(tokens)
    taken = covered(n, spans)
    out: list[TokSpan] = []
    for i, j, typ, conf in spans:
        h = i
        while h < j and tokens[h].role != "stem":
            h += 1
        if typ == "ORG" and j - h >= 2 and match_key(tokens[h].key, tokens[h].det) \
                in _CATEGORY_HEADS and tokens[h + 1].det and tokens[h + 1].kind == "word":
            i = h + 1
        out.append((i, j, typ, conf))
    for k, t in enumerate(tokens):
        head = t.key if t.key in _CATEGORY_HEADS else t.key[1:] if t.key[:1] in ("ل", "ب") \
            and t.key[1:] in _CATEGORY_HEADS else ""  # "لتنظيم" left whole
        if not head or taken[k] or t.role != "stem" or t.det:
            continue
        for j in range(min(n, k + 1 + _MAX_REST), k + 1, -1):
            keys = (head, *(match_key(x.key, x.det) for x in tokens[k + 1 : j]))
            hit = gaz.lookup(keys)
            if hit and hit[0] == "ORG" and not any(taken[k + 1 : j]) \
                    and (j == n or tokens[j].word != tokens[j - 1].word):
                out.append((k + 1, j, "ORG", CONFIDENCE))
                break
    return sorted(out)

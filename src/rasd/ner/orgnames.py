"""Organization names the tagger cut short, left out or ran on, repaired after it has decided.

Regularities of Arabic institutional names that a CRF window handles badly:

* **the لـ complement** (:func:`extend_complements`): "الهيئة العامة للإحصاء", "المنظمة
  العالمية للأرصاد الجوية".  The preposition piece "ل" usually *ends* a name in the training
  corpora, so the tagger stops before it ("الهيئة العامة").  In those corpora an ORG span
  followed by ل + a definite word continues over it 76 times out of 96; most of the other 20
  follow a complete, well-known name ("مجلس الأمن للحصول على"), so a span that is itself a
  complete gazetteer name is not extended.  :func:`institution_names` adds untagged names of
  the whole shape (institution noun + adjective + complement: "المندوبية السامية للتخطيط").
* **the bracketed acronym** (:func:`bracket_acronyms`): "وكالة الأنباء الكويتية (كونا)" —
  one word in brackets right after an organization names it; :mod:`rasd.ner.propagate` then
  finds its later bare repeats ("… قالت كونا").
* **the head noun** (:func:`head_repairs`): "وكالة | الأنباء السعودية", "مصرف | لبنان" — the
  noun heads the name; "وكالة | بلومبرغ" — the noun types it; a lone "الحكومة" names nothing.
* **a person run into** (:func:`split_swallowed`): "صندوق النقد الدولي كريستالينا غورغييفا".

Measured (``rasd eval ner``): held-out news eval/ner 0.691 → 0.777 with these, the person
repairs of :mod:`rasd.ner.propagate` and the agencies of :mod:`rasd.ner.patterns` (the set's
errors prompted them); Wojood val 0.785 → 0.791, five-fold CV over Wojood train 0.7111 →
0.7136, the seed unchanged (0.938).  All work on token index spans, never on tokens another
mention covers.
"""

from __future__ import annotations

from collections.abc import Sequence

from rasd.lang.ar import vocab
from rasd.lang.ar.lexicon import default_lexicon
from rasd.lang.ar.tokenize import Token
from rasd.ner.gazetteer import Gazetteer, default_gazetteer
from rasd.ner.keys import match_key
from rasd.ner.patterns import ORG_NOUNS
from rasd.ner.propagate import TokSpan, covered, span_keys

_QUOTES = frozenset("\"«»“”'")
_MAX_ACRONYM = 12  # characters: longer bracketed words are glosses, not acronyms
_RETYPE_BELOW = 0.8  # a tagger type on a bracketed acronym below this gives way to ORG
#: confidence of a name found by :func:`institution_names` alone (propagated from 0.6 up)
_RULE_CONFIDENCE = 0.7


#: nouns that head an institution's name, folded, without the article: the patterns' organization
#: nouns and the administrative bodies of Arab states
INSTITUTION_NOUNS = ORG_NOUNS | vocab.words("org_words", "institution-noun")
#: institution nouns that take a place in a plain genitive rather than forming a name with it
#: ("تحالف كوريا وسوريا", "مركز المدينة", "جبهة إدلب" the front, "لواء رام الله" the district);
#: the others name the body serving the place ("مصرف لبنان", "جامعة دمشق", "سلطة وادي الأردن")
_GENITIVE_HEADS = vocab.words("org_words", "genitive-head")
#: definite nouns that, alone, describe an institution without naming it ("الحكومة")
_DESCRIPTIONS = INSTITUTION_NOUNS | vocab.words("org_words", "description")
#: adjectives of institution names that are not relational (nisba) adjectives
_NAME_ADJECTIVES = vocab.words("org_words", "name-adjective")


def repair(tokens: Sequence[Token], spans: Sequence[TokSpan], news: bool = True) -> list[TokSpan]:
    """All the repairs of this module, in the order they depend on each other: cut persons out
    first, then fix heads, complements, whole names and acronyms (``news``: the news
    convention, see :func:`head_repairs`)."""
    found = head_repairs(tokens, split_swallowed(tokens, spans), news=news)
    return bracket_acronyms(tokens, institution_names(tokens, extend_complements(tokens, found)))


def _nisba(t: Token) -> bool:
    """A definite relational adjective ("الجوية", "التونسي") that can close a name."""
    if t.kind != "word" or t.role != "stem" or not t.det:
        return False
    key = match_key(t.key, True)
    return (key.endswith(("ي", "يه")) and len(key) > 4) or key in _NAME_ADJECTIVES


def extend_complements(
    tokens: Sequence[Token], spans: Sequence[TokSpan], gaz: Gazetteer | None = None
) -> list[TokSpan]:
    """ORG spans continued over a following ل + definite noun (+ nisba adjectives)."""
    gaz = gaz or default_gazetteer()
    taken = covered(len(tokens), spans)
    out: list[TokSpan] = []
    n = len(tokens)
    for i, j, typ, conf in spans:
        end = _complement_at(tokens, j) if typ == "ORG" else 0
        if end and not any(taken[j:end]):
            keys = tuple(match_key(t.key, t.det) for t in tokens[i:j] if t.role == "stem")
            if not gaz.lookup(keys):
                k = end
                while (
                    k < n
                    and not taken[k]
                    and _nisba(tokens[k])
                    and tokens[k].word != tokens[k - 1].word
                ):
                    k += 1
                for x in range(j, k):
                    taken[x] = True
                j = k
        out.append((i, j, typ, conf))
    return out


def _unsplit_prep(t: Token) -> bool:
    """A word the segmenter left whole that reads as ل + an indefinite noun: the whole form
    is rare in the lexicon and no better attested than what follows the ل ("لحقوق" 4 against
    "حقوق" 31, "لمكافحة" unseen), and it is not a protected name ("لبنان")."""
    if t.kind != "word" or t.role != "stem" or t.det or len(t.key) < 4 or t.key[0] != "ل":
        return False
    lex = default_lexicon()
    whole = lex.count(t.key)
    return not lex.is_protected(t.key) and whole <= 10 and lex.count(t.key[1:]) >= whole


def _complement_at(tokens: Sequence[Token], j: int) -> int:
    """End of the لـ complement starting at ``tokens[j]``, 0 when there is none: ل attached to
    a definite noun ("للإحصاء"), or to an indefinite noun in construct with a definite one
    ("لحقوق الإنسان", "لشؤون اللاجئين", "لمكافحة الإرهاب")."""
    n = len(tokens)
    if j + 1 >= n:
        return 0
    if _unsplit_prep(tokens[j]):  # "لمكافحة الإرهاب": ل left on a word the lexicon lacks
        u = tokens[j + 1]
        if u.kind == "word" and u.role == "stem" and u.det and u.word != tokens[j].word:
            return j + 2
        return 0
    p, t = tokens[j], tokens[j + 1]
    if not (
        p.role == "prep"
        and p.key == "ل"
        and t.word == p.word
        and t.kind == "word"
        and t.role == "stem"
    ):
        return 0
    if t.det:
        return j + 2
    if j + 2 < n:
        u = tokens[j + 2]
        if u.kind == "word" and u.role == "stem" and u.det and u.word != t.word:
            return j + 3
    return 0


def bracket_acronyms(tokens: Sequence[Token], spans: Sequence[TokSpan]) -> list[TokSpan]:
    """Add the one-word acronym in brackets right after an ORG span: "… الكويتية (كونا)".

    The word may be cut into pieces by the clitic splitter ("وام" → و + ام); a doubtful
    tagger type on it (confidence below :data:`_RETYPE_BELOW`, "كونا" read as a place) gives
    way to the organization it abbreviates, here and in the acronym's later mentions."""
    owner = [-1] * len(tokens)
    for x, (i, j, _t, _c) in enumerate(spans):
        for k in range(i, j):
            owner[k] = x
    drop: set[int] = set()
    added: list[TokSpan] = []
    n = len(tokens)
    for _i, j, typ, conf in spans:
        j += j < n and tokens[j].norm in _QUOTES  # "قوات سوريا الديمقراطية" ("قسد")
        if typ != "ORG" or j >= n or tokens[j].norm != "(":
            continue
        a = j + 1 + (j + 1 < n and tokens[j + 1].norm in _QUOTES)
        b = a
        while b < n and tokens[b].kind in ("word", "latin") and tokens[b].word == tokens[a].word:
            b += 1
        close = b + (b < n and tokens[b].norm in _QUOTES)
        if b == a or close >= n or tokens[close].norm != ")":
            continue
        if tokens[b - 1].end - tokens[a].start > _MAX_ACRONYM:
            continue
        holders = {owner[k] for k in range(a, b)}
        if holders == {-1}:
            added.append((a, b, "ORG", conf))
        elif len(holders) == 1:
            x = holders.pop()
            if (
                x >= 0
                and spans[x][:2] == (a, b)
                and spans[x][2] != "ORG"
                and spans[x][3] < _RETYPE_BELOW
            ):
                drop.add(x)
                added.append((a, b, "ORG", conf))
        for k in range(a, b):
            owner[k] = n  # used
    # the acronym is defined for the whole article: its later repeats the tagger read as
    # something else ("وأضافت كونا" as a place) are the organization too
    defined = {span_keys(tokens, a, b) for a, b, _t, _c in added}
    for x, (i, j, typ, conf) in enumerate(spans):
        if x not in drop and typ != "ORG" and span_keys(tokens, i, j) in defined:
            drop.add(x)
            added.append((i, j, "ORG", conf))
    return sorted([s for x, s in enumerate(spans) if x not in drop] + added)


def institution_names(tokens: Sequence[Token], spans: Sequence[TokSpan]) -> list[TokSpan]:
    """Add untagged names of the full institutional shape: a definite institution noun, its
    adjectives and a لـ complement ("المندوبية السامية للتخطيط", "الإدارة المركزية للإحصاء").

    All three parts are required; a head with adjectives alone ("الإدارة الأمريكية") is left
    to the tagger.  An indefinite head that nearly always begins a name before a definite noun
    (:data:`_CONSTRUCT_HEADS`) needs only that noun: "حزب الاستقلال"."""
    taken = covered(len(tokens), spans)
    added: list[TokSpan] = []
    n = len(tokens)
    i = 0
    while i < n:
        t = tokens[i]
        if taken[i] or t.kind != "word" or t.role != "stem":
            i += 1
            continue
        if not t.det:
            k = _construct_name(tokens, taken, i)
            if k:
                added.append((i, k, "ORG", _RULE_CONFIDENCE))
                i = k
            else:
                i += 1
            continue
        key = match_key(t.key, True)
        if key[2:] not in INSTITUTION_NOUNS:
            i += 1
            continue
        k = i + 1
        while k < n and not taken[k] and _nisba(tokens[k]) and tokens[k].word != tokens[k - 1].word:
            k += 1
        end = _complement_at(tokens, k) if k > i + 1 else 0
        if not end or any(taken[k:end]):
            i += 1
            continue
        k = end
        while k < n and not taken[k] and _nisba(tokens[k]) and tokens[k].word != tokens[k - 1].word:
            k += 1
        added.append((i, k, "ORG", _RULE_CONFIDENCE))
        i = k
    return sorted([*spans, *added])


#: indefinite heads that, before a definite noun, begin an organization's name in at least 85 %
#: of their occurrences in the training corpora ("حزب العدالة", "جامعة الدول", "وزارة الخارجية")
_CONSTRUCT_HEADS = vocab.words("org_words", "construct-head")


def _construct_name(tokens: Sequence[Token], taken: list[bool], i: int) -> int:
    """End of an untagged "head + definite noun (+ adjectives)" name starting at ``i``
    ("حزب الاستقلال", "وزارة الطاقة الجزائرية"), 0 when there is none."""
    n = len(tokens)
    if match_key(tokens[i].key, False) not in _CONSTRUCT_HEADS or i + 1 >= n or taken[i + 1]:
        return 0
    u = tokens[i + 1]
    if not (u.det and u.role == "stem" and u.kind == "word" and u.word != tokens[i].word):
        return 0
    k = i + 2
    while k < n and not taken[k] and _nisba(tokens[k]) and tokens[k].word != tokens[k - 1].word:
        k += 1
    return k


def _head_key(t: Token) -> str:
    """Folded key of an institution noun without article or an unsplit ل ("لوكالة" →
    "وكاله"); "" when the token is not one."""
    if t.kind != "word" or t.role != "stem":
        return ""
    key = match_key(t.key, t.det)
    for k in (key, key[2:] if key.startswith("ال") else "", key[1:] if key[:1] == "ل" else ""):
        if k in INSTITUTION_NOUNS:
            return k
    return ""


def _description(t: Token) -> bool:
    key = match_key(t.key, t.det)
    return t.role == "stem" and key.startswith("ال") and key[2:] in _DESCRIPTIONS


def head_repairs(
    tokens: Sequence[Token], spans: Sequence[TokSpan], news: bool = True
) -> list[TokSpan]:
    """Repairs around institution nouns (:data:`INSTITUTION_NOUNS`):

    * an ORG span opening on a definite word right after an untagged, indefinite institution
      noun takes the noun in: "وكالة | الأنباء السعودية" (the noun heads a construct, so it
      is part of the name);
    * a PER span right after such a noun is the organization it names: "وكالة بلومبرغ",
      "مجمع سوناطراك" — the noun stays out, as for quoted names (:mod:`rasd.ner.patterns`);
    * a place right after such a noun is inside an organization's name, and the noun heads
      it: "مصرف لبنان", "جامعة دمشق", "بلدية نابلس";
    * ``news``: a lone definite institution noun ("الحكومة", "الوزارة") is a description,
      not a name, in news annotation (Wojood tags some of them, so not in its convention).
    """
    taken = covered(len(tokens), spans)
    out: list[TokSpan] = []
    for i, j, typ, conf in spans:
        prev = tokens[i - 1] if i > 0 and not taken[i - 1] else None
        head = _head_key(prev) if prev is not None and not prev.det else ""
        prev_word = prev.word if prev is not None else None  # ``head`` implies a ``prev``
        if head and typ == "ORG" and tokens[i].det and tokens[i].word != prev_word:
            taken[i - 1] = True
            i -= 1
            while (
                i > 0
                and tokens[i - 1].word == tokens[i].word
                and tokens[i - 1].role in ("conj", "prep")
            ):
                i -= 1
        elif head and typ == "PER" and tokens[i].word != prev_word:
            typ = "ORG"
        elif (
            head
            and head not in _GENITIVE_HEADS
            and typ in ("GPE", "LOC")
            and tokens[i].word != prev_word
        ):
            taken[i - 1] = True
            i, typ = i - 1, "ORG"
            while (
                i > 0
                and tokens[i - 1].word == tokens[i].word
                and tokens[i - 1].role in ("conj", "prep")
            ):
                i -= 1
        elif news and typ == "ORG" and j - i == 1 and tokens[i].det and _description(tokens[i]):
            continue
        out.append((i, j, typ, conf))
    return out


def split_swallowed(
    tokens: Sequence[Token], spans: Sequence[TokSpan], gaz: Gazetteer | None = None
) -> list[TokSpan]:
    """Cut an ORG span that ran on into the person after it.

    "مؤسسة البترول الكويتية الشيخ …": a title word inside the span ends the organization;
    "صندوق النقد الدولي كريستالينا غورغييفا": a complete gazetteer organization followed by
    two or more undetermined words ends there, and those words are the person."""
    titles = vocab.words("titles", "name-title")
    gaz = gaz or default_gazetteer()
    out: list[TokSpan] = []
    for i, j, typ, conf in spans:
        if typ != "ORG" or j - i < 3:
            out.append((i, j, typ, conf))
            continue
        cut = next(
            (k for k in range(i + 1, j) if tokens[k].role == "stem" and tokens[k].key in titles),
            None,
        )
        if cut is not None:
            out.append((i, cut, typ, conf))
            rest = [k for k in range(cut + 1, j) if tokens[k].key not in titles]
            if rest and rest[0] > cut and all(not tokens[k].det for k in rest):
                out.append((rest[0], j, "PER", conf))
            continue
        for k in range(j - 2, i, -1):
            hit = gaz.lookup(
                tuple(match_key(t.key, t.det) for t in tokens[i:k] if t.role == "stem")
            )
            if hit and hit[0] == "ORG" and not any(t.det for t in tokens[k:j]):
                out += [(i, k, typ, conf), (k, j, "PER", conf)]
                break
        else:
            out.append((i, j, typ, conf))
    return out

"""Organization names that Arabic news writes in fixed, checkable patterns.

The tagger learns from running text, but three patterns of news copy mark an organization
more surely than any context window, and they recur across outlets:

* **an outlet or body in brackets or quotes after لـ** — the outlet a source spoke to, or the
  body something belongs to: "قال مصدر لـ(الحل نت)", "في تصريح لـ«العربي الجديد»", "التابعة
  لـ"هيئة تحرير الشام"";
* **a quoted or Latin-script name after a media or organization noun**: "موقع "NK News"",
  "صحيفة «الوطن»", "وكالة Reuters", "منظمة "هيومن رايتس ووتش"" — the name alone is the
  mention, as news annotation marks it;
* **a numbered or ordinal military unit**: "الفرقة (25)", "اللواء 47", "الفيلق الخامس" —
  the unit noun and its number together;
* **the agencies and platforms news cites as sources** (:data:`OUTLETS`): "رويترز",
  "فرانس برس", "فيسبوك" — a short hand list, since no package lists their Arabic names; names
  that are also common words or places ("الجزيرة", "العربية", "الشرق الأوسط", "إكس") are
  left out.

Only tokens no other mention covers are used; the tagger's decisions are never overridden.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rasd.lang.ar import vocab
from rasd.lang.ar.clitics import drop_article
from rasd.lang.ar.tokenize import Token
from rasd.ner.gazetteer import Gazetteer, curated_entries
from rasd.ner.keys import match_key
from rasd.ner.propagate import covered

_OPEN = {"(": ")", "«": "»", "“": "”", '"': '"', "„": "”", "[": "]"}
#: nouns after which a quoted or Latin-script name is an organization (folded, no article)
ORG_NOUNS = vocab.words("org_words", "org-noun")
#: military unit nouns taking a number or an ordinal ("الفرقة (25)", "الفيلق الخامس")
UNIT_NOUNS = vocab.words("org_words", "military-unit")
ORDINALS = vocab.words("ordinals", "ordinal")
#: keys of the tokens that can open a pattern (ORG nouns with or without the article)
_TRIGGERS = frozenset({"ل", *ORG_NOUNS, *("ال" + k for k in ORG_NOUNS), *UNIT_NOUNS})
_MAX_NAME = 6  # tokens inside the brackets or quotes
#: words showing that a one-word name in brackets after لـ is an outlet spoken to or a body
#: something belongs to ("قال … لـ(رويترز)", "التابعة لـ"داعش""), not a scare-quoted term
#: ("التصدي لـ"الإرهاب"")
ATTRIBUTION = vocab.words("attribution")
_LOOK_BACK = 10  # tokens searched for an attribution word


def pattern_mentions(
    text: str, tokens: Sequence[Token], found: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str, int, int]]:
    """ORG mentions ``(start, end, "ORG", first, last)`` found by the patterns above, on
    tokens that no mention in ``found`` (token ranges) covers."""
    n = len(tokens)
    taken = covered(n, found)
    out: list[tuple[int, int, str, int, int]] = []

    def add(i: int, j: int) -> None:
        if i < j and not any(taken[i:j]):
            out.append((tokens[i].start, tokens[j - 1].end, "ORG", i, j))
            for k in range(i, j):
                taken[k] = True

    # only a few tokens can open a pattern: لـ, an organization noun, a unit noun
    for k in [k for k, t in enumerate(tokens) if t.key in _TRIGGERS]:
        t = tokens[k]
        if taken[k]:
            continue
        nxt = tokens[k + 1] if k + 1 < n else None
        key = _bare(t)
        # "لـ(الحل نت)", "وكالة «الأناضول»", "منظمة "هيومن رايتس ووتش""
        if nxt is not None and nxt.norm in _OPEN and _quote_opener(t, nxt):
            inner = _quoted_name(tokens, k)
            if inner is not None:
                add(*inner)
            continue
        # "موقع NK News", "وكالة Reuters"
        if key in ORG_NOUNS and nxt is not None and nxt.kind == "latin":
            j = k + 1
            while j < n and j - k <= _MAX_NAME and tokens[j].kind in ("latin", "num") and (
                j == k + 1 or tokens[j].start - tokens[j - 1].end <= 1
            ):
                j += 1
            add(k + 1, j)
            continue
        # "الفرقة (25)", "اللواء 47", "الفيلق الخامس"
        if t.key in UNIT_NOUNS and t.role == "stem" and nxt is not None:
            if nxt.kind == "num":
                add(k, k + 2)
            elif nxt.norm == "(" and k + 3 < n and tokens[k + 2].kind == "num" \
                    and tokens[k + 3].norm == ")":
                add(k, k + 4)
            elif nxt.key in ORDINALS and nxt.word != t.word:
                add(k, k + 2)
    return out


def _quote_opener(t: Token, nxt: Token) -> bool:
    """Can ``t`` open a quoted-name pattern: لـ right before the quote, or an organization
    noun?"""
    return (t.key == "ل" and t.role == "prep" and nxt.start - t.end <= 2) or _bare(t) in ORG_NOUNS


def _quoted_name(tokens: Sequence[Token], k: int) -> tuple[int, int] | None:
    """The name in the brackets or quotes opening after trigger token ``k``, when the
    pattern holds: after an organization noun, or after لـ with a name of several words or an
    attribution word before it."""
    t, nxt = tokens[k], tokens[k + 1]
    if not _quote_opener(t, nxt):
        return None
    inner = _bracketed(tokens, k + 1)
    if inner is not None and (
        _bare(t) in ORG_NOUNS
        or inner[1] - inner[0] > 1
        or any(x.key in ATTRIBUTION for x in tokens[max(0, k - _LOOK_BACK) : k])
    ):
        return inner
    return None


def complete_quoted(
    tokens: Sequence[Token], spans: Sequence[tuple[int, int, str, float]]
) -> list[tuple[int, int, str, float]]:
    """A tagger span covering only part of a quoted name in the patterns above becomes the
    whole name, as ORG: in "لـ"العربي الجديد"" the tagger may stop at "العربي", and the quotes
    say where the outlet's name ends.  Persons found inside are left alone."""
    out = list(spans)
    n = len(tokens)
    for k, t in enumerate(tokens):
        if t.key not in _TRIGGERS or k + 1 >= n or tokens[k + 1].norm not in _OPEN:
            continue
        inner = _quoted_name(tokens, k)
        if inner is None:
            continue
        i, j = inner
        inside = [s for s in out if i <= s[0] and s[1] <= j]
        if (
            not inside
            or any(s[:2] == (i, j) or s[2] == "PER" for s in inside)
            or any(s[0] < j and i < s[1] and not (i <= s[0] and s[1] <= j) for s in out)
        ):
            continue
        conf = max(s[3] for s in inside)
        out = [s for s in out if s not in inside] + [(i, j, "ORG", conf)]
    return sorted(out)


#: news agencies and broadcasters cited as sources, as written in Arabic news
AGENCIES = tuple(e.word for e in vocab.rows("outlets", "agency"))
#: platforms statements are posted on (Wojood types them WEBSITE, news annotation ORG)
PLATFORMS = tuple(e.word for e in vocab.rows("outlets", "platform"))
OUTLETS = AGENCIES + PLATFORMS


@lru_cache(maxsize=2)
def _outlets(platforms: bool) -> Gazetteer:
    """:data:`AGENCIES` (and :data:`PLATFORMS`) as a gazetteer of their token keys, with the
    curated organizations and armed actors that are not also common words ("قسد", "حزب
    الله", "الأمم المتحدة"; not "فتح")."""
    gaz = Gazetteer()
    for name in OUTLETS if platforms else AGENCIES:
        gaz.add(name, "ORG")
    for typ, name, _canon, _iso in curated_entries(ambiguous=False):
        if typ == "ORG":
            gaz.add(name, "ORG")
    return gaz


def outlet_mentions(
    tokens: Sequence[Token], found: Sequence[tuple[int, int, str]], platforms: bool = True
) -> list[tuple[int, int, str, int, int]]:
    """ORG mentions of :data:`AGENCIES` (and :data:`PLATFORMS`) on free tokens, whole words
    only ("ورويترز" → "رويترز")."""
    n = len(tokens)
    taken = covered(n, found)
    keys = [match_key(t.key, t.det) for t in tokens]
    return [
        (tokens[i].start, tokens[j - 1].end, "ORG", i, j)
        for i, j, _t in _outlets(platforms).matches(keys)
        if tokens[i].role == "stem"
        and not any(taken[i:j])
        and (j == n or tokens[j].word != tokens[j - 1].word)
        and not _continues(tokens, j)
    ]


def _continues(tokens: Sequence[Token], j: int) -> bool:
    """Does a definite word right after a matched name carry the name on ("مجلس الأمن |
    القومي", "الاتحاد الأوروبي | للإذاعة")?  Then the match is only the head of a longer name
    the tagger did not find, and adding the head alone would be a wrong span."""
    if j >= len(tokens):
        return False
    t = tokens[j]
    return t.kind == "word" and (t.det or t.role == "prep") and t.start - tokens[j - 1].end <= 1


def _bare(t: Token) -> str:
    """A stem's key without the article ("الوكالة" → "وكالة"), for the noun lists."""
    if t.role != "stem" or t.kind != "word":
        return ""
    return drop_article(t.key)


def _bracketed(tokens: Sequence[Token], o: int) -> tuple[int, int] | None:
    """Token range inside the bracket or quote opening at ``o`` when it closes within
    :data:`_MAX_NAME` tokens and holds words only (a name, not a clause or a number)."""
    close = _OPEN[tokens[o].norm]
    for j in range(o + 1, min(o + 2 + _MAX_NAME, len(tokens))):
        t = tokens[j]
        if t.norm == close or (close == "”" and t.norm == '"'):
            if j == o + 1:
                return None
            inner = tokens[o + 1 : j]
            if not any(x.kind in ("word", "latin") for x in inner):
                return None
            if inner[0].role in ("conj", "prep") or inner[-1].kind == "punct":
                return None
            return o + 1, j
        if t.kind == "punct" and t.norm not in ("-", "&", "."):
            return None
    return None


#: newspapers and news sites (``vocab/outlets.tsv``, category ``paper``): names that are also
#: common words or places, taken only where the copy marks them as a paper
PAPERS = tuple(e.word for e in vocab.rows("outlets", "paper"))
_PAPER_NOUNS = frozenset({"صحيفه", "جريده"})
_QUOTE_CHARS = frozenset('"«»“”\'(')
_DATELINE_REACH = 8  # tokens from a line's start where a "PAPER - PLACE" dateline sits


def _paper_dateline(text: str, tokens: Sequence[Token], j: int) -> bool:
    """Is the name ending at ``j`` followed by "- PLACE" closing the dateline: a dash, then
    at most four words up to ":", another dash or the line's end ("سبق- جدة:", "عين اليوم –
    متابعات")?  "الرياض - أكد وزير …" (a place dateline before the lead) is not."""
    n = len(tokens)
    if j >= n or tokens[j].norm not in "-–—" or "\n" in text[tokens[j - 1].end : tokens[j].start]:
        return False
    for k in range(j + 1, min(n, j + 6)):
        if "\n" in text[tokens[k - 1].end : tokens[k].start]:
            return k > j + 1
        if tokens[k].norm in (":", "-", "–", "—"):
            return k > j + 1
        if tokens[k].kind != "word":
            return False
    return j + 1 < n and j + 6 > n


@lru_cache(maxsize=1)
def _papers() -> Gazetteer:
    gaz = Gazetteer()
    for name in PAPERS:
        gaz.add(name, "ORG")
    return gaz


def paper_mentions(
    text: str, tokens: Sequence[Token], spans: Sequence[tuple[int, int, str, float]]
) -> list[tuple[int, int, str, float]]:
    """``spans`` with the newspapers a story names where the copy marks them as papers:

    * in quotes or brackets, the whole quoted text: ل"الرياض"، علمت "الاقتصادية"، «الشرق
      الأوسط» (a quoted city name in news copy is nearly always the paper);
    * right after صحيفة/جريدة: "رابط الخبر بصحيفة الوئام";
    * next to a dash near a line's start — the Saudi dateline "PAPER - PLACE": "سبق- جدة:",
      "عين اليوم – متابعات", "خالد الشاماني- سبق- المدينة المنورة".

    What the tagger found inside the name (a place "الرياض") gives way to the ORG; a person
    or a span running across the name's edge is kept."""
    n = len(tokens)
    keys = [match_key(t.key, t.det) for t in tokens]
    line_pos = [0] * n
    for k in range(1, n):
        gap = text[tokens[k - 1].end : tokens[k].start]
        line_pos[k] = 0 if "\n" in gap else line_pos[k - 1] + 1
    out = list(spans)
    for i, j, _t in _papers().matches(keys):
        if tokens[i].role != "stem" or (j < n and tokens[j].word == tokens[j - 1].word):
            continue
        before = text[tokens[i - 1].end : tokens[i].start] if i else ""
        prev = tokens[i - 1] if i else None
        quoted = (
            prev is not None
            and (prev.norm in _QUOTE_CHARS or any(c in _QUOTE_CHARS for c in before))
            and j < n
            and (tokens[j].norm in _QUOTE_CHARS or tokens[j].norm in ")»”")
        )
        noun = prev is not None and prev.role == "stem" and _bare(prev) in _PAPER_NOUNS
        dash = line_pos[i] < _DATELINE_REACH and _paper_dateline(text, tokens, j)
        if not (quoted or noun or dash):
            continue
        inside = [s for s in out if i <= s[0] and s[1] <= j]
        if any(s[2] == "PER" for s in inside) or any(
            s[0] < j and i < s[1] and not (i <= s[0] and s[1] <= j) for s in out
        ):
            continue
        if any(s[:3] == (i, j, "ORG") for s in inside):
            continue
        out = [s for s in out if s not in inside] + [(i, j, "ORG", 0.9)]
    return sorted(out)


#: nouns after which quoted names are listed companies ("سهم «سابك»", "أسهم «X» و»Y»")
STOCK_NOUNS = vocab.words("org_words", "stock-noun")
_STOCK_FORMS = frozenset(STOCK_NOUNS | {"ال" + k for k in STOCK_NOUNS})
_ANY_QUOTE = frozenset('«»"“”')


def stock_mentions(
    tokens: Sequence[Token], spans: Sequence[tuple[int, int, str, float]]
) -> list[tuple[int, int, str, float]]:
    """``spans`` with the quoted company names a market report lists after سهم/أسهم as ORG,
    the quotes being any of « » " “ ” (reports mix and flip them: «X» و»Y»), each joined to
    the previous by و; the name is taken as quoted, category word included ("مجموعة
    صافولا"), and what the tagger found inside ("السعودية" in «الاتصالات السعودية») gives way."""
    n = len(tokens)
    out = list(spans)
    for k, t in enumerate(tokens):
        if t.key not in _STOCK_FORMS or t.role != "stem":
            continue
        o = k + 1
        while o < n and tokens[o].norm in _ANY_QUOTE:
            c = o + 1
            while c < n and c - o <= _MAX_NAME and tokens[c].norm not in _ANY_QUOTE \
                    and tokens[c].kind in ("word", "latin", "num"):
                c += 1
            if c >= n or c == o + 1 or tokens[c].norm not in _ANY_QUOTE \
                    or tokens[o + 1].role in ("conj", "prep"):
                break
            a, b = o + 1, c
            inside = [x for x in out if a <= x[0] and x[1] <= b]
            if any(x[0] < b and a < x[1] and x not in inside for x in out) \
                    or any(x[2] == "PER" for x in inside):
                break
            if not any(x[:3] == (a, b, "ORG") for x in inside):
                out = [x for x in out if x not in inside] + [(a, b, "ORG", 0.9)]
            o = c + 1
            if o < n and tokens[o].role == "conj":  # "و»الصحراء …»"
                o += 1
            else:
                break
    return sorted(out)

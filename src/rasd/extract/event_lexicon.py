"""Event vocabulary read through a light stem view: triggers, casualty words, actor types.

Why a stem view: news writes one event with many forms — "قتل/مقتل/قتيل/قتلى",
"تظاهرة/مظاهرات", "سيطرة/سيطرتها", "اختطف/واختطفوه" — and a lexicon of exact forms fitted to
a few articles misses most of them (issue 22).  Entries in ``event-triggers.tsv`` are lemmas
(verbs), masdars and plurals (nouns) and idioms; a word of the text is looked up under each of
its :func:`stems`: the clitic variants of :func:`rasd.lang.ar.clitics.variants`, each without
one pronoun / number / case ending ("سيطرتها" → "سيطره") and, for verbs, without the
person prefix and suffix ("انفجرت" → "انفجر", "يقصفون" → "قصف").  Stripping never leaves fewer
than three letters, so short function words do not turn into triggers.

The same stems look actors up in ``event-agents.tsv`` (CAMEO.ar generic agents + hand rows):
"مسلحي داعش" → rebel, "قوات الأمن" → police.  Casualty words (``event-casualties.tsv``) and
their counts ("مقتل 20", "ما لا يقل عن ثلاثة قتلى") are read by :func:`casualty_count`.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Protocol

from rasd.lang.ar import vocab
from rasd.lang.ar.clitics import variants
from rasd.lang.ar.normalize import normalize_key

__all__ = ["actor_type", "casualty", "casualty_candidate", "casualty_count", "candidate",
           "idiom_at", "is_number", "lookup", "lookup_keys", "may_open", "number_end",
           "openings", "number_value", "stems", "verb_stems",
           "victim_number"]

#: endings of a noun: pronouns, then number/gender/case (longest first; vocab event-morphology)
NOUN_SUFFIXES = tuple(e.key for e in vocab.rows("event-morphology", "noun-suffix"))
#: endings of a verb: object pronouns, subject person/number (vocab event-morphology)
VERB_SUFFIXES = tuple(e.key for e in vocab.rows("event-morphology", "verb-suffix"))
#: prepositions that bring the target of an event of each type (closed, 1-3 words)
TARGET_PREPS = {"ASSAULT": ("علي", "ضد"), "FIGHT": ("مع", "ضد", "علي", "من"), "COERCE": ("علي",),
                "CONSULT": ("مع",), "AGREE": ("مع",), "AID": ("الي", "ل"),
                "COOPERATE": ("مع",), "ACCUSE": ("ب",), "THREATEN": ("ب",), "MOBILIZE": ("الي",),
                "REJECT": (), "REQUEST": (), "SUPPORT": ("ب",), "RETREAT": ("من",),
                "PROTEST": ("ضد", "علي"), "OTHER": ()}
#: "ما لا يقل عن", "أكثر من", "نحو": words that may stand between a casualty word and its count
COUNT_LEAD = vocab.words("event-morphology", "count-lead")


class WordLike(Protocol):
    key: str
    kind: str
    norm: str
    sent: int


@cache
def _by_last(suffixes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The suffixes grouped by their last letter, longest first as in ``suffixes``."""
    out: dict[str, list[str]] = {}
    for s in suffixes:
        out.setdefault(s[-1], []).append(s)
    return {k: tuple(v) for k, v in out.items()}


def _strip(key: str, suffixes: tuple[str, ...]) -> list[str]:
    out = []
    # only the suffixes ending in the word's last letter can match (most words: none)
    for s in _by_last(suffixes).get(key[-1:], ()):
        if key.endswith(s) and len(key) - len(s) >= 3:
            base = key[: -len(s)]
            out.append(base)
            if base.endswith("ت"):  # "سيطرته" → "سيطرت" → "سيطره"
                out.append(base[:-1] + "ه")
    return out


@cache
def stems(key: str) -> tuple[str, ...]:
    """Noun readings of a folded word: clitic variants, each with and without one ending."""
    out: list[str] = []
    for v in variants(key):
        out.append(v)
        for b in _strip(v, NOUN_SUFFIXES):
            out.append(b)
            if b.endswith("ات") or b.endswith("ين"):
                out += _strip(b, ("ات", "ين"))
    return tuple(dict.fromkeys(out))


@cache
def verb_stems(key: str) -> tuple[str, ...]:
    """Verb readings: future س, person prefix (ي/ت/ن/ا) and subject/object suffixes removed."""
    out: list[str] = []
    for v in variants(key):
        forms = [v]
        if v[:1] == "س" and v[1:2] in ("ي", "ت", "ن") and len(v) > 4:
            forms.append(v[1:])
        for f in list(forms):
            if f[:1] in ("ي", "ت", "ن") and len(f) > 3:
                forms.append(f[1:])
        for f in forms:
            out.append(f)
            out += _strip(f, VERB_SUFFIXES)
    return tuple(dict.fromkeys(x for x in out if len(x) >= 2))


@cache
def _table() -> dict[str, Any]:
    nouns: dict[str, str] = {}
    verbs: dict[str, str] = {}
    defective: dict[str, str] = {}
    idioms: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for e in vocab.rows("event-triggers"):
        if e.source != "hand":
            continue  # CAMEO.ar rows: the baseline's; too noisy to trigger on (docs/measurements)
        pos = e.extra.get("pos")
        if pos == "idiom":
            parts = tuple(e.key.split())
            idioms.setdefault(parts[0], []).append((parts[1:], e.category))
        elif pos == "verb":
            verbs.setdefault(e.key, e.category)
            if e.key.endswith(("ي", "ا")) and len(e.key) > 3:  # "تصدى" → "تصدت"
                defective.setdefault(e.key[:-1], e.category)
        else:
            nouns.setdefault(e.key, e.category)
    for entries in idioms.values():
        entries.sort(key=lambda p: -len(p[0]))  # longest idiom first
    return {"nouns": nouns, "verbs": verbs, "idioms": idioms, "defective": defective}


Openings = tuple[frozenset[str], frozenset[str], frozenset[str]]


def openings(keys: frozenset[str] | set[str]) -> Openings:
    """(4-, 3-, 2-letter) openings of lookup keys, for :func:`may_open`.  Only a key's last
    letter may differ from the word it is read from ("سيطره" from "سيطرته"), so a key of five
    letters or more is represented by its first four, a shorter one by itself (and its ت
    spelling); a key with the article also by the rest ("للمدينة" reads "المدينة")."""
    keys = set(keys) | {k[2:] for k in keys if k.startswith("ال")}
    out: tuple[set[str], set[str], set[str]] = (set(), set(), set())
    for k in keys:
        n = len(k)
        if n >= 5:
            out[0].add(k[:4])
            continue
        if n >= 2:
            out[4 - n].add(k)
            if k.endswith("ه") and n >= 3:
                out[4 - n].add(k[:-1] + "ت")
                out[5 - n].add(k[:-1])  # the ت may also have been stripped as an ending
    return frozenset(out[0]), frozenset(out[1]), frozenset(out[2])


def may_open(key: str, grams: Openings) -> bool:
    """A necessary condition for a lookup of ``key`` under its stems to hit a key of
    ``grams``: every stem is the word without proclitics, person prefixes and endings, so the
    matched key opens inside the first six letters of the word.  Most words fail at once."""
    four, three, two = grams
    for o in range(min(len(key) - 1, 6)):
        if key[o:o + 4] in four or key[o:o + 3] in three or key[o:o + 2] in two:
            return True
    return False


def lookup_keys() -> frozenset[str]:
    """Every key :func:`candidate` and :func:`casualty_candidate` look a stem up under (for
    a cheap pre-filter of the words that can match at all)."""
    t = _table()
    c = _casualties()
    return frozenset([*t["nouns"], *t["verbs"], *t["idioms"], *t["defective"],
                      *c["single"], *c["multi"]])


@cache
def candidate(key: str) -> bool:
    """Could the folded word open an event of the stem lexicon (noun, verb or idiom)?"""
    t = _table()
    return (any(s in t["nouns"] or s in t["idioms"] for s in stems(key))
            or any(s in t["verbs"] or s in t["idioms"] or s in t["defective"]
                   for s in verb_stems(key)))


def _same(key: str, want: str) -> bool:
    return want in stems(key) or want in verb_stems(key)


def idiom_at(words: list[Any], i: int) -> tuple[str, int] | None:
    """(PLOVER type, end word index) of an idiom starting at word ``i`` ("أطلق النار")."""
    t = _table()["idioms"]
    heads = [s for s in (*stems(words[i].key), *verb_stems(words[i].key)) if s in t]
    for h in dict.fromkeys(heads):
        for rest, cat in t[h]:
            j = i + 1
            ok = True
            for part in rest:
                if j >= len(words) or words[j].sent != words[i].sent or not _same(words[j].key,
                                                                                  part):
                    ok = False
                    break
                j += 1
            if ok:
                return cat, j
    return None


def lookup(words: list[Any], i: int) -> tuple[str, str, int] | None:
    """(PLOVER type, "noun"|"verb"|"idiom", end index) of a stem-lexicon trigger at word ``i``."""
    key = words[i].key
    if not candidate(key):
        return None
    idiom = idiom_at(words, i)
    if idiom is not None:
        return idiom[0], "idiom", idiom[1]
    t = _table()
    for s in stems(key):
        if s in t["nouns"]:
            return t["nouns"][s], "noun", i + 1
    for s in verb_stems(key):
        if s in t["verbs"]:
            return t["verbs"][s], "verb", i + 1
        # a defective verb loses its last letter before the past endings only: "تصدت"
        if s in t["defective"] and key.endswith(("ت", "وا")):
            return t["defective"][s], "verb", i + 1
    return None


# ---------------------------------------------------------------------------- casualties
@cache
def _casualties() -> dict[str, Any]:
    single: dict[str, str] = {}
    multi: dict[str, list[tuple[str, str]]] = {}
    for e in vocab.rows("event-casualties", "killed", "injured"):
        parts = e.key.split()
        if len(parts) == 1:
            single[e.key] = e.category
        else:
            multi.setdefault(parts[0], []).append((parts[1], e.category))
    return {"single": single, "multi": multi}


@cache
def casualty_candidate(key: str) -> bool:
    """Could the folded word open a casualty phrase?  Memoized: the per-word fast path."""
    c = _casualties()
    return any(s in c["multi"] or s in c["single"] for s in stems(key) + verb_stems(key))


def casualty(words: list[Any], i: int) -> tuple[str, int] | None:
    """("killed"|"injured", index of the word that closes the phrase) for a casualty word.

    "لقي 3 جنود مصرعهم": the idiom's second word may come up to four words later.
    """
    c = _casualties()
    key = words[i].key
    for s in stems(key) + verb_stems(key):
        if s in c["multi"]:
            for second, cat in c["multi"][s]:
                for j in range(i + 1, min(len(words), i + 6)):
                    if words[j].sent != words[i].sent:
                        break
                    if second in stems(words[j].key):
                        return cat, j
        if s in c["single"]:
            return c["single"][s], i
    return None


@cache
def _victims() -> tuple[frozenset[str], frozenset[str]]:
    """(singular nouns of people, those of them with a broken plural)."""
    return (vocab.words("event-casualties", "victim", "victim-broken"),
            vocab.words("event-casualties", "victim-broken"))


#: verbs after which a casualty word is an outcome ("أسفر عن مقتل", "أدى إلى مقتل")
OUTCOME = vocab.words("event-casualties", "outcome")


@cache
def victim_number(key: str) -> int | None:
    """1 for a singular noun of a person ("جندي", "شرطياً", "القاضي"), 2 for its dual
    ("حوثيان", "عنصرين" — "-ين" only where the plural is broken), else None."""
    people, broken = _victims()
    for v in variants(key):
        if v in people or (v.endswith("ا") and v[:-1] in people):
            return 1
        if v.endswith("ان") and v[:-2] in people:
            return 2
        if v.endswith("ين") and v[:-2] in broken:
            return 2
    return None


@cache
def _number_words() -> dict[str, int]:
    out = {k: int(v) for k, v in vocab.table("numbers", "value", "cardinal-unit",
                                               "cardinal-tens", "cardinal-other").items()
           if " " not in k}
    out.update({normalize_key(k): v for k, v in (("شخصين", 2), ("جنديين", 2), ("قتيلين", 2))})
    return out


def _number(words: list[Any], j: int) -> tuple[int, int] | None:
    """(value, next index) of a number at ``j``: digits, or words ("خمسة وعشرين")."""
    w = words[j]
    if w.kind == "num":
        try:
            return int(float(w.norm.replace(",", "").replace("٫", "."))), j + 1
        except ValueError:
            return None
    nums = _number_words()
    v = next((nums[x] for x in variants(w.key) if x in nums), None)
    if v is None:
        return None
    k = j + 1
    if k + 1 < len(words) and words[k].key == "و" and words[k + 1].key in nums:
        v += nums[words[k + 1].key]  # "خمسة و عشرين"
        k += 2
    elif k < len(words) and words[k].key[:1] == "و" and words[k].key[1:] in nums:
        v += nums[words[k].key[1:]]  # "خمسة وعشرين"
        k += 1
    return v, k


def number_value(words: list[Any], j: int) -> int | None:
    """The value of the number (digits or words) starting at word ``j``, else None."""
    n = _number(words, j)
    return n[0] if n is not None else None


def is_number(words: list[Any], j: int) -> bool:
    """Is word ``j`` a number (digits or a number word)?"""
    return _number(words, j) is not None


def number_end(words: list[Any], j: int) -> int:
    """The index after the number starting at ``j`` ("خمسة وعشرين" is two words)."""
    n = _number(words, j)
    return n[1] if n is not None else j


def casualty_count(words: list[Any], i: int, end: int) -> int | None:
    """The count of a casualty phrase at ``i..end``: a number after it ("مقتل 20",
    "أصيب ما لا يقل عن ثلاثة") or right before it ("20 قتيلا"); None when it names none."""
    j = i + 1
    steps = 0
    while j < len(words) and words[j].sent == words[i].sent and steps < 5:
        n = _number(words, j)
        if n is not None:
            return n[0]
        if words[j].key not in COUNT_LEAD:
            break
        j += 1
        steps += 1
    # "لقي 3 جنود مصرعهم": the count sits inside the idiom
    for j in range(i + 1, end):
        n = _number(words, j)
        if n is not None:
            return n[0]
    if i > 0 and words[i - 1].sent == words[i].sent:
        n = _number(words, i - 1)
        if n is not None:
            return n[0]
    return None


# ---------------------------------------------------------------------------- actor types
@cache
def _agents() -> dict[str, str]:
    out: dict[str, str] = {}
    for e in vocab.rows("event-agents"):
        out.setdefault(e.key, e.category)
    return out


def actor_type(keys: list[str], entity_label: str | None = None) -> str | None:
    """The actor type of an argument phrase (its folded word keys), from the agents list.

    The longest listed phrase inside the argument wins ("قوات الأمن" → police over "قوات");
    an argument that names none falls back on its entity label (a GPE or country adjective
    acting is its government).
    """
    table = _agents()
    for n in (3, 2):
        for a in range(len(keys) - n + 1):
            for first in stems(keys[a]):
                phrase = " ".join([first, *keys[a + 1:a + n]])
                if phrase in table:
                    return table[phrase]
    for k in keys:
        for s in stems(k):
            if s in table:
                return table[s]
    if entity_label == "GPE":
        return "government"
    return None

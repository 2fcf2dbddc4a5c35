"""Institutions and facilities named after a person: "مستشفى الملك فهد الجامعي", "كلية الملك
فهد الأمنية", "مركز الملك سلمان للإغاثة والأعمال الإنسانية", "ملعب الأمير محمد بن فهد".

Gulf news names hospitals, universities, stadiums, roads and centres after kings and princes,
and the CRF, which sees a title and a given name, tags the person inside ("فهد") and leaves the
head noun out; on the first real-news measure each such name cost a miss and a false person.
The shape is fixed: a head noun (``vocab/eponyms.tsv``: facility → FAC, institution → ORG),
optionally a second facility head ("ملعب مدينة الملك خالد"), an honorific (الملك، الأمير …),
the person's name (the tagger's person span there, or a given name with its بن/آل chain),
then relational adjectives ("الجامعي", "الأمنية") and a لـ complement with its coordinated
nouns ("للدراسات الإسلامية والبحوث").  The whole is one mention, as news annotation marks it;
what the tagger found inside gives way.
"""

from __future__ import annotations

from collections.abc import Sequence

from rasd.lang.ar import vocab
from rasd.lang.ar.tokenize import Token
from rasd.ner.keys import match_key
from rasd.ner.propagate import TokSpan

_FACILITY = vocab.words("eponyms", "facility")
_INSTITUTION = vocab.words("eponyms", "institution")
_HONORIFIC = vocab.words("eponyms", "honorific")
_HEAD_FORMS = frozenset(
    {f"{p}{h}" for h in _FACILITY | _INSTITUTION for p in ("", "ب", "ل")}
)
_LINKS = frozenset({"بن", "ابن", "بنت", "ال"})  # "بن عبدالعزيز", "آل سعود" (folded آل → ال)
_MAX_NAME = 8  # tokens of the person's name
CONFIDENCE = 0.85


def _word(t: Token) -> bool:
    return t.kind == "word" and t.role == "stem"


def _joined(tokens: Sequence[Token], k: int) -> bool:
    """Token ``k`` follows ``k - 1`` with at most a space (no punctuation, no line break)."""
    return tokens[k].start - tokens[k - 1].end <= 1


def _nisba(t: Token) -> bool:
    key = match_key(t.key, t.det)
    return _word(t) and t.det and key.endswith(("ي", "يه")) and len(key) > 4


def _name_end(tokens: Sequence[Token], a: int, spans: Sequence[TokSpan]) -> int:
    """End of the person's name starting at ``a``: the tagger's person span beginning there
    (or at the honorific), else a given name and its بن/آل links."""
    for i, j, typ, _c in spans:
        if typ == "PER" and i in (a, a - 1) and j > a:
            return j
    n = len(tokens)
    if a >= n or not _word(tokens[a]) or tokens[a].det:
        return 0
    k = a + 1
    while k + 1 < n and k - a < _MAX_NAME and tokens[k].key in _LINKS and _word(tokens[k + 1]) \
            and _joined(tokens, k) and _joined(tokens, k + 1):
        k += 2
    return k


def _tail(tokens: Sequence[Token], k: int) -> int:
    """After the name: relational adjectives ("الجامعي"), or a لـ complement on a definite
    noun with its adjectives and و-coordinated nouns ("للدراسات الإسلامية والبحوث")."""
    n = len(tokens)
    start = k
    while k < n and _nisba(tokens[k]) and _joined(tokens, k):
        k += 1
    if k > start:  # "الجامعي | لأكثر من": adjectives close the name
        return k
    if k + 1 < n and tokens[k].role == "prep" and tokens[k].key == "ل" and _joined(tokens, k) \
            and _word(tokens[k + 1]) and tokens[k + 1].det \
            and tokens[k + 1].word == tokens[k].word:
        k += 2
        while k < n and _joined(tokens, k):
            if _nisba(tokens[k]):
                k += 1
            elif tokens[k].role == "conj" and k + 1 < n and _word(tokens[k + 1]) \
                    and tokens[k + 1].det and tokens[k + 1].word == tokens[k].word:
                k += 2
            else:
                break
    return k


def _head(t: Token) -> str:
    """The head noun's key, also with a ب/ل the tokenizer left on it ("بحديقة")."""
    key = t.key
    if key not in _HEAD_FORMS or t.det or not _word(t):
        return ""
    return key if key in _FACILITY or key in _INSTITUTION else key[1:]


def eponym_names(tokens: Sequence[Token], spans: Sequence[TokSpan]) -> list[TokSpan]:
    """``spans`` with each "head + honorific + name (+ adjectives, complement)" read as one
    FAC or ORG mention (see the module doc)."""
    out = list(spans)
    n = len(tokens)
    k = 0
    while k < n:
        t = tokens[k]
        head = _head(t)
        typ = "FAC" if head in _FACILITY else "ORG" if head in _INSTITUTION else ""
        if not typ or k + 2 >= n:
            k += 1
            continue
        h = k + 1
        if h < n and _word(tokens[h]) and not tokens[h].det \
                and match_key(tokens[h].key, False) in _FACILITY:
            h += 1  # "ملعب مدينة الملك خالد الرياضية"
        if h >= n or tokens[h].key not in _HONORIFIC or not _joined(tokens, h):
            k += 1
            continue
        end = _name_end(tokens, h + 1, out)
        if not end:
            k += 1
            continue
        end = _tail(tokens, end)
        if any(i < k < j or i < end < j for i, j, _t, _c in out):
            k += 1  # a span running across the name's edge: leave it to the tagger
            continue
        out = [s for s in out if not (k <= s[0] and s[1] <= end)] + [(k, end, typ, CONFIDENCE)]
        k = end
    return sorted(out)

"""Full-text search in Latin script: "Idlib", "Assad Houthis" find Arabic articles.

Why a rewrite and not a second index: the documents' full-text index holds folded Arabic
terms; indexing Latin names per document would need every archive re-indexed.  Instead each
run of Latin words in a query is looked up as an entity name (:func:`rasd.store.mentions.
entities`, the same match as ``rasd entity``: known English names first, then romanisation
keys, then most documents) and replaced by the Arabic words it stands for — only the words
the Latin part matched ("Assad" → "الأسد", not "بشار الأسد").  Latin words no entity
matches stay as they are and match Latin text in the articles; a short word is replaced only
when it is an entity's known English name ("UN", "Oman"), not by chance ("oil" is not "علي").
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from rasd.lang.ar import latin as L
from rasd.store import mentions
from rasd.store.base import EntityInfo
from rasd.store.latin import known_names

#: Longest run of Latin query words tried as one name ("Mohammed bin Salman al Saud").
MAX_NAME_WORDS = 5


def _matched_words(arabic: str, phrase: str) -> str:
    """The shortest run of words of ``arabic`` whose keys equal the Latin ``phrase``'s
    (the whole name when the match came from an English name that does not align)."""
    words = arabic.split()
    want = set(L.match_keys(phrase))
    for size in range(1, len(words) + 1):
        for i in range(len(words) - size + 1):
            run = " ".join(words[i : i + size])
            if want & set(L.match_keys(run)):
                return run
    return arabic


def _confident(phrase: str, entity: EntityInfo) -> bool:
    """Is the match good enough to replace the words?  A short skeleton ("oil" → ``al``)
    matches many names by chance, so it counts only when it is spelt as (part of) one of the
    entity's known English names (:func:`rasd.lang.ar.latin.latin_key`), not by skeleton."""
    keys = L.match_keys(phrase)
    if any(len(k.replace("_", "")) >= 3 for k in keys):
        return True
    want = L.latin_key(phrase)
    for name in [*known_names(entity.name, entity.label), *entity.latin[:-1]]:
        words = L.latin_key(name).split()
        runs = {" ".join(words[i:j]) for i in range(len(words))
                for j in range(i + 1, len(words) + 1)}
        if want in runs:
            return True
    return False


def rewrite(c: Connection, query: str) -> str:
    """``query`` with its Latin names replaced by the Arabic words they match."""
    if not query or not L.is_latin_query(query) and not any(
            L.is_latin_query(w) for w in query.split()):
        return query
    words = query.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        if not L.is_latin_query(words[i]):
            out.append(words[i])
            i += 1
            continue
        for j in range(min(len(words), i + MAX_NAME_WORDS), i, -1):
            phrase = " ".join(words[i:j])
            if not all(L.is_latin_query(w) for w in words[i:j]):
                continue
            found, _ = mentions.entities(c, None, phrase, None, 1, 0)
            if found and not L.is_latin_query(found[0].name) and _confident(phrase, found[0]):
                out.append(_matched_words(found[0].name, phrase))
                i = j
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)

"""What goes into the full-text index, how a user query becomes index terms, and snippets.

Both sides use the *same* Arabic analysis (:mod:`rasd.lang.ar`): the normalized view removes
diacritics, tatweel and obfuscation marks, :func:`fold_key` merges alef/yaa/taa-marbuta
spellings, and clitic segmentation separates و/ف/ب/ك/ل/س from the stem.  A document is
indexed as, per orthographic word, the folded stem key, the folded whole word, and — for stems
with the article — the form without it ("الجيش" → also "جيش"; "للجيش" → "الجيش" and "جيش").
So the query "وإدلب" (→ stem "ادلب") finds "إدلب", "لإدلب" and "وادلب"; "أسد" finds "الأسد".

Queries are never parsed as FTS syntax: each query word becomes a set of quoted terms (stem
or whole word) and words are ANDed.  Punctuation is dropped, quotes inside a term are doubled,
so ``" AND * NEAR( '; DROP TABLE`` is searched for as words, never run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rasd.doc import Document
from rasd.lang.ar.normalize import fold_key, normalize
from rasd.lang.ar.textview import text_view
from rasd.lang.ar.tokenize import Token, tokenize
from rasd.store.base import Snippet

_AR = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5\u06fa-\u06ff"
MAX_QUERY_WORDS = 32


@dataclass(frozen=True)
class Piece:
    """The index-relevant reading of one token piece (from a tokens layer or tokenizer)."""

    key: str
    kind: str
    role: str
    word: int
    det: bool


def _pieces(tokens: Iterable[Token]) -> list[Piece]:
    return [Piece(t.key, t.kind, t.role, t.word, t.det) for t in tokens]


def _article_forms(key: str, det: bool) -> tuple[str, str | None]:
    """(full form, bare form) of a stem key: "لجيش" after ل+ال → ("الجيش", "جيش")."""
    if not det:
        return key, None
    if key.startswith("ال") and len(key) > 3:
        return key, key[2:]
    if key.startswith("ل") and len(key) > 2:
        return "ا" + key, key[1:]
    return key, None


def _word_terms(pieces: Sequence[Piece]) -> tuple[str, list[str]]:
    """For one orthographic word: (its main stem term, all alternative index terms)."""
    terms: list[str] = []
    stem = ""
    for p in pieces:
        if p.kind == "punct":
            continue
        if p.kind == "latin":
            key = p.key.lower()
            stem = stem or key
            terms.append(key)
            continue
        if p.role in ("conj", "prep", "fut"):
            continue
        full, bare = _article_forms(p.key, p.det)
        stem = stem or full
        terms.append(full)
        if bare:
            terms.append(bare)
    whole = "".join(p.key for p in pieces if p.kind == "word")
    if whole and whole not in terms and any(p.role in ("conj", "prep", "fut") for p in pieces):
        terms.append(whole)
    return stem, terms


def _group_words(pieces: Sequence[Piece]) -> list[list[Piece]]:
    groups: list[list[Piece]] = []
    last = None
    for p in pieces:
        if p.word != last:
            groups.append([])
            last = p.word
        groups[-1].append(p)
    return groups


def doc_pieces(doc: Document) -> list[Piece]:
    """Token pieces from the document's tokens layer, or from tokenizing it when absent."""
    return _pieces(text_view(doc).pieces)  # the text layer's pieces (tokenized when absent)


def index_body(doc: Document) -> str:
    """Space-separated folded terms for the document text (see module docstring)."""
    return index_pieces(doc_pieces(doc))


def stem_terms(pieces: Sequence[Piece]) -> list[str]:
    """One folded stem per word (punctuation dropped): the sequence shingled for MinHash."""
    out = []
    for group in _group_words(pieces):
        main = _word_terms(group)[0]
        if main:
            out.append(main)
    return out


def index_pieces(pieces: Sequence[Piece]) -> str:
    out: list[str] = []
    for group in _group_words(pieces):
        out.extend(_word_terms(group)[1])
    return " ".join(out)


def index_title(title: str | None) -> str:
    return index_pieces(_pieces(tokenize(title))) if title else ""


@dataclass(frozen=True)
class QueryTerm:
    """One query word: a document matches if it contains any of ``alternatives``."""

    word: str
    main: str
    alternatives: tuple[str, ...]


@lru_cache(maxsize=4096)
def parse_query(query: str) -> tuple[QueryTerm, ...]:
    """User text → query terms.  Never raises; punctuation-only input gives no terms."""
    query = (query or "")[:2000]
    toks = tokenize(query)
    out: list[QueryTerm] = []
    for group in _group_words(_pieces(toks)):
        main, terms = _word_terms(group)
        if not terms:
            continue
        # the query keeps the article it was typed with: "الأسد" asks for the full form only
        alts = [main] + [t for t in terms[1:] if t != main and not _is_bare_of(t, main)]
        word_toks = [t for t in toks if t.word == group[0].word]
        out.append(QueryTerm(query[word_toks[0].start : word_toks[-1].end], main,
                             tuple(dict.fromkeys(alts))))
        if len(out) >= MAX_QUERY_WORDS:
            break
    return tuple(out)


def _is_bare_of(t: str, full: str) -> bool:
    return full.startswith("ال") and t == full[2:]


def _fts_quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts5_match(terms: Sequence[QueryTerm]) -> str:
    """An FTS5 MATCH expression made only of quoted strings, OR and AND."""
    parts = []
    for t in terms:
        alts = " OR ".join(_fts_quote(a) for a in t.alternatives)
        parts.append(f"({alts})")
    return " AND ".join(parts)


# -- snippets -------------------------------------------------------------------------------


def _term_pattern(term: QueryTerm) -> str:
    key = term.main
    if re.fullmatch(f"[{_AR}]+", key):
        bare = key[2:] if key.startswith("ال") and len(key) > 3 else key
        return rf"(?<![{_AR}])[وف]?[بكلس]?(?:ال|ل)?{re.escape(bare)}(?![{_AR}])"
    return rf"(?<!\w){re.escape(key)}(?!\w)"


@lru_cache(maxsize=1024)
def _highlight_regex(terms: tuple[QueryTerm, ...]) -> re.Pattern[str] | None:
    if not terms:
        return None
    return re.compile("|".join(f"(?:{_term_pattern(t)})" for t in terms), re.IGNORECASE)


def find_hits(text: str, terms: tuple[QueryTerm, ...], limit: int = 200) -> list[tuple[int, int]]:
    """Offsets in the *original* text of words matching the query (folded, clitic-aware)."""
    rx = _highlight_regex(terms)
    if rx is None:
        return []
    view = normalize(text)
    folded = fold_key(view.text)
    hits = []
    for m in rx.finditer(folded):
        if m.end() > m.start():
            hits.append(view.to_original(m.start(), m.end()))
            if len(hits) >= limit:
                break
    return hits


def make_snippet(
    text: str, terms: tuple[QueryTerm, ...], width: int = 220
) -> Snippet:
    """The window of ``text`` with the most hits (plain text + highlight offsets)."""
    hits = find_hits(text, terms)
    if not hits:
        end = _snap_end(text, min(len(text), width))
        return Snippet(text[:end], (), 0, end, False, end < len(text))
    best, best_n = hits[0][0], 0
    for i, (a, _) in enumerate(hits):
        n = sum(1 for x, y in hits[i:] if y <= a + width)
        if n > best_n:
            best, best_n = a, n
    start = _snap_start(text, max(0, best - width // 4))
    end = _snap_end(text, min(len(text), start + width))
    marks = tuple(
        (max(a, start) - start, min(b, end) - start) for a, b in hits if a < end and b > start
    )
    return Snippet(text[start:end], marks, start, end, start > 0, end < len(text))


def _snap_start(text: str, pos: int) -> int:
    if pos <= 0:
        return 0
    sp = text.rfind(" ", max(0, pos - 30), pos)
    return sp + 1 if sp >= 0 else pos


def _snap_end(text: str, pos: int) -> int:
    if pos >= len(text):
        return len(text)
    sp = text.find(" ", pos, pos + 30)
    return sp if sp >= 0 else pos

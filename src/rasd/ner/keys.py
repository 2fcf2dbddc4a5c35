"""Look-up keys of clitic-split tokens: the article elided after ل, and the article-less stem.

Why here, apart from the gazetteer and the features: the CRF features, the distributional
clusters, the gazetteer and the rule passes all derive keys from a token the same way, and
the clusters are themselves a feature input, so these helpers sit below all of them (the
features used to own :func:`bare_stem`, and the clusters had to import it back: a cycle).

These work on the tokens of :func:`rasd.lang.ar.tokenize.tokenize`, whose proclitics are
already split off and whose ``det`` flag says whether the article was seen.  That is not the
word-level :func:`rasd.lang.ar.clitics.bare`, which strips و/ف/ب/ل/ك from a raw word and would
cut the first letter of "وزارة" or "كلية"; here only the article goes, and only when the
tokenizer saw one.  The exact behaviour is frozen: the CRF model was trained on features that
use it, and changing a key would silently change every tag.
"""

from __future__ import annotations

from functools import lru_cache

from rasd.lang.ar.lexicon import default_lexicon

__all__ = ["article_elided", "bare_stem", "match_key"]


@lru_cache(maxsize=50_000)
def article_elided(key: str) -> bool:
    """After the preposition ل, is this stem's leading ل the article ("لجيش" = الجيش) or the
    word's own letter ("ليبيا" in "لليبيا")?  The better-attested reading wins."""
    lex = default_lexicon()
    return lex.count("ا" + key) >= lex.count(key)


def match_key(key: str, det: bool) -> str:
    """Folded key used for look-ups: restores the article elided after ل ("لجيش" → "الجيش")."""
    if det and key.startswith("ل") and not key.startswith("ال") and article_elided(key):
        return "ا" + key
    return key


def bare_stem(key: str, det: bool) -> str:
    """Stem without the article: "الأسد" → "اسد", "لجيش" (after ل) → "جيش".

    The CRF's ``b=`` feature and the cluster index: keep it exactly as trained.
    """
    if det:
        if key.startswith("ال") and len(key) > 3:
            return key[2:]
        if key.startswith("ل") and len(key) > 2 and article_elided(key):
            return key[1:]
    return key

"""Proclitic-stripped lookup keys of a folded word: the one ``variants``/``bare`` of rasd.

Why: the text layer splits proclitics with a frequency lexicon, which is right for most words
but not for every cue or name ("وارد" → و + ارد, "فإن" kept whole).  Lookups in closed lists
(cues, head nouns, triggers, titles, gazetteer names) need the opposite trade-off: try the
whole word *and* each plausible clitic-stripped reading, and let the list decide.  Every layer
asks this module for the candidates instead of writing its own stripping.
"""

from __future__ import annotations

__all__ = ["bare", "drop_article", "light", "proclitic_forms", "variants"]


_VARIANTS: dict[str, tuple[str, ...]] = {}


def variants(key: str) -> tuple[str, ...]:
    """The folded word and its proclitic-stripped readings, most specific first (memoized).

    A plain dict memo rather than ``functools.lru_cache``: compiled (``rasd.native``), callers
    in the same build reach it with a direct C call, which a cache wrapper object would not
    allow.  Bounded: a long-running process forgets it past 100,000 forms.
    """
    v = _VARIANTS.get(key)
    if v is None:
        if len(_VARIANTS) >= 100_000:
            _VARIANTS.clear()
        v = _VARIANTS[key] = _variants(key)
    return v


def _variants(key: str) -> tuple[str, ...]:
    """The folded word and its proclitic-stripped readings, most specific first.

    و/ف (conjunction), then ب/ل/ك (preposition), then the article: "وللجيش" →
    (وللجيش, للجيش, لجيش?, الجيش, جيش).  The lexicons are closed lists, so over-generation
    is harmless: a wrong variant simply does not match.
    """
    out = [key]
    k = key
    if len(k) > 3 and k[0] in "وف":
        k = k[1:]
        out.append(k)
    if len(k) > 3 and k[0] in "بلك":
        if k.startswith("لل") and len(k) > 4:
            out.append("ال" + k[2:])
            out.append(k[2:])
        k2 = k[1:]
        out.append(k2)
        k = k2
    if k.startswith("ال") and len(k) > 3:
        out.append(k[2:])
    return tuple(dict.fromkeys(out))


def bare(key: str) -> str:
    """The shortest variant: the stem without proclitics or article (for head matching)."""
    return variants(key)[-1]


def light(key: str) -> str:
    """A conservative stem of a folded word, for matching free text against free text.

    Why a second reading: :func:`variants` over-generates on purpose because a closed list
    filters the candidates; topic terms (:mod:`rasd.extract.claims`) compare two open texts,
    where "بيروت" must not become "يروت".  So only words of five letters or more lose
    anything: و/ف, a preposition only together with the article it is fused to (بال، كال،
    لل → ال), then the article when three letters or more remain.
    """
    if len(key) > 4 and key[0] in "وف":
        key = key[1:]
    if key[:3] in ("بال", "كال") and len(key) > 4:
        key = key[1:]
    elif key.startswith("لل") and len(key) > 4:
        key = "ال" + key[2:]
    if key.startswith("ال") and len(key) > 4:
        key = key[2:]
    return key


def proclitic_forms(k: str) -> list[str]:
    """Forms of ``k`` without proclitics, the article kept: "لسوريا" → "سوريا", "للعراق" → "العراق".

    For gazetteer names, which are stored with their article ("العراق"): unlike
    :func:`variants` this never drops the article (a bare "عراق" or "جزيرة" would meet other,
    smaller places) and tries a و/ف/ب/ل/ك and a second ب/ل/ك.  The places layer resolves
    against it; keep it as it is, or place resolution changes.
    """
    out = []
    if k.startswith("لل") and len(k) > 4:
        out.append("ال" + k[2:])
    if len(k) > 3 and k[0] in "وفبلك":
        out.append(k[1:])
        if len(k) > 4 and k[1] in "بلك":
            out.append(k[2:])
            if k[1] == "ل" and k[2] == "ل":
                out.append("ال" + k[3:])
    return out


def drop_article(key: str) -> str:
    """``key`` without the article when at least three letters remain ("الوكاله" → "وكاله").

    For words whose proclitics are already split off (tokens, or the words of a name): there
    :func:`bare` would also cut a first و/ب/ل/ك that belongs to the word ("وزاره" → "زاره").
    """
    return key[2:] if key.startswith("ال") and len(key) > 4 else key

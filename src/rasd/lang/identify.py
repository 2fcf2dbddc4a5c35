"""Which language a document is in, so that only Arabic goes through the Arabic extractors.

Two steps, because the common case must cost nothing:

1. the share of Arabic-script letters (:func:`rasd.lang.ar.charsets.arabic_share`): below
   half, the text is not Arabic; py3langid (a maintained fork of langid.py, offline model
   in the wheel) names its language;
2. Arabic script is also Persian, Urdu, Pashto, Kurdish (Sorani) and Uyghur.  Those write
   letters Arabic does not use in running text (پ چ ژ گ ڤ ک ی ے ۀ ٹ ڈ ڑ ں ھ …); only when a
   sample holds a fair number of them is py3langid asked to choose among the Arabic-script
   languages.  An Arabic article that spells one loan word with a Persian keyboard's ک or ی
   never reaches the model.

Why py3langid and not our own letter table: telling Persian from Urdu from Arabic needs
character n-gram statistics, which the model has and we would have to train.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rasd.lang.ar.charsets import arabic_share

#: Arabic letters must make at least this share of all letters for a text to be Arabic script.
ARABIC_MIN_SHARE = 0.5
#: Languages written in Arabic script that py3langid knows (ISO 639 codes).
ARABIC_SCRIPT_LANGUAGES = ("ar", "arz", "ary", "fa", "ur", "ps", "ku", "sdh", "ug")
#: py3langid's Arabic varieties (Egyptian, Moroccan): for rasd they are Arabic.
ARABIC_VARIETIES = frozenset({"ar", "arz", "ary"})
#: Fewer letters than this are too few to name a language (a caption, "Array").
MIN_LETTERS = 20
#: How much of a document is looked at (the lead decides; long documents cost the same).
SAMPLE = 4000

# Letters of the Perso-Arabic extensions that Arabic news text does not use in running text
# (ڤ and گ do appear in Arabic transliterations of foreign names, so they count for less:
# they are not listed here).  Keheh and Farsi yeh appear in Arabic typed on Persian
# keyboards, hence a threshold rather than "any".
_NON_ARABIC_LETTERS = re.compile("[\u067e\u0686\u0698\u06a9\u06cc\u06d2\u06c0\u0679\u0688"
                                 "\u0691\u06ba\u06be\u06c1\u06d5\u06c6\u06c7\u06c8\u06cb\u06d0]")
#: Share of those letters (among Arabic-script letters) above which the model is asked.
_EXTENSION_SHARE = 0.01


@dataclass(frozen=True)
class LanguageGuess:
    """``code``: ISO 639-1, or ``und`` when the text has no letters to judge by."""

    code: str
    arabic_share: float
    method: str  # "letters" (no model needed), "model" (py3langid), "none"


def identify(text: str, share: float | None = None) -> LanguageGuess:
    """The language of ``text`` (its first :data:`SAMPLE` characters).

    ``share``: the Arabic-letter share when the caller already has it (the text layer reads
    it off its words), saving a pass over the text.
    """
    sample = text[:SAMPLE]
    letters = sum(ch.isalpha() for ch in sample)
    if share is None:
        share = arabic_share(sample)
    if letters < MIN_LETTERS:
        return LanguageGuess("und", share, "none")
    if share >= ARABIC_MIN_SHARE:
        ext = len(_NON_ARABIC_LETTERS.findall(sample))
        if ext / max(1.0, share * letters) < _EXTENSION_SHARE:
            return LanguageGuess("ar", share, "letters")
        return LanguageGuess(_classify(sample, script_only=True), share, "model")
    return LanguageGuess(_classify(sample, script_only=False), share, "model")


def language_of(text: str, share: float | None = None) -> str:
    """:func:`identify`'s code, with a short text that is mostly Arabic letters called Arabic
    (a title alone has too few letters for a model, not for the script test)."""
    guess = identify(text, share)
    if guess.code == "und" and guess.arabic_share >= ARABIC_MIN_SHARE:
        return "ar"
    return guess.code


def _classify(sample: str, *, script_only: bool) -> str:
    code: str = _identifier(script_only).classify(sample)[0]
    return "ar" if code in ARABIC_VARIETIES else code


@lru_cache(maxsize=2)
def _identifier(script_only: bool) -> Any:
    """py3langid's model, loaded once per process (about 0.3 s), restricted when asked."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE)
    if script_only:
        ident.set_languages(list(ARABIC_SCRIPT_LANGUAGES))
    return ident

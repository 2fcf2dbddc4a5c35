"""Named character classes for Arabic script (after camel_tools' charsets.py).

Kept as constants so every module means the same thing by "diacritic" or "tatweel".
"""

from __future__ import annotations

import re

TATWEEL = "\u0640"

#: Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks.
DIACRITICS = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06DD, 0x06DE, 0x06E9)]
    + [chr(c) for c in range(0x0610, 0x061B)]
)

#: Zero-width and bidi controls: invisible, often pasted from the web or used to dodge filters.
CONTROLS = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\u2060\ufeff\u00ad\u061c"
)

ALEF_FORMS = {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627"}
ALEF_MAQSURA = "\u0649"
YAA = "\u064a"
TAA_MARBUTA = "\u0629"
HAA = "\u0647"
FARSI_YEH = "\u06cc"
KEHEH = "\u06a9"

#: Persian/Urdu letter shapes that stand for plain Arabic letters in Arabic text (pasted from
#: Persian keyboards or used to dodge filters): mapped in the normalized view.
LETTER_VARIANTS = {
    FARSI_YEH: YAA,  # ی
    "\u06d0": YAA,  # ې
    "\u06a9": "\u0643",  # ک keheh → kaf
    "\u06aa": "\u0643",  # ڪ swash kaf
    "\u06be": HAA,  # ھ heh doachashmee
    "\u06c1": HAA,  # ہ heh goal
    "\u06d5": HAA,  # ە ae
    "\u06c0": "\u0629",  # ۀ heh with yeh above (Persian ezafe form)
}

#: Hamza on a seat, folded only when ``NormOptions.hamza`` is on.
HAMZA_SEATS = {"\u0624": "\u0648", "\u0626": YAA}

#: Arabic-Indic (U+0660..) and Persian/Urdu (U+06F0..) digits to ASCII.
DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}

#: Characters used to break words against moderation filters: "عسكـ.ـري", "دعـ*ـماً".
OBFUSCATION_MARKS = frozenset(".*-_·•‧∙/|+~'")

#: Arabic presentation forms (often produced by copy-paste from PDFs or by obfuscation).
PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))

PROCLITICS_CONJ = ("و", "ف")
PROCLITICS_PREP = ("ب", "ك", "ل", "س")
DEFINITE = "ال"


def is_arabic_letter(ch: str) -> bool:
    """True for base Arabic letters (not digits, punctuation, diacritics or tatweel)."""
    o = ord(ch)
    return (
        (0x0621 <= o <= 0x063A)
        or (0x0641 <= o <= 0x064A)
        or (0x0671 <= o <= 0x06D3)
        or o == 0x06D5
        or (0x06FA <= o <= 0x06FF)
    )


def is_presentation_form(ch: str) -> bool:
    o = ord(ch)
    return any(a <= o <= b for a, b in PRESENTATION_RANGES)


_ARABIC_LETTER = re.compile(
    "[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc]"
)
_LETTER = re.compile(r"[^\W\d_]")


def arabic_share(text: str, sample: int = 10_000) -> float:
    """Share of Arabic letters among all letters in (a prefix of) ``text``: a cheap language
    test that needs no model and is never fooled by digits, punctuation or markup leftovers."""
    s = text[:sample]
    letters = _LETTER.subn("", s)[1]
    return _ARABIC_LETTER.subn("", s)[1] / letters if letters else 0.0

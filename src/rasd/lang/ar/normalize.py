"""Offset-preserving Arabic normalization.

A normalizer never returns a bare string: :func:`normalize` returns a :class:`Normalized`
view holding the normalized text *and*, for each of its characters, the range of original
characters it stands for.  Deleted characters (diacritics, tatweel, zero-width controls,
obfuscation marks) are absorbed into the range of the kept character before them, so a token
found in the normalized view maps back to a span that covers the whole original word —
"عسكـ.ـري" is read as "عسكري" and its span still slices out "عسكـ.ـري".

Two levels, on purpose:

* the *view* (:func:`normalize`) removes what carries no lexical meaning (marks, tatweel,
  controls, obfuscation) and maps digits and presentation forms to plain characters;
* the *key* (:func:`fold_key`) additionally folds spelling variants (alef/hamza forms,
  alef maqsura → yaa, optionally taa marbuta → haa) for matching and search.  It is
  length-preserving, so it can be applied to any slice of the view.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rasd.lang.ar import charsets as cs


@dataclass(frozen=True)
class NormOptions:
    """Which normalizations apply; one switch per function (camel_tools style)."""

    diacritics: bool = True
    tatweel: bool = True
    controls: bool = True
    deobfuscate: bool = True
    digits: bool = True
    presentation_forms: bool = True
    # key-level folds (used by fold_key / matching, not by the view)
    alef: bool = True
    yaa: bool = True
    taa_marbuta: bool = True
    #: ؤ→و, ئ→ي: off by default (they are real spelling differences: "مسؤول"/"مسئول" fold
    #: anyway through the lexicon); on for aggressive search matching.
    hamza: bool = False


DEFAULT = NormOptions()

_AR = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
_MARKS_ANY = re.escape("".join(sorted(cs.OBFUSCATION_MARKS)))
# "_" joins words in hashtags ("#الحرب_على_غزة") and is only an obfuscation mark next to tatweel
_MARKS_NODOT = re.escape(
    "".join(sorted(cs.OBFUSCATION_MARKS - {".", "-", "/", "|", "'", "+", "_"}))
)
_DIAC = "".join(sorted(cs.DIACRITICS))
# Obfuscation: a mark between two Arabic letters inside one word.  With a tatweel next to it
# any mark counts ("عسكـ.ـري"); without one only marks that never join two real words
# ("عسك*ري"), so a missing space after a full stop ("الحرب.وقال") is not glued together.
# A space between two tatweels ("عسكـ ـري") is obfuscation too: no real word ends and the next
# begins with a tatweel.
_OBFUSCATION = (
    rf"(?<=[{_AR}{_DIAC}])(?:\u0640+[{_MARKS_ANY}]{{1,3}}\u0640*|\u0640*[{_MARKS_ANY}]{{1,3}}\u0640+"
    rf"|\u0640+ \u0640+)(?=[{_AR}])"
    rf"|(?<=[{_AR}][{_AR}])[{_MARKS_NODOT}]{{1,2}}(?=[{_AR}][{_AR}])"
)


def _char_class(chars: set[str] | frozenset[str]) -> str:
    return "".join(re.escape(c) for c in sorted(chars))


def _build_pattern(opts: NormOptions, compose: bool = True) -> re.Pattern[str]:
    deletable: set[str] = set()
    if opts.diacritics:
        deletable |= cs.DIACRITICS
    if opts.tatweel:
        deletable.add(cs.TATWEEL)
    if opts.controls:
        deletable |= cs.CONTROLS
    subst: set[str] = set(cs.LETTER_VARIANTS)
    if opts.digits:
        subst |= set(cs.DIGITS)
    # decomposed hamza/madda (letter + combining U+0653..U+0655, from some keyboards and CMSs)
    # is composed, not stripped like a diacritic: "ا"+"ٔ" is "أ", "و"+"ٔ" is "ؤ"
    # (only built into the pattern used for texts that contain such marks: a branch that
    # starts with common letters slows the scan of every other text)
    parts = []
    if compose:
        parts.append("(?P<nfc>[\u0627\u0648\u064a\u06c1\u06d2\u06d5]\u0654|\u0627[\u0653\u0655])")
    if opts.deobfuscate:
        parts.append(f"(?P<obf>{_OBFUSCATION})")
    if deletable:
        parts.append(f"(?P<del>[{_char_class(deletable)}]+)")
    parts.append(f"(?P<sub>[{_char_class(subst)}])")
    if opts.presentation_forms:
        parts.append("(?P<pres>[\ufb50-\ufdff\ufe70-\ufeff])")
    return re.compile("|".join(parts))


_PATTERNS: dict[NormOptions, tuple[re.Pattern[str], re.Pattern[str]]] = {}
_SUBST = cs.DIGITS | cs.LETTER_VARIANTS


@dataclass(frozen=True)
class Normalized:
    """A normalized view of an original text with a character-level offset map."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    #: Some original character became several view characters (a ligature such as "ﻻ").
    expanded: bool = False

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` range of the view to the original text."""
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def original_slice(self, start: int, end: int) -> str:
        a, b = self.to_original(start, end)
        return self.original[a:b]


def normalize(text: str, opts: NormOptions = DEFAULT) -> Normalized:
    """Build the normalized view of ``text`` (see the module docstring for what changes).

    The last result is remembered (by identity of the text and options objects): the text
    and boilerplate components both need the view of the same document, one after the other.
    """
    last = _LAST_VIEW
    if last is not None and last[0] is text and last[1] is opts:
        return last[2]
    plain, composing = _pattern(opts)
    pat = composing if ("\u0654" in text or "\u0653" in text or "\u0655" in text) else plain
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    expanded = False
    for m in pat.finditer(text):
        a, b = m.span()
        if a > pos:  # untouched stretch: copy as is
            out.append(text[pos:a])
            starts.extend(range(pos, a))
            ends.extend(range(pos + 1, a + 1))
        kind = m.lastgroup
        if kind in ("obf", "del"):
            if ends:  # absorb into the previous kept character's range
                ends[-1] = b
        elif kind == "sub":
            out.append(_SUBST[text[a]])
            starts.append(a)
            ends.append(b)
        elif kind == "nfc":
            rep = unicodedata.normalize("NFC", text[a:b])
            out.append(rep if len(rep) == 1 else text[a])  # no composite: drop the mark
            starts.append(a)
            ends.append(b)
        else:  # presentation form -> compatibility decomposition, each piece maps to it
            rep = _presentation(text[a])
            if not rep:  # an isolated harakah form: a diacritic, deleted like one
                if ends:
                    ends[-1] = b
            else:
                expanded = expanded or len(rep) > 1
                out.append(rep)
                starts.extend([a] * len(rep))
                ends.extend([b] * len(rep))
        pos = b
    if pos < len(text):
        out.append(text[pos:])
        starts.extend(range(pos, len(text)))
        ends.extend(range(pos + 1, len(text) + 1))
    view = Normalized(text, "".join(out), tuple(starts), tuple(ends), expanded)
    _remember(text, opts, view)
    return view


_LAST_VIEW: tuple[str, NormOptions, Normalized] | None = None


def _remember(text: str, opts: NormOptions, view: Normalized) -> None:
    global _LAST_VIEW
    # only ordinary articles: keeping the offset maps of a 20 MB dump alive would cost ~300 MB
    _LAST_VIEW = (text, opts, view) if 200 < len(text) <= 1_000_000 else None


# One-entry identity caches: options objects are long-lived (one per Config) but hashing a
# frozen dataclass on each of the ~100 calls per article is measurable in bulk.
_LAST_PATTERN: tuple[NormOptions, tuple[re.Pattern[str], re.Pattern[str]]]
_LAST_TABLE: tuple[NormOptions, dict[int, str]] = (DEFAULT, {})


def _pattern(opts: NormOptions) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``(plain, composing)`` patterns for ``opts``."""
    global _LAST_PATTERN
    if _LAST_PATTERN[0] is opts:
        return _LAST_PATTERN[1]
    pats = _PATTERNS.get(opts)
    if pats is None:
        pats = _PATTERNS[opts] = (_build_pattern(opts, False), _build_pattern(opts, True))
    _LAST_PATTERN = (opts, pats)
    return pats


@lru_cache(maxsize=1024)
def _presentation(ch: str) -> str:
    """Plain letters for a presentation form ("ﻻ" → "لا", "ﺑ" → "ب"); "" for a harakah form.

    Multi-word ligatures ("ﷺ", "﷽") stay as they are: spreading a phrase over one original
    character would give several words the same offsets.
    """
    rep = unicodedata.normalize("NFKC", ch)
    if " " in rep.strip():
        return ch
    return "".join(c for c in rep if c not in cs.DIACRITICS and not c.isspace())


def _fold_table(opts: NormOptions) -> dict[int, str]:
    table: dict[int, str] = {}
    if opts.alef:
        table.update({ord(k): v for k, v in cs.ALEF_FORMS.items()})
    if opts.yaa:
        table[ord(cs.ALEF_MAQSURA)] = cs.YAA
    if opts.taa_marbuta:
        table[ord(cs.TAA_MARBUTA)] = cs.HAA
    if opts.hamza:
        table.update({ord(k): v for k, v in cs.HAMZA_SEATS.items()})
    return table


_FOLD_TABLES: dict[NormOptions, dict[int, str]] = {}


def fold_key(s: str, opts: NormOptions = DEFAULT) -> str:
    """Length-preserving spelling fold for matching: أ/إ/آ→ا, ى→ي, ة→ه (each switchable)."""
    global _LAST_TABLE
    if _LAST_TABLE[0] is opts:
        table = _LAST_TABLE[1]
    else:
        cached = _FOLD_TABLES.get(opts)
        if cached is None:
            cached = _FOLD_TABLES[opts] = _fold_table(opts)
        table = cached
        _LAST_TABLE = (opts, table)
    if len(s) < 256:
        return s.translate(table)
    # whole documents: a few C-speed replace scans beat a per-character table lookup
    for k, v in table.items():
        s = s.replace(chr(k), v)
    return s


def normalize_key(s: str, opts: NormOptions = DEFAULT) -> str:
    """View + fold in one call, for matching short strings (names, gazetteer entries)."""
    return fold_key(normalize(s, opts).text, opts)


_LAST_PATTERN = (DEFAULT, (_build_pattern(DEFAULT, False), _build_pattern(DEFAULT, True)))
_LAST_TABLE = (DEFAULT, _fold_table(DEFAULT))

"""Latin script for Arabic names: a romaniser for display and match keys for search.

Why: a researcher who does not read Arabic types "Assad", "al-Assad", "Idlib", "Houthis" or
"Mohamed bin Salman"; the archive holds "الأسد", "إدلب", "الحوثيون", "محمد بن سلمان".
Two tools bridge them, both offline and table-based (no maintained offline PyPI romaniser
fits: the candidates found were young single-author packages or needed an ONNX model):

* :func:`romanize` — a readable news-style romanisation (simplified ALA-LC without
  diacritics: "al-" for the article, "bin", "Abd al-", "Abu", ``ة`` → "a").  Unvocalised
  Arabic does not write short vowels, so they are *guessed* ("a" to break a consonant
  cluster): "سلمان" → "Salman", "الأسد" → "al-Asad", "محمد" → "Mahmad".  Good enough to
  read and to match, not a scholarly transliteration.
* :func:`match_keys` / :func:`name_keys` — keys on which Latin spellings and Arabic names
  meet: a consonant skeleton per word in a small shared alphabet (ق/ك/ج/غ/خ ~ q/k/g/j/kh,
  ش/س/ص ~ sh/s, ث/ت/ط ~ th/t …, vowels and weak letters dropped, doubled letters collapsed,
  articles "al-/el-/ash-…" dropped) plus a marker for a word-initial vowel or ``ع``/hamza, so
  "Assad" (``asd``) is not "Saad" (``sd``).  Mohammed, Muhammad and Mohamed all key
  ``mhmd``; "Houthis", "Houthi" and "الحوثيون" key ``ht`` (nisba plurals are folded).

:func:`latin_key` is the Latin-side normaliser for display-level comparison (case, accents,
hyphens, apostrophes, articles, doubled letters, ou/oo → u, ee → i).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_AR_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_LATIN = re.compile(r"[A-Za-z]")
_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")

# -- romanisation (display) -------------------------------------------------------------------

#: Consonants: Arabic letter → news-style Latin (ALA-LC without diacritics; ع and hamza
#: inside a word are left out, as English-language news writes them).
_CONS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "ء": "", "ؤ": "", "ئ": "", "پ": "p", "چ": "ch", "گ": "g", "ڤ": "v",
}  # fmt: skip
_SUN = set("تثدذرزسشصضطظلن")


def _clean(text: str) -> str:
    return _MARKS.sub("", unicodedata.normalize("NFC", text))


def _vowel_letter(w: str, i: int) -> str | None:
    """The Latin vowel a long-vowel letter stands for at ``i``, or None if it is consonantal."""
    ch = w[i]
    nxt = w[i + 1] if i + 1 < len(w) else ""
    if ch in "اآى":
        return "a"
    if ch in "أإ":
        return "i" if ch == "إ" else "a"
    if ch == "ة":
        return "a"
    if ch in "وي":
        after_a = i > 0 and w[i - 1] in "اأآ" and ch == "ي"  # "أيمن" → "Ayman", "زايد"
        if i == 0 or after_a or nxt in "اوىي" and i + 1 < len(w) - 1 or nxt == "ا":
            return None  # "وزارة", "يمن", "دياب": a consonant
        return "u" if ch == "و" else "i"
    return None


def _roman_word(w: str) -> str:
    """One Arabic word (no article) in Latin letters, short vowels guessed.

    Consonants between written vowels form runs; a run opening the word takes "a" after its
    first consonant (and every second one after that), a run closing the word takes "a"
    before its last consonant, so "سلمان" → "Salman", "أسد" → "Asad", "محمد" → "Mahmad".
    """
    items: list[tuple[str, bool]] = []  # (latin, is_vowel)
    for i, ch in enumerate(w):
        v = _vowel_letter(w, i)
        if v is not None:
            if not (items and items[-1][1] and items[-1][0] == v):
                items.append((v, True))
        elif ch == "ع":
            items.append(("a", True) if i == 0 or not (items and items[-1][1]) else ("", True))
        elif ch in "وي":
            items.append(("w" if ch == "و" else "y", False))
        elif _CONS.get(ch):
            items.append((_CONS[ch], False))
    out: list[str] = []
    k = 0
    while k < len(items):
        if items[k][1]:
            out.append(items[k][0])
            k += 1
            continue
        j = k
        while j < len(items) and not items[j][1]:
            j += 1
        run = [x for x, _ in items[k:j]]
        opens, closes = k == 0, j == len(items)
        gaps: set[int] = set()  # vowel after run[g]
        if opens and len(run) >= 2:
            gaps.update(range(0, len(run) - 1, 2))
        if closes and len(run) >= 2 and not (opens and (len(run) - 2) in gaps):
            gaps.add(len(run) - 2)
        if not opens and not closes and len(run) >= 3:
            gaps.add(len(run) - 2)
        for g, c in enumerate(run):
            out.append(c + ("a" if g in gaps else ""))
        k = j
    return "".join(out)


def _article(word: str) -> tuple[str, str]:
    """("al-" or "", rest): the article written the news way ("al-", not assimilated)."""
    if word.startswith(("ال", "آل")) and len(word) > 3:
        return "al-", word[2:]
    return "", word


def romanize(name: str) -> str:
    """A news-style Latin rendering of an Arabic name ("بشار الأسد" → "Bashar al-Asad").

    Latin text is returned as it is; digits and punctuation are kept.
    """
    name = _clean(name).strip()
    if not _AR_LETTER.search(name):
        return name
    words = name.replace("-", " ").split()
    out: list[str] = []
    for i, w in enumerate(words):
        if not _AR_LETTER.search(w):
            out.append(w)
            continue
        if w in ("بن", "ابن", "بنت"):
            out.append("bin" if w != "بنت" else "bint")
            continue
        if w in ("الله", "لله"):
            out.append("Allah")
            continue
        if w.startswith("عبدال") and len(w) > 5:  # "عبدالعزيز" → "Abd al-Aziz"
            out.append("Abd al-" + _cap(_roman_word(w[5:])))
            continue
        if w.startswith(("أبو", "ابو")) and len(w) > 3 and w[3:].startswith("ال"):
            out.append("Abu al-" + _cap(_roman_word(w[5:])))
            continue
        art, rest = _article(w)
        if art and i > 0 and words[i - 1] in ("عبد", "أبو", "ابو"):
            out.append("al-" + _cap(_roman_word(rest)))
            continue
        body = _cap(_roman_word(rest))
        if w in ("عبد",):
            body = "Abd"
        elif w in ("أبو", "ابو"):
            body = "Abu"
        out.append(art + body if body else art.rstrip("-"))
    text = " ".join(x for x in out if x)
    return text[:1].upper() + text[1:] if text.startswith("al-") else text


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# -- match keys (search) ---------------------------------------------------------------------

#: Arabic letter → skeleton symbol (weak letters, ع inside a word and hamza carry no symbol);
#: also the Arabic side of the cross-document name skeletons of ``rasd.link.resolve``.
AR_SKELETON = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "k", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r",
    "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ف": "f", "ق": "k",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "غ": "k", "پ": "b", "چ": "k", "گ": "k",
    "ڤ": "f",
}  # fmt: skip
_AR_INITIAL_VOWEL = set("اأإآعءئؤ")
_LAT_DIGRAPHS = (("kh", "k"), ("gh", "k"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"),
                 ("dj", "j"), ("ph", "f"), ("ck", "k"))  # fmt: skip
_LAT_SKEL = {"b": "b", "p": "b", "t": "t", "d": "d", "r": "r", "z": "z", "s": "s", "f": "f",
             "v": "f", "l": "l", "m": "m", "n": "n", "h": "h", "k": "k", "q": "k", "c": "k",
             "g": "k", "j": "k", "x": "ks"}  # fmt: skip
_LAT_ARTICLES = {"al", "el", "ul", "il", "an", "ar", "as", "ash", "ad", "at", "az", "ath",
                 "adh", "al-", "the"}  # fmt: skip
_LAT_TITLES = {"king", "president", "sheikh", "shaikh", "sheik", "prince", "emir", "amir",
               "dr", "mr", "mrs", "general", "gen", "sultan", "imam", "queen", "minister",
               "crown"}  # fmt: skip
#: Latin endings of nisba plurals/collectives folded to the singular nisba "-i".
_LAT_NISBA = re.compile(r"(?:iyy?(?:oun|un|een|in|oon|ah|a)|is|ites?|ies)$")
_AR_NISBA = re.compile(r"(?:يون|يين|ية|ي)$")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def latin_words(text: str) -> list[str]:
    """Lower-case ASCII words of a Latin text; hyphens, apostrophes and ʿ/ʾ split or vanish."""
    plain = re.sub(r"[’'`ʿʾ‘]", "", _ascii(text.replace("ʿ", "").replace("ʾ", "")))
    return [w for w in re.split(r"[^a-z0-9]+", plain) if w]


def latin_key(text: str) -> str:
    """Normalised Latin spelling: "Al-Assad" → "asad", "Mohammed" → "muhamad" (vowels kept)."""
    out = []
    for w in latin_words(text):
        if w in _LAT_ARTICLES:
            continue
        w = re.sub(r"(.)\1+", r"\1", w)
        w = w.replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("o", "u")
        out.append(w)
    return " ".join(out)


def _lat_skeleton(w: str) -> str:
    if re.fullmatch(r"abd[aeiou][lr]?", w):
        return "abd"
    if w in ("allah", "alla", "ullah", "illah"):  # الله: the article is part of the word
        return "l"
    m = re.match(r"abd[aeiou](?:l|r(?=r))(?=.)", w)
    if m:  # "Abdulaziz" = "Abd al-Aziz", "Abdullah" = "Abd Allah"
        rest = w[m.end() - 1 :] if w[m.end() - 1] == "l" and w[m.end() :][:1] == "l" else w[m.end() :]
        return "abd_" + _lat_skeleton(rest) if rest else "abd"
    initial = "a" if w[:1] in "aeiou" else ""
    w = re.sub(r"(.)\1+", r"\1", w)
    for a, b in _LAT_DIGRAPHS:
        w = w.replace(a, b)
    w = re.sub(r"h+$", "", w)  # final -ah / -eh is ة or a weak h on the Arabic side
    return initial + re.sub(r"(.)\1+", r"\1", "".join(_LAT_SKEL.get(ch, "") for ch in w))


def _ar_skeleton(w: str) -> str:
    if w.startswith(("ال", "آل")) and len(w) > 3:
        w = w[2:]
    if not w:
        return ""
    initial = "a" if w[0] in _AR_INITIAL_VOWEL else ""
    while w and w[-1] in "ةهح":  # Latin drops a final "-h" (Fattah, Abdullah) as well
        w = w[:-1]
    skel = "".join(AR_SKELETON.get(ch, "") for ch in w)
    return initial + re.sub(r"(.)\1+", r"\1", skel)


def _word_alternatives(w: str, arabic: bool) -> list[str]:
    """Skeletons of one word: as written, and with a nisba plural folded to the nisba."""
    if arabic:
        if w in ("بن", "ابن", "بنت"):
            return ["bn"]
        out = [_ar_skeleton(w)]
        bare = _AR_NISBA.sub("", w)
        if bare != w and len(bare) >= 3:
            out.append(_ar_skeleton(bare))
        return [s for s in dict.fromkeys(out) if s]
    if w in ("bin", "ben", "ibn", "bint", "bn"):
        return ["bn"]
    out = [_lat_skeleton(w)]
    bare = _LAT_NISBA.sub("", w)
    if bare != w and len(bare) >= 3:
        out.append(_lat_skeleton(bare))
    return [s for s in dict.fromkeys(out) if s]


def _arabic_units(name: str) -> list[str]:
    words = _clean(name).replace("-", " ").split()
    out: list[str] = []
    for w in words:
        if w.startswith("عبدال") and len(w) > 5:  # "عبدالعزيز" = "عبد العزيز"
            out.extend(["عبد", w[3:]])
        elif w.startswith(("أبو", "ابو")) and len(w) > 5 and w[3:].startswith("ال"):
            out.extend([w[:3], w[3:]])
        elif w not in ("ال", "آل"):
            out.append(w)
    return out


def word_skeletons(name: str) -> list[list[str]]:
    """Per word of ``name`` (Arabic or Latin), its skeleton alternatives; titles and
    articles are dropped, "bin/ibn/بن" become ``bn``."""
    if _AR_LETTER.search(name) and not _LATIN.search(name):
        units = _arabic_units(name)
        return [alts for u in units if (alts := _word_alternatives(u, True))]
    words = [w for w in latin_words(name) if w not in _LAT_ARTICLES]
    while len(words) > 1 and words[0] in _LAT_TITLES:
        words = words[1:]
    return [alts for w in words if (alts := _word_alternatives(w, False))]


def _joined(parts: list[list[str]], limit: int = 16) -> list[str]:
    """Every combination of the per-word alternatives, words joined by "_" (capped)."""
    combos = [""]
    for alts in parts:
        combos = [f"{c}_{a}" if c else a for c in combos for a in alts][:limit]
    return combos


def match_keys(query: str) -> list[str]:
    """Keys a query must equal (one of) to match a name key from :func:`name_keys`."""
    parts = word_skeletons(query)
    if not parts:
        return []
    keys = _joined(parts)
    # a one-word query written as two ("Hizb Allah") or two as one ("Hezbollah")
    flat = ["".join(k.split("_")) for k in keys]
    return [k for k in dict.fromkeys(keys + flat) if len(k.replace("_", "")) >= 2]


def name_keys(names: Iterable[str], max_words: int = 6) -> list[str]:
    """Search keys of an identity's names: the skeleton of every run of consecutive words
    (so "Assad" finds "بشار الأسد"), each also with its words run together."""
    out: dict[str, None] = {}
    for name in names:
        parts = word_skeletons(name)[:max_words]
        for i in range(len(parts)):
            for j in range(i + 1, len(parts) + 1):
                if j - i == 1 and parts[i] == ["bn"]:
                    continue
                for k in _joined(parts[i:j]):
                    if len(k.replace("_", "")) >= 2:
                        out[k] = None
                        out[k.replace("_", "")] = None
    return list(out)


def spelling_keys(names: Iterable[str], max_words: int = 6) -> list[str]:
    """:func:`latin_key` of every run of consecutive words of Latin ``names`` (Arabic names
    are skipped): what a query typed with the same spelling equals."""
    out: dict[str, None] = {}
    for name in names:
        if not is_latin_query(name):
            continue
        words = latin_key(name).split()[:max_words]
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                out[" ".join(words[i:j])] = None
    return [k for k in out if len(k) >= 2]


def pack_keys(keys: Iterable[str]) -> str:
    """Keys as stored in one text column: ``|k1|k2|`` (a LIKE ``%|k|%`` finds one)."""
    ks = list(dict.fromkeys(keys))
    return "|" + "|".join(ks) + "|" if ks else ""


def is_latin_query(text: str) -> bool:
    """Does ``text`` ask in Latin script (Latin letters and no Arabic ones)?"""
    return bool(_LATIN.search(text)) and not _AR_LETTER.search(text)

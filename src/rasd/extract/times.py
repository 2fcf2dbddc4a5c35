"""Time expressions (TIMEX3-like) normalized against the publication date: the ``times`` layer.

Each span's ``label`` is the TIMEX3 type (DATE, TIME, DURATION, SET) and its attrs hold
``value`` (ISO 8601: ``2021-11-01``, ``2021-W43``, ``2021-06``, ``2021``, ``199`` for a decade,
``P3D`` for a duration, or ``PAST_REF``/``PRESENT_REF``/``FUTURE_REF``), ``anchor``
(``"publication"`` for deictic expressions resolved against the publication date,
``"absolute"`` otherwise) and ``mod`` (START/MID/END) when a position word qualifies a period.
Relative expressions in a document without a publication date keep ``value`` = None and an
``offset`` attr, so they can be resolved later.

Why rules and not a model: the value is the point, and values are arithmetic over a calendar
(ISO weeks, Hijri months, "the nearest past Monday"), which rules do exactly.  Matching runs
over the text layer's tokens re-joined per orthographic word and folded (alef/yaa/taa forms,
Arabic-Indic digits), so one pattern covers spelling variants and clitics ("و2016",
"بالأمس"); matches are mapped back to original offsets through the tokens.

Conventions (those of the seed gold, ``tests/reference/alhal-2021-11-01.gold.json``):
"خلال" before an expression belongs to its extent ("خلال الأسبوع الفائت" → ISO week before the
publication week), and so do "منذ"/"قبل"/"بعد" when they make a duration into a date ("منذ ثلاثة
أيام" = three days before publication); "في" does not.  Years in a list ("2011 و2016 و2017")
are separate DATEs.  Vague past/present/future words ("مؤخراً", "حالياً", "قريباً") get the
``*_REF`` values.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rasd.config import Config
from rasd.doc import Document, Span, trusted_span
from rasd.extract import timewords as W
from rasd.extract.regexfirst import first_chars
from rasd.lang.ar.normalize import fold_key, normalize, normalize_key
from rasd.lang.ar.textview import text_view
from rasd.lang.ar.tokenize import Tokens, Word, tokenize_words
from rasd.pipeline import component

_FOLDED: dict[str, str] = {}


def F(s: str) -> str:
    """Fold a pattern or word the way token keys are folded (length-preserving).

    Memoized: rules fold their literal words where they test them (``pre == F("منذ")``),
    which would otherwise call the normalizer for every candidate.
    """
    f = _FOLDED.get(s)
    if f is None:
        f = _FOLDED[s] = fold_key(s)
    return f


def _alt(words: Sequence[str]) -> str:
    """Regex alternation of folded words as a prefix trie (longer continuations tried first).

    Python's ``re`` tries alternatives one by one; factoring common prefixes ("تشرين الأول",
    "تشرين الثاني", "يونيو", "يوليو" …) makes the big vocabularies several times cheaper.
    """
    trie: dict = {}
    for w in {F(w) for w in words}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _emit(trie) + ")"


def _emit(node: dict) -> str:
    alts = [
        (" " if ch == " " else re.escape(ch)) + _emit(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if "" in node:
        alts.append("")
    if len(alts) == 1:
        return alts[0]
    return "(?:" + "|".join(alts) + ")"


# ----------------------------------------------------------------------------------------------
# Lookup tables in folded form
MONTHS = {F(k): v for k, v in W.MONTHS.items()}
AMBIG_MONTHS = {F(k) for k in W.AMBIGUOUS_MONTHS}
HMONTHS = {F(k): v for k, v in W.HIJRI_MONTHS.items()}
AMBIG_HMONTHS = {F(k) for k in W.AMBIGUOUS_HIJRI}
WEEKDAYS = {F(k): v for k, v in W.WEEKDAYS.items()}
AMBIG_WEEKDAYS = {F(k) for k in W.AMBIGUOUS_WEEKDAYS}
ORDINALS = {F(k): v for k, v in W.ORDINALS.items()}
UNITS = {F(k): v for k, v in W.UNITS.items()}
PAST = {F(k) for k in W.PAST_MODS}
FUTURE = {F(k) for k in W.FUTURE_MODS}
CURRENT = {F(k) for k in W.CURRENT_MODS}
POSMODS = {F(k): v for k, v in W.POSITION_MODS.items()}
DECADES = {F(k): v for k, v in W.DECADES.items()}
PARTS = {F(k): v for k, v in W.PARTS_OF_DAY.items()}
CLOCK_ADV = {F(k): v for k, v in W.CLOCK_ADVERBS.items()}
SEASONS = {F(k): v for k, v in W.SEASONS.items()}

CARD: dict[str, int] = {}
for _u, _n in W.UNITS_CARD.items():
    CARD[F(_u)] = _n
    CARD[F(f"{_u} عشر")] = 10 + _n
    CARD[F(f"{_u} عشرة")] = 10 + _n
    for _t, _m in W.TENS_CARD.items():
        CARD[F(f"{_u} و{_t}")] = _m + _n
for _t, _m in {**W.TENS_CARD, **W.OTHER_CARD}.items():
    CARD[F(_t)] = _m

# ----------------------------------------------------------------------------------------------
# Regex building blocks (token keys joined by single spaces)
CL = r"(?<![^ ])(?:[وف]?[بلك]?)"  # optional proclitics, outside the extent
END = r"(?![^ ])"
MONTH = _alt(list(MONTHS))
HMONTH = _alt(list(HMONTHS))
WEEKDAY = _alt(list(WEEKDAYS))
ORD = _alt(list(ORDINALS))
CARDW = _alt(list(CARD))
NUM = rf"(?:\d{{1,3}}|{CARDW})"
DAYN = rf"(?:\d{{1,2}}|{_alt([*ORDINALS, 'فاتح', 'الفاتح', 'غرة', 'مستهل'])})"
YEAR4 = r"(?:1[89]\d\d|20\d\d)"
MOD_P = _alt(list(PAST))
MOD_F = _alt(list(FUTURE))
MOD_C = _alt(list(CURRENT))
MOD = rf"(?:{MOD_P}|{MOD_F}|{MOD_C})"
POS = _alt(list(POSMODS))
SEP = r"(?: ?[/\\\-–] ?| \( ?)"  # between paired month names: "يونيو/حزيران", "آذار (مارس)"
MONTHX = rf"(?P<m1>{MONTH})(?:{SEP}(?P<m2>{MONTH})(?: \))?)?"
YEARPART = rf"(?: (?:من )?(?:{F('عام')} |{F('العام')} |{F('سنة')} )?(?P<y>{YEAR4})(?: {F('م')})?)"
GREG_MARK = F("(?: م| ميلادي| ميلادية| للميلاد)")
HIJRI_MARK = F("(?: ?/? ?ه| هجري| هجرية| للهجرة)")
UNIT = _alt(list(UNITS))
PERIOD = F("(?:اليوم|الأسبوع|الشهر|العام|السنة|العقد|القرن)")
PERIOD_UNIT = {F("اليوم"): "D", F("الأسبوع"): "W", F("الشهر"): "M", F("العام"): "Y",
               F("السنة"): "Y", F("العقد"): "DE", F("القرن"): "CE"}
PLURAL_PERIODS = F("(?:الأيام|الأسابيع|الأشهر|الشهور|السنوات|السنين|الأعوام|العقود|الساعات)")


@dataclass
class Cand:
    """A matched expression before resolution: word-stream offsets and a resolver."""

    a: int
    b: int
    tag: str
    resolve: Callable[[dt.date | None], dict[str, Any]]
    priority: int = 0
    m: re.Match[str] | None = None
    info: dict[str, Any] = field(default_factory=dict)


# ----------------------------------------------------------------------------------------------
# Calendar helpers
def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _shift(anchor: dt.date, unit: str, k: int) -> str:
    """The period ``k`` units away from ``anchor`` at the unit's own granularity."""
    if unit == "D":
        return (anchor + dt.timedelta(days=k)).isoformat()
    if unit == "W":
        return _week(anchor + dt.timedelta(weeks=k))
    if unit == "M":
        y, m = _shift_month(anchor.year, anchor.month, k)
        return f"{y:04d}-{m:02d}"
    if unit == "Y":
        return f"{anchor.year + k:04d}"
    if unit == "DE":
        return f"{anchor.year // 10 + k:03d}"
    if unit == "CE":
        return f"{anchor.year // 100 + k:02d}"
    return anchor.isoformat()  # hours and minutes: the publication day


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


_DAY_ONE = {F("فاتح"), F("الفاتح"), F("غرة"), F("مستهل")}


def _num(s: str) -> int | None:
    s = s.strip()
    if s.isdigit():
        return int(s)
    if s in _DAY_ONE:
        return 1
    return CARD.get(s, ORDINALS.get(s))


def hijri_to_gregorian(y: int, m: int, d: int) -> dt.date:
    """Umm al-Qura conversion via ``hijridate`` (1 Ramadan 1445 → 2024-03-11)."""
    from hijridate import Hijri

    g = Hijri(y, m, d).to_gregorian()
    return dt.date(g.year, g.month, g.day)


def gregorian_to_hijri(d: dt.date) -> tuple[int, int, int]:
    from hijridate import Gregorian

    h = Gregorian(d.year, d.month, d.day).to_hijri()
    return h.year, h.month, h.day


def _hijri_month_span(y: int, m: int) -> tuple[dt.date, dt.date]:
    from hijridate import Hijri

    first = Hijri(y, m, 1)
    return hijri_to_gregorian(y, m, 1), hijri_to_gregorian(y, m, first.month_length())


# ----------------------------------------------------------------------------------------------
# The word stream: one folded key per orthographic word, joined by spaces

#: (first allowed match start, last allowed match start, end limit) in the joined string
Window = tuple[int, int, int]

@dataclass
class Stream:
    text: str  # original document text
    joined: str
    pos: list[int]  # start of each word in ``joined``
    words: Sequence[Word]  # the text layer's words (original offsets), one per key
    fut: list[bool]  # word carries the future clitic س / is "سوف"
    keys: list[str] = field(default_factory=list)
    _index: dict[str, list[int]] | None = None
    _hits: dict[int, list[int]] = field(default_factory=dict)  # id(anchor set) -> positions

    def index(self) -> dict[str, list[int]]:
        """Word form (and its clitic-stripped forms, "#" for numbers) → word positions."""
        if self._index is None:
            idx: dict[str, list[int]] = {}
            for i, k in enumerate(self.keys):
                for v in _variants(k):
                    idx.setdefault(v, []).append(i)
            self._index = idx
        return self._index

    def around(self, words: frozenset[str], before: int, after: int) -> list[Window]:
        """Windows of ``before``/``after`` words around any word of ``words``.

        Each rule is anchored on a closed vocabulary (month names, units, "الساعة" …) and runs
        its regex only there: most of a news text cannot hold a time expression, and scanning
        it all with every rule would cost more than tokenizing.  A window is ``(a, last, b)``:
        a match may start at a word from ``a`` up to the anchor word at ``last`` (every
        expression contains an anchor word) and must end by ``b``.
        """
        # rules sharing an anchor set find its hits once (the sets are module constants:
        # :data:`RULE_ANCHORS`, so their ids are stable)
        hits = self._hits.get(id(words))
        if hits is None:
            idx = self.index()
            hits = [i for w, ii in idx.items() if w in words for i in ii]  # idx is small
            if len(hits) > 1:
                hits = sorted(set(hits))
            self._hits[id(words)] = hits
        if not hits:
            return []
        out: list[Window] = []
        keys, pos = self.keys, self.pos
        last = len(keys) - 1
        for i in hits:
            a = pos[i - before if i > before else 0]
            j = i + after if i + after < last else last
            b = pos[j] + len(keys[j])
            if out and a <= out[-1][2]:
                pa, _, pb = out[-1]
                out[-1] = (pa, pos[i], b if b > pb else pb)
            else:
                out.append((a, pos[i], b))
        return out

    def word_at(self, a: int) -> int:
        return bisect.bisect_right(self.pos, a) - 1

    def to_original(self, a: int, b: int) -> tuple[int, int]:
        i = self.word_at(a)
        j = self.word_at(b - 1)
        return self._map(i, a - self.pos[i], True), self._map(j, b - self.pos[j], False)

    def _map(self, i: int, p: int, start: bool) -> int:
        w = self.words[i]
        s, e = w.start, w.end
        n = len(self.joined_word(i))
        if start and p == 0:
            return s
        if not start and p >= n:
            return e
        if e - s == n:  # no marks inside the word: positions coincide
            return s + p
        view = normalize(self.text[s:e])
        if len(view.text) != n:
            return s if start else e
        return s + (view.starts[p] if start else view.ends[p - 1])

    def joined_word(self, i: int) -> str:
        if len(self.keys) == len(self.pos):  # ``joined`` is the keys joined by single spaces
            return self.keys[i]
        end = self.pos[i + 1] - 1 if i + 1 < len(self.pos) else len(self.joined)
        return self.joined[self.pos[i] : end]


_SAWF = F("سوف")


def stream_from_words(
    text: str, words: Sequence[Word], fut_words: Sequence[int] = (), a: int = 0,
    b: int | None = None,
) -> Stream:
    """The word stream of ``words[a:b]`` (the text layer's whole words, clitics on).

    ``fut_words`` are the indices (into ``words``) of words carrying the future clitic س.
    One plain loop over the words: it runs for every document, and compiled (``rasd.native``)
    a typed loop beats chains of ``map``/``accumulate`` calls, which are no slower as Python.
    """
    ws = list(words[a:b] if a or b is not None else words)
    n = len(ws)
    if not n:
        return Stream(text, "", [], [], [], [], {})
    surface = ANCHOR_SURFACES  # anchors with their possible proclitics: one set test a word
    keys: list[str] = []
    pos: list[int] = []  # start of each word in the joined string (one space between words)
    anchors: list[int] = []
    fut = [False] * n
    sawf = _SAWF
    p = 0
    for i, w in enumerate(ws):
        k: str = w[3]  # Word.key
        keys.append(k)
        pos.append(p)
        p += len(k) + 1
        # an anchor, or a number: a digit among the first two characters ("2016", "G7");
        # Arabic words hold no digit, so only other kinds need the test
        if k in surface or (w[4] != "word" and (k[:1].isdigit() or k[1:2].isdigit())):
            anchors.append(i)
        elif k == sawf:
            fut[i] = True
    for j in fut_words:
        if a <= j and (b is None or j < b):
            fut[j - a] = True
    idx: dict[str, list[int]] = {}
    for j in anchors:
        for v in _variants(keys[j]):
            if v in idx:
                idx[v].append(j)
            else:
                idx[v] = [j]
    st = Stream(text, " ".join(keys), pos, ws, fut, keys)
    st._index = idx
    return st


def _variants_all(k: str) -> tuple[str, ...]:
    """``k`` and its forms without one or two proclitics ("وفي" → "في")."""
    out = [k]
    if len(k) > 2 and k[0] in "وفبلك":
        out.append(k[1:])
        if len(k) > 3 and k[1] in "بلك":
            out.append(k[2:])
    return tuple(out)


_VARIANTS: dict[str, tuple[str, ...]] = {}


def _variants(k: str) -> tuple[str, ...]:
    """The anchor words ``k`` stands for: itself or its forms without one or two proclitics
    when they are anchors, ``#`` for numbers.  Memoized: news vocabulary is Zipfian."""
    v = _VARIANTS.get(k)
    if v is None:
        A = ALL_ANCHORS
        out = []
        if k in A:
            out.append(k)
        if len(k) > 2 and k[0] in "وفبلك":
            if k[1:] in A:
                out.append(k[1:])
            if len(k) > 3 and k[1] in "بلك" and k[2:] in A:
                out.append(k[2:])
        if k[:1].isdigit() or k[1:2].isdigit():
            out.append("#")
        v = _VARIANTS[k] = tuple(out)
    return v


def stream_for(doc: Document) -> Stream:
    """The whole-document word stream, built once per document (``places`` matches names on
    it); a document view derived from the tokens layer."""
    st = doc.view("time_stream")
    if st is None:
        tv = text_view(doc)
        st = stream_from_words(doc.text, tv.words, tv.fut_words)
        doc.set_view("time_stream", st, ("tokens",))
    return st


def stream_from_text(text: str) -> Stream:
    """Tokenize ``text`` and build its whole word stream."""
    tv = tokenize_words(text)
    return stream_from_words(text, tv.words, tv.fut_words)


#: Tokens kept before/after an anchor piece: more than any expression spans and than the
#: look-back of the context checks (future tense: 12 words).  Numbers alone (years, numeric
#: dates) need less context.
WINDOW_BEFORE, WINDOW_AFTER = 22, 16
NUMBER_WINDOW_BEFORE, NUMBER_WINDOW_AFTER = 6, 8


# ----------------------------------------------------------------------------------------------
# Resolution helpers shared by the rules
def _rel(unit: str, k: int, mod: str | None = None, typ: str = "DATE") -> Callable:
    def res(anchor: dt.date | None) -> dict[str, Any]:
        out: dict[str, Any] = {"type": typ, "anchor": "publication"}
        if mod:
            out["mod"] = mod
        if anchor is None:
            out["value"] = None
            out["offset"] = f"{k:+d}{unit}"
        else:
            out["value"] = _shift(anchor, unit, k)
        return out

    return res


def _fixed(value: str | None, typ: str = "DATE", **extra: Any) -> Callable:
    def res(anchor: dt.date | None) -> dict[str, Any]:
        return {"type": typ, "value": value, "anchor": "absolute", **extra}

    return res


def _ref(value: str) -> Callable:
    def res(anchor: dt.date | None) -> dict[str, Any]:
        return {"type": "DATE", "value": value, "anchor": "publication"}

    return res


def _mod_dir(word: str | None) -> int | None:
    """-1 past, +1 future, 0 current, None absent."""
    if not word:
        return None
    if word in PAST:
        return -1
    if word in FUTURE:
        return 1
    if word in CURRENT:
        return 0
    return None


def _month_year(m: int, direction: int | None, anchor: dt.date, future_ctx: bool) -> int:
    """Year of a month named without one, per news convention (nearest, tense-aware)."""
    y = anchor.year
    if direction == -1:
        return y if m < anchor.month else y - 1
    if direction == 1:
        return y if m > anchor.month else y + 1
    if direction == 0:
        return y
    if future_ctx and m < anchor.month - 1:
        return y + 1
    if not future_ctx and m > anchor.month + 1:
        return y - 1
    return y


def _weekday_date(wd: int, anchor: dt.date, direction: int | None, future_ctx: bool) -> dt.date:
    """Date of a weekday named in a news story: the nearest past one (or today) by default,
    the next one in a future-tense sentence or with "المقبل", last week's with "الماضي"."""
    diff = (anchor.isoweekday() - wd) % 7
    if direction == -1:
        return anchor - dt.timedelta(days=diff or 7)
    if direction == 1 or (direction is None and future_ctx and diff):
        ahead = (wd - anchor.isoweekday()) % 7
        return anchor + dt.timedelta(days=ahead or 7)
    return anchor - dt.timedelta(days=diff)


# ----------------------------------------------------------------------------------------------
# Rules.  Each returns candidates; the overlap resolver keeps the longest, then the highest
# priority.
Rule = Callable[[Stream], list[Cand]]
RULES: list[Rule] = []


def rule(func: Rule) -> Rule:
    RULES.append(func)
    return func


def _matches(pattern: re.Pattern[str], s: Stream, windows: list[Window]
             ) -> list[re.Match[str]]:
    """The matches of ``pattern`` that start in ``windows`` (see :meth:`Stream.around`), as
    ``finditer`` would give them (leftmost, non-overlapping), tried only where a word starts.

    Every rule pattern opens with ``(?<![^ ])``: a match can only start at a word, so trying
    the few word starts before an anchor finds what a scan of every character of the window
    finds, without the regex engine's failed attempt at each position.
    """
    out: list[re.Match[str]] = []
    joined = s.joined
    pos = s.pos
    n = len(pos)
    match = pattern.match  # bound once: a method lookup per call costs as much as a try
    # the characters a match can start with: a word starting otherwise is not tried at all
    chars, digits = _first_chars(pattern)
    for a, last, b in windows:
        k = bisect.bisect_left(pos, a)
        end = a
        while k < n:
            p = pos[k]
            if p > last:
                break
            k += 1
            if p < end:
                continue  # inside the previous match
            if chars is not None:
                c = joined[p]
                if c not in chars and not (digits and c.isdecimal()):
                    continue
            m = match(joined, p, b)
            if m is not None:
                out.append(m)
                end = m.end()
    return out


#: id of a rule pattern (a module constant) -> (first characters or None for "any", digits
#: too); by id, as hashing a Pattern hashes its whole compiled program
_FIRST: dict[int, tuple[frozenset[str] | None, bool]] = {}


def _first_chars(pattern: re.Pattern[str]) -> tuple[frozenset[str] | None, bool]:
    """:func:`rasd.extract.regexfirst.first_chars` of a rule pattern, memoized."""
    hit = _FIRST.get(id(pattern))
    if hit is None:
        f = first_chars(pattern)
        hit = _FIRST[id(pattern)] = (f.chars, f.digits) if f is not None else (None, False)
    return hit


def _cands(
    pattern: re.Pattern[str],
    s: Stream,
    build: Callable[[re.Match[str], Stream], Cand | None],
    windows: list[Window],
) -> list[Cand]:
    out = []
    for m in _matches(pattern, s, windows):
        c = build(m, s)
        if c is not None:
            out.append(c)
    return out


_FUTURE_CUES = FUTURE | {F(w) for w in ("المقرر", "المتوقع", "المنتظر", "المرتقب", "سوف",
                                         "يرتقب", "يتوقع", "تعتزم", "يعتزم")}


_PAST_CUES = {F("منذ"), F("قبل")}
_AN = {F("أن"), F("ان")}
_ALA = {F("على"), F("وعلى")}
_BACKWARD = {F(w) for w in ("بعد", "بعدما", "إثر", "اثر", "عقب", "منذ")}
_SENT_END = {".", "!", "؟", "?"}
_COMMAS = {"،", ","}


_CTX_WORDS = frozenset(_FUTURE_CUES | _AN | _SENT_END | _COMMAS)


def _future_ctx(s: Stream, a: int, window: int = 12) -> bool:
    """Is the expression in a future-tense context: a future clitic (سـ), "سوف", "المقبل",
    "من المقرر" … among the preceding words of its sentence?"""
    i = s.word_at(a)
    if i > 0 and s.keys[i - 1].lstrip("وف") in _PAST_CUES:
        return False  # "منذ مساء السبت": since, so past
    lo = max(0, i - window)
    keys, fut = s.keys, s.fut
    for j in range(i - 1, lo - 1, -1):
        if fut[j]:
            return True
        k = keys[j]
        if k not in _CTX_WORDS:  # one set test for most words
            continue
        if k in _SENT_END:
            break
        if k in _COMMAS:
            if j + 1 < i and keys[j + 1].lstrip("و") in _BACKWARD:
                break  # "…المقبلة، بعد صيف جاف عرفت فيه…": a clause about what came before
        elif k in _FUTURE_CUES or (j > 0 and keys[j - 1] in _ALA):
            return True  # a future cue, or "على أن تجري …" (a planned event)
    return any(fut[i : i + 3])


def _prev_word(s: Stream, a: int) -> str:
    i = s.word_at(a)
    return s.joined_word(i - 1) if i > 0 else ""


def _next_word(s: Stream, b: int) -> str:
    i = s.word_at(b - 1)
    return s.joined_word(i + 1) if i + 1 < len(s.pos) else ""


# --- calendar dates: [weekday] day month [year] [mod], month [year], pairs -------------------
_DAYMONTH = re.compile(
    rf"{CL}(?P<x>(?:(?P<deic>{F('اليوم')}|{F('أمس')}) (?:، )?)?"
    rf"(?:(?:{F('يوم')} )?(?P<wd>{WEEKDAY}) (?:، |, )?)?"
    rf"(?:{F('يوم')} )?(?P<d>{DAYN}) (?:{F('من')} )?(?:{F('شهر')} )?{MONTHX}{YEARPART}?{GREG_MARK}?"
    rf"(?: (?P<mod>{MOD}))?){END}"
)
_MONTHONLY = re.compile(
    rf"{CL}(?P<x>(?:(?P<pos>{POS}) )?(?P<shahr>{F('شهر')} )?{MONTHX}{YEARPART}?{GREG_MARK}?"
    rf"(?: (?P<mod>{MOD}))?){END}"
)


_NUM_ANCHOR = frozenset(["#"])
_MONTH_ANCHORS = frozenset(k.split(" ")[0] for k in MONTHS)
_HIJRI_ANCHORS = frozenset(k.split(" ")[0] for k in HMONTHS)


def _month_value(m: re.Match[str]) -> int:
    return MONTHS[m.group("m1")]


def _pair_ok(m: re.Match[str]) -> bool:
    m2 = m.group("m2")
    return not m2 or MONTHS[m2] == MONTHS[m.group("m1")]


@rule
def day_month(s: Stream) -> list[Cand]:
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        if not _pair_ok(m):
            return None
        d = _num(m.group("d"))
        mon = _month_value(m)
        if d is None or not 1 <= d <= 31:
            return None
        y = int(m.group("y")) if m.group("y") else None
        direction = _mod_dir(m.group("mod"))
        wd = WEEKDAYS.get(m.group("wd") or "")
        fut = _future_ctx(s, m.start("x"))

        def res(anchor: dt.date | None) -> dict[str, Any]:
            if y is not None:
                yy = y
            elif anchor is not None:
                yy = _month_year(mon, direction, anchor, fut)
            else:
                return {"type": "DATE", "value": f"XXXX-{mon:02d}-{d:02d}", "anchor": "publication"}
            if not _valid(yy, mon, d):
                return {"type": "DATE", "value": None, "anchor": "absolute"}
            return {
                "type": "DATE",
                "value": f"{yy:04d}-{mon:02d}-{d:02d}",
                "anchor": "absolute" if y is not None else "publication",
            }

        return Cand(m.start("x"), m.end("x"), "daymonth", res, 5, m,
                    {"y": y, "m": mon, "d": d, "wd": wd,
                     "today": m.group("deic") == F("اليوم")})

    return _cands(_DAYMONTH, s, build, s.around(_MONTH_ANCHORS, 8, 6))


def _month_nearby(s: Stream, a: int, n: int = 3) -> bool:
    """An unambiguous month name among the ``n`` previous words ("بين جانفي وماي")."""
    i = s.word_at(a)
    for j in range(max(0, i - n), i):
        k = s.keys[j]
        for v in (k, k[1:]):
            if v in MONTHS and v not in AMBIG_MONTHS:
                return True
    return False


_DAY_RANGE = re.compile(
    rf"{CL}(?P<x>(?P<d0>{DAYN})) (?:{F('و')} ?|- |– |{F('إلى')} |{F('الى')} |{F('حتى')} )"
    rf"(?:{F('يوم')} )?(?P<d>{DAYN}) (?:{F('من')} )?(?:{F('شهر')} )?{MONTHX}{YEARPART}?(?: (?P<mod>{MOD}))?"
    rf"(?![^ ])"
)


@rule
def day_range(s: Stream) -> list[Cand]:
    """The first day of "بين 10 و12 نوفمبر", "من 1 إلى 5 أيار": same month as the second."""

    def build(m: re.Match[str], s: Stream) -> Cand | None:
        if not _pair_ok(m):
            return None
        d0, d = _num(m.group("d0")), _num(m.group("d"))
        if d0 is None or d is None or not 1 <= d0 < d <= 31:
            return None
        mon = _month_value(m)
        y = int(m.group("y")) if m.group("y") else None
        direction = _mod_dir(m.group("mod"))
        fut = _future_ctx(s, m.start("x"))

        def res(anchor: dt.date | None) -> dict[str, Any]:
            if y is not None:
                yy = y
            elif anchor is None:
                return {"type": "DATE", "value": f"XXXX-{mon:02d}-{d0:02d}", "anchor": "publication"}
            else:
                yy = _month_year(mon, direction, anchor, fut)
            v = f"{yy:04d}-{mon:02d}-{d0:02d}" if _valid(yy, mon, d0) else None
            return {"type": "DATE", "value": v,
                    "anchor": "absolute" if y is not None else "publication"}

        return Cand(m.start("x"), m.end("x"), "daymonth", res, 5, m)

    return _cands(_DAY_RANGE, s, build, s.around(_MONTH_ANCHORS, 8, 3))


#: Prepositions before an ambiguous month name that make it a month ("في مارس", "إلى تموز").
_MONTH_PREPS = {F(w) for w in ("في", "منذ", "حتى", "إلى", "الى", "خلال", "بين", "قبل", "بعد")}


def _listed_month(s: Stream, b: int) -> tuple[int, int | None] | None:
    """A month name listed right after a month ("تموز وآب 2018"): (its month, its year)."""
    i = s.word_at(b - 1) + 1
    keys = s.keys
    if i >= len(keys) or not keys[i].startswith(F("و")):
        return None
    k = keys[i][1:] or (keys[i + 1] if i + 1 < len(keys) else "")
    j = i if keys[i][1:] else i + 1
    if k not in MONTHS:
        return None
    nxt = keys[j + 1] if j + 1 < len(keys) else ""
    return MONTHS[k], int(nxt) if len(nxt) == 4 and nxt.isdigit() and nxt[:2] in ("18", "19", "20") else None


@rule
def month_only(s: Stream) -> list[Cand]:
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        if not _pair_ok(m):
            return None
        mon = _month_value(m)
        y = int(m.group("y")) if m.group("y") else None
        listed = None if y is not None else _listed_month(s, m.end("x"))
        if listed is not None:
            y = listed[1]  # "تموز وآب 2018": the list shares its year
        if (
            m.group("m1") in AMBIG_MONTHS
            and not m.group("m2")
            and y is None
            and not m.group("shahr")
            and not m.group("pos")
            and not m.group("mod")  # "مارس الماضي"
            and listed is None
            and _prev_word(s, m.start("x")).lstrip("وف") not in _MONTH_PREPS  # "في مارس"
            and not _month_nearby(s, m.start("x"))
        ):
            return None
        direction = _mod_dir(m.group("mod"))
        pos = POSMODS.get(m.group("pos") or "")
        fut = _future_ctx(s, m.start("x"))

        def res(anchor: dt.date | None) -> dict[str, Any]:
            out: dict[str, Any] = {"type": "DATE", "anchor": "absolute"}
            if pos:
                out["mod"] = pos
            if y is not None:
                out["value"] = f"{y:04d}-{mon:02d}"
            elif anchor is not None:
                out["value"] = f"{_month_year(mon, direction, anchor, fut):04d}-{mon:02d}"
                out["anchor"] = "publication"
            else:
                out["value"] = f"XXXX-{mon:02d}"
                out["anchor"] = "publication"
            return out

        return Cand(m.start("x"), m.end("x"), "month", res, 4, m)

    return _cands(_MONTHONLY, s, build, s.around(_MONTH_ANCHORS, 3, 6))


# --- numeric dates: 12/05/2023, 2023/05/12, 12.05.2023 ----------------------------------------
_NUMDATE = re.compile(
    r"(?<![^ ])(?P<x>(?:(?P<d>\d{1,2})(?P<s1> ?[/\-.] ?)(?P<m>\d{1,2})(?P=s1)(?P<y>\d{4})"
    r"|(?P<y2>\d{4})(?P<s2> ?[/\-.] ?)(?P<m2>\d{1,2})(?P=s2)(?P<d2>\d{1,2})))"
    + GREG_MARK.replace("(?:", "(?:", 1) + "?" + END
)


@rule
def numeric_date(s: Stream) -> list[Cand]:
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        if m.group("y"):
            y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        else:
            y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        if not _valid(y, mo, d) or not 1800 <= y <= 2100:
            # 1443/03/15 هـ style Hijri numeric dates
            if 1300 <= y <= 1500 and 1 <= mo <= 12 and 1 <= d <= 30:
                try:
                    g = hijri_to_gregorian(y, mo, d)
                except (ValueError, OverflowError):
                    return None
                return Cand(m.start("x"), m.end("x"), "numdate",
                            _fixed(g.isoformat(), calendar="hijri",
                                   hijri=f"{y:04d}-{mo:02d}-{d:02d}"), 6, m,
                            {"y": g.year, "m": g.month, "d": g.day})
            return None
        return Cand(m.start("x"), m.end("x"), "numdate",
                    _fixed(f"{y:04d}-{mo:02d}-{d:02d}"), 6, m, {"y": y, "m": mo, "d": d})

    return _cands(_NUMDATE, s, build, s.around(_NUM_ANCHOR, 0, 6))


# --- Hijri dates -------------------------------------------------------------------------------
_HIJRI = re.compile(
    rf"{CL}(?P<x>(?:(?:{F('يوم')} )?(?P<wd>{WEEKDAY}) (?:، )?(?=\d|{DAYN}))?"
    rf"(?:(?:{F('يوم')} )?(?P<d>{DAYN}) (?:{F('من')} )?)?(?P<shahr>{F('شهر')} )?(?P<hm>{HMONTH})"
    rf"(?: (?:{F('عام')} |{F('سنة')} )?(?P<y>1[34]\d\d))?(?P<mark>{HIJRI_MARK})?"
    rf"(?: (?P<mod>{MOD}))?){END}"
)


@rule
def hijri_date(s: Stream) -> list[Cand]:
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        hm = HMONTHS[m.group("hm")]
        d = _num(m.group("d")) if m.group("d") else None
        y = int(m.group("y")) if m.group("y") else None
        if d is not None and not 1 <= d <= 30:
            return None
        if m.group("hm") in AMBIG_HMONTHS and d is None and y is None and not m.group("shahr"):
            return None
        direction = _mod_dir(m.group("mod"))

        def res(anchor: dt.date | None) -> dict[str, Any]:
            hy = y
            if hy is None:
                if anchor is None:
                    return {"type": "DATE", "value": None, "anchor": "publication",
                            "calendar": "hijri"}
                ay, am, _ = gregorian_to_hijri(anchor)
                hy = ay
                if direction == -1 and hm >= am:
                    hy -= 1
                elif direction == 1 and hm <= am:
                    hy += 1
            try:
                if d is not None:
                    g = hijri_to_gregorian(hy, hm, d)
                    return {"type": "DATE", "value": g.isoformat(),
                            "anchor": "absolute" if y else "publication",
                            "calendar": "hijri", "hijri": f"{hy:04d}-{hm:02d}-{d:02d}"}
                first, last = _hijri_month_span(hy, hm)
            except (ValueError, OverflowError):
                return {"type": "DATE", "value": None, "anchor": "absolute"}
            mid = first + (last - first) / 2
            return {"type": "DATE", "value": f"{mid.year:04d}-{mid.month:02d}",
                    "anchor": "absolute" if y else "publication", "calendar": "hijri",
                    "hijri": f"{hy:04d}-{hm:02d}", "begin": first.isoformat(),
                    "end": last.isoformat()}

        return Cand(m.start("x"), m.end("x"), "hijri", res, 6, m)

    return _cands(_HIJRI, s, build, s.around(_HIJRI_ANCHORS, 4, 6))


_HYEAR = re.compile(
    rf"{CL}(?P<x>(?:(?:{F('عام')}|{F('العام')}|{F('سنة')}) )?(?P<y>1[34]\d\d){HIJRI_MARK}){END}"
)


@rule
def hijri_year(s: Stream) -> list[Cand]:
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        y = int(m.group("y"))
        try:
            first = hijri_to_gregorian(y, 1, 1)
            last = hijri_to_gregorian(y + 1, 1, 1) - dt.timedelta(days=1)
        except (ValueError, OverflowError):
            return None
        mid = first + (last - first) / 2
        return Cand(m.start("x"), m.end("x"), "hyear",
                    _fixed(f"{mid.year:04d}", calendar="hijri", hijri=f"{y:04d}",
                           begin=first.isoformat(), end=last.isoformat()), 5, m)

    return _cands(_HYEAR, s, build, s.around(_HYEAR_ANCHORS, 3, 1))


# --- years: "عام 2017", "2011 و2016 و2017", "العام 2020م" --------------------------------------
_YEAR = re.compile(
    rf"{CL}(?P<x>(?:(?P<pos>{POS}) )?(?:(?P<kw>{F('عام')}|{F('العام')}|{F('سنة')}|{F('السنة')}"
    rf"|{F('عامي')}|{F('سنتي')}) )?(?P<y>{YEAR4})(?P<g>{GREG_MARK})?){END}"
)
_HYEAR_ANCHORS = frozenset(F(w) for w in ("ه", "هجري", "هجرية", "للهجرة"))
_YEAR_TRIGGERS = {
    F(w)
    for w in (
        "في", "منذ", "حتى", "خلال", "بين", "قبل", "بعد", "عام", "مطلع", "منتصف", "أواخر", "نهاية",
        "بداية", "مع", "عن", "إلى", "الى", "لعام", "بحلول", "ربيع", "صيف", "خريف", "شتاء",
        "أواسط", "مستهل", "عامي", "حتى", "موازنة", "ميزانية", "انتخابات", "دورة", "كأس",
        "الأعوام", "أعوام", "للأعوام", "السنوات", "موسم", "منذ",
    )
}


#: Words before a number that make it part of a name or an identifier, not a year.
_YEAR_NAMES = {F(w) for w in ("رقم", "قرار", "القرار", "رؤية", "إكسبو", "اكسبو", "خليجي",
                              "موديل", "طراز", "المادة", "مادة", "البند", "الفصل", "بند")}


@rule
def year(s: Stream) -> list[Cand]:
    out: list[Cand] = []
    prev_year_end = -10
    for m in _matches(_YEAR, s, s.around(_NUM_ANCHOR, 3, 2)):
        y = int(m.group("y"))
        ok = bool(m.group("kw") or m.group("g") or m.group("pos"))
        whole = s.joined_word(s.word_at(m.start()))
        clitic = whole[: len(whole) - len(m.group("x").split(" ")[0])] if whole else ""
        if not ok:
            prev = _prev_word(s, m.start())
            prev_forms = set(_variants_all(prev))
            nxt = _next_word(s, m.end())
            listed = m.start() - prev_year_end <= 5 and (
                clitic.startswith("و") or prev in {"-", "–", "/", F("و")}
            )  # "2011 و2016 و2017", "2011-2016"
            ok = bool(
                prev_forms & _YEAR_TRIGGERS
                or listed
                or nxt in {"-", "–", ")", ".", "،", ","}
                or prev in {"(", "،", ","}
            )
            if prev_forms & _YEAR_NAMES:
                ok = False  # "رؤية 2030", "إكسبو 2020", "القرار رقم 2254"
        if not ok:
            continue
        pos = POSMODS.get(m.group("pos") or "")
        extra = {"mod": pos} if pos else {}
        out.append(Cand(m.start("x"), m.end("x"), "year", _fixed(f"{y:04d}", **extra), 3, m))
        prev_year_end = m.end()
    return out


# --- deictic days: اليوم, أمس, أول أمس, غداً, بعد غد, [+ weekday] -------------------------------
_DEICTIC = re.compile(
    rf"{CL}(?P<x>(?P<w>{F('أول من أمس')}|{F('أول أمس')}|{F('أمس الأول')}|{F('بعد غد')}"
    rf"|{F('اليوم')}|{F('أمس')}|{F('الأمس')}|{F('البارحة')}|{F('غدا')}|{F('الغد')}"
    rf"|{F('الليلة')}(?: (?P<lmod>{MOD_P}))?)"
    rf"(?: (?:، )?(?P<wd>{WEEKDAY}))?){END}"
)
_DEICTIC_OFF = {
    F("اليوم"): 0, F("أمس"): -1, F("الأمس"): -1, F("البارحة"): -1, F("غدا"): 1, F("الغد"): 1,
    F("أول أمس"): -2, F("أول من أمس"): -2, F("أمس الأول"): -2, F("بعد غد"): 2,
    F("الليلة"): 0,
}
_DEICTIC_ANCHORS = frozenset(w.split(" ")[-1] for w in _DEICTIC_OFF) | frozenset(
    w.split(" ")[0] for w in _DEICTIC_OFF
)
def _in_name(s: Stream, a: int, b: int) -> bool:
    """"اليوم" closing a quoted name (لـ"الرافدين اليوم") or a short dash-separated byline
    line ("بغداد - الرافدين اليوم") is part of an outlet's name, not a date."""
    start, end = s.to_original(a, b)
    text = s.text
    if text[end : end + 1] in "\"”»'":
        q = max(text.rfind(c, 0, start) for c in "\"“«'")
        inner = text[q + 1 : start].split() if q >= 0 else []
        if len(inner) == 1 and normalize_key(inner[0]).startswith("ال"):
            return True  # «الرافدين اليوم», not «سنبدأ اليوم»
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    line = text[ls : le if le >= 0 else len(text)]
    return not text[end : le if le >= 0 else len(text)].strip() and (
        " - " in line or " – " in line
    ) and len(line.split()) <= 6


_MEDIA = {F(w) for w in ("قناة", "صحيفة", "موقع", "شبكة", "وكالة", "تلفزيون", "جريدة", "مجلة",
                         "إذاعة", "منصة", "القناة", "الصحيفة", "الموقع")}
_NOT_TODAY_AFTER = {F(w) for w in (
    "التالي", "السابق", "الذي", "التي", "الأخير", "نفسه", "ذاته", "الوطني", "العالمي", "الدولي",
    "المفتوح", "الموعود", "الواحد", "الموالي", "الأخيرة", "الدراسي", "الكامل", "المحدد",
)} | {k for k in ORDINALS}


_YAWM = F("يوم")


@rule
def deictic(s: Stream) -> list[Cand]:
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        w = m.group("w")
        base = w.split(" ")[0] if w.startswith(F("الليلة")) else w
        off = _DEICTIC_OFF.get(base)
        if off is None:
            return None
        if base == F("اليوم") and not m.group("wd"):
            nxt = _next_word(s, m.end("x"))
            if nxt in _NOT_TODAY_AFTER:
                return None
            i = s.word_at(m.start("x"))
            before = {s.keys[j].lstrip("وفبل") for j in range(max(0, i - 3), i)}
            if before & _MEDIA and _prev_word(s, m.start("x")) not in _WD_OK_BEFORE:
                return None  # an outlet's name: "قناة روسيا اليوم", "موقع الرافدين اليوم"
            if _in_name(s, m.start("x"), m.end("x")):
                return None
        if base in (F("الغد"),) and _prev_word(s, m.start("x")) not in {F("في"), F("حتى"), _YAWM}:
            return None
        if base == F("الليلة"):
            k = -1 if m.group("lmod") else 0

            def res_night(anchor: dt.date | None) -> dict[str, Any]:
                r = _rel("D", k, typ="TIME")(anchor)
                if r["value"]:
                    r["value"] += "TNI"
                return r

            return Cand(m.start("x"), m.end("x"), "deictic", res_night, 6, m)
        a = m.start("x")
        if off and a == m.start() and _prev_word(s, a) == _YAWM:
            a -= len(_YAWM) + 1  # "يوم أمس", "يوم الغد": يوم inside the extent
        return Cand(a, m.end("x"), "deictic", _rel("D", off), 6, m, {"today": off == 0})

    return _cands(_DEICTIC, s, build, s.around(_DEICTIC_ANCHORS, 3, 3))


# --- weekdays ----------------------------------------------------------------------------------
_WEEKDAY = re.compile(
    rf"{CL}(?P<x>(?P<yawm>{F('يوم')} )?(?P<wd>{WEEKDAY})(?: (?P<mod>{MOD_P}|{MOD_F}))?){END}"
)
_WD_OK_BEFORE = {F(w) for w in ("يوم", "اليوم", "أمس", "في", "منذ", "حتى", "مساء", "صباح", "ليلة",
                                "ليل", "فجر", "ظهر", "عصر", "،", ",", "(", "-", "قبل", "بعد")}


_WD_NOT_BEFORE = {F(w) for w in ("بين", "كلا", "من", "أن", "إلى", "الى", "هذين", "عن")}
_WD_OK_AFTER = {F(w) for w in ("،", ",", ".", ")", "إن", "أن", "ان", "أنه", "إنه", "أنها", "في",
                               "على", "الماضي", "المقبل", "عن", "بأن", "بان")}


@rule
def weekday(s: Stream) -> list[Cand]:
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        wdk = m.group("wd")
        wd = WEEKDAYS[wdk]
        if wdk in AMBIG_WEEKDAYS and not m.group("yawm") and not m.group("mod"):
            prev = _prev_word(s, m.start("x"))
            nxt = _next_word(s, m.end("x"))
            if prev in _WD_NOT_BEFORE or nxt in {F("عشر"), F("عشرة"), F("معا"), F("منهما")}:
                return None
            if wdk == F("الاثنين") and nxt.startswith("ال") and prev not in _WD_OK_BEFORE:
                return None  # "الاثنين المعزولين": the two isolated ones
        direction = _mod_dir(m.group("mod"))
        fut = _future_ctx(s, m.start("x"))

        def res(anchor: dt.date | None) -> dict[str, Any]:
            if anchor is None:
                return {"type": "DATE", "value": f"XXXX-WXX-{wd}", "anchor": "publication"}
            return {"type": "DATE", "anchor": "publication",
                    "value": _weekday_date(wd, anchor, direction, fut).isoformat()}

        return Cand(m.start("x"), m.end("x"), "weekday", res, 2, m)

    return _cands(_WEEKDAY, s, build, s.around(RULE_ANCHORS["weekday"], 1, 1))


# --- relative periods: الأسبوع الفائت, الشهر المقبل, هذا العام, نهاية العام ------------------------
_PERIOD = re.compile(
    rf"{CL}(?P<x>(?:(?P<pos>{POS}) )?(?:(?P<this>{F('هذا')}|{F('هذه')}) )?(?P<u>{PERIOD})"
    rf"(?: (?P<before>{F('قبل')}) (?={MOD_P}))?(?: (?P<mod>{MOD}))?){END}"
)


@rule
def period(s: Stream) -> list[Cand]:
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        u = PERIOD_UNIT[m.group("u")]
        direction = _mod_dir(m.group("mod"))
        pos = POSMODS.get(m.group("pos") or "")
        if direction is None:
            if m.group("this") or (
                pos and u != "D" and not _next_word(s, m.end("x")).startswith("ال")
            ):
                direction = 0  # "نهاية العام", but not "بداية العام الدراسي"
            else:
                return None
        if u == "D" and direction != -1 and not pos:
            return None  # "اليوم" is a deictic; "اليوم المقبل" is rare and vague
        k = direction * (2 if m.group("before") else 1)
        return Cand(m.start("x"), m.end("x"), "period", _rel(u, k, pos), 5, m)

    return _cands(_PERIOD, s, build, s.around(RULE_ANCHORS["period"], 3, 3))


# --- "الخامس من الشهر الجاري" ---------------------------------------------------------------------
_DAY_OF_PERIOD = re.compile(
    rf"{CL}(?P<x>(?P<d>{DAYN}) {F('من')} (?:{F('هذا')} )?{F('الشهر')}(?: (?P<mod>{MOD}))?){END}"
)


@rule
def day_of_month(s: Stream) -> list[Cand]:
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        d = _num(m.group("d"))
        if d is None or not 1 <= d <= 31:
            return None
        direction = _mod_dir(m.group("mod")) or 0

        def res(anchor: dt.date | None) -> dict[str, Any]:
            if anchor is None:
                return {"type": "DATE", "value": None, "anchor": "publication",
                        "offset": f"{direction:+d}M"}
            y, mo = _shift_month(anchor.year, anchor.month, direction)
            v = f"{y:04d}-{mo:02d}-{d:02d}" if _valid(y, mo, d) else None
            return {"type": "DATE", "value": v, "anchor": "publication"}

        return Cand(m.start("x"), m.end("x"), "daymonthrel", res, 6, m)

    return _cands(_DAY_OF_PERIOD, s, build, s.around(RULE_ANCHORS["day_of_month"], 4, 1))


# --- durations and "ago": ثلاثة أيام, يومين, منذ ثلاثة أيام, خلال عشر سنوات ---------------------------
DUAL_MODS = _alt(["الماضيين", "الماضيتين", "الأخيرين", "الأخيرتين", "المقبلين", "المقبلتين",
                  "القادمين", "القادمتين", "الفائتين", "المنصرمين", "السابقين"])
_DURATION = re.compile(
    rf"{CL}(?P<x>(?:(?P<pre>{F('منذ')}|{F('قبل')}|{F('بعد')}|{F('نحو')}|{F('حوالي')}"
    rf"|{F('قرابة')}|{F('طيلة')}|{F('طوال')}|{F('مدى')}|{F('مدة')}) )?"
    rf"(?:(?P<n>\d{{1,3}}|{_alt([*CARD, *('ال' + k for k in CARD), 'بضعة', 'بضع', 'عدة'])}"
    rf"|{F('ال')} ?\d{{1,3}}|(?P<frac>{F('نصف')}|{F('ربع')})) (?P<u>{UNIT})"
    rf"|(?P<dual>{UNIT})"
    rf"|(?P<pl>{PLURAL_PERIODS}) (?:{F('ال')} ?)?(?P<n2>{NUM}) (?P<pmod>{MOD_P}|{MOD_F}"
    rf"|{F('الأخيرة')}|{F('الأولى')})"
    rf"|(?P<dd>{_alt(['ال' + k for k, v in W.UNITS.items() if v[1] == 2])}) (?P<ddmod>{DUAL_MODS})))"
    rf"{END}"
)
#: "نصف ساعة", "ربع قرن": fractions of a unit as ISO durations.
_FRACTIONS = {
    (F("نصف"), "H"): "PT30M", (F("ربع"), "H"): "PT15M", (F("نصف"), "CE"): "P50Y",
    (F("ربع"), "CE"): "P25Y", (F("نصف"), "Y"): "P6M", (F("ربع"), "Y"): "P3M",
    (F("نصف"), "M"): "P15D",
}  # not "نصف يوم": a half working day, not a time expression
_AL = F("ال")
_COUNTED_MODS = PAST | FUTURE | {F("الأخيرة"), F("الأولى")}


def _bare_unit_ok(prev: str) -> bool:
    """"خلال/غضون/لمدة …" (proclitics allowed) before a bare unit noun ("في غضون شهر")."""
    b = _BARE_UNIT_BEFORE
    return prev in b or prev[1:] in b or prev[2:] in b
#: Words before a bare unit noun that make it a one-unit duration ("في غضون شهر", "على مدى عام").
_BARE_UNIT_BEFORE = {F(w) for w in ("خلال", "غضون", "مدى", "مدة", "لمدة", "طيلة", "طوال")}
_PLURAL_UNIT = {F(k): v for k, v in {"الأيام": "D", "الأسابيع": "W", "الأشهر": "M", "الشهور": "M",
                                     "السنوات": "Y", "السنين": "Y", "الأعوام": "Y", "العقود": "DE",
                                     "الساعات": "H"}.items()}
PLURALS = frozenset(F(k) for k in W.PLURAL_UNITS)
_KAMIL = frozenset(F(k) for k in ("كاملا", "كاملة", "كاملين", "كاملان"))
_ACCUSATIVE = frozenset(F(k) for k in ("يوما", "أسبوعا", "شهرا", "عاما"))
_DURATION_ANCHORS = (
    frozenset(UNITS)
    | frozenset(_PLURAL_UNIT)
    | frozenset(F("ال" + k) for k, v in W.UNITS.items() if v[1] == 2)
)
_ISO_UNIT = {"D": "D", "W": "W", "M": "M", "Y": "Y", "DE": "Y", "CE": "Y", "H": "H", "MIN": "M"}
_UNIT_MULT = {"DE": 10, "CE": 100}


def _dur_value(n: int | None, unit: str) -> str:
    k = "X" if n is None else str(n * _UNIT_MULT.get(unit, 1))
    t = "T" if unit in ("H", "MIN") else ""
    return f"P{t}{k}{_ISO_UNIT[unit]}"


@rule
def duration(s: Stream) -> list[Cand]:
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        pre = m.group("pre")
        if m.group("frac"):  # "نصف ساعة", "ربع قرن"
            unit, implied = UNITS[m.group("u")]
            v = None if implied else _FRACTIONS.get((m.group("frac"), unit))
            if v is None or m.group("u") in PLURALS:
                return None
            a = m.start("x")
            if pre in (F("منذ"), F("قبل"), F("بعد")):
                return Cand(a, m.end("x"), "ago", _rel("D", 0), 5, m)
            if pre:
                a += len(pre) + 1
            return Cand(a, m.end("x"), "duration", _fixed(v, "DURATION"), 4, m)
        ns = m.group("n")
        if ns and ns[:2] == _AL and ns not in CARD:
            # "الاثني عشر شهراً الماضية", "الـ12 شهراً الأخيرة": with their modifier only
            unit, implied = UNITS[m.group("u")]
            n = _num(ns[2:])
            nxt = _next_word(s, m.end("x"))
            if n is None or n == 0 or implied or n > 500 or nxt not in _COUNTED_MODS:
                return None
            return Cand(m.start("x") + (len(pre) + 1 if pre else 0), m.end("x") + 1 + len(nxt),
                        "duration", _fixed(_dur_value(n, unit), "DURATION"), 4, m)
        if m.group("dd"):  # "العامين الماضيين": the past two years
            unit = UNITS[m.group("dd")[2:]][0]
            return Cand(m.start("x") + (len(pre) + 1 if pre else 0), m.end("x"), "duration",
                        _fixed(_dur_value(2, unit), "DURATION"), 4, m)
        if m.group("pl"):
            unit = _PLURAL_UNIT[m.group("pl")]
            n = _num(m.group("n2"))
            if n is None:
                return None
            return Cand(m.start("x") + (len(pre) + 1 if pre else 0), m.end("x"), "duration",
                        _fixed(_dur_value(n, unit), "DURATION"), 4, m)
        if m.group("dual"):
            unit, n = UNITS[m.group("dual")]
            if n is None:
                word = m.group("dual")
                nxt1 = _next_word(s, m.end("x"))
                if word in PLURALS:
                    return None
                if not (pre in (F("منذ"), F("قبل"), F("بعد"), F("مدى"), F("مدة"), F("طيلة"),
                                F("طوال")) or word in _ACCUSATIVE or nxt1 in _KAMIL
                        or _bare_unit_ok(_prev_word(s, m.start("x")))):
                    return None
                n = 1  # "قبل عام" = a year ago; "شهراً" = for a month
        else:
            unit, implied = UNITS[m.group("u")]
            ns = m.group("n")
            if ns in (F("بضعة"), F("بضع"), F("عدة")):
                n = None
            else:
                n = _num(ns)
                if n is None or n == 0 or (ns.isdigit() and n > 500):
                    return None
                if implied:
                    return None
        a = m.start("x")
        nxt = _next_word(s, m.end("x"))
        relative_to_event = nxt in {F("من"), F("على")}
        if pre in (F("منذ"), F("قبل"), F("بعد")) and not relative_to_event:
            sign = 1 if pre == F("بعد") else -1
            if n is None:
                return Cand(a, m.end("x"), "ago", _ref("FUTURE_REF" if sign > 0 else "PAST_REF"),
                            5, m)
            if unit in ("H", "MIN"):
                return Cand(a, m.end("x"), "ago", _rel("D", 0, typ="DATE"), 5, m)
            gran = {"DE": "Y", "CE": "Y"}.get(unit, unit)
            k = sign * n * _UNIT_MULT.get(unit, 1)
            return Cand(a, m.end("x"), "ago", _rel(gran, k), 5, m)
        if pre:  # "لمدة/نحو/طوال" and event-relative "بعد … من" stay outside the extent
            a = m.start("x") + len(pre) + 1
        extra = {}
        if pre in (F("نحو"), F("حوالي"), F("قرابة")):
            extra["mod"] = "APPROX"
        b = m.end("x")
        nxt = _next_word(s, b)
        if nxt in _KAMIL:  # "عاماً كاملاً"
            b += 1 + len(nxt)
        return Cand(a, b, "duration", _fixed(_dur_value(n, unit), "DURATION", **extra),
                    4, m)

    return _cands(_DURATION, s, build, s.around(_DURATION_ANCHORS, 4, 4))


# --- vague references -------------------------------------------------------------------------
_VAGUE: dict[str, str] = {}
for _w in ("مؤخرا", "سابقا", "وقت سابق", "الآونة الأخيرة", "الماضي القريب", "وقت مضى",
           "فترة سابقة", "السابق"):
    _VAGUE[F(_w)] = "PAST_REF"
for _w in ("حاليا", "الآن", "الان", "اللحظة", "الوقت الحالي", "الوقت الراهن", "هذه الأيام",
           "المرحلة الراهنة", "المرحلة الحالية", "الفترة الحالية", "الوقت الحاضر", "راهنا"):
    _VAGUE[F(_w)] = "PRESENT_REF"
for _w in ("قريبا", "لاحقا", "مستقبلا", "وقت لاحق", "المستقبل", "المستقبل القريب",
           "المستقبل المنظور", "القريب العاجل", "وقت قريب"):
    _VAGUE[F(_w)] = "FUTURE_REF"
_VAGUE_PERIOD = F("(?:الفترة|المرحلة|الأيام|الأسابيع|الأشهر|الشهور|السنوات|السنين|الأعوام|العقود"
                  "|الساعات|الفترات|العقود)")
_VAGUE_RE = re.compile(
    rf"{CL}(?P<x>(?P<w>{_alt(list(_VAGUE))})"
    rf"|(?P<p>{_VAGUE_PERIOD})(?: {F('القليلة')})? (?P<pm>{MOD_P}|{MOD_F}|{F('الأخيرة')}"
    rf"|{F('المنصرمة')})"
    rf"|(?P<since>{F('منذ')}|{F('قبل')}) (?P<sw>{F('أيام')}|{F('أسابيع')}|{F('أشهر')}|{F('شهور')}"
    rf"|{F('سنوات')}|{F('سنين')}|{F('أعوام')}|{F('عقود')}|{F('قرون')}|{F('ساعات')}|{F('فترة')}|{F('مدة')}"
    rf"|{F('زمن')}|{F('وقت')})(?: {F('طويلة')}| {F('طويل')}| {F('قصيرة')}| {F('قليلة')})?){END}"
)
_VAGUE_ANCHORS = frozenset(w for k in _VAGUE for w in k.split(" ")) | frozenset(
    F(w) for w in ("الفترة", "المرحلة", "الأيام", "الأسابيع", "الأشهر", "الشهور", "السنوات",
                   "السنين", "الأعوام", "العقود", "الساعات", "الفترات", "منذ", "قبل")
)
_VAGUE_NEEDS_FI = {F("الآن"), F("الان"), F("اللحظة"), F("المستقبل"), F("السابق")}


@rule
def vague(s: Stream) -> list[Cand]:
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        w = m.group("w")
        if w:
            if w in _VAGUE_NEEDS_FI and _prev_word(s, m.start("x")) not in {
                F("في"), F("حتى"), F("الى"), F("منذ"), F("من"), F("حتي"), F("للحظة"),
            }:
                return None
            return Cand(m.start("x"), m.end("x"), "vague", _ref(_VAGUE[w]), 1, m)
        if m.group("p"):
            pm = m.group("pm")
            v = "FUTURE_REF" if pm in FUTURE else "PAST_REF"
            return Cand(m.start("x"), m.end("x"), "vague", _ref(v), 1, m)
        return Cand(m.start("x"), m.end("x"), "vague", _ref("PAST_REF"), 1, m)

    return _cands(_VAGUE_RE, s, build, s.around(_VAGUE_ANCHORS, 2, 2))


# --- clock times and parts of day ---------------------------------------------------------------
_HOURW = _alt([k for k, v in W.ORDINALS.items() if v <= 12 and " و" not in k])
_CLOCK = re.compile(
    rf"{CL}(?P<x>{F('الساعة')} (?P<h>\d{{1,2}}|{_HOURW})(?: ?: ?(?P<mi>\d{{2}})|(?P<min>"
    rf" {F('والنصف')}| {F('والربع')}| {F('إلا ربعا')}| {F('الا ربعا')}| (?:{F('و')} ?)?(?P<mn>\d{{1,2}}|{CARDW})"
    rf" {F('دقيقة')}))?(?: (?P<adv>{_alt(list(CLOCK_ADV))}))?"
    rf"(?: (?:{F('من')} )?(?:{_alt(list(PARTS))} )?(?:{F('يوم')} )?(?P<day>{F('اليوم')}|{F('أمس')}"
    rf"|{F('الأمس')}|{F('غد')}|{WEEKDAY})(?: (?:، )?{WEEKDAY})?)?(?: {F('بتوقيت')} (?P<tz>[^\s\d.,،:؛()]+(?: ال[^\s\d.,،:؛()]+)?))?){END}"
)
_PART = re.compile(
    rf"{CL}(?P<x>(?:(?P<after>{F('بعد')}) )?(?P<p>{_alt(list(PARTS))}) (?:{F('يوم')} )?(?P<day>{F('اليوم')}|{F('أمس')}"
    rf"|{F('الأمس')}|{F('البارحة')}|{F('الغد')}|{F('غد')}|{WEEKDAY})(?: (?:، )?(?P<wd2>{WEEKDAY})"
    rf"|(?P<night> ?[/\-–] ?| {F('على')} | {F('إلى')} | {F('الى')} | )(?P<wd3>{WEEKDAY}))?"
    rf"(?: (?P<mod>{MOD_P}|{MOD_F}))?){END}"
)


def _day_offset(day: str | None, anchor: dt.date, fut: bool, direction: int | None = None
                ) -> dt.date:
    if not day or day == F("اليوم"):
        return anchor
    if day in (F("أمس"), F("الأمس"), F("البارحة")):
        return anchor - dt.timedelta(days=1)
    if day in (F("غد"), F("الغد")):
        return anchor + dt.timedelta(days=1)
    return _weekday_date(WEEKDAYS[day], anchor, direction, fut)


@rule
def clock(s: Stream) -> list[Cand]:
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        hs = m.group("h")
        h = int(hs) if hs.isdigit() else ORDINALS.get(hs)
        if h is None or h > 24:
            return None
        mi = 0
        if m.group("mi"):
            mi = int(m.group("mi"))
        elif m.group("min"):
            mn = m.group("min").strip()
            if mn == F("والنصف"):
                mi = 30
            elif mn == F("والربع"):
                mi = 15
            elif mn in (F("إلا ربعا"), F("الا ربعا")):
                h, mi = h - 1, 45
            else:
                mi = _num(m.group("mn")) or 0
        if mi > 59:
            return None
        adv = CLOCK_ADV.get(m.group("adv") or "")
        if adv in ("pm",) and h < 12 or adv == "night" and 6 <= h < 12:
            h += 12
        elif adv == "am" and h == 12:
            h = 0
        elif adv == "noon" and h < 6:
            h += 12
        day = m.group("day")
        fut = _future_ctx(s, m.start("x"))

        def res(anchor: dt.date | None) -> dict[str, Any]:
            if anchor is None:
                return {"type": "TIME", "value": f"XXXX-XX-XXT{h % 24:02d}:{mi:02d}",
                        "anchor": "publication"}
            d = _day_offset(day, anchor, fut)
            return {"type": "TIME", "value": f"{d.isoformat()}T{h % 24:02d}:{mi:02d}",
                    "anchor": "publication"}

        return Cand(m.start("x"), m.end("x"), "clock", res, 7, m, {"default_day": not day})

    return _cands(_CLOCK, s, build, s.around(RULE_ANCHORS["clock"], 0, 12))


@rule
def part_of_day(s: Stream) -> list[Cand]:
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        code = PARTS[m.group("p")]
        if m.group("after") and code == "MI":
            code = "AF"  # "بعد ظهر" = afternoon
        elif m.group("after"):
            return None
        day = m.group("day")
        end = m.end("x")
        if m.group("wd3") and (code != "NI" or day not in WEEKDAYS or (
                WEEKDAYS[m.group("wd3")] - WEEKDAYS[day]) % 7 != 1):
            end = m.end("day")  # only a night names two days, the second the day after the first
        direction = _mod_dir(m.group("mod"))
        fut = _future_ctx(s, m.start("x"))

        def res(anchor: dt.date | None) -> dict[str, Any]:
            if anchor is None:
                return {"type": "TIME", "value": None, "anchor": "publication"}
            d = _day_offset(day, anchor, fut, direction)
            return {"type": "TIME", "value": f"{d.isoformat()}T{code}", "anchor": "publication"}

        return Cand(m.start("x"), end, "partofday", res, 6, m, {"code": code})

    return _cands(_PART, s, build, s.around(RULE_ANCHORS["part_of_day"], 1, 4))


# --- decades, centuries, seasons, sets ------------------------------------------------------
_DECADE = re.compile(
    rf"{CL}(?P<x>(?:(?P<pos>{POS}) )?(?:{F('عقد')} )?(?P<d>{_alt(list(DECADES))}"
    rf"|{_alt([k[2:] for k in DECADES])})(?: {F('من')})?"
    rf"(?: (?P<c>{F('القرن الماضي')}|{F('القرن العشرين')}|{F('القرن الحالي')}|{F('القرن الحادي والعشرين')}"
    rf"|{F('القرن الجاري')}))?){END}"
)
_DECADE_ANCHORS = frozenset(DECADES) | frozenset(k[2:] for k in DECADES)
_DEC_BARE = {F(k[2:]): v for k, v in W.DECADES.items()}


@rule
def decade(s: Stream) -> list[Cand]:
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        dk = m.group("d")
        digit = DECADES.get(dk, _DEC_BARE.get(dk))
        if digit is None:
            return None
        if dk in _DEC_BARE and not m.group("c"):
            return None  # "تسعينيات" without article needs "القرن …" ("ثمانينيات القرن الماضي")
        c = m.group("c") or ""
        pos = POSMODS.get(m.group("pos") or "")
        extra = {"mod": pos} if pos else {}
        if c in (F("القرن الحالي"), F("القرن الحادي والعشرين"), F("القرن الجاري")):
            return Cand(m.start("x"), m.end("x"), "decade", _fixed(f"20{digit}", **extra), 5, m)
        if c == F("القرن الماضي"):
            def res(anchor: dt.date | None) -> dict[str, Any]:
                cent = (anchor.year // 100 - 1) if anchor else 19
                return {"type": "DATE", "value": f"{cent:02d}{digit}", "anchor": "publication",
                        **extra}

            return Cand(m.start("x"), m.end("x"), "decade", res, 5, m)
        return Cand(m.start("x"), m.end("x"), "decade", _fixed(f"19{digit}", **extra), 5, m)

    return _cands(_DECADE, s, build, s.around(_DECADE_ANCHORS, 3, 5))


_CENTURY = re.compile(
    rf"{CL}(?P<x>(?:(?P<pos>{POS}) )?{F('القرن')} (?P<c>{F('الماضي')}|{F('الحالي')}|{F('الجاري')}"
    rf"|{F('العشرين')}|{F('الحادي والعشرين')}|{F('التاسع عشر')}|{F('الثامن عشر')}|{F('السابع عشر')})"
    rf"){END}"
)
_CENT = {F("العشرين"): 19, F("الحادي والعشرين"): 20, F("التاسع عشر"): 18, F("الثامن عشر"): 17,
         F("السابع عشر"): 16}


@rule
def century(s: Stream) -> list[Cand]:
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        c = m.group("c")
        pos = POSMODS.get(m.group("pos") or "")
        if c in _CENT:
            extra = {"mod": pos} if pos else {}
            return Cand(m.start("x"), m.end("x"), "century", _fixed(f"{_CENT[c]:02d}", **extra),
                        4, m)
        k = -1 if c == F("الماضي") else 0
        return Cand(m.start("x"), m.end("x"), "century", _rel("CE", k, pos), 4, m)

    return _cands(_CENTURY, s, build, s.around(RULE_ANCHORS["century"], 2, 3))


_SEASON = re.compile(
    rf"{CL}(?P<x>(?:(?P<pos>{POS}) )?(?P<s>{_alt(list(SEASONS))}) (?:(?:{F('عام')} |{F('العام')} )?"
    rf"(?P<y>{YEAR4})|(?P<mod>{MOD})|{F('هذا العام')}|{F('العام')} (?P<ymod>{MOD})))"
    rf"{END}"
)


@rule
def season(s: Stream) -> list[Cand]:
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        code = SEASONS[m.group("s")]
        y = int(m.group("y")) if m.group("y") else None
        direction = _mod_dir(m.group("mod"))
        ydir = _mod_dir(m.group("ymod"))

        def res(anchor: dt.date | None) -> dict[str, Any]:
            if y is not None:
                return {"type": "DATE", "value": f"{y:04d}-{code}", "anchor": "absolute"}
            if anchor is None:
                return {"type": "DATE", "value": None, "anchor": "publication"}
            yy = anchor.year + (ydir or 0) + (direction or 0)
            return {"type": "DATE", "value": f"{yy:04d}-{code}", "anchor": "publication"}

        return Cand(m.start("x"), m.end("x"), "season", res, 4, m)

    return _cands(_SEASON, s, build, s.around(RULE_ANCHORS["season"], 2, 4))


_SET = re.compile(
    rf"{CL}(?P<x>(?P<adv>{F('يوميا')}|{F('أسبوعيا')}|{F('شهريا')}|{F('سنويا')}|{F('ساعيا')}|{F('فصليا')})"
    rf"|{F('كل')} (?:(?P<u>{F('يوم')}|{F('أسبوع')}|{F('شهر')}|{F('عام')}|{F('سنة')}|{F('ساعة')})"
    rf"(?: (?P<wd>{_alt([k[2:] for k in WEEKDAYS])}))?|(?P<n>{NUM}) (?P<nu>{UNIT}))){END}"
)
_SET_ANCHORS = frozenset(F(w) for w in ("يوميا", "أسبوعيا", "شهريا", "سنويا", "ساعيا", "فصليا",
                                         "كل"))
_SET_ADV = {F("يوميا"): "P1D", F("أسبوعيا"): "P1W", F("شهريا"): "P1M", F("سنويا"): "P1Y",
            F("ساعيا"): "PT1H", F("فصليا"): "P3M"}
_SET_U = {F("يوم"): "P1D", F("أسبوع"): "P1W", F("شهر"): "P1M", F("عام"): "P1Y", F("سنة"): "P1Y",
          F("ساعة"): "PT1H"}
_WD_BARE = {F(k[2:]): v for k, v in W.WEEKDAYS.items()}


@rule
def sets(s: Stream) -> list[Cand]:
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        if m.group("adv"):
            v = _SET_ADV[m.group("adv")]
        elif m.group("wd"):
            v = f"XXXX-WXX-{_WD_BARE[m.group('wd')]}"
        elif m.group("u"):
            v = _SET_U[m.group("u")]
        else:
            n = _num(m.group("n"))
            unit, implied = UNITS[m.group("nu")]
            if n is None or implied:
                return None
            v = _dur_value(n, unit)
        return Cand(m.start("x"), m.end("x"), "set", _fixed(v, "SET"), 5, m)

    return _cands(_SET, s, build, s.around(_SET_ANCHORS, 0, 3))


# --- quarters and halves: الربع الأول من العام الجاري, النصف الثاني من 2022 ---------------------
#: Quarter and half words: Mashriq "الربع/النصف", Maghrebi "الثلاثي/السداسي".  Without a year
#: only the Maghrebi terms and "الربع" count ("النصف الثاني" is too often a match's half).
_YEAR_PARTS = {F(w): w for w in ("الربع", "النصف", "الثلاثي", "السداسي")}
_BARE_YEAR_PARTS = {F("الربع"), F("الثلاثي"), F("السداسي")}


_PART_OF_YEAR = re.compile(
    rf"{CL}(?P<x>(?P<p>{_alt(list(_YEAR_PARTS))}) (?P<n>{F('الأول')}|{F('الثاني')}|{F('الثالث')}"
    rf"|{F('الرابع')}|{F('الأخير')})(?: (?:{F('من')} )?(?:(?:{F('عام')}|{F('العام')}|{F('سنة')}) )?"
    rf"(?:(?P<y>{YEAR4})|(?P<this>{F('هذا العام')}|{F('العام الحالي')}|{F('العام الجاري')})"
    rf"|{F('العام')} (?P<mod>{MOD_P}|{MOD_F})|(?P<mod2>{MOD_P}|{MOD_F}|{MOD_C})))?)"
    rf"{END}"
)
_NTH = {F("الأول"): 1, F("الثاني"): 2, F("الثالث"): 3, F("الرابع"): 4}
_HALF_PARTS = {F("النصف"), F("السداسي")}


@rule
def part_of_year(s: Stream) -> list[Cand]:
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        half = m.group("p") in _HALF_PARTS
        last = 2 if half else 4
        n = _NTH.get(m.group("n"), last)
        if n > last:
            return None
        code = f"{'H' if half else 'Q'}{n}"
        if not (m.group("y") or m.group("this") or m.group("mod") or m.group("mod2")):
            if m.group("p") not in _BARE_YEAR_PARTS or _next_word(s, m.end("x")) == F("من"):
                return None  # "الربع الأول من المباراة"
            first_month = (n - 1) * (6 if half else 3) + 1

            def res_bare(anchor: dt.date | None) -> dict[str, Any]:
                if anchor is None:
                    return {"type": "DATE", "value": None, "anchor": "publication"}
                # the latest such part that has begun by publication
                y = anchor.year if first_month <= anchor.month else anchor.year - 1
                return {"type": "DATE", "value": f"{y:04d}-{code}", "anchor": "publication"}

            return Cand(m.start("x"), m.end("x"), "partofyear", res_bare, 6, m)
        if m.group("y"):
            return Cand(m.start("x"), m.end("x"), "partofyear",
                        _fixed(f"{m.group('y')}-{code}"), 6, m)
        k = _mod_dir(m.group("mod") or m.group("mod2")) or 0

        def res(anchor: dt.date | None) -> dict[str, Any]:
            if anchor is None:
                return {"type": "DATE", "value": None, "anchor": "publication",
                        "offset": f"{k:+d}Y"}
            return {"type": "DATE", "value": f"{anchor.year + k:04d}-{code}",
                    "anchor": "publication"}

        return Cand(m.start("x"), m.end("x"), "partofyear", res, 6, m)

    return _cands(_PART_OF_YEAR, s, build, s.around(RULE_ANCHORS["part_of_year"], 0, 6))


# ----------------------------------------------------------------------------------------------
# Driver
_KHILAL = F("خلال")


ALL_ANCHORS: frozenset[str] = frozenset().union(
    _NUM_ANCHOR, _MONTH_ANCHORS, _HIJRI_ANCHORS, _HYEAR_ANCHORS, _DEICTIC_ANCHORS, WEEKDAYS,
    PERIOD_UNIT, [F("الشهر"), F("الساعة"), F("القرن")], _YEAR_PARTS,
    _DURATION_ANCHORS, _VAGUE_ANCHORS,
    (k.split(" ")[0] for k in PARTS), _DECADE_ANCHORS, SEASONS, _SET_ANCHORS,
)


def _with_part(res: Callable, code: str) -> Callable:
    def wrapped(anchor: dt.date | None) -> dict[str, Any]:
        out = res(anchor)
        v = out.get("value")
        if isinstance(v, str) and len(v) == 10:
            out = {**out, "type": "TIME", "value": f"{v}T{code}"}
        return out

    return wrapped


#: Every written form of an anchor word: bare, or after one or two proclitics ("وفي" …).
ANCHOR_SURFACES: frozenset[str] = frozenset(
    f"{c}{a}"
    for a in ALL_ANCHORS
    for c in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
)

#: Token keys that can be (part of) an anchor word: anchors and, since the tokenizer may split
#: a leading و/ف/ب/ل/ك/س as a clitic ("فجراً" → ف + جرا), anchors without their first letter.
PIECE_ANCHORS: frozenset[str] = (
    ALL_ANCHORS
    | frozenset(a[1:] for a in ALL_ANCHORS if len(a) > 2 and a[0] in "وفبلكس")
    | frozenset(w for k in (*PARTS, *CLOCK_ADV, *_VAGUE) for w in k.split(" "))
) - {F(w) for w in ("من", "في", "بعد", "قبل", "منذ", "هذا", "هذه", "كل", "أول", "الأول", "وقت",
                    "الوقت", "حتى", "على")}  # function words: the anchor next to them triggers


#: Anchor words of each rule (what its :meth:`Stream.around` windows are built on).
RULE_ANCHORS: dict[str, frozenset[str]] = {
    "day_month": _MONTH_ANCHORS, "day_range": _MONTH_ANCHORS, "month_only": _MONTH_ANCHORS,
    "numeric_date": _NUM_ANCHOR, "year": _NUM_ANCHOR, "hijri_date": _HIJRI_ANCHORS,
    "hijri_year": _HYEAR_ANCHORS, "deictic": _DEICTIC_ANCHORS, "weekday": frozenset(WEEKDAYS),
    "period": frozenset(PERIOD_UNIT), "day_of_month": frozenset([F("الشهر")]),
    "duration": _DURATION_ANCHORS, "vague": _VAGUE_ANCHORS, "clock": frozenset([F("الساعة")]),
    "part_of_day": frozenset(k.split(" ")[0] for k in PARTS), "decade": _DECADE_ANCHORS,
    "century": frozenset([F("القرن")]), "season": frozenset(SEASONS), "sets": _SET_ANCHORS,
    "part_of_year": frozenset(_YEAR_PARTS),
}
assert set(RULE_ANCHORS) == {r.__name__ for r in RULES}, "every rule needs its anchors"
#: Anchor word → indices (in :data:`RULES`) of the rules it triggers.
_RULES_BY_ANCHOR: dict[str, tuple[int, ...]] = {
    w: tuple(i for i, r in enumerate(RULES) if w in RULE_ANCHORS[r.__name__])
    for w in frozenset().union(*RULE_ANCHORS.values())
}


def find_candidates(s: Stream) -> list[Cand]:
    """Run every rule and keep a non-overlapping set: longest match first, then priority."""
    cands: list[Cand] = []
    todo: set[int] = set()  # the rules whose anchor words occur in this window
    by_word = _RULES_BY_ANCHOR
    for w in s.index():
        todo.update(by_word.get(w, ()))
    for r in sorted(todo):  # in RULES order
        cands.extend(RULES[r](s))
    cands.sort(key=lambda c: (-(c.b - c.a), -c.priority, c.a))
    # the kept extents are disjoint: kept sorted by start, their ends ascend too, so the one
    # kept extent that can overlap [a, b) is the last one starting before b (a bisection, not
    # a scan: a long report has thousands of candidates)
    t_starts: list[int] = []
    t_ends: list[int] = []
    keep: list[Cand] = []
    for c in cands:
        k = bisect.bisect_left(t_starts, c.b)
        if k and t_ends[k - 1] > c.a:
            continue
        t_starts.insert(k, c.a)
        t_ends.insert(k, c.b)
        keep.append(c)
    keep.sort(key=lambda c: c.a)
    # a part of day before a calendar date makes it a TIME: "ليلة الجمعة 8 سبتمبر"
    for k, c in enumerate(keep):
        if c.tag not in ("daymonth", "numdate", "hijri"):
            continue
        i = s.word_at(c.a)
        if c.a == s.pos[i] and i > 0:
            prev = s.keys[i - 1]
            part = next((f for f in _variants_all(prev) if f in PARTS), None)
            # kept extents are disjoint and sorted: only the one just before c can reach
            # into the word before it
            if part and not (k and keep[k - 1].b > s.pos[i - 1]):
                c.a = s.pos[i - 1] + len(prev) - len(part)  # proclitics stay outside
                c.resolve = _with_part(c.resolve, PARTS[part])
    # a weekday (or part of day + weekday) right before a numeric date names that date:
    # "الخميس 19/5/2022", "صباح الأحد ٢٢/٥/٢٠٢٢" (the weekday alone would be the nearest one)
    for k in [k for k, c in enumerate(keep) if k and c.tag == "numdate"][::-1]:
        c, o = keep[k], keep[k - 1]
        if o.tag in ("weekday", "partofday") and (
                o.m is not None and o.m.group("wd") if o.tag == "weekday"
                else o.m is not None and o.m.group("day") in WEEKDAYS) and (
                s.joined[o.b : c.a].strip(" ،,") == ""):
            c.a = o.a
            if o.tag == "partofday":
                c.resolve = _with_part(c.resolve, o.info["code"])
            del keep[k - 1]
    # "خلال" directly before an expression is part of it (seed-gold convention)
    for c in keep:
        i = s.word_at(c.a)
        if c.a == s.pos[i] and i > 0 and s.joined_word(i - 1).lstrip("وف") == _KHILAL:
            whole = s.joined_word(i - 1)
            c.a = s.pos[i - 1] + (len(whole) - len(_KHILAL))
    return keep


def parse_anchor(published: str | None) -> dt.date | None:
    """The calendar date of an ISO publication date/datetime (its own offset kept as given)."""
    if not published:
        return None
    try:
        return dt.datetime.fromisoformat(published).date()
    except ValueError:
        try:
            return dt.date.fromisoformat(published[:10])
        except ValueError:
            return None


def extract_times(
    text: str,
    published: str | None = None,
    stream: Stream | None = None,
    view: Tokens | None = None,
) -> tuple[list[Span], dict[str, Any] | None]:
    """Find and normalize time expressions in ``text``.

    ``view`` (the text layer's pieces and words) is tokenized here when not given; ``stream`` forces one
    whole-text stream instead of anchor windows.  Returns ``(spans, found_pubdate)``: when
    ``published`` is None the publication date is looked for in the text
    (:mod:`rasd.extract.pubdate`) and, if found, used as the anchor and returned as
    ``{"published": …, "published_info": …}``.
    """
    if stream is None:
        tv = view if view is not None else tokenize_words(text)
        stream = stream_from_words(text, tv.words, tv.fut_words)
    streams = [stream]
    per_stream = [(s, find_candidates(s)) for s in streams]
    found = None
    anchor = parse_anchor(published)
    if anchor is None:
        from rasd.extract.pubdate import pubdate_from_candidates

        for s, cands in per_stream:
            found = pubdate_from_candidates(s, cands)
            if found:
                anchor = parse_anchor(found["published"])
                break
    spans: list[Span] = []
    for s, cands in per_stream:
        last_day: tuple[int, str, str] | None = None  # (word end, date value, span id)
        for c in cands:
            attrs = c.resolve(anchor)
            typ = attrs.pop("type")
            attrs = {k: v for k, v in attrs.items() if v is not None or k == "value"}
            sid = f"tx{len(spans)}"
            v = attrs.get("value")
            if (c.info.get("default_day") and v and last_day
                    and _same_sentence(s, last_day[0], c.a)):
                # a clock time without a day belongs to the day just named in its sentence
                # ("جرت الانتخابات أمس السبت … وأغلقت المكاتب الساعة السابعة مساء")
                attrs["value"] = last_day[1] + v[10:]
                attrs["anchor"] = last_day[2]
            if isinstance(v, str) and _DAY_VALUE.fullmatch(v[:10]) and len(v) >= 10:
                last_day = (c.b, v[:10], sid)
            start, end = s.to_original(c.a, c.b)
            spans.append(trusted_span(start, end, typ, sid, attrs))
    return spans, found


_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _same_sentence(s: Stream, a: int, b: int) -> bool:
    """No sentence-final punctuation between stream offsets ``a`` and ``b``."""
    gap = s.joined[a:b]
    return not any(ch in gap for ch in ".!؟?\n") and gap.count(" ") < 40


@component("times", requires=("tokens",), assigns=("times",))
def times_component(doc: Document, config: Config) -> None:
    """Pipeline entry: publication date fallback from the text, then the ``times`` layer."""
    spans, found = extract_times(doc.text, doc.meta.published, stream=stream_for(doc))
    if found and not doc.meta.published:
        doc.meta.published = found["published"]
        doc.meta.published_info = found["published_info"]
    doc.set_layer("times", spans, "tx")

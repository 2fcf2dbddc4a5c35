"""The time vocabulary as folded lookup tables, read from ``rasd/lang/ar/vocab/*.tsv``.

Arabic news uses three Gregorian month-name systems side by side: Syriac-derived names in the
Levant and Iraq ("تشرين الثاني", "أيار"), transliterated Latin names in the Gulf and Egypt
("نوفمبر"), and French-derived names in the Maghreb ("نونبر", "غشت" in Morocco; "جوان",
"جويلية", "أوت" in Algeria and Tunisia); outlets often pair two ("يونيو/حزيران").  The lists
(``months``, ``weekdays``, ``numbers``, ``time-units``, ``time-words``, ``time-context``) are
data in plain spelling; here they become the folded dictionaries and sets the rules test
words against, built once at import.  To teach the extractor a new spelling, add a row to the
TSV — no code changes.
"""

from __future__ import annotations

from rasd.extract.times.fold import F
from rasd.lang.ar import vocab as V


def _ints(name: str, column: str, *categories: str) -> dict[str, int]:
    return {k: int(v) for k, v in V.table(name, column, *categories).items()}


def _ambiguous(name: str, *categories: str) -> frozenset[str]:
    return frozenset(e.key for e in V.rows(name, *categories) if e.extra["ambiguous"] == "yes")


def ordered(name: str, category: str) -> list[str]:
    """The words of one category in file order, for regex alternatives whose order counts."""
    return [e.word for e in V.rows(name, category)]


# --- calendars ---------------------------------------------------------------------------------
#: Gregorian month names (all four naming systems) → month number.
MONTHS = _ints("months", "month", "gregorian")
#: Month names that are also ordinary words ("مارس" practised, "آب" ~ "أب" father, "ماي"…):
#: accepted only with date context (a day, a year, a pair, "شهر").
AMBIG_MONTHS = _ambiguous("months", "gregorian")
HMONTHS = _ints("months", "month", "hijri")
#: Hijri month names that are common words or personal names ("صفر" zero, "رمضان", "رجب"):
#: need a day, a year, "شهر" or the "هـ" marker.
AMBIG_HMONTHS = _ambiguous("months", "hijri")
#: Weekday → ISO weekday number (Monday = 1).
WEEKDAYS = _ints("weekdays", "isoweekday")
#: Weekday words that are also common non-time words ("الاثنين" the two, "الأحد" the one).
AMBIG_WEEKDAYS = _ambiguous("weekdays")
#: Weekdays without their article ("كل جمعة").
WEEKDAYS_BARE = {k[2:]: v for k, v in WEEKDAYS.items()}

# --- numbers -----------------------------------------------------------------------------------
ORDINALS = _ints("numbers", "value", "ordinal")
#: Words naming the first day of a month ("غرة رمضان", "فاتح ماي").
DAY_ONE = V.words("numbers", "day-one")

#: Cardinal number words, compounds included ("ثلاثة عشر", "خمسة وعشرين").
CARD: dict[str, int] = {}
_TENS = _ints("numbers", "value", "cardinal-tens")
for _u, _n in _ints("numbers", "value", "cardinal-unit").items():
    CARD[_u] = _n
    CARD[f"{_u} {F('عشر')}"] = 10 + _n
    CARD[f"{_u} {F('عشرة')}"] = 10 + _n
    for _t, _m in _TENS.items():
        CARD[f"{_u} {F('و')}{_t}"] = _m + _n
for _t, _m in {**_TENS, **_ints("numbers", "value", "cardinal-other")}.items():
    CARD[_t] = _m


def number(s: str) -> int | None:
    """The value of a day or count: digits, "غرة"-like first-day words, cardinals, ordinals."""
    s = s.strip()
    if s.isdigit():
        return int(s)
    if s in DAY_ONE:
        return 1
    return CARD.get(s, ORDINALS.get(s))


# --- units -------------------------------------------------------------------------------------
#: Unit words → (TIMEX unit letter, implied count or None).  Dual forms imply two.
UNITS: dict[str, tuple[str, int | None]] = {
    **{k: (u, None) for k, u in V.table("time-units", "unit", "singular").items()},
    **{k: (u, 2) for k, u in V.table("time-units", "unit", "dual").items()},
    **{k: (u, None) for k, u in V.table("time-units", "unit", "plural").items()},
}
PLURALS = V.words("time-units", "plural")
#: "الأيام", "السنوات" …: counted plurals ("السنوات الثلاث الماضية").
PLURAL_UNIT = V.table("time-units", "unit", "plural-definite")
#: "اليوم", "الأسبوع" …: the periods "الماضي/المقبل/هذا" qualify.
PERIOD_UNIT = V.table("time-units", "unit", "period")

# --- modifiers and named periods ---------------------------------------------------------------
PAST = V.words("time-words", "past")
FUTURE = V.words("time-words", "future")
CURRENT = V.words("time-words", "current")
#: Position words before a period → TIMEX ``mod``.
POSMODS = V.table("time-words", "value", "position")
DUAL_MODS = V.words("time-words", "dual-modifier")
DECADES = _ints("time-words", "value", "decade")
DECADES_BARE = {k[2:]: v for k, v in DECADES.items()}
#: Ordinal centuries → the century number as TIMEX writes it ("العشرين" → 19).
CENTURIES = _ints("time-words", "value", "century")
#: Part of day → TIMEX3 part-of-day code.
PARTS = V.table("time-words", "value", "part-of-day")
#: Adverbs after a clock time: shift to 24 h.
CLOCK_ADV = V.table("time-words", "value", "clock-adverb")
SEASONS = V.table("time-words", "value", "season")
SET_ADV = V.table("time-words", "value", "set-adverb")
SET_UNIT = V.table("time-words", "value", "set-unit")
#: Quarter and half words: Mashriq "الربع/النصف", Maghrebi "الثلاثي/السداسي" → Q or H.
YEAR_PARTS = V.table("time-words", "value", "year-part")
DEICTIC_OFF = _ints("time-words", "value", "deictic-day")
VAGUE = V.table("time-words", "value", "vague")
#: "منذ/قبل/بعد" make a duration into a date; "نحو…" approximate it; "طيلة…" stay outside.
DURATION_PREFIX = V.table("time-words", "value", "duration-prefix")

# --- context words the rules look at -----------------------------------------------------------
YEAR_TRIGGERS = V.words("time-context", "year-trigger")
#: Words before a number that make it part of a name or an identifier, not a year.
YEAR_NAMES = V.words("time-context", "year-name")
MEDIA = V.words("time-context", "media")
NOT_TODAY_AFTER = V.words("time-context", "not-today-after") | frozenset(ORDINALS)
WD_OK_BEFORE = V.words("time-context", "weekday-ok-before")
WD_NOT_BEFORE = V.words("time-context", "weekday-not-before")
FUTURE_CUES = FUTURE | V.words("time-context", "future-cue")
#: "وكان من المقرر أن …": a past copula before a future cue makes the plan a past one
PAST_COPULA = V.words("time-context", "past-copula")
#: Adjectives between a period and its modifier: "العام المالي الماضي", "العام الدراسي الحالي"
PERIOD_ADJECTIVES = V.words("time-context", "period-adjective")
#: Dual nouns naming two coordinated days: "يومي الأربعاء والخميس"
DUAL_DAYS = V.words("time-context", "dual-day")
#: Demonstratives inside an expression: "هذا اليوم", "نفس اليوم", "هذا العام 1436هـ"
DEMONSTRATIVES = V.words("time-context", "demonstrative")
#: Position words never taken into the expression after them ("آخر" is also "another")
NOT_POSITION_PREFIX = V.words("time-context", "not-position-prefix")
BACKWARD = V.words("time-context", "backward")
#: Prepositions before an ambiguous month name that make it a month ("في مارس", "إلى تموز").
MONTH_PREPS = V.words("time-context", "month-preposition")
#: Words before a bare unit noun that make it a one-unit duration ("في غضون شهر").
BARE_UNIT_BEFORE = V.words("time-context", "bare-unit-before")
KAMIL = V.words("time-context", "complete")
ACCUSATIVE = V.words("time-context", "accusative-unit")
VAGUE_NEEDS_FI = V.words("time-context", "vague-needs-preposition")
VAGUE_PREPS = V.words("time-context", "vague-preposition")


def mod_dir(word: str | None) -> int | None:
    """Direction of a modifier word: -1 past, +1 future, 0 current, None absent."""
    if not word:
        return None
    if word in PAST:
        return -1
    if word in FUTURE:
        return 1
    if word in CURRENT:
        return 0
    return None


# --- feasts and seasons (rules_feasts) -------------------------------------------------------
#: feast or season (folded) → (Hijri month, Hijri day, is a season)
FEASTS: dict[str, tuple[int, int, bool]] = {
    e.key: (int(e.extra["hijri_month"]), int(e.extra["hijri_day"]), e.category == "season")
    for e in V.rows("feasts", "feast", "season")
}
#: "العيد": either Eid, only after a context word
GENERIC_FEASTS = V.words("feasts", "generic-feast")
FEAST_CONTEXT = V.words("feasts", "feast-context")
FEAST_ADJECTIVES = V.words("feasts", "feast-adjective")

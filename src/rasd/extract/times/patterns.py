"""Regex building blocks shared by the rules, over the folded word stream.

The stream is the document's word keys joined by single spaces (see :mod:`.stream`); every
rule pattern opens with :data:`CL` (a word start and optional proclitics, outside the extent)
and closes with :data:`END` (a word end).  The named group ``x`` is the expression's extent.
"""

from __future__ import annotations

import re

from rasd.extract.times.fold import F, alt, alt_ordered
from rasd.extract.times.vocab import (
    CARD,
    CURRENT,
    DAY_ONE,
    FUTURE,
    HMONTHS,
    MONTHS,
    ORDINALS,
    PAST,
    POSMODS,
    UNITS,
    WEEKDAYS,
    ordered,
)

CL = r"(?<![^ ])(?:[وف]?[بلك]?)"  # optional proclitics, outside the extent
END = r"(?![^ ])"
MONTH = alt(MONTHS)
HMONTH = alt(HMONTHS)
WEEKDAY = alt(WEEKDAYS)
ORD = alt(ORDINALS)
CARDW = alt(CARD)
NUM = rf"(?:\d{{1,3}}|{CARDW})"
DAYN = rf"(?:\d{{1,2}}|{alt([*ORDINALS, *DAY_ONE])})"
YEAR4 = r"(?:1[89]\d\d|20\d\d)"
MOD_P = alt(PAST)
MOD_F = alt(FUTURE)
MOD_C = alt(CURRENT)
MOD = rf"(?:{MOD_P}|{MOD_F}|{MOD_C})"
POS = alt(POSMODS)
SEP = r"(?: ?[/\\\-–] ?| \( ?)"  # between paired month names: "يونيو/حزيران", "آذار (مارس)"


def _same_month_pairs() -> str:
    """A space and another name of the month just read: "يوليو تموز", "سبتمبر أيلول" (wire
    copy names a month in two naming systems with no mark between).  One look-behind per
    name, so a plain space never joins two different months ("يناير فبراير")."""
    names: dict[int, list[str]] = {}
    for name, n in MONTHS.items():
        names.setdefault(n, []).append(name)
    alts = [rf"(?<={re.escape(a)}) {alt(b for b in same if b != a)}"
            for same in names.values() if len(same) > 1 for a in same]
    return "(?:" + "|".join(alts) + ")"


PAIRED = _same_month_pairs()
MONTHX = rf"(?P<m1>{MONTH})(?:{SEP}(?P<m2>{MONTH})(?: \))?|(?P<m3>{PAIRED}))?"
YEARPART = rf"(?: (?:من )?(?:{F('عام')} |{F('العام')} |{F('سنة')} )?(?P<y>{YEAR4})(?: {F('م')})?)"
GREG_MARK = F("(?: م| ميلادي| ميلادية| للميلاد)")
HIJRI_MARK = F("(?: ?/? ?ه| هجري| هجرية| للهجرة)")
UNIT = alt(UNITS)
PERIOD = alt_ordered(ordered("time-units", "period"))
PLURAL_PERIODS = alt_ordered(ordered("time-units", "plural-definite"))


def after_lam(words: list[str]) -> str:
    """The words that open with the article, as written after the preposition لـ ("للعام
    المقبل" → "لعام المقبل" once the proclitic ل is outside the extent, the convention of the
    real-news gold): a look-behind for that ل and the words without their alif."""
    bare = [F(w)[1:] for w in words if F(w).startswith("ال")]
    return rf"(?<=ل){alt(bare)}" if bare else "(?!)"


#: the period words after لـ: "للعام", "للشهر"
PERIOD_LAM = after_lam(ordered("time-units", "period"))

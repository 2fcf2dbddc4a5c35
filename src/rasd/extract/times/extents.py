"""Words just before a kept expression that belong to it: "هذا اليوم", "منتصف الليلة
الماضية", "نهاية شهر شوال 1436هـ", "يوم الأربعاء السادس من شوال", "غدًا الأربعاء …".

The rules match a day, a period or a date; the words that point at it or place inside it are
written before it and, in the real-news gold (eval/time/real), inside the expression:

* a demonstrative before "اليوم/العام" ("هذا اليوم", "هذا العام 1436هـ", "نفس اليوم");
* a position word ("منتصف", "نهاية", "أوائل" …) before an expression that has none (the value
  stays the expression's: the position is a TIMEX ``mod``, set as such);
* "يوم" or a deictic day ("غدًا", "اليوم") before a date that opens with its weekday;

and the year right after a year period ("العام الحالي 2015").

Run on the kept candidates after the overlap resolution (:func:`.find.find_candidates`);
a word is taken only when no other kept expression holds it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rasd.extract.times.cand import Cand, Resolver
from rasd.extract.times.stream import Stream
from rasd.extract.times.vocab import (
    DEICTIC_OFF,
    DEMONSTRATIVES,
    NOT_POSITION_PREFIX,
    PERIOD_UNIT,
    POSMODS,
    WEEKDAYS,
)

#: the first words a demonstrative may point at
_POINTED = frozenset({"اليوم", "العام", "الشهر", "الاسبوع", "الموسم"})
_YAWM = "يوم"
_YEAR = re.compile(r"(?:19|20)\d\d")
#: tags of expressions a position word may open (dates and periods, not durations or clocks)
_POSITIONABLE = frozenset({"deictic", "vague", "hijri", "month", "period", "partofday",
                           "season", "feast"})


def _with_mod(res: Resolver, mod: str) -> Resolver:
    def inner(anchor: dt.date | None) -> dict[str, Any]:
        out = dict(res(anchor))
        out.setdefault("mod", mod)
        return out

    return inner


def widen(s: Stream, keep: list[Cand]) -> None:
    """Take in the word before each kept expression when it belongs to it (in place)."""
    for k, c in enumerate(keep):
        i = s.word_at(c.a)
        if c.a != s.pos[i] or i == 0 or (k and keep[k - 1].b > s.pos[i - 1]):
            continue  # inside a word (after a proclitic), or the word before is taken
        prev = s.keys[i - 1]
        first = s.keys[i]
        bare = prev[1:] if prev[:1] in "وف" and len(prev) > 3 else prev
        cut = len(prev) - len(bare)  # a conjunction stays outside
        if bare in DEMONSTRATIVES and first in _POINTED:
            c.a = s.pos[i - 1] + cut
        elif (bare in POSMODS and bare not in NOT_POSITION_PREFIX and c.tag in _POSITIONABLE
              and first not in POSMODS):
            c.a = s.pos[i - 1] + cut
            c.resolve = _with_mod(c.resolve, POSMODS[bare])
        elif first in WEEKDAYS and c.tag in ("hijri", "daymonth", "numdate") and (
                bare == _YAWM or DEICTIC_OFF.get(bare) is not None):
            c.a = s.pos[i - 1] + cut
    for c in keep:
        # "العام الحالي 2015": the year that names the period is part of it
        j = s.word_at(c.b - 1) + 1
        if (c.tag == "period" and c.m is not None and PERIOD_UNIT.get(c.m.group("u")) == "Y"
                and j < len(s.keys) and _YEAR.fullmatch(s.keys[j])
                and not any(o.a <= s.pos[j] < o.b for o in keep)):
            c.b = s.pos[j] + len(s.keys[j])

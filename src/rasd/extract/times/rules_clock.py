"""Times of day: clock times ("الساعة الثامنة مساءً") and parts of day ("صباح الخميس").

A clock time without a day takes the day last named in its sentence (:mod:`.resolve`), which
is why it is tagged ``default_day``; a part of day's TIMEX3 code (``part_code``) also turns an
adjacent calendar date into a TIME (:mod:`.find`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rasd.extract.times.anchors import CLOCK_ANCHORS, PART_OF_DAY_ANCHORS
from rasd.extract.times.calendars import weekday_date
from rasd.extract.times.cand import Cand
from rasd.extract.times.fold import F, alt
from rasd.extract.times.matching import cands, future_ctx
from rasd.extract.times.patterns import CARDW, CL, END, MOD_F, MOD_P, WEEKDAY
from rasd.extract.times.stream import Stream
from rasd.extract.times.vocab import CLOCK_ADV, ORDINALS, PARTS, WEEKDAYS, mod_dir, number

# --- clock times and parts of day ---------------------------------------------------------------
_HOURW = alt([k for k, v in ORDINALS.items() if v <= 12 and F(" و") not in k])
_CLOCK = re.compile(
    rf"{CL}(?P<x>{F('الساعة')} (?:(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)|(?P<h>\d{{1,2}}|{_HOURW})"
    rf"(?: ?: ?(?P<mi>\d{{2}})|\.(?P<dmi>[0-5]\d)|(?P<min>"
    rf" {F('والنصف')}| {F('والربع')}| {F('إلا ربعا')}| {F('الا ربعا')}| (?:{F('و')} ?)?(?P<mn>\d{{1,2}}|{CARDW})"
    rf" {F('دقيقة')}))?)(?: (?P<adv>{alt(list(CLOCK_ADV))}))?"
    rf"(?: (?:{F('من')} )?(?:{alt(list(PARTS))} )?(?:{F('يوم')} )?(?P<day>{F('اليوم')}|{F('أمس')}"
    rf"|{F('الأمس')}|{F('غد')}|{WEEKDAY})(?: (?:، )?(?P<wd2>{WEEKDAY}))?)?)(?: {F('بتوقيت')} (?P<tz>[^\s\d.,،:؛()]+(?: (?!{F('إلى')} )ال[^\s\d.,،:؛()]+)?))?{END}"
)
_PART = re.compile(
    rf"{CL}(?P<x>(?:(?P<after>{F('بعد')}) )?(?P<p>{alt(list(PARTS))}) (?:{F('يوم')} )?(?P<day>{F('اليوم')}|{F('أمس')}"
    rf"|{F('الأمس')}|{F('البارحة')}|{F('الغد')}|{F('غد')}|{WEEKDAY})(?: (?:، )?(?P<wd2>{WEEKDAY})"
    rf"| \( (?P<pwd>{WEEKDAY}) \)"
    rf"|(?P<night> ?[/\-–] ?| {F('على')} | {F('إلى')} | {F('الى')} | )(?P<wd3>{WEEKDAY}))?"
    rf"(?: (?P<mod>{MOD_P}|{MOD_F}))?){END}"
)


def day_offset(day: str | None, anchor: dt.date, fut: bool, direction: int | None = None
               ) -> dt.date:
    """The day named by "اليوم/أمس/غد" or a weekday, from the publication date."""
    if not day or day == F("اليوم"):
        return anchor
    if day in (F("أمس"), F("الأمس"), F("البارحة")):
        return anchor - dt.timedelta(days=1)
    if day in (F("غد"), F("الغد")):
        return anchor + dt.timedelta(days=1)
    return weekday_date(WEEKDAYS[day], anchor, direction, fut)


def clock(s: Stream) -> list[Cand]:
    """"الساعة 10:30 صباحاً", "الساعة 2102", "الساعة الثامنة والنصف مساء الخميس" (a following
    "بتوقيت مكة" is read but stays outside the extent, as the gold sets write it)."""
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        if m.group("hh"):  # "الساعة 2102 بتوقيت غرينتش": wire-style HHMM
            hs, mi = m.group("hh"), int(m.group("mm"))
        else:
            hs, mi = m.group("h"), 0
        h = int(hs) if hs.isdigit() else ORDINALS.get(hs)
        if h is None or h > 24:
            return None
        if m.group("mi") or m.group("dmi"):  # "10:30", "11.59"
            mi = int(m.group("mi") or m.group("dmi"))
        elif m.group("min"):
            mn = m.group("min").strip()
            if mn == F("والنصف"):
                mi = 30
            elif mn == F("والربع"):
                mi = 15
            elif mn in (F("إلا ربعا"), F("الا ربعا")):
                h, mi = h - 1, 45
            else:
                mi = number(m.group("mn")) or 0
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
        fut = future_ctx(s, m.start("x"))

        def res(anchor: dt.date | None) -> dict[str, Any]:
            if anchor is None:
                return {"type": "TIME", "value": f"XXXX-XX-XXT{h % 24:02d}:{mi:02d}",
                        "anchor": "publication"}
            d = day_offset(day, anchor, fut)
            return {"type": "TIME", "value": f"{d.isoformat()}T{h % 24:02d}:{mi:02d}",
                    "anchor": "publication"}

        return Cand(m.start("x"), m.end("x"), "clock", res, 7, m, default_day=not day)

    return cands(_CLOCK, s, build, s.around(CLOCK_ANCHORS, 0, 12))


def part_of_day(s: Stream) -> list[Cand]:
    """"صباح اليوم", "مساء أمس", "ليلة الجمعة/السبت", "بعد ظهر الخميس"."""
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
        direction = mod_dir(m.group("mod"))
        fut = future_ctx(s, m.start("x"))

        def res(anchor: dt.date | None) -> dict[str, Any]:
            if anchor is None:
                return {"type": "TIME", "value": None, "anchor": "publication"}
            d = day_offset(day, anchor, fut, direction)
            return {"type": "TIME", "value": f"{d.isoformat()}T{code}", "anchor": "publication"}

        return Cand(m.start("x"), end, "partofday", res, 6, m, part_code=code)

    return cands(_PART, s, build, s.around(PART_OF_DAY_ANCHORS, 1, 4))

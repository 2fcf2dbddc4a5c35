"""Hijri rules: dates and months of the Hijri calendar, Hijri years.

Values are Gregorian (Umm al-Qura conversion, :mod:`.calendars`); the Hijri reading stays in
the ``hijri`` attr with ``calendar: "hijri"``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rasd.extract.times.anchors import HIJRI_ANCHORS, HYEAR_ANCHORS
from rasd.extract.times.calendars import gregorian_to_hijri, hijri_month_span, hijri_to_gregorian
from rasd.extract.times.cand import Cand, fixed
from rasd.extract.times.fold import F
from rasd.extract.times.matching import cands
from rasd.extract.times.patterns import CL, DAYN, END, HIJRI_MARK, HMONTH, MOD, WEEKDAY
from rasd.extract.times.stream import Stream
from rasd.extract.times.vocab import AMBIG_HMONTHS, HMONTHS, mod_dir, number

# --- Hijri dates -------------------------------------------------------------------------------
_HIJRI = re.compile(
    rf"{CL}(?P<x>(?:(?:{F('يوم')} )?(?P<wd>{WEEKDAY}) (?:، )?(?=\d|{DAYN}))?"
    rf"(?:(?:{F('يوم')} )?(?P<d>{DAYN}) (?:{F('من')} )?)?(?P<shahr>{F('شهر')} )?(?P<hm>{HMONTH})"
    rf"(?: (?:{F('عام')} |{F('سنة')} )?(?P<y>1[34]\d\d))?(?P<mark>{HIJRI_MARK})?"
    rf"(?: (?P<mod>{MOD}))?){END}"
)


def hijri_date(s: Stream) -> list[Cand]:
    """"15 رمضان 1445 هـ", "شهر رمضان المقبل": a day (Gregorian value) or a month (its middle,
    with begin and end)."""
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        hm = HMONTHS[m.group("hm")]
        d = number(m.group("d")) if m.group("d") else None
        y = int(m.group("y")) if m.group("y") else None
        if d is not None and not 1 <= d <= 30:
            return None
        if m.group("hm") in AMBIG_HMONTHS and d is None and y is None and not m.group("shahr"):
            return None
        direction = mod_dir(m.group("mod"))

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
                first, last = hijri_month_span(hy, hm)
            except (ValueError, OverflowError):
                return {"type": "DATE", "value": None, "anchor": "absolute"}
            mid = first + (last - first) / 2
            return {"type": "DATE", "value": f"{mid.year:04d}-{mid.month:02d}",
                    "anchor": "absolute" if y else "publication", "calendar": "hijri",
                    "hijri": f"{hy:04d}-{hm:02d}", "begin": first.isoformat(),
                    "end": last.isoformat()}

        return Cand(m.start("x"), m.end("x"), "hijri", res, 6, m)

    return cands(_HIJRI, s, build, s.around(HIJRI_ANCHORS, 4, 6))


_HYEAR = re.compile(
    rf"{CL}(?P<x>(?:(?:{F('عام')}|{F('العام')}|{F('سنة')}) )?(?P<y>1[34]\d\d){HIJRI_MARK}){END}"
)


def hijri_year(s: Stream) -> list[Cand]:
    """"عام 1445 هـ": the Gregorian year holding its middle, with begin and end."""
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        y = int(m.group("y"))
        try:
            first = hijri_to_gregorian(y, 1, 1)
            last = hijri_to_gregorian(y + 1, 1, 1) - dt.timedelta(days=1)
        except (ValueError, OverflowError):
            return None
        mid = first + (last - first) / 2
        return Cand(m.start("x"), m.end("x"), "hyear",
                    fixed(f"{mid.year:04d}", calendar="hijri", hijri=f"{y:04d}",
                           begin=first.isoformat(), end=last.isoformat()), 5, m)

    return cands(_HYEAR, s, build, s.around(HYEAR_ANCHORS, 3, 1))

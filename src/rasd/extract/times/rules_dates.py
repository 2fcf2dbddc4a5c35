"""Calendar-date rules: day and month, day ranges, months, numeric dates, years.

The Gregorian month names of the four naming systems are one table (:data:`.vocab.MONTHS`);
a month named without a year takes the nearest one by the tense of its sentence
(:func:`.calendars.month_year`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rasd.extract.times.anchors import MONTH_ANCHORS, NUM_ANCHOR
from rasd.extract.times.calendars import hijri_to_gregorian, month_year, valid
from rasd.extract.times.cand import Cand, DateParts, fixed
from rasd.extract.times.fold import F
from rasd.extract.times.matching import cands, future_ctx, matches, next_word, prev_word
from rasd.extract.times.patterns import (
    CL,
    DAYN,
    END,
    GREG_MARK,
    HIJRI_MARK,
    MOD,
    MONTHX,
    POS,
    WEEKDAY,
    YEAR4,
    YEARPART,
)
from rasd.extract.times.stream import Stream, variants_all
from rasd.extract.times.vocab import (
    AMBIG_MONTHS,
    MONTH_PREPS,
    MONTHS,
    POSMODS,
    WEEKDAYS,
    YEAR_NAMES,
    YEAR_TRIGGERS,
    mod_dir,
    number,
)

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



def _month_value(m: re.Match[str]) -> int:
    """The month of the first (or only) name of a pair."""
    return MONTHS[m.group("m1")]


def _pair_ok(m: re.Match[str]) -> bool:
    """A pair of month names ("يونيو/حزيران") must name the same month."""
    m2 = m.group("m2")
    return not m2 or MONTHS[m2] == MONTHS[m.group("m1")]


def day_month(s: Stream) -> list[Cand]:
    """[weekday] day month [year] [modifier]: "الخميس 12 أيار 2023", "3 نوفمبر المقبل"."""
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        if not _pair_ok(m):
            return None
        d = number(m.group("d"))
        mon = _month_value(m)
        if d is None or not 1 <= d <= 31:
            return None
        y = int(m.group("y")) if m.group("y") else None
        direction = mod_dir(m.group("mod"))
        wd = WEEKDAYS.get(m.group("wd") or "")
        fut = future_ctx(s, m.start("x"))

        def res(anchor: dt.date | None) -> dict[str, Any]:
            if y is not None:
                yy = y
            elif anchor is not None:
                yy = month_year(mon, direction, anchor, fut)
            else:
                return {"type": "DATE", "value": f"XXXX-{mon:02d}-{d:02d}", "anchor": "publication"}
            if not valid(yy, mon, d):
                return {"type": "DATE", "value": None, "anchor": "absolute"}
            return {
                "type": "DATE",
                "value": f"{yy:04d}-{mon:02d}-{d:02d}",
                "anchor": "absolute" if y is not None else "publication",
            }

        return Cand(m.start("x"), m.end("x"), "daymonth", res, 5, m,
                    parts=DateParts(y, mon, d, wd), today=m.group("deic") == F("اليوم"))

    return cands(_DAYMONTH, s, build, s.around(MONTH_ANCHORS, 8, 6))


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


def day_range(s: Stream) -> list[Cand]:
    """The first day of "بين 10 و12 نوفمبر", "من 1 إلى 5 أيار": same month as the second."""

    def build(m: re.Match[str], s: Stream) -> Cand | None:
        if not _pair_ok(m):
            return None
        d0, d = number(m.group("d0")), number(m.group("d"))
        if d0 is None or d is None or not 1 <= d0 < d <= 31:
            return None
        mon = _month_value(m)
        y = int(m.group("y")) if m.group("y") else None
        direction = mod_dir(m.group("mod"))
        fut = future_ctx(s, m.start("x"))

        def res(anchor: dt.date | None) -> dict[str, Any]:
            if y is not None:
                yy = y
            elif anchor is None:
                return {"type": "DATE", "value": f"XXXX-{mon:02d}-{d0:02d}", "anchor": "publication"}
            else:
                yy = month_year(mon, direction, anchor, fut)
            v = f"{yy:04d}-{mon:02d}-{d0:02d}" if valid(yy, mon, d0) else None
            return {"type": "DATE", "value": v,
                    "anchor": "absolute" if y is not None else "publication"}

        return Cand(m.start("x"), m.end("x"), "daymonth", res, 5, m)

    return cands(_DAY_RANGE, s, build, s.around(MONTH_ANCHORS, 8, 3))



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


def month_only(s: Stream) -> list[Cand]:
    """A month with or without a year: "أيار 2018", "مطلع شهر مارس الماضي", "تموز وآب"."""
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
            and not m.group("m3")
            and y is None
            and not m.group("shahr")
            and not m.group("pos")
            and not m.group("mod")  # "مارس الماضي"
            and listed is None
            and prev_word(s, m.start("x")).lstrip("وف") not in MONTH_PREPS  # "في مارس"
            and not _month_nearby(s, m.start("x"))
        ):
            return None
        direction = mod_dir(m.group("mod"))
        pos = POSMODS.get(m.group("pos") or "")
        fut = future_ctx(s, m.start("x"))

        def res(anchor: dt.date | None) -> dict[str, Any]:
            out: dict[str, Any] = {"type": "DATE", "anchor": "absolute"}
            if pos:
                out["mod"] = pos
            if y is not None:
                out["value"] = f"{y:04d}-{mon:02d}"
            elif anchor is not None:
                out["value"] = f"{month_year(mon, direction, anchor, fut):04d}-{mon:02d}"
                out["anchor"] = "publication"
            else:
                out["value"] = f"XXXX-{mon:02d}"
                out["anchor"] = "publication"
            return out

        return Cand(m.start("x"), m.end("x"), "month", res, 4, m)

    return cands(_MONTHONLY, s, build, s.around(MONTH_ANCHORS, 3, 6))


# --- numeric dates: 12/05/2023, 2023/05/12, 12.05.2023 ----------------------------------------
_NUMDATE = re.compile(
    r"(?<![^ ])(?P<x>(?:(?P<d>\d{1,2})(?P<s1> ?[/\-.] ?)(?P<m>\d{1,2})(?P=s1)(?P<y>\d{4})"
    r"|(?P<y2>\d{4})(?P<s2> ?[/\-.] ?)(?P<m2>\d{1,2})(?P=s2)(?P<d2>\d{1,2}))"
    + f"(?P<hm>{HIJRI_MARK})?)" + GREG_MARK.replace("(?:", "(?:", 1) + "?" + END
)  # "22-9-1436هـ": the Hijri mark inside the extent


def numeric_date(s: Stream) -> list[Cand]:
    """12/05/2023, 2023/05/12, 12.05.2023; 1443/03/15 (Hijri, converted)."""
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        if m.group("y"):
            y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        else:
            y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        if m.group("hm") and not 1300 <= y <= 1500:
            return None  # a Hijri mark on a Gregorian year: not a date we can read
        if not valid(y, mo, d) or not 1800 <= y <= 2100:
            # 1443/03/15 هـ style Hijri numeric dates
            if 1300 <= y <= 1500 and 1 <= mo <= 12 and 1 <= d <= 30:
                try:
                    g = hijri_to_gregorian(y, mo, d)
                except (ValueError, OverflowError):
                    return None
                return Cand(m.start("x"), m.end("x"), "numdate",
                            fixed(g.isoformat(), calendar="hijri",
                                  hijri=f"{y:04d}-{mo:02d}-{d:02d}"), 6, m,
                            parts=DateParts(g.year, g.month, g.day, calendar="hijri"))
            return None
        return Cand(m.start("x"), m.end("x"), "numdate",
                    fixed(f"{y:04d}-{mo:02d}-{d:02d}"), 6, m, parts=DateParts(y, mo, d))

    return cands(_NUMDATE, s, build, s.around(NUM_ANCHOR, 0, 6))


# --- years: "عام 2017", "2011 و2016 و2017", "العام 2020م" --------------------------------------
_YEAR = re.compile(
    rf"{CL}(?P<x>(?:(?P<pos>{POS}) )?(?:(?P<kw>{F('عام')}|{F('العام')}|{F('سنة')}|{F('السنة')}"
    rf"|{F('عامي')}|{F('سنتي')}) )?(?P<y>{YEAR4})(?P<g>{GREG_MARK})?){END}"
)


def year(s: Stream) -> list[Cand]:
    """"عام 2017", "2011 و2016 و2017", "العام 2020م"; a bare number only after a trigger word."""
    out: list[Cand] = []
    prev_year_end = -10
    for m in matches(_YEAR, s, s.around(NUM_ANCHOR, 3, 2)):
        y = int(m.group("y"))
        ok = bool(m.group("kw") or m.group("g") or m.group("pos"))
        whole = s.joined_word(s.word_at(m.start()))
        clitic = whole[: len(whole) - len(m.group("x").split(" ")[0])] if whole else ""
        if not ok:
            prev = prev_word(s, m.start())
            prev_forms = set(variants_all(prev))
            nxt = next_word(s, m.end())
            listed = m.start() - prev_year_end <= 5 and (
                clitic.startswith("و") or prev in {"-", "–", "/", F("و")}
            )  # "2011 و2016 و2017", "2011-2016"
            ok = bool(
                prev_forms & YEAR_TRIGGERS
                or listed
                or nxt in {"-", "–", ")", ".", "،", ","}
                or prev in {"(", "،", ","}
            )
            if prev_forms & YEAR_NAMES:
                ok = False  # "رؤية 2030", "إكسبو 2020", "القرار رقم 2254"
        if not ok:
            continue
        pos = POSMODS.get(m.group("pos") or "")
        extra = {"mod": pos} if pos else {}
        out.append(Cand(m.start("x"), m.end("x"), "year", fixed(f"{y:04d}", **extra), 3, m))
        prev_year_end = m.end()
    return out

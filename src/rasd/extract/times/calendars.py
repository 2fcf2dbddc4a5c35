"""Calendar arithmetic: ISO weeks, month shifts, the Hijri (Umm al-Qura) calendar, and the
news conventions for the year of a month or the date of a weekday named without one.

Why here and not in the rules: a value is arithmetic over a calendar, and the same arithmetic
serves several rules (a month named alone, a day-and-month, "الخامس من الشهر الجاري") and the
publication-date fallback; keeping it free of any pattern makes it testable on its own.
"""

from __future__ import annotations

import datetime as dt


def week(d: dt.date) -> str:
    """The ISO week of ``d`` as TIMEX writes it: ``2021-W43``."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    """(year, month) ``k`` months after ``y``-``m``."""
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def shift(anchor: dt.date, unit: str, k: int) -> str:
    """The period ``k`` units away from ``anchor`` at the unit's own granularity."""
    if unit == "D":
        return (anchor + dt.timedelta(days=k)).isoformat()
    if unit == "W":
        return week(anchor + dt.timedelta(weeks=k))
    if unit == "M":
        y, m = shift_month(anchor.year, anchor.month, k)
        return f"{y:04d}-{m:02d}"
    if unit == "Y":
        return f"{anchor.year + k:04d}"
    if unit == "DE":
        return f"{anchor.year // 10 + k:03d}"
    if unit == "CE":
        return f"{anchor.year // 100 + k:02d}"
    return anchor.isoformat()  # hours and minutes: the publication day


def valid(y: int, m: int, d: int) -> bool:
    """Is ``y-m-d`` a real Gregorian date (no 31 April, 29 February only in leap years)?"""
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def hijri_to_gregorian(y: int, m: int, d: int) -> dt.date:
    """Umm al-Qura conversion via ``hijridate`` (1 Ramadan 1445 → 2024-03-11)."""
    from hijridate import Hijri

    g = Hijri(y, m, d).to_gregorian()
    return dt.date(g.year, g.month, g.day)


def gregorian_to_hijri(d: dt.date) -> tuple[int, int, int]:
    """The Umm al-Qura (year, month, day) of a Gregorian date."""
    from hijridate import Gregorian

    h = Gregorian(d.year, d.month, d.day).to_hijri()
    return h.year, h.month, h.day


def hijri_month_span(y: int, m: int) -> tuple[dt.date, dt.date]:
    """First and last Gregorian day of Hijri month ``m`` of year ``y``."""
    from hijridate import Hijri

    first = Hijri(y, m, 1)
    return hijri_to_gregorian(y, m, 1), hijri_to_gregorian(y, m, first.month_length())


def month_year(m: int, direction: int | None, anchor: dt.date, future_ctx: bool) -> int:
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


def weekday_date(wd: int, anchor: dt.date, direction: int | None, future_ctx: bool) -> dt.date:
    """Date of a weekday named in a news story: the nearest past one (or today) by default,
    the next one in a future-tense sentence or with "المقبل", last week's with "الماضي"."""
    diff = (anchor.isoweekday() - wd) % 7
    if direction == -1:
        return anchor - dt.timedelta(days=diff or 7)
    if direction == 1 or (direction is None and future_ctx and diff):
        ahead = (wd - anchor.isoweekday()) % 7
        return anchor + dt.timedelta(days=ahead or 7)
    return anchor - dt.timedelta(days=diff)


def infer_year(month: int, day: int, weekday: int, today: dt.date | None = None) -> int | None:
    """The most recent year (not after ``today``) in which ``day``/``month`` is a ``weekday``
    (ISO number): how a dateline without a year ("الاثنين 1 تشرين الثاني") is dated."""
    today = today or dt.date.today()
    for y in range(today.year, today.year - 30, -1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if d <= today and d.isoweekday() == weekday:
            return y
    return None

"""What a rule finds: a :class:`Cand` (extent, kind, resolver) and, for calendar dates, the
typed :class:`DateParts` the publication-date fallback reads.

Why a module of its own: the rules produce candidates, the overlap resolver and
:mod:`.pubdate` consume them, and :mod:`.resolve` turns them into spans.  Keeping the shared
types here lets every one of them import this module and none import another's (the old
``pubdate`` ↔ ``times`` cycle went through untyped ``Cand.info`` keys).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rasd.extract.times.calendars import infer_year, shift

#: A resolver: the attrs of a span (``type``, ``value``, ``anchor`` …) given the anchor date.
Resolver = Callable[[dt.date | None], dict[str, Any]]


@dataclass(frozen=True)
class DateParts:
    """The calendar fields of a date as written, before resolution.

    ``year`` is None when the text gives none ("الاثنين 1 تشرين الثاني"); ``weekday`` is the
    ISO number of a weekday written with the date.  ``month`` and ``day`` are Gregorian even
    when ``calendar`` is ``"hijri"`` (a Hijri numeric date is converted when read).
    """

    year: int | None
    month: int
    day: int
    weekday: int | None = None
    calendar: str = "gregorian"

    def to_date(self, today: dt.date | None = None) -> tuple[dt.date, bool] | None:
        """The date and whether it is reliable, or None when it cannot be a date.

        Without a year, a weekday dates it: the most recent year (not after ``today``) in which
        that day falls on that weekday — unreliable, as the inference can pick the wrong cycle.
        A weekday that does not match a full date also makes it unreliable.
        """
        reliable = True
        y = self.year
        if y is None:
            if self.weekday is None:
                return None
            y = infer_year(self.month, self.day, self.weekday, today)
            if y is None:
                return None
            reliable = False
        try:
            date = dt.date(y, self.month, self.day)
        except ValueError:
            return None
        if self.weekday is not None and date.isoweekday() != self.weekday:
            reliable = False
        return date, reliable


@dataclass
class Cand:
    """A matched expression before resolution: word-stream offsets and a resolver.

    ``tag`` names the kind (``daymonth``, ``numdate``, ``clock`` …); the overlap resolver keeps
    the longest candidates, then the highest ``priority``.  ``parts`` are the calendar fields of
    a full date (``daymonth``/``numdate``), ``today`` marks an expression opened by "اليوم",
    ``default_day`` a clock time without a day, ``part_code`` a part of day's TIMEX3 code.
    """

    a: int
    b: int
    tag: str
    resolve: Resolver
    priority: int = 0
    m: re.Match[str] | None = None
    parts: DateParts | None = None
    today: bool = False
    default_day: bool = False
    part_code: str | None = None


def rel(unit: str, k: int, mod: str | None = None, typ: str = "DATE") -> Resolver:
    """Resolver of the period ``k`` units from the publication date ("الأسبوع الماضي")."""

    def res(anchor: dt.date | None) -> dict[str, Any]:
        out: dict[str, Any] = {"type": typ, "anchor": "publication"}
        if mod:
            out["mod"] = mod
        if anchor is None:
            out["value"] = None
            out["offset"] = f"{k:+d}{unit}"
        else:
            out["value"] = shift(anchor, unit, k)
        return out

    return res


def fixed(value: str | None, typ: str = "DATE", **extra: Any) -> Resolver:
    """Resolver of an absolute value ("عام 2017", "P3D")."""

    def res(anchor: dt.date | None) -> dict[str, Any]:
        return {"type": typ, "value": value, "anchor": "absolute", **extra}

    return res


def ref(value: str) -> Resolver:
    """Resolver of a vague reference (``PAST_REF`` …), relative to publication."""

    def res(anchor: dt.date | None) -> dict[str, Any]:
        return {"type": "DATE", "value": value, "anchor": "publication"}

    return res


def with_part(res: Resolver, code: str) -> Resolver:
    """A day resolver made a TIME with a part of day ("ليلة الجمعة 8 سبتمبر" → …TNI)."""

    def wrapped(anchor: dt.date | None) -> dict[str, Any]:
        out = res(anchor)
        v = out.get("value")
        if isinstance(v, str) and len(v) == 10:
            out = {**out, "type": "TIME", "value": f"{v}T{code}"}
        return out

    return wrapped

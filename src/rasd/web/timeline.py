"""Bucket (day, count) series into bars a page can draw with plain HTML/CSS.

A few days of news are shown per day; months of news per month; years per year — so a
timeline never becomes thousands of one-pixel bars.  Empty buckets inside the range are kept
(a gap in coverage is information).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from rasd.web.labels import MONTHS


@dataclass(frozen=True)
class Bar:
    key: str  # ISO day, YYYY-MM or YYYY
    label: str
    count: int
    height: int  # percent of the tallest bar
    date_from: str
    date_to: str


def _parse(day: str) -> date | None:
    try:
        return date.fromisoformat(day[:10])
    except ValueError:
        return None


def _month_end(d: date) -> date:
    nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def bucket_counts(series: Iterable[tuple[str, int]], max_days: int = 62) -> list[Bar]:
    """Bars per day (≤ ``max_days`` days), per month (≤ 6 years) or per year."""
    points = [(d, n) for day, n in series if (d := _parse(day)) is not None]
    if not points:
        return []
    lo, hi = min(d for d, _ in points), max(d for d, _ in points)
    span = (hi - lo).days + 1
    counts: dict[str, int] = {}
    if span <= max_days:
        unit = "day"
        d = lo
        while d <= hi:
            counts[d.isoformat()] = 0
            d += timedelta(days=1)
        for d, n in points:
            counts[d.isoformat()] += n
    elif hi.year - lo.year <= 6:
        unit = "month"
        y, m = lo.year, lo.month
        while (y, m) <= (hi.year, hi.month):
            counts[f"{y:04d}-{m:02d}"] = 0
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        for d, n in points:
            counts[f"{d.year:04d}-{d.month:02d}"] += n
    else:
        unit = "year"
        for y in range(lo.year, hi.year + 1):
            counts[f"{y:04d}"] = 0
        for d, n in points:
            counts[f"{d.year:04d}"] += n
    top = max(counts.values()) or 1
    bars = []
    for key, n in counts.items():
        if unit == "day":
            d = date.fromisoformat(key)
            label, a, b = f"{d.day} {MONTHS[d.month - 1]} {d.year}", key, key
        elif unit == "month":
            first = date.fromisoformat(key + "-01")
            label = f"{MONTHS[first.month - 1]} {first.year}"
            a, b = first.isoformat(), _month_end(first).isoformat()
        else:
            label, a, b = key, f"{key}-01-01", f"{key}-12-31"
        bars.append(Bar(key, label, n, max(2, round(100 * n / top)) if n else 0, a, b))
    return bars

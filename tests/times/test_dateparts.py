"""DateParts: the calendar fields a rule read, as the publication-date fallback dates them."""

from __future__ import annotations

import datetime as dt

from rasd.extract.times import DateParts, extract_times
from rasd.extract.times.find import find_candidates
from rasd.extract.times.stream import stream_from_text


def test_full_date_is_reliable():
    assert DateParts(2023, 5, 12).to_date() == (dt.date(2023, 5, 12), True)


def test_year_inferred_from_weekday_is_unreliable():
    # 1 November was a Monday (ISO 1) in 2021, the latest such year before 2023-06-01
    assert DateParts(None, 11, 1, weekday=1).to_date(dt.date(2023, 6, 1)) == (
        dt.date(2021, 11, 1), False)


def test_no_year_no_weekday_or_impossible_date_gives_none():
    assert DateParts(None, 5, 12).to_date() is None
    assert DateParts(2023, 2, 30).to_date() is None


def test_weekday_that_does_not_match_makes_it_unreliable():
    assert DateParts(2023, 5, 12, weekday=1).to_date() == (dt.date(2023, 5, 12), False)


def test_rules_fill_date_parts():
    s = stream_from_text("دمشق - الخميس 12 أيار 2023 (سانا) وفي 1443/03/15 هـ")
    parts = [c.parts for c in find_candidates(s) if c.parts is not None]
    assert parts[0] == DateParts(2023, 5, 12, 4)
    assert parts[1].calendar == "hijri" and parts[1].year == 2021
    _, found = extract_times("دمشق - الخميس 12 أيار 2023 (سانا) أعلنت الوزارة", None)
    assert found is not None and found["published"] == "2023-05-12"

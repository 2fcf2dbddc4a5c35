"""The rule registry and the candidate finder: which rules run, in which order, and which
candidates survive when they overlap.

To add a rule, write it in the ``rules_*`` module of its kind and list it in :data:`RULES`
with its anchor words.  The order of :data:`RULES` is part of the output: among candidates of
equal length and priority the earlier rule's wins.
"""

from __future__ import annotations

import bisect

from rasd.extract.times import rules_clock as clock
from rasd.extract.times import rules_dates as dates
from rasd.extract.times import rules_durations as durations
from rasd.extract.times import rules_feasts as feasts
from rasd.extract.times import rules_hijri as hijri
from rasd.extract.times import rules_periods as periods
from rasd.extract.times import rules_relative as relative
from rasd.extract.times.anchors import (
    CENTURY_ANCHORS,
    CLOCK_ANCHORS,
    DAY_OF_MONTH_ANCHORS,
    DECADE_ANCHORS,
    DEICTIC_ANCHORS,
    DURATION_ANCHORS,
    FEAST_ANCHORS,
    HIJRI_ANCHORS,
    HYEAR_ANCHORS,
    MONTH_ANCHORS,
    NUM_ANCHOR,
    PART_OF_DAY_ANCHORS,
    PERIOD_ANCHORS,
    SEASON_ANCHORS,
    SET_ANCHORS,
    VAGUE_ANCHORS,
    WEEKDAY_ANCHORS,
    YEAR_PART_ANCHORS,
)
from rasd.extract.times.cand import Cand, with_part
from rasd.extract.times.coordination import coordinate
from rasd.extract.times.extents import widen
from rasd.extract.times.fold import F
from rasd.extract.times.matching import Rule
from rasd.extract.times.stream import Stream, variants_all
from rasd.extract.times.vocab import PARTS, WEEKDAYS

#: Every rule with the anchor words its windows are built on (the set it passes to
#: :meth:`.stream.Stream.around`), in the order their candidates are ranked on ties.
RULES: tuple[tuple[Rule, frozenset[str]], ...] = (
    (dates.day_month, MONTH_ANCHORS),
    (dates.day_range, MONTH_ANCHORS),
    (dates.month_only, MONTH_ANCHORS),
    (dates.numeric_date, NUM_ANCHOR),
    (hijri.hijri_date, HIJRI_ANCHORS),
    (hijri.hijri_year, HYEAR_ANCHORS),
    (dates.year, NUM_ANCHOR),
    (relative.deictic, DEICTIC_ANCHORS),
    (relative.weekday, WEEKDAY_ANCHORS),
    (relative.period, PERIOD_ANCHORS),
    (relative.day_of_month, DAY_OF_MONTH_ANCHORS),
    (durations.duration, DURATION_ANCHORS),
    (relative.vague, VAGUE_ANCHORS),
    (clock.clock, CLOCK_ANCHORS),
    (clock.part_of_day, PART_OF_DAY_ANCHORS),
    (periods.decade, DECADE_ANCHORS),
    (periods.century, CENTURY_ANCHORS),
    (periods.season, SEASON_ANCHORS),
    (durations.sets, SET_ANCHORS),
    (periods.part_of_year, YEAR_PART_ANCHORS),
    (feasts.feast, FEAST_ANCHORS),
)
#: Anchor word → indices (in :data:`RULES`) of the rules it triggers.
_RULES_BY_ANCHOR: dict[str, tuple[int, ...]] = {
    w: tuple(i for i, (_, anchors) in enumerate(RULES) if w in anchors)
    for w in frozenset().union(*(anchors for _, anchors in RULES))
}
_KHILAL = F("خلال")


def find_candidates(s: Stream) -> list[Cand]:
    """Run every rule and keep a non-overlapping set: longest match first, then priority."""
    cands: list[Cand] = []
    todo: set[int] = set()  # the rules whose anchor words occur in this window
    by_word = _RULES_BY_ANCHOR
    for w in s.index():
        todo.update(by_word.get(w, ()))
    for r in sorted(todo):  # in RULES order
        cands.extend(RULES[r][0](s))
    cands.sort(key=lambda c: (-(c.b - c.a), -c.priority, c.a))
    # the kept extents are disjoint: kept sorted by start, their ends ascend too, so the one
    # kept extent that can overlap [a, b) is the last one starting before b (a bisection, not
    # a scan: a long report has thousands of candidates)
    t_starts: list[int] = []
    t_ends: list[int] = []
    keep: list[Cand] = []
    for c in cands:
        k = bisect.bisect_left(t_starts, c.b)
        if k and t_ends[k - 1] > c.a:
            continue
        t_starts.insert(k, c.a)
        t_ends.insert(k, c.b)
        keep.append(c)
    keep.sort(key=lambda c: c.a)
    # a part of day before a calendar date makes it a TIME: "ليلة الجمعة 8 سبتمبر"
    for k, c in enumerate(keep):
        if c.tag not in ("daymonth", "numdate", "hijri"):
            continue
        i = s.word_at(c.a)
        if c.a == s.pos[i] and i > 0:
            prev = s.keys[i - 1]
            part = next((f for f in variants_all(prev) if f in PARTS), None)
            # kept extents are disjoint and sorted: only the one just before c can reach
            # into the word before it
            if part and not (k and keep[k - 1].b > s.pos[i - 1]):
                c.a = s.pos[i - 1] + len(prev) - len(part)  # proclitics stay outside
                c.resolve = with_part(c.resolve, PARTS[part])
    # a weekday (or part of day + weekday) right before a numeric date names that date:
    # "الخميس 19/5/2022", "صباح الأحد ٢٢/٥/٢٠٢٢" (the weekday alone would be the nearest one)
    for k in [k for k, c in enumerate(keep) if k and c.tag == "numdate"][::-1]:
        c, o = keep[k], keep[k - 1]
        if o.tag in ("weekday", "partofday") and (
                o.m is not None and o.m.group("wd") if o.tag == "weekday"
                else o.m is not None and o.m.group("day") in WEEKDAYS) and (
                s.joined[o.b : c.a].strip(" ،,") == ""):
            c.a = o.a
            if o.tag == "partofday":
                c.resolve = with_part(c.resolve, o.part_code or "")
            del keep[k - 1]
    coordinate(s, keep)  # "يومي الأربعاء والخميس": the dual in the first, the second from it
    widen(s, keep)  # "هذا اليوم", "منتصف الليلة الماضية", "يوم الأربعاء 6 شوال"
    # "خلال" directly before an expression is part of it (seed-gold convention)
    for c in keep:
        i = s.word_at(c.a)
        if c.a == s.pos[i] and i > 0 and s.joined_word(i - 1).lstrip("وف") == _KHILAL:
            whole = s.joined_word(i - 1)
            c.a = s.pos[i - 1] + (len(whole) - len(_KHILAL))
    return keep

"""Anchor words: the closed vocabulary each rule is triggered by.

Why: most of a news text cannot hold a time expression.  Each rule names the words every one
of its expressions contains (a month name, a unit, "الساعة" …; ``#`` stands for any number)
and runs its pattern only in windows around them (:meth:`.stream.Stream.around`).  The sets
are module constants: the stream caches the hits of a set by its identity.
"""

from __future__ import annotations

from rasd.extract.times.fold import F
from rasd.extract.times.vocab import (
    DECADES,
    DEICTIC_OFF,
    FEASTS,
    GENERIC_FEASTS,
    HMONTHS,
    MONTHS,
    PARTS,
    PERIOD_UNIT,
    PLURAL_UNIT,
    SEASONS,
    SET_ADV,
    UNITS,
    VAGUE,
    WEEKDAYS,
    YEAR_PARTS,
    ordered,
)

NUM_ANCHOR = frozenset(["#"])
MONTH_ANCHORS = frozenset(k.split(" ")[0] for k in MONTHS)
HIJRI_ANCHORS = frozenset(k.split(" ")[0] for k in HMONTHS)
HYEAR_ANCHORS = frozenset(F(w) for w in ("ه", "هجري", "هجرية", "للهجرة"))
DEICTIC_ANCHORS = frozenset(w.split(" ")[-1] for w in DEICTIC_OFF) | frozenset(
    w.split(" ")[0] for w in DEICTIC_OFF
)
WEEKDAY_ANCHORS = frozenset(WEEKDAYS)
PERIOD_ANCHORS = frozenset(PERIOD_UNIT) | frozenset(  # "للعام": ل + "لعام"
    k[1:] for k in PERIOD_UNIT if k.startswith(F("ال")))
DAY_OF_MONTH_ANCHORS = frozenset([F("الشهر")])
DURATION_ANCHORS = (
    frozenset(UNITS)
    | frozenset(PLURAL_UNIT)
    | frozenset(F("ال") + k for k, v in UNITS.items() if v[1] == 2)
)
VAGUE_ANCHORS = frozenset(w for k in VAGUE for w in k.split(" ")) | frozenset(
    F(w) for w in (*ordered("time-words", "vague-period"), "منذ", "قبل")
)
CLOCK_ANCHORS = frozenset([F("الساعة")])
PART_OF_DAY_ANCHORS = frozenset(k.split(" ")[0] for k in PARTS)
DECADE_ANCHORS = frozenset(DECADES) | frozenset(k[2:] for k in DECADES)
CENTURY_ANCHORS = frozenset([F("القرن")])
SEASON_ANCHORS = frozenset(SEASONS) | frozenset(F("ال") + k for k in SEASONS)  # "فصل الصيف"
SET_ANCHORS = frozenset(SET_ADV) | frozenset([F("كل")])
YEAR_PART_ANCHORS = frozenset(YEAR_PARTS)
FEAST_ANCHORS = frozenset(w for k in (*FEASTS, *GENERIC_FEASTS) for w in k.split(" "))

#: Every anchor word of every rule.
ALL_ANCHORS: frozenset[str] = frozenset().union(
    NUM_ANCHOR, MONTH_ANCHORS, HIJRI_ANCHORS, HYEAR_ANCHORS, DEICTIC_ANCHORS, WEEKDAY_ANCHORS,
    PERIOD_ANCHORS, DAY_OF_MONTH_ANCHORS, CLOCK_ANCHORS, CENTURY_ANCHORS, YEAR_PART_ANCHORS,
    DURATION_ANCHORS, VAGUE_ANCHORS, PART_OF_DAY_ANCHORS, DECADE_ANCHORS, SEASON_ANCHORS,
    SET_ANCHORS, FEAST_ANCHORS,
)

#: Every written form of an anchor word: bare, or after one or two proclitics ("وفي" …).
ANCHOR_SURFACES: frozenset[str] = frozenset(
    f"{c}{a}"
    for a in ALL_ANCHORS
    for c in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
)

"""Coordinated time expressions: "يومي الأربعاء والخميس", "يومي 27 و31 يوليو".

Arabic news coordinates two days with one dual noun ("يومَي" = the two days of) and "و".
The annotated convention (eval/time/real) keeps one expression per day, the dual noun inside
the first; the second day is read *from the first*, not from the publication date: "يومي
الأربعاء والخميس" is a Wednesday and the Thursday after it, whatever the tense says about
each weekday alone.  Run on the kept candidates, after the overlap resolution of
:func:`.find.find_candidates`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rasd.extract.times.calendars import weekday_date
from rasd.extract.times.cand import Cand, Resolver
from rasd.extract.times.stream import Stream
from rasd.extract.times.vocab import DUAL_DAYS, WEEKDAYS, mod_dir

#: What may stand between two coordinated expressions (after the first's end, before the
#: second's start; the second's proclitic و stays outside its extent).
JOINERS = frozenset({"و", "،و", "، و"})


def _weekday(c: Cand) -> int | None:
    if c.tag != "weekday" or c.m is None:
        return None
    return WEEKDAYS.get(c.m.group("wd") or "")


def _after(first: Resolver, own: Resolver, wd1: int, wd2: int) -> Resolver:
    """The second weekday of a pair: the first day ``wd2`` after the first's date."""

    def res(anchor: dt.date | None) -> dict[str, Any]:
        mine = own(anchor)
        v = first(anchor).get("value")
        try:
            d = dt.date.fromisoformat(str(v)[:10])
        except ValueError:
            return mine
        return {**mine, "value": (d + dt.timedelta(days=(wd2 - wd1) % 7 or 7)).isoformat()}

    return res


def _directed(wd: int, direction: int) -> Resolver:
    """A weekday resolved in a given direction (the pair's shared "المقبلين/الماضيين")."""

    def res(anchor: dt.date | None) -> dict[str, Any]:
        if anchor is None:
            return {"type": "DATE", "value": f"XXXX-WXX-{wd}", "anchor": "publication"}
        return {"type": "DATE", "anchor": "publication",
                "value": weekday_date(wd, anchor, direction, False).isoformat()}

    return res


def coordinate(s: Stream, keep: list[Cand]) -> None:
    """Attach a dual "يومي" to the first of two coordinated expressions and read a second
    weekday from the first (``keep`` is sorted by start and changed in place)."""
    for k in range(len(keep) - 1):
        c1, c2 = keep[k], keep[k + 1]
        if s.joined[c1.b:c2.a].strip() not in JOINERS:
            continue
        i = s.word_at(c1.a)
        if c1.a == s.pos[i] and i > 0 and not (k and keep[k - 1].b > s.pos[i - 1]):
            word = s.keys[i - 1]
            pre = next((p for p in ("", "و", "ف", "ب", "ل", "وب", "ول") if word[len(p):]
                        in DUAL_DAYS), None)
            if pre is not None:
                c1.a = s.pos[i - 1] + len(pre)  # proclitics stay outside
        wd1, wd2 = _weekday(c1), _weekday(c2)
        if wd1 is None or wd2 is None:
            continue
        assert c1.m is not None and c2.m is not None
        shared = mod_dir(c2.m.group("mod"))
        if shared is not None and not c1.m.group("mod"):
            c1.resolve = _directed(wd1, shared)  # "يومي الأربعاء والخميس المقبلين"
        c2.resolve = _after(c1.resolve, c2.resolve, wd1, wd2)

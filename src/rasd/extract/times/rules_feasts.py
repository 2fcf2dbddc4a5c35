"""Islamic feasts and seasons as dates: "خلال أيام عيد الفطر السعيد", "موسم الحج", "يوم
التروية", "فترة إجازة العيد".

Gulf news dates much of its local reporting by the feasts rather than by the calendar.  A
feast names a Hijri day (``feasts.tsv``: month and day), a season a Hijri month; the Hijri year
is the one that puts the feast nearest to the publication date (a report in late July 2015
on "إجازة العيد" means the Eid al-Fitr of four days before, one on "موسم الحج" the coming
Hajj).  A bare "العيد" counts only after a context word ("أيام/فترة/إجازة العيد": alone it is
as often a name or a metaphor) and is the nearer of the two Eids.  A feast is a DATE of its
first day; a season takes the Gregorian month of its Hijri month's middle (the convention of
eval/time/real).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rasd.extract.times.anchors import FEAST_ANCHORS
from rasd.extract.times.calendars import gregorian_to_hijri, hijri_to_gregorian
from rasd.extract.times.cand import Cand
from rasd.extract.times.fold import alt
from rasd.extract.times.matching import cands
from rasd.extract.times.patterns import CL, END
from rasd.extract.times.stream import Stream
from rasd.extract.times.vocab import FEAST_ADJECTIVES as ADJECTIVES
from rasd.extract.times.vocab import FEAST_CONTEXT as CONTEXT
from rasd.extract.times.vocab import FEASTS
from rasd.extract.times.vocab import GENERIC_FEASTS as GENERIC

#: the feasts a bare "العيد" may be: Eid al-Fitr and Eid al-Adha
EIDS = ((10, 1), (12, 10))

_FEAST = re.compile(
    rf"{CL}(?P<x>(?:(?P<ctx>{alt(CONTEXT)}) ){{0,2}}(?P<f>{alt([*FEASTS, *GENERIC])})"
    rf"(?: {alt(ADJECTIVES)})?){END}"
)


def nearest(anchor: dt.date, month: int, day: int) -> dt.date:
    """The Gregorian date of Hijri ``month``/``day`` in the Hijri year that puts it nearest
    to ``anchor``."""
    hy = gregorian_to_hijri(anchor)[0]
    dates = [hijri_to_gregorian(y, month, day) for y in (hy - 1, hy, hy + 1)]
    return min(dates, key=lambda d: abs((d - anchor).days))


def feast(s: Stream) -> list[Cand]:
    """A feast or a season, with its context words ("خلال أيام عيد الفطر السعيد")."""
    def build(m: re.Match[str], s: Stream) -> Cand | None:
        f = m.group("f")
        generic = f in GENERIC
        if generic and not m.group("ctx"):
            return None

        def res(anchor: dt.date | None) -> dict[str, Any]:
            if anchor is None:
                return {"type": "DATE", "value": None, "anchor": "publication"}
            if generic:
                d = min((nearest(anchor, mo, da) for mo, da in EIDS),
                        key=lambda x: abs((x - anchor).days))
                return {"type": "DATE", "value": d.isoformat(), "anchor": "publication"}
            mo, da, season = FEASTS[f]
            d = nearest(anchor, mo, da)
            value = f"{d.year:04d}-{d.month:02d}" if season else d.isoformat()
            return {"type": "DATE", "value": value, "anchor": "publication"}

        return Cand(m.start("x"), m.end("x"), "feast", res, 4, m)

    return cands(_FEAST, s, build, s.around(FEAST_ANCHORS, 3, 3))

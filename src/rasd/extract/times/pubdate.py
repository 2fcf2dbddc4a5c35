"""Publication date from the article text, when metadata has none.

Metadata (HTML meta, feeds, WARC headers) is read at ingest; ``--published`` set by hand wins
over everything.  This is the last resort, run inside the ``times`` component: it looks at the
full calendar dates the time rules found (their :class:`.cand.DateParts`) and accepts one only
in a position that says "this is when the article was written":

* a **dateline** at the head of the text or of its first lines: "دمشق - 12 أيار 2023",
  "(12/05/2023) -" → method ``text-dateline``;
* a **label**: "نُشر في 2023/05/12", "بتاريخ …", "آخر تحديث …" → ``text-label``;
* **today**: "اليوم الاثنين 1 تشرين الثاني" → ``text-today``.

A date without a year is accepted only with a weekday, and the year is then inferred as the
most recent one (not after today's date) where that day falls on that weekday; such dates are
flagged ``reliable: false`` because the inference can pick the wrong cycle.  Precision is
always ``day`` (a text dateline seldom gives a time); no timezone is invented.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, TypedDict

from rasd.extract.times.cand import Cand
from rasd.extract.times.stream import Stream
from rasd.extract.times.vocab import DEICTIC_OFF, WEEKDAYS
from rasd.lang.ar.normalize import fold_key, normalize_key

#: Characters from the start of the text within which a dateline may stand.
DATELINE_WINDOW = 250
_LABEL_RE = re.compile(
    fold_key(r"(?:نشر|نشرت|تاريخ النشر|بتاريخ|آخر تحديث|تحديث|تاريخ|published|updated)")
    + r"\s*(?:في|:|بتاريخ|ب)?\s*[:\-–]?\s*$"
)
_DATELINE_PREFIX = re.compile(r"^[\w\s()«»\"'ـ]{0,40}?[\-–—:،,|]?\s*\(?\s*$")
_DATELINE_SUFFIX = re.compile(r"^\s*\)?\s*[\-–—:|]")


class FoundPubdate(TypedDict):
    """A publication date found in the text: the ISO date and how it was found
    (``method``, ``precision``, ``reliable``, ``evidence`` offsets), as ``meta`` records it."""

    published: str
    published_info: dict[str, Any]


def _method(s: Stream, cands: list[Cand], i: int, start: int, end: int) -> str | None:
    """How the date ``cands[i]`` (original offsets ``start``-``end``) says it is the
    publication date, or None when it stands in the body of the text."""
    text = s.text
    c = cands[i]
    before = text[max(0, start - 40) : start]
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    if c.today:
        return "text-today"
    if i > 0 and cands[i - 1].tag == "deictic" and cands[i - 1].today:
        prev_end = s.to_original(cands[i - 1].a, cands[i - 1].b)[1]
        if start - prev_end <= 3:
            return "text-today"
    if _LABEL_RE.search(normalize_key(before.lower())):
        return "text-label"
    if (
        start < DATELINE_WINDOW
        and _DATELINE_PREFIX.match(head)
        and (line_start == 0 or line_start < DATELINE_WINDOW)
        and (_DATELINE_SUFFIX.match(text[end : end + 4]) or not head.strip()
             or head.rstrip().endswith(("-", "–", "—", ":", "|", "،", ",")))
    ):
        return "text-dateline"
    return None


def pubdate_from_candidates(s: Stream, cands: list[Cand]) -> FoundPubdate | None:
    """Pick the publication date among the found expressions, or None."""
    for i, c in enumerate(cands):
        if c.tag not in ("daymonth", "numdate") or c.parts is None:
            continue  # a day range ("بين 10 و12 نوفمبر") names no single date
        start, end = s.to_original(c.a, c.b)
        method = _method(s, cands, i, start, end)
        if method is None:
            continue
        found = c.parts.to_date()
        if found is None:
            continue
        date, reliable = found
        return {
            "published": date.isoformat(),
            "published_info": {
                "method": method,
                "precision": "day",
                "reliable": reliable,
                "evidence": [start, end],
            },
        }
    return None


#: How many days before its publication date a text may have been written ("اليوم الأحد" in
#: a paper dated Tuesday: a wire story of Sunday; print editions and archives run late).
MAX_LAG_DAYS = 3


def text_day(cands: list[Cand], anchor: dt.date) -> dt.date | None:
    """The day the text says it was written when that is not ``anchor``, else None.

    The evidence is the first "today" or "yesterday" the text names with its weekday:
    "اليوم الأحد", "اليوم (الأحد)", "ظهر اليوم (الثلاثاء)", "أمس الثلاثاء", "الساعة 1:50 من
    صباح يوم أمس الثلاثاء".  When that weekday
    does not fall on the anchor (the publication date, e.g. the day an archive collected the
    page), the text was written on the latest day up to :data:`MAX_LAG_DAYS` earlier on which
    it does, and its other deictic expressions ("أمس", "وقت سابق اليوم") count from that day.
    Only earlier days are tried: a text is not published before it is written.
    """
    for c in cands:
        if c.m is None or c.tag not in ("deictic", "partofday", "clock"):
            continue
        groups = c.m.groupdict()
        day = groups.get("w") if c.tag == "deictic" else groups.get("day")
        wd = groups.get("wd") or groups.get("wd2") or groups.get("pwd")
        off = DEICTIC_OFF.get(day or "")
        if not wd or off is None or off > 0 or wd not in WEEKDAYS:
            continue
        for lag in range(MAX_LAG_DAYS + 1):
            d = anchor - dt.timedelta(days=lag)
            if (d + dt.timedelta(days=off)).isoweekday() == WEEKDAYS[wd]:
                return d if lag else None
        return None
    return None

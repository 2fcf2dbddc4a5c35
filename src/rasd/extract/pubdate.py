"""Publication date from the article text, when metadata has none.

Metadata (HTML meta, feeds, WARC headers) is read at ingest; ``--published`` set by hand wins
over everything.  This is the last resort, run inside the ``times`` component: it looks at the
full calendar dates the time extractor found and accepts one only in a position that says
"this is when the article was written":

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
from typing import TYPE_CHECKING, Any

from rasd.lang.ar.normalize import fold_key, normalize_key

if TYPE_CHECKING:
    from rasd.extract.times import Cand, Stream

#: Characters from the start of the text within which a dateline may stand.
DATELINE_WINDOW = 250
_LABEL_RE = re.compile(
    fold_key(r"(?:نشر|نشرت|تاريخ النشر|بتاريخ|آخر تحديث|تحديث|تاريخ|published|updated)")
    + r"\s*(?:في|:|بتاريخ|ب)?\s*[:\-–]?\s*$"
)
_DATELINE_PREFIX = re.compile(r"^[\w\s()«»\"'ـ]{0,40}?[\-–—:،,|]?\s*\(?\s*$")
_DATELINE_SUFFIX = re.compile(r"^\s*\)?\s*[\-–—:|]")


def _infer_year(month: int, day: int, weekday: int, today: dt.date | None = None) -> int | None:
    today = today or dt.date.today()
    for y in range(today.year, today.year - 30, -1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if d <= today and d.isoweekday() == weekday:
            return y
    return None


def pubdate_from_candidates(s: Stream, cands: list[Cand]) -> dict[str, Any] | None:
    """Pick the publication date among the found expressions, or None."""
    text = s.text
    for i, c in enumerate(cands):
        if c.tag not in ("daymonth", "numdate"):
            continue
        info = c.info
        y, m, d, wd = info.get("y"), info.get("m"), info.get("d"), info.get("wd")
        start, end = s.to_original(c.a, c.b)
        before = text[max(0, start - 40) : start]
        line_start = text.rfind("\n", 0, start) + 1
        head = text[line_start:start]
        method = None
        if info.get("today"):
            method = "text-today"
        elif i > 0 and cands[i - 1].tag == "deictic" and cands[i - 1].info.get("today"):
            prev_end = s.to_original(cands[i - 1].a, cands[i - 1].b)[1]
            if start - prev_end <= 3:
                method = "text-today"
        if method is None and _LABEL_RE.search(normalize_key(before.lower())):
            method = "text-label"
        if (
            method is None
            and start < DATELINE_WINDOW
            and _DATELINE_PREFIX.match(head)
            and (line_start == 0 or line_start < DATELINE_WINDOW)
            and (_DATELINE_SUFFIX.match(text[end : end + 4]) or not head.strip()
                 or head.rstrip().endswith(("-", "–", "—", ":", "|", "،", ",")))
        ):
            method = "text-dateline"
        if method is None:
            continue
        reliable = True
        if y is None:
            if wd is None:
                continue
            y = _infer_year(m, d, wd)
            if y is None:
                continue
            reliable = False
        try:
            date = dt.date(y, m, d)
        except ValueError:
            continue
        if wd is not None and date.isoweekday() != wd:
            reliable = False
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

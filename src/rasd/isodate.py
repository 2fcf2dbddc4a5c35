"""User-given dates checked once, the same way in Python and on the command line.

A publication date is what news users trust least and rasd's times layer leans on most (every
"yesterday" resolves against it), so a date typed by a person must be a real ISO 8601 date or
be refused with a coded error — never stored as a reliable date.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from rasd.errors import InvalidDate

_YEAR_MONTH = re.compile(r"\d{4}(?:-\d{2})?")


def iso_published(value: object) -> str | None:
    """A publication date as rasd stores it: ISO 8601 text from a ``date``/``datetime`` or a
    string that already is one (``2021-11-01``, ``2021-11-01T09:30:00+03:00``, ``2021-11``,
    ``2021``); anything else — "1 Nov 2021", "2021-13-45" — is refused with [E107] rather
    than stored as a reliable date."""
    if value is None or value == "":
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, str):
        v = value.strip()
        try:
            if _YEAR_MONTH.fullmatch(v):
                date(int(v[:4]), int(v[5:7]) if len(v) > 4 else 1, 1)
            else:
                datetime.fromisoformat(v.replace("Z", "+00:00"))
            return v
        except ValueError:
            pass
    raise InvalidDate(f"not an ISO 8601 date: {value!r} (use YYYY-MM-DD)")

"""Metadata helpers shared by every reader: publication dates, outlet names, language.

News dates are often wrong or vague, so a date never travels alone: :func:`parse_published`
returns the ISO value *and* ``published_info`` saying where it came from (``method``), how
precise it is (``precision``), whether the source is trustworthy (``reliable``) and which UTC
offset it carried (``tz``; ``None`` when the source gave none — then the value is local time
of unknown zone, not UTC).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from rasd.doc import Document, Meta
from rasd.lang.identify import ARABIC_MIN_SHARE, identify

_ISO = re.compile(
    r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?)?)?\s*$"
)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[-_])")


def _tz_of(dt: datetime) -> str | None:
    off = dt.utcoffset()
    if off is None:
        return None
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def parse_published(
    value: Any, method: str, reliable: bool = True
) -> tuple[str, dict[str, Any]] | None:
    """Parse an ISO-8601 or RFC 2822 date string into ``(iso, published_info)``.

    ISO strings keep their own precision ("2021-11" stays a month); RFC 2822 (feeds, HTTP)
    is precise to the second.  Returns ``None`` for anything unparseable or implausible.
    """
    if value is None:
        return None
    s = str(value).strip()
    if not s:
        return None
    m = _ISO.match(s)
    if m:
        y, mo, d, hh, mi, ss, tz = m.groups()
        try:
            if hh is not None:
                iso = (
                    f"{y}-{int(mo):02d}-{int(d):02d}T{int(hh):02d}:{mi}:{ss or '00'}"
                    + ("" if tz is None else ("+00:00" if tz == "Z" else _colon(tz)))
                )
                dt = datetime.fromisoformat(iso)
                precision = "second" if ss is not None else "minute"
                out, tzs = dt.isoformat(), _tz_of(dt)
            elif d is not None:
                out, precision, tzs = date(int(y), int(mo), int(d)).isoformat(), "day", None
            elif mo is not None:
                date(int(y), int(mo), 1)
                out, precision, tzs = f"{y}-{int(mo):02d}", "month", None
            else:
                out, precision, tzs = y, "year", None
        except ValueError:
            return None
    else:
        try:
            dt = parsedate_to_datetime(s)
        except (TypeError, ValueError, IndexError):
            return None
        if dt is None:
            return None
        out, precision, tzs = dt.isoformat(), "second", _tz_of(dt)
    if not 1900 <= int(out[:4]) <= 2100:
        return None
    info = {"method": method, "precision": precision, "reliable": reliable, "tz": tzs}
    return out, info


def _colon(tz: str) -> str:
    return tz if ":" in tz else f"{tz[:3]}:{tz[3:]}"


def date_from_url(url: str | None) -> tuple[str, dict[str, Any]] | None:
    """``/2021/11/01/`` style dates in article URLs: day precision, not reliable."""
    if not url:
        return None
    m = _URL_DATE.search(urlsplit(url).path)
    if not m:
        return None
    return parse_published(f"{m.group(1)}-{m.group(2)}-{m.group(3)}", "url", reliable=False)


def outlet_from_url(url: str | None) -> str | None:
    """The site's host name without ``www.``: the outlet when the page names none."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def finish(doc: Document) -> Document:
    """Language identification and the non-Arabic warning, common to every reader.

    The text decides, not a declared language (pages often declare ``ar`` for Persian or
    Urdu, and nothing for English): see :mod:`rasd.lang.identify`.  A declared language is
    kept only when the text is too short to judge.
    """
    guess = identify(doc.text)
    declared = doc.meta.language
    if guess.code == "ar" or (guess.code == "und" and guess.arabic_share >= ARABIC_MIN_SHARE):
        doc.meta.language = "ar"
        return doc
    if guess.code == "und":
        # too few letters to judge: trust a declared non-Arabic language, never a declared "ar"
        doc.meta.language = declared if declared and declared[:2] != "ar" else "und"
        what = f"{guess.arabic_share:.0%} Arabic letters"
    else:
        doc.meta.language = guess.code
        what = f"identified as {guess.code!r}, {guess.arabic_share:.0%} Arabic-script letters"
    doc.warnings.append(
        f"[W101] not Arabic text ({what}): rasd's Arabic extractors are not run on it "
        "(--any-language runs them anyway)"
    )
    return doc


def merge_meta(base: Meta, extra: Meta) -> Meta:
    """Fill ``base``'s empty fields from ``extra`` (feed entry + fetched page, for example)."""
    for k in Meta.FIELDS:
        if not getattr(base, k) and getattr(extra, k):
            setattr(base, k, getattr(extra, k))
    return base

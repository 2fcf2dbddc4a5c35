"""Resolution: the candidates' values computed against the publication date, as spans.

Deictic expressions ("أمس", "الأسبوع الماضي") are resolved against the publication date
(``anchor: "publication"``); when the document has none, the date is looked for in the text
(:mod:`.pubdate`) and, failing that, relative values stay None with an ``offset`` attr so they
can be resolved later.  A clock time without a day takes the day last named in its sentence.
"""

from __future__ import annotations

import datetime as dt
import re

from rasd.doc import Span, trusted_span
from rasd.extract.times.find import find_candidates
from rasd.extract.times.pubdate import FoundPubdate, pubdate_from_candidates, text_day
from rasd.extract.times.stream import Stream, stream_from_words
from rasd.lang.ar.tokenize import Tokens, tokenize_words


def parse_anchor(published: str | None) -> dt.date | None:
    """The calendar date of an ISO publication date/datetime (its own offset kept as given)."""
    if not published:
        return None
    try:
        return dt.datetime.fromisoformat(published).date()
    except ValueError:
        try:
            return dt.date.fromisoformat(published[:10])
        except ValueError:
            return None


def extract_times(
    text: str,
    published: str | None = None,
    stream: Stream | None = None,
    view: Tokens | None = None,
) -> tuple[list[Span], FoundPubdate | None]:
    """Find and normalize time expressions in ``text``.

    ``view`` (the text layer's pieces and words) is tokenized here when not given; ``stream`` forces one
    whole-text stream instead of anchor windows.  Returns ``(spans, found_pubdate)``: when
    ``published`` is None the publication date is looked for in the text
    (:mod:`rasd.extract.times.pubdate`) and, if found, used as the anchor and returned as
    ``{"published": …, "published_info": …}``.
    """
    if stream is None:
        tv = view if view is not None else tokenize_words(text)
        stream = stream_from_words(text, tv.words, tv.fut_words)
    streams = [stream]
    per_stream = [(s, find_candidates(s)) for s in streams]
    found: FoundPubdate | None = None
    anchor = parse_anchor(published)
    if anchor is None:
        for s, cands in per_stream:
            found = pubdate_from_candidates(s, cands)
            if found:
                anchor = parse_anchor(found["published"])
                break
    if anchor is not None and found is None:
        # the text's own "اليوم الأحد" beats a publication date a few days later
        anchor = text_day([c for _, cands in per_stream for c in cands], anchor) or anchor
    spans: list[Span] = []
    for s, cands in per_stream:
        last_day: tuple[int, str, str] | None = None  # (word end, date value, span id)
        for c in cands:
            attrs = c.resolve(anchor)
            typ = attrs.pop("type")
            attrs = {k: v for k, v in attrs.items() if v is not None or k == "value"}
            sid = f"tx{len(spans)}"
            v = attrs.get("value")
            if (c.default_day and v and last_day
                    and same_sentence(s, last_day[0], c.a)):
                # a clock time without a day belongs to the day just named in its sentence
                # ("جرت الانتخابات أمس السبت … وأغلقت المكاتب الساعة السابعة مساء")
                attrs["value"] = last_day[1] + v[10:]
                attrs["anchor"] = last_day[2]
            if isinstance(v, str) and _DAY_VALUE.fullmatch(v[:10]) and len(v) >= 10:
                last_day = (c.b, v[:10], sid)
            start, end = s.to_original(c.a, c.b)
            spans.append(trusted_span(start, end, typ, sid, attrs))
    return spans, found


_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")


def same_sentence(s: Stream, a: int, b: int) -> bool:
    """No sentence-final punctuation between stream offsets ``a`` and ``b``."""
    gap = s.joined[a:b]
    return not any(ch in gap for ch in ".!؟?\n") and gap.count(" ") < 40

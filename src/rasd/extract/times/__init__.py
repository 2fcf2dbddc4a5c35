"""Time expressions (TIMEX3-like) normalized against the publication date: the ``times`` layer.

Each span's ``label`` is the TIMEX3 type (DATE, TIME, DURATION, SET) and its attrs hold
``value`` (ISO 8601: ``2021-11-01``, ``2021-W43``, ``2021-06``, ``2021``, ``199`` for a decade,
``P3D`` for a duration, or ``PAST_REF``/``PRESENT_REF``/``FUTURE_REF``), ``anchor``
(``"publication"`` for deictic expressions resolved against the publication date,
``"absolute"`` otherwise) and ``mod`` (START/MID/END) when a position word qualifies a period.
Relative expressions in a document without a publication date keep ``value`` = None and an
``offset`` attr, so they can be resolved later.

Why rules and not a model: the value is the point, and values are arithmetic over a calendar
(ISO weeks, Hijri months, "the nearest past Monday"), which rules do exactly.

The package, in the order a document goes through it:

* :mod:`.vocab` — the word lists (``rasd/lang/ar/vocab/*.tsv``) as folded tables;
  :mod:`.fold`, :mod:`.patterns` — folding literals, shared regex blocks;
* :mod:`.calendars` — Gregorian/Hijri arithmetic and the news conventions for a year or a
  weekday named alone;
* :mod:`.stream` — the folded word stream the rules match on (a document view);
  :mod:`.anchors` — the words that trigger each rule;
* ``rules_*`` — the rules by kind: :mod:`.rules_dates`, :mod:`.rules_hijri`,
  :mod:`.rules_relative`, :mod:`.rules_durations`, :mod:`.rules_clock`,
  :mod:`.rules_periods`; each makes :class:`.cand.Cand` objects (:mod:`.matching` runs a
  pattern in anchor windows);
* :mod:`.find` — the rule registry and the overlap resolver;
* :mod:`.pubdate` — the publication date from a dateline when the metadata has none;
* :mod:`.resolve` — values against the publication date, as spans;
  :mod:`.component` — the pipeline component.

Conventions (those of the seed gold, ``tests/reference/alhal-2021-11-01.gold.json``):
"خلال" before an expression belongs to its extent ("خلال الأسبوع الفائت" → ISO week before the
publication week), and so do "منذ"/"قبل"/"بعد" when they make a duration into a date ("منذ ثلاثة
أيام" = three days before publication); "في" does not.  Years in a list ("2011 و2016 و2017")
are separate DATEs.  Vague past/present/future words ("مؤخراً", "حالياً", "قريباً") get the
``*_REF`` values.
"""

from __future__ import annotations

from rasd.extract.times.calendars import gregorian_to_hijri, hijri_to_gregorian
from rasd.extract.times.cand import Cand, DateParts
from rasd.extract.times.component import times_component
from rasd.extract.times.find import RULES, find_candidates
from rasd.extract.times.pubdate import FoundPubdate, pubdate_from_candidates
from rasd.extract.times.resolve import extract_times, parse_anchor
from rasd.extract.times.stream import Stream, stream_for, stream_from_text, stream_from_words

__all__ = [
    "RULES",
    "Cand",
    "DateParts",
    "FoundPubdate",
    "Stream",
    "extract_times",
    "find_candidates",
    "gregorian_to_hijri",
    "hijri_to_gregorian",
    "parse_anchor",
    "pubdate_from_candidates",
    "stream_for",
    "stream_from_text",
    "stream_from_words",
    "times_component",
]

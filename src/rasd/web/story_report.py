"""Everything about one stored story that a reader follows it by (the story page and
``/api/stories/{id}``).

A story (:mod:`rasd.link.stories`, saved by ``rasd stories --db``) is a set of articles; this
module reads them back from the archive and lays out

* the **timeline by outlet** — rows are outlets (in the order they picked the story up),
  columns the days (every day of a short story, only the days with articles of a long one),
  and the same articles grouped by day;
* **who said what across outlets** — the quotes of every member, grouped by speaker (the
  entity when the speaker is one, else the folded name), with the outlet of each statement;
* the claims that **agree** (:mod:`rasd.link.agreements`) and those that **contradict**
  (:mod:`rasd.link.contradictions`), each with both evidence spans;
* the **events, entities and places** involved (from the archive's typed tables);
* **what each later article added**: entities, places, numbers and statements absent from
  every earlier article of the story — the first article is the baseline.

Cross-article comparisons need full documents; only the first :data:`MAX_ANALYSED` members
(chronologically) are loaded for them, so a story page stays fast on a huge story.  Nothing
here marks text safe: the report holds plain strings and offsets, escaped by the template.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from rasd.doc import Document
from rasd.lang.ar.normalize import normalize_key
from rasd.sourcing import story_sourcing
from rasd.store import records
from rasd.store.base import (
    DocSummary,
    EntityInfo,
    EventRecord,
    Filters,
    PlaceInfo,
    Store,
    StorySummary,
)
from rasd.web.sourcing_view import SourcingView, sourcing_view

#: Member documents loaded for agreements, contradictions and additions.
MAX_ANALYSED = 40
#: A story spanning at most this many days shows every day as a column.
DENSE_DAYS = 14
#: Entities, places and events listed on the page.
MAX_LISTED = 40
#: A later statement by the same speaker is new when it shares less than this share of its
#: words with every earlier one (rewording keeps most words; a new statement does not).
NEW_QUOTE_OVERLAP = 0.5

_NUMBER = re.compile(r"[0-9\u0660-\u0669]+(?:[.,\u066b][0-9\u0660-\u0669]+)?")
#: Four-digit numbers read as years, not figures, when the times layer missed the date.
_YEAR = re.compile(r"(19|20)\d\d")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩٫", "0123456789.")


@dataclass
class OutletRow:
    outlet: str | None
    cells: list[list[DocSummary]]  # one list per column of :attr:`StoryTimeline.days`


@dataclass
class StoryTimeline:
    days: list[str | None]  # ISO days; None = undated articles (last)
    rows: list[OutletRow]
    by_day: list[tuple[str | None, list[DocSummary]]]


@dataclass
class Statement:
    doc_id: str
    outlet: str | None
    published: str | None
    content: str
    start: int
    end: int
    cue: str | None = None


@dataclass
class Speaker:
    name: str | None  # None: the statement's source is not named
    entity_id: str | None
    outlets: list[str]
    statements: list[Statement]


@dataclass
class Added:
    """What one article brought that no earlier article of the story had."""

    article: DocSummary
    first: bool  # the story's first article: everything in it is the baseline
    entities: list[tuple[str, str]] = field(default_factory=list)  # (entity id, name)
    places: list[tuple[str, str]] = field(default_factory=list)  # (place id, name)
    numbers: list[tuple[str, int, int]] = field(default_factory=list)  # (text, start, end)
    quotes: list[Statement] = field(default_factory=list)
    speakers: dict[int, str | None] = field(default_factory=dict)  # quote index → speaker

    @property
    def empty(self) -> bool:
        return not (self.entities or self.places or self.numbers or self.quotes)


@dataclass
class StoryReport:
    story: StorySummary
    articles: list[DocSummary]
    timeline: StoryTimeline
    speakers: list[Speaker]
    agreements: list[dict[str, Any]]
    contradictions: list[dict[str, Any]]
    additions: list[Added]
    entities: list[EntityInfo]
    places: list[PlaceInfo]
    events: list[EventRecord]
    events_total: int
    analysed: int  # members loaded for agreements/contradictions/additions
    sourcing: SourcingView | None = None  # over the analysed members (rasd.sourcing)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON (the API's story detail)."""
        d = asdict(self)
        d["timeline"] = {
            "days": self.timeline.days,
            "outlets": [{"outlet": r.outlet, "days": [[a.id for a in c] for c in r.cells]}
                        for r in self.timeline.rows],
        }
        d["additions"] = [{
            "doc_id": a.article.id, "outlet": a.article.outlet,
            "published": a.article.published, "first": a.first,
            "entities": [{"id": i, "name": n} for i, n in a.entities],
            "places": [{"id": i, "name": n} for i, n in a.places],
            "numbers": [{"text": t, "start": s, "end": e} for t, s, e in a.numbers],
            "quotes": [{**asdict(q), "speaker": a.speakers.get(i)}
                       for i, q in enumerate(a.quotes)],
        } for a in self.additions]  # fmt: skip
        return d


def _day(published: str | None) -> str | None:
    return published[:10] if published and len(published) >= 10 else None


def build_timeline(articles: list[DocSummary]) -> StoryTimeline:
    """Outlet rows × day columns (see the module docstring)."""
    dated = sorted({d for a in articles if (d := _day(a.published))})
    days: list[str | None] = list(dated)
    if dated:
        lo, hi = date.fromisoformat(dated[0]), date.fromisoformat(dated[-1])
        if (hi - lo).days <= DENSE_DAYS:
            days = [(lo + timedelta(n)).isoformat() for n in range((hi - lo).days + 1)]
    if any(_day(a.published) is None for a in articles):
        days.append(None)
    col = {d: i for i, d in enumerate(days)}
    rows: dict[str | None, OutletRow] = {}
    for a in articles:  # chronological: rows in the order outlets picked the story up
        row = rows.setdefault(a.outlet, OutletRow(a.outlet, [[] for _ in days]))
        row.cells[col[_day(a.published)]].append(a)
    by_day: dict[str | None, list[DocSummary]] = {}
    for a in articles:
        by_day.setdefault(_day(a.published), []).append(a)
    order = sorted(by_day, key=lambda d: (d is None, d or ""))
    return StoryTimeline(days, list(rows.values()), [(d, by_day[d]) for d in order])


def speakers_of(store: Store, ids: tuple[str, ...]) -> list[Speaker]:
    """Quotes of the story's articles grouped by speaker; speakers quoted by more outlets
    first, unnamed sources last."""
    groups: dict[str, Speaker] = {}
    names: dict[str, dict[str, int]] = {}
    for q in store.iter_quotes(Filters(doc_ids=ids)):
        key = q.speaker_entity or (records.name_key(q.speaker) if q.speaker else "")
        sp = groups.setdefault(key, Speaker(None, q.speaker_entity, [], []))
        if q.speaker:
            names.setdefault(key, {}).setdefault(q.speaker, 0)
            names[key][q.speaker] += 1
        if q.outlet and q.outlet not in sp.outlets:
            sp.outlets.append(q.outlet)
        sp.statements.append(Statement(q.doc_id, q.outlet, q.published, q.content, q.start,
                                       q.end, q.cue))
    for key, sp in groups.items():
        if key in names:  # the spelling used most often
            sp.name = max(names[key].items(), key=lambda kv: (kv[1], kv[0]))[0]
        sp.statements.sort(key=lambda s: (s.published or "", s.doc_id, s.start))
    return sorted(groups.values(), key=lambda s: (s.name is None, -len(s.outlets),
                                                  -len(s.statements), s.name or ""))


def _inside(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(s <= a and b <= e for s, e in spans)


def _numbers(doc: Document) -> list[tuple[str, str, int, int]]:
    """(value key, shown text, start, end) of the figures in the text, outside dates (the
    times layer, and bare years) and boilerplate; the shown text includes the word after the
    number ("56 شخصاً")."""
    skip = [(s.start, s.end) for s in doc.layer("times")]
    skip += [(s.start, s.end) for s in doc.layer("boilerplate")]
    out = []
    for m in _NUMBER.finditer(doc.text):
        key = m.group().translate(_DIGITS).replace(",", "")
        if _inside(skip, m.start(), m.end()) or _YEAR.fullmatch(key):
            continue
        nxt = re.match(r"\s*[^\s\d.,،؛:;!?\"«»()]+", doc.text[m.end(): m.end() + 40])
        end = m.end() + (nxt.end() if nxt else 0)
        out.append((key, doc.text[m.start():end], m.start(), end))
    return out


def _words(text: str) -> set[str]:
    return {w for w in normalize_key(text).split() if len(w) > 2}


def additions(docs: list[Document], summaries: dict[str, DocSummary]) -> list[Added]:
    """What each article added over the earlier ones (``docs`` in chronological order)."""
    seen_e: set[str] = set()
    seen_p: set[str] = set()
    seen_n: set[str] = set()
    said: list[tuple[str, set[str]]] = []  # (speaker key, content words) of earlier quotes
    out = []
    for k, doc in enumerate(docs):
        flat = records.flatten(doc)
        boiler = [(s.start, s.end) for s in doc.layer("boilerplate")]
        add = Added(summaries[doc.id], first=k == 0)
        for r in flat.entities:
            if r["boilerplate"] or _inside(boiler, r["start"], r["end"]):
                continue
            if r["entity_id"] not in seen_e:
                seen_e.add(r["entity_id"])
                add.entities.append((r["entity_id"], flat.clusters[r["entity_id"]]["name"]))
        for r in flat.places:
            if r["place_id"] not in seen_p and not _inside(boiler, r["start"], r["end"]):
                seen_p.add(r["place_id"])
                add.places.append((r["place_id"], r["name"]))
        for key, shown, a, b in _numbers(doc):
            if key not in seen_n:
                seen_n.add(key)
                add.numbers.append((shown, a, b))
        new_said = []
        for r in flat.quotes:
            who = r["speaker_entity"] or records.name_key(r["speaker"] or "")
            words = _words(r["content"])
            if not words:
                continue
            same = [w for k2, w in said if k2 == who or not who or not k2]
            if all(len(words & w) / len(words) < NEW_QUOTE_OVERLAP for w in same):
                add.speakers[len(add.quotes)] = r["speaker"]
                add.quotes.append(Statement(doc.id, doc.meta.outlet, doc.meta.published,
                                            r["content"], r["start"], r["end"], r["cue"]))
            new_said.append((who, words))
        said.extend(new_said)
        out.append(add)
    return out


def build_report(store: Store, story_id: str) -> StoryReport:
    """The whole story page for ``story_id`` (raises :class:`rasd.store.NotFound`)."""
    from rasd.link.agreements import story_agreements
    from rasd.link.contradictions import story_contradictions

    detail = store.story(story_id)
    arts = detail.articles
    ids = tuple(a.id for a in arts)
    only = Filters(doc_ids=ids)
    docs = [store.get(a.id) for a in arts[:MAX_ANALYSED]]
    groups = {a.id: a.group_id for a in arts if a.group_id}
    events = store.events(only, limit=MAX_LISTED)
    evs = sorted(events.items, key=lambda e: (e.date or e.published or "", e.doc_id, e.start))
    return StoryReport(
        story=detail.story,
        articles=arts,
        timeline=build_timeline(arts),
        speakers=speakers_of(store, ids),
        agreements=story_agreements(docs, groups) if len(docs) > 1 else [],
        contradictions=story_contradictions(docs) if len(docs) > 1 else [],
        additions=additions(docs, {a.id: a for a in arts}),
        entities=store.entities(only, limit=MAX_LISTED).items,
        places=store.places(only, limit=MAX_LISTED).items,
        events=evs,
        events_total=events.total,
        analysed=len(docs),
        sourcing=sourcing_view(story_sourcing(docs)),
    )

"""The article page's view model: highlights, sourcing table, events, dates, entity list.

Everything is derived from the document's layers with the store's own row builders
(:mod:`rasd.store.records`), so an entity link on the article page uses exactly the id the
store gives that entity, and layers shaped differently by different extractors are read the
same way everywhere.  Any layer may be missing (not produced yet): the page then simply has
fewer highlights and an empty-state note, never an error.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from rasd.doc import Document
from rasd.sourcing import article_sourcing
from rasd.store import records
from rasd.web.highlight import Mark, Node, nest
from rasd.web.labels import (
    entity_label,
    event_label,
    speaker_kind_label,
    stance_label,
    time_value,
)
from rasd.web.sourcing_view import SourcingView, sourcing_view

HIGHLIGHT_LAYERS = ("entities", "places", "times", "quotes", "events")


def entity_href(entity_id: str) -> str:
    return f"/entity/{quote(entity_id, safe='')}"


def place_href(place_id: str) -> str:
    return f"/place/{quote(place_id, safe='')}"


@dataclass
class SourceRow:
    """One row of the sourcing table: who said it, what kind of source, what, stance, where."""

    ref: str
    who: str
    who_href: str | None
    kind: str
    refers_to: str | None
    what: str
    stance: str
    cue: str
    start: int
    paragraph: int


@dataclass
class EventRow:
    ref: str
    label: str
    text: str
    actors: list[str]
    date: str | None
    place: str | None
    place_href: str | None
    start: int
    paragraph: int


@dataclass
class EntityChip:
    id: str
    name: str
    label: str
    label_ar: str
    count: int
    href: str


@dataclass
class TimeRow:
    ref: str
    text: str
    value: str
    start: int


@dataclass
class ContradictionRow:
    """Two statements of the article that disagree (from the ``claims`` component)."""

    kind: str
    a_ref: str
    a_who: str
    a_text: str
    b_ref: str
    b_who: str
    b_text: str


CONTRADICTION_KINDS = {
    "contrast": "تعارض صريح في النص",
    "stance": "مواقف متعارضة",
    "count": "أرقام متضاربة",
    "number": "أرقام متضاربة",
}


@dataclass
class ArticleView:
    nodes: list[Node]
    sources: list[SourceRow] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    entities: list[EntityChip] = field(default_factory=list)
    times: list[TimeRow] = field(default_factory=list)
    contradictions: list[ContradictionRow] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    present: set[str] = field(default_factory=set)
    sourcing: SourcingView | None = None  # None: no quotes layer


def _paragraph_of(text: str, offset: int) -> int:
    """1-based paragraph number (blank-line separated) of a character offset."""
    return text.count("\n\n", 0, offset) + 1


def _attr(attrs: Any, *keys: str) -> str:
    for k in keys:
        v = attrs.get(k) if isinstance(attrs, dict) else None
        if v not in (None, "", [], {}):
            return str(v)
    return ""


def build_article(doc: Document, focus: tuple[int, int] | None = None) -> ArticleView:
    """Build every highlight and table of the article page from ``doc``'s layers."""
    text = doc.text
    marks: list[Mark] = []
    for s in doc.layer("boilerplate"):
        marks.append(Mark(s.start, s.end, "boilerplate", "bp", "نص غير صحفي (حواشٍ وروابط)"))

    ent_rows, clusters = records.entity_rows(doc)
    entity_of_span = {r["span_id"]: r["entity_id"] for r in ent_rows}
    chips: Counter[str] = Counter()
    for r in ent_rows:
        cl = clusters[r["entity_id"]]
        title = f"{entity_label(r['label'])} · {cl['name']}"
        marks.append(
            Mark(
                r["start"],
                r["end"],
                "entities",
                f"ent ent-{_css_token(r['label'])}",
                title,
                entity_href(r["entity_id"]),
                r["span_id"],
            )
        )
        chips[r["entity_id"]] += 1

    for r in records.place_rows(doc):
        coords = ""
        if r["lat"] is not None and r["lon"] is not None:
            coords = f" ({r['lat']:.3f}, {r['lon']:.3f})"
        marks.append(
            Mark(
                r["start"],
                r["end"],
                "places",
                "plc" + ("" if coords else " plc-unresolved"),
                f"مكان · {r['text']}{' · ' + r['country'] if r['country'] else ''}{coords}",
                place_href(r["place_id"]),
                r["span_id"],
            )
        )

    times = []
    for r in records.time_rows(doc):
        value = time_value(r["value"])
        marks.append(
            Mark(r["start"], r["end"], "times", "tm", f"زمن · {value}", None, r["span_id"])
        )
        times.append(TimeRow(r["span_id"], r["text"], value, r["start"]))

    sources = []
    speakers: dict[str, str] = {}  # quote id -> who (following "المصدر" back to its antecedent)
    quote_spans = {s.id: s for s in doc.layer("quotes")}
    for r in records.quote_rows(doc, entity_of_span):
        ref = r["span_id"]
        span = quote_spans.get(ref)
        attrs = dict(span.attrs) if span is not None else {}
        speaker = r["speaker"] or "—"
        marks.append(
            Mark(
                r["start"],
                r["end"],
                "quote-content",
                "q-content",
                f"اقتباس · {speaker}",
                None,
                ref,
            )
        )
        if r["speaker_start"] is not None and r["speaker_end"] is not None:
            marks.append(
                Mark(
                    r["speaker_start"],
                    r["speaker_end"],
                    "quote-speaker",
                    "q-speaker",
                    "المتحدث",
                    None,
                    ref,
                )
            )
        cue_text, cue_start, cue_end = records.resolve(doc, attrs.get("cue"))
        if cue_start is not None and cue_end is not None and cue_text:
            marks.append(Mark(cue_start, cue_end, "quote-cue", "q-cue", "فعل القول", None, ref))
        sp_ent = r["speaker_entity"]
        speaker_attrs = attrs.get("speaker") if isinstance(attrs.get("speaker"), dict) else {}
        kind = _attr(speaker_attrs, "kind") or _attr(attrs, "speaker_kind", "source_kind")
        kind = kind or (span.label if span is not None else "")
        antecedent = attrs.get("antecedent")
        refers_to = speakers.get(antecedent) if isinstance(antecedent, str) else None
        speakers[ref] = refers_to or speaker
        sources.append(
            SourceRow(
                ref=ref,
                who=speaker,
                who_href=entity_href(sp_ent) if sp_ent else None,
                kind=speaker_kind_label(kind),
                refers_to=refers_to if refers_to and refers_to != speaker else None,
                what=r["content"],
                stance=stance_label(_attr(attrs, "stance", "attribution", "cue_stance")),
                cue=r["cue"] or "",
                start=r["start"],
                paragraph=_paragraph_of(text, r["start"]),
            )
        )

    events = []
    event_spans = {s.id: s for s in doc.layer("events")}
    for r in records.event_rows(doc):
        actors = _json_list(r["actors"])
        ev_span = event_spans.get(r["span_id"])
        # show the place as the article writes it (the gazetteer's name may be another form)
        where, w_start, _ = records.resolve(doc, ev_span.attrs.get("place") if ev_span else None)
        place_text = where if w_start is not None else r["place"]
        label = event_label(r["label"] or "")
        marks.append(
            Mark(
                r["start"],
                r["end"],
                "events",
                "ev",
                f"حدث · {label}" + (f" · {'، '.join(actors)}" if actors else ""),
                None,
                r["span_id"],
            )
        )
        events.append(
            EventRow(
                ref=r["span_id"],
                label=label,
                text=r["text"],
                actors=actors,
                date=r["date"],
                place=place_text,
                place_href=place_href(r["place_id"]) if r["place_id"] else None,
                start=r["start"],
                paragraph=_paragraph_of(text, r["start"]),
            )
        )

    contradictions = []
    for c in doc.relations.get("contradictions", []):
        if not isinstance(c, dict):
            continue
        a_text, _, _ = records.resolve(doc, c.get("a_evidence") or c.get("a"))
        b_text, _, _ = records.resolve(doc, c.get("b_evidence") or c.get("b"))
        if not (a_text and b_text):
            continue
        kind = str(c.get("kind") or "")
        contradictions.append(ContradictionRow(
            kind=CONTRADICTION_KINDS.get(kind, kind or "تعارض"),
            a_ref=str(c.get("a") or ""), a_who=speakers.get(str(c.get("a")), ""), a_text=a_text,
            b_ref=str(c.get("b") or ""), b_who=speakers.get(str(c.get("b")), ""), b_text=b_text,
        ))

    if focus is not None and 0 <= focus[0] < focus[1] <= len(text):
        marks.append(Mark(focus[0], focus[1], "focus", "focus", "", None, "focus"))

    entity_chips = [
        EntityChip(
            id=eid,
            name=clusters[eid]["name"],
            label=clusters[eid]["label"],
            label_ar=entity_label(clusters[eid]["label"]),
            count=n,
            href=entity_href(eid),
        )
        for eid, n in chips.most_common()
    ]
    present = {name for name in HIGHLIGHT_LAYERS if doc.layer(name)}
    counts = {name: len(doc.layer(name)) for name in (*HIGHLIGHT_LAYERS, "boilerplate")}
    return ArticleView(
        nodes=nest(text, marks),
        sources=sources,
        events=events,
        entities=entity_chips,
        times=times,
        contradictions=contradictions,
        counts=counts,
        present=present,
        sourcing=sourcing_view(article_sourcing(doc)) if "quotes" in doc.layers else None,
    )


def _json_list(value: Any) -> list[str]:
    import json

    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, str) and value:
        try:
            data = json.loads(value)
        except ValueError:
            return [value]
        return [str(v) for v in data] if isinstance(data, list) else [str(data)]
    return []


def _css_token(label: str) -> str:
    """A label as a safe CSS class fragment (labels come from models, not users, but still)."""
    return "".join(c for c in label.lower() if c.isascii() and (c.isalnum() or c == "-")) or "x"

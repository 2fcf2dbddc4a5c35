"""Text sections for ``rasd analyze --format text``: a sourcing table a fact-checker can audit.

One block per statement — who said it (with kind and, for "المصدر"/"وأضاف", whom that refers
back to), the stance, what was said (cut at a word boundary, with its full length), and the
offsets of cue, speaker and content so every line can be checked against the original.
Events and contradictions follow the same pattern.  Light module: imports only the document
model, so rendering never loads extractors.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasd.doc import Document, Span
from rasd.sourcing import KINDS, article_sourcing

WHAT_CHARS = 110


def _loc(d: Mapping[str, Any]) -> str:
    return f"[{d['start']}:{d['end']}]"


def shorten(text: str, limit: int = WHAT_CHARS) -> str:
    """Single-line text cut at a word boundary, marking the cut and the full length."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    cut = cut if cut > limit // 2 else limit
    return f"{flat[:cut]} … ({len(flat)} chars)"


def render_quotes(doc: Document) -> list[str]:
    by_id = {q.id: q for q in doc.layer("quotes")}
    out = []
    for q in doc.layer("quotes"):
        block: list[str] = []
        a = q.attrs
        cue, sp, con = a.get("cue", {}), a.get("speaker") or {}, a.get("content") or {}
        form = "direct quote" if a.get("direct") else "reported"
        neg = ", negated" if a.get("negated") else ""
        block.append(
            f"  {q.id:<4} {a.get('stance', 'assert').upper():<6} {form}{neg}  "
            f"cue «{cue.get('text', '')}» {_loc(cue) if cue else ''}"
        )
        who = sp.get("text", "?")
        kind = sp.get("kind", q.label)
        extra = []
        if sp.get("implicit"):
            extra.append("not written here: speaker carried over")
        if sp.get("canonical") and sp.get("canonical") != who:
            extra.append(f"= {sp['canonical']}")
        ante = by_id.get(a.get("antecedent", ""))
        if ante is not None and ante.id != q.id:
            first = (ante.attrs.get("speaker") or {}).get("text", "")
            extra.append(f"same source as {ante.id}: {shorten(first, 60)}")
        if sp.get("descriptor"):
            extra.append(f"described as: {shorten(sp['descriptor']['text'], 60)}")
        if a.get("via"):
            extra.append(f"via {a['via']['text']}")
        where = _loc(sp) if "start" in sp else ""
        block.append(f"       who:  {who}  ({kind}) {where}")
        for e in extra:
            block.append(f"             {e}")
        if con:
            what = doc.text[con["start"]:con["end"]]
            block.append(f"       what: {shorten(what)} {_loc(con)}")
        out.append("\n".join(block))  # one entry per statement: the section count is right
    return out


def render_sourcing(doc: Document) -> list[str]:
    """The sourcing summary (:mod:`rasd.sourcing`): statements and distinct sources per
    speaker kind, then each claim that rests on a single anonymous source."""
    s = article_sourcing(doc)
    kinds = [k for k in KINDS if s.by_kind.get(k)] + [k for k in s.by_kind if k not in KINDS
                                                        and s.by_kind[k]]
    out = [f"  {k:<13} {s.by_kind[k]:>3} statements from {s.sources.get(k, 0)} "
           f"source{'s' if s.sources.get(k, 0) != 1 else ''}" for k in kinds]
    out.append(f"  single anonymous source: {len(s.single_anonymous)} "
               f"claim{'s' if len(s.single_anonymous) != 1 else ''}")
    for st in s.single_anonymous:
        out.append(f"    {st.ref:<4} {shorten(st.who, 40)}: {shorten(st.content, 90)} "
                   f"[{st.start}:{st.end}]")
    return out


def _arg(doc: Document, d: Mapping[str, Any] | None, extra: str = "") -> str:
    if not d:
        return "—"
    s = f"{shorten(d.get('text', ''), 50)} {_loc(d)}"
    return f"{s} {extra}".rstrip()


def render_events(doc: Document) -> list[str]:
    out = []
    for e in doc.layer("events"):
        a = e.attrs
        place = a.get("place")
        pextra = ""
        if place and "lat" in place and "lon" in place:
            pextra = f"({place['lat']:.3f}, {place['lon']:.3f})"
        time = a.get("time")
        textra = f"= {time['value']}" if time and time.get("value") else ""
        src = f"  reported in {a['source']}" if a.get("source") else ""
        block = [
            f"  {e.id:<4} {e.label:<10} {a.get('mode', ''):<12} {_loc_span(e)}{src}",
            f"       {_arg(doc, a.get('actor'))}  —{a['trigger']['text']}→  "
            f"{_arg(doc, a.get('target'))}",
        ]
        if place or time:
            block.append(
                f"       where: {_arg(doc, place, pextra)}   when: {_arg(doc, time, textra)}"
            )
        out.append("\n".join(block))
    return out


def _loc_span(s: Span) -> str:
    return f"[{s.start}:{s.end}]"


def render_contradictions(doc: Document) -> list[str]:
    by_id = {q.id: q for q in doc.layer("quotes")}
    out = []
    for c in doc.relations.get("contradictions", []):
        block = [f"  {c['a']} ⟂ {c['b']}  {c.get('reason', '')}"]
        for side in ("a", "b"):
            q = by_id.get(c[side])
            who = ((q.attrs.get("speaker") or {}).get("text", "?")) if q else "?"
            ev = c[f"{side}_evidence"]
            block.append(f"       {c[side]} {shorten(who, 40)}: "
                         f"{shorten(doc.text[ev['start']:ev['end']], 90)} {_loc(ev)}")
        out.append("\n".join(block))
    return out

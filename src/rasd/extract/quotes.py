"""Attributed statements: who said what, in what words, with what stance.

Arabic news attributes almost every claim, and the attribution patterns are few and regular:

* a speech verb, usually verb-first: "وقال وزير الخارجية …، إن …", "كشف مصدر عسكري … أنّ …",
  with the speaker after the verb, adjuncts between ("لـ(الحل نت)، اليوم الاثنين،"), and the
  content introduced by أنّ/إنّ/إلى أنّ, a colon or a quotation mark;
* pro-dropped continuations ("وأضاف أن …", "مضيفاً أن …") whose speaker is the previous one;
* prepositional attributions ("بحسب …", "وفقاً لـ …", "نقلاً عن …") before or after the content;
* the subject before the verb ("وكان تقرير للأمم المتحدة … كشف أن …").

Each statement is one span in the ``quotes`` layer covering cue, local speaker mention and
content, with ``attrs``: ``cue``/``speaker``/``content`` ``{start, end}`` (speaker also has
``kind``, ``text``, ``entity``, ``canonical``, ``descriptor``, ``implicit``), ``stance``
(assert/deny/doubt), ``direct`` (quoted words) and ``antecedent`` (id of the quote whose
speaker this one refers back to, for "المصدر", "وأضاف", a repeated surname …).

Speaker kinds: ``named_person`` (a name or an identifiable office holder: "وزير الخارجية"),
``organization``, ``document`` ("تقرير الأمم المتحدة", "البيان"), ``media`` (an outlet or its
data) and ``anonymous`` (unnamed sources; the descriptor is kept verbatim).

The work is split along the same seams: :mod:`rasd.extract.quote_cues` finds the cues and
assembles each statement, :mod:`rasd.extract.quote_speaker` and
:mod:`rasd.extract.quote_content` read its speaker and content, :mod:`rasd.extract.speakers`
types the speakers and links them across statements, all through the document's shared
:class:`~rasd.extract.reader.Reader`.  This module turns the records into spans.
"""

from __future__ import annotations

from typing import Any

from rasd.config import Config
from rasd.doc import Document, Span
from rasd.extract.quote_cues import CueScanner
from rasd.extract.quote_record import Quote, span_of
from rasd.extract.reader import reader
from rasd.extract.speakers import entity_link, resolve, root_of
from rasd.pipeline import component

__all__ = ["KINDS", "Quote", "extract", "quotes_component"]

KINDS = ("named_person", "organization", "document", "media", "anonymous")


def extract(doc: Document) -> list[Span]:
    """All attributed statements of ``doc`` as ``quotes`` spans (ids q0, q1 … in text order)."""
    r = reader(doc)
    qs = CueScanner(r).run()
    resolve(r, qs)
    order = sorted(range(len(qs)), key=lambda k: span_of(qs[k])[0])
    ids = {k: f"q{n}" for n, k in enumerate(order)}
    spans = []
    for k in order:
        q = qs[k]
        s, e = span_of(q)
        root = root_of(qs, k)
        sp = q.speaker if q.speaker is not None else qs[root].speaker
        attrs: dict[str, Any] = {
            "cue": {"start": q.cue[0], "end": q.cue[1], "text": doc.text[q.cue[0]:q.cue[1]],
                    "kind": q.cue_kind},
            "stance": q.stance,
            "direct": q.direct,
        }
        if sp is not None:
            ent, canon = entity_link(r, sp, q.kind or qs[root].kind)
            spk: dict[str, Any] = {
                "start": sp[0], "end": sp[1], "text": doc.text[sp[0]:sp[1]], "kind": q.kind,
                "implicit": q.speaker is None,
            }
            if ent:
                spk["entity"] = ent
            if canon:
                spk["canonical"] = canon
            if q.descriptor:
                spk["descriptor"] = {"start": q.descriptor[0], "end": q.descriptor[1],
                                     "text": doc.text[q.descriptor[0]:q.descriptor[1]]}
            attrs["speaker"] = spk
        if q.content:
            attrs["content"] = {"start": q.content[0], "end": q.content[1]}
        if q.antecedent is not None:
            # first mention of this speaker, and the nearest earlier quote by the same speaker
            attrs["antecedent"] = ids[root]
            attrs["previous"] = ids[q.antecedent]
        if q.via:
            attrs["via"] = {"start": q.via[0], "end": q.via[1],
                            "text": doc.text[q.via[0]:q.via[1]]}
        if q.extra.get("negated"):
            attrs["negated"] = True
        spans.append(Span(s, e, q.kind or "unknown", ids[k], attrs))
    return spans


@component("quotes", requires=("tokens", "sentences"), reads=("entities", "places", "boilerplate"),
           assigns=("quotes",))
def quotes_component(doc: Document, config: Config) -> None:
    """The ``quotes`` layer (ids q0, q1 …); entities, places and boilerplate refine it when
    an earlier component has assigned them."""
    doc.set_layer("quotes", extract(doc), prefix="q")

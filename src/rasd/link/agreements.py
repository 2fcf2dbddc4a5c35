"""Claims that agree across the sources of one story: the counterpart of
:mod:`rasd.link.contradictions`.

Two attributed statements from *different* articles of a story agree when they cannot be
told to contradict (:func:`rasd.extract.claims.contradicts` finds nothing) and either

* give a compatible figure for the same count (both say 56 killed, or "at least 50" and 56):
  a corroborated number — what a reader most wants checked across outlets; or
* take the same stance on the same matter (strong overlap of content words, the threshold
  ``contradicts`` uses for a stance dispute) — not counting the story's topic words, which
  every statement about the event shares.

A text republished verbatim (same content hash) or a near copy (same near-duplicate group,
when the caller knows the groups) is not a second source and is skipped.  ``same_speaker``
tells a statement two outlets merely both reported (one source) from independent sources
saying the same thing.  Wire copies would otherwise repeat one agreement for every pair of
outlets, so each agreement (kind + what it is about) is listed once, with every outlet that
carried it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rasd.doc import Document
from rasd.link.contradictions import claim_side, ensure_quotes

#: At most this many agreements per story (the strongest first).
MAX_AGREEMENTS = 30


def _strong_topic(shared: list[str], a: Any, b: Any, topic: frozenset[str]) -> bool:
    small = min(len(set(a.terms) - topic), len(set(b.terms) - topic)) or 1
    return len(shared) >= 3 or (len(shared) >= 2 and len(shared) / small >= 0.5)


def story_topic(claims: list[list[Any]]) -> frozenset[str]:
    """Words in the statements of more than half of the story's articles (at least three):
    the story's topic ("زمزم", "الدعم السريع"), which every statement about it shares, so
    sharing them says nothing about two statements agreeing."""
    if len(claims) < 3:
        return frozenset()
    df: dict[str, int] = {}
    for cs in claims:
        for t in {t for c in cs for t in c.terms}:
            df[t] = df.get(t, 0) + 1
    return frozenset(t for t, n in df.items() if n * 2 > len(claims))


def _same_count(a: Any, b: Any) -> Any:
    """The first count of ``a`` whose interval meets one of ``b``'s for the same thing."""
    for ca in a.counts:
        for cb in b.counts:
            if ca.what != cb.what:
                continue
            lo_a, hi_a = ca.interval()
            lo_b, hi_b = cb.interval()
            if lo_a <= hi_b and lo_b <= hi_a:
                return ca, cb
    return None


def agreement(a: Any, b: Any, topic: frozenset[str] = frozenset()
              ) -> tuple[str, str, str, int] | None:
    """(kind, key, reason, strength) when claims ``a`` and ``b`` agree, else None; words of
    ``topic`` (:func:`story_topic`) do not count as shared content."""
    from rasd.extract.claims import contradicts, topic_overlap

    if contradicts(a, b, same_event=True):
        return None
    pair = _same_count(a, b)
    if pair:
        ca, cb = pair
        return ("numbers", f"numbers:{ca.what}:{ca.show()}",
                f"numbers: {ca.what} {ca.show()} ({a.speaker or a.id}) ≈ {cb.show()} "
                f"({b.speaker or b.id})", 100)
    shared = [t for t in topic_overlap(a, b) if t not in topic]
    if a.stance == b.stance and _strong_topic(shared, a, b, topic):
        who = sorted((a.speaker_key or a.id, b.speaker_key or b.id))
        return ("stance", f"stance:{a.stance}:{who[0]}|{who[1]}",
                f"stance: {a.speaker or a.id} and {b.speaker or b.id} {a.stance} "
                f"({', '.join(shared[:5])})", len(shared))
    return None


def story_agreements(docs: Iterable[Document], groups: Mapping[str, str] | None = None,
                     limit: int = MAX_AGREEMENTS) -> list[dict[str, Any]]:
    """Agreeing statement pairs between different sources of one story, strongest first.

    ``groups`` maps document id → near-duplicate group id (:class:`rasd.store.DocSummary`
    ``group_id``); documents of one group are copies, not separate sources.
    """
    from rasd.extract.claims import claims_of

    docs = sorted((ensure_quotes(d) for d in docs), key=lambda d: (d.meta.published or "", d.id))
    groups = groups or {}
    claims = [(d, claims_of(d)) for d in docs]
    topic = story_topic([cs for _, cs in claims])
    found: dict[str, dict[str, Any]] = {}
    for i, (da, ca) in enumerate(claims):
        for db, cb in claims[i + 1 :]:
            if da.content_hash == db.content_hash or (
                    da.id in groups and groups.get(da.id) == groups.get(db.id)):
                continue
            for a in ca:
                for b in cb:
                    hit = agreement(a, b, topic)
                    if not hit:
                        continue
                    kind, key, reason, strength = hit
                    row = found.get(key)
                    if row is None:
                        row = found[key] = {
                            "kind": kind, "reason": reason, "strength": strength,
                            "a": claim_side(da, a), "b": claim_side(db, b),
                            "same_speaker": bool(a.speaker_key)
                            and a.speaker_key == b.speaker_key,
                            "outlets": [],
                        }  # fmt: skip
                    for o in (da.meta.outlet, db.meta.outlet):
                        if o and o not in row["outlets"]:
                            row["outlets"].append(o)
    out = sorted(found.values(), key=lambda r: (-len(r["outlets"]), -r["strength"],
                                                 r["a"]["published"] or "", r["reason"]))
    return out[:limit]

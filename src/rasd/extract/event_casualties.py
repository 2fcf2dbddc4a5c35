"""Casualty counts as attributes of the event that caused them (issue 22).

Why not events of their own: news reports a strike and its toll in one breath — "مقتل 20 في
تفجير سيارة مفخخة" is one event (the bombing) with 20 dead, not a killing plus a bombing.  So a
casualty word ("مقتل", "قتلى", "لقي … مصرعهم", "أصيب", "جرحى") gives its count to the nearest
ASSAULT/FIGHT event of its sentence as ``fatalities``/``injured``; a killing verb that was
itself read as an event is then dropped.  Only when the sentence names no cause does the death
word stay an ASSAULT event of its own ("مقتل 42 من عناصر داعش"), carrying the count.
"""

from __future__ import annotations

from typing import Any, Protocol

from rasd.doc import Span
from rasd.extract import event_lexicon

__all__ = ["attach"]

#: the event types whose casualties a sentence reports
VIOLENT = frozenset({"ASSAULT", "FIGHT"})


class EventReader(Protocol):
    """What :func:`attach` needs of the events extractor: its words, text and mode reading."""

    words: list[Any]
    doc: Any

    def mode(self, i: int, info: dict[str, Any]) -> tuple[str, str | None]: ...

    def arguments(self, i: int, kind: str, info: dict[str, Any]) -> dict[str, Any]: ...

    def describe(self, i: int, attrs: dict[str, Any], roles: dict[str, Any],
                 source: str | None) -> tuple[int, int]: ...


def attach(ev: EventReader, out: list[Span], at: list[int], cands: list[int]) -> list[Span]:
    """``out`` (events, trigger word index ``at[k]`` each) with casualty counts attached;
    ``cands`` are the words that may open a casualty phrase."""
    words = ev.words
    by_word = {i: k for k, i in enumerate(at)}
    drop: set[int] = set()
    for c in cands:
        w = words[c]
        hit = event_lexicon.casualty(words, c)
        if hit is None:
            continue
        cat, end = hit
        count = event_lexicon.casualty_count(words, c, end + 1)
        attr = "fatalities" if cat == "killed" else "injured"
        own = by_word.get(c)
        causes = [k for k, i in enumerate(at) if i != c and words[i].sent == w.sent
                  and out[k].attrs["plover"] in VIOLENT and k not in drop]
        if causes:
            k = min(causes, key=lambda k: (abs(at[k] - c), at[k] < c))
            if count is not None and attr not in out[k].attrs:
                _set(out[k], attr, count)
            if own is not None and out[own].attrs["plover"] == "ASSAULT":
                drop.add(own)
            continue
        if own is not None:
            if count is not None and attr not in out[own].attrs:
                _set(out[own], attr, count)
            continue
        if cat != "killed":
            continue
        text = ev.doc.text
        info = {"type": "ASSAULT", "plover": "ASSAULT", "future": False,
                "not_objects": frozenset(), "target_preps": frozenset()}
        mode, source = ev.mode(c, info)
        e = words[end].end if end == c else w.end
        attrs: dict[str, Any] = {
            "type": "ASSAULT", "plover": "ASSAULT",
            "trigger": {"start": w.start, "end": e, "text": text[w.start:e], "kind": "noun"},
            "mode": mode,
        }
        if count is not None:
            attrs[attr] = count
        # "مقتل ثمانية مدنيين": the dead are the target; an agent marker or a support verb
        # may name who killed them
        roles = ev.arguments(c, "noun", info) if end == c else {}
        s, e2 = ev.describe(c, attrs, roles, source)
        by_word[c] = len(out)
        out.append(Span(min(s, w.start), max(e, e2), "ASSAULT", "", attrs))
        at.append(c)
    kept = [s for k, s in enumerate(out) if k not in drop]
    return sorted(kept, key=lambda s: (s.start, s.end))


def _set(span: Span, key: str, value: int) -> None:
    """Add a count to an event span built in this pass (its attrs are a plain dict)."""
    attrs = span.attrs
    assert isinstance(attrs, dict)
    attrs[key] = value

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
from rasd.lang.ar import vocab

__all__ = ["attach"]

#: the event types whose casualties a sentence reports (OTHER: accidents, "تحطم طائرة")
VIOLENT = frozenset({"ASSAULT", "FIGHT", "OTHER"})
#: words that link a toll to its cause after it: "مقتل 20 في تفجير", "جراء غارات"
CAUSE_LINKS = vocab.words("event_words", "cause-link")
#: time units: "في 15 شهراً قتل" counts months, not victims
TIME_UNITS = vocab.words("time-units")


class EventReader(Protocol):
    """What :func:`attach` needs of the events extractor: its words, text and mode reading."""

    words: list[Any]
    doc: Any
    r: Any

    def trigger(self, i: int) -> tuple[dict[str, Any], str, int] | None: ...

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
        if count is None:
            count = _victims(ev, c, end)
        attr = "fatalities" if cat == "killed" else "injured"
        own = by_word.get(c)
        causes = [k for k, i in enumerate(at) if i != c and words[i].sent == w.sent
                  and out[k].attrs["plover"] in VIOLENT and k not in drop]
        if own is not None and "actor" in out[own].attrs and not _linked_cause(words, c, end):
            causes = []  # "قوات الأمن قتلت مسلحاً": a killing with its killer is the event
        if causes:
            k = min(causes, key=lambda k: (not _linked(words, c, at[k]), abs(at[k] - c),
                                           at[k] < c))
            if count is not None and attr not in out[k].attrs:
                _set(out[k], attr, count)
            if own is not None and out[own].attrs["plover"] == "ASSAULT":
                drop.add(own)
            continue
        if own is not None:
            if count is not None and attr not in out[own].attrs:
                _set(out[own], attr, count)
            continue
        if cat != "killed" or _outcome(words, c) or _anaphoric_cause(ev, c, end):
            continue  # "أسفر عن مقتل …", "قتلوا في الغارة": the toll of a cause told elsewhere
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


def _linked(words: list[Any], c: int, i: int) -> bool:
    """Is the event at word ``i`` the cause a link word names after the toll at ``c``
    ("مقتل 21 شخصاً في هجمات", "بقصف"), or the cause before an outcome verb ("غارة أسفرت عن
    مقتل")?"""
    if i > c:
        k = words[i].key
        return words[i - 1].key in CAUSE_LINKS or (k[:1] == "ب" and k[1:3] != "ين")
    return _outcome(words, c)


def _linked_cause(words: list[Any], c: int, end: int) -> bool:
    """Does a link word name a cause a few words after the toll ("قتلوا جراء غارة",
    "قتلوا برصاص قوات الأمن")?"""
    for j in range(end + 1, min(len(words), end + 4)):
        if words[j].sent != words[c].sent:
            return False
        if j == end + 1 and words[j].key[:1] == "ب" and event_lexicon.candidate(words[j].key):
            return True
        if words[j].key in CAUSE_LINKS and words[j].key != "في":
            return True
    return False


def _outcome(words: list[Any], c: int) -> bool:
    """Is the casualty word at ``c`` the outcome of an outcome verb ("أسفر عن", "أدى إلى
    مقتل", "ما أسفر أيضاً عن")?"""
    s = words[c].sent
    for j in range(c - 1, max(-1, c - 4), -1):
        w = words[j]
        if w.sent != s or w.kind == "punct":
            return False
        if any(v in event_lexicon.OUTCOME for v in event_lexicon.verb_stems(w.key)[:3]) or \
                w.key in event_lexicon.OUTCOME:
            return True
    return False


def _anaphoric_cause(ev: EventReader, c: int, end: int) -> bool:
    """"ثلاثة متطرفين قتلوا في الغارة": the cause after the toll is a definite event noun that
    refers back, so the deaths belong to an event already told (no event of their own)."""
    words = ev.words
    s = words[c].sent
    for j in range(end + 1, min(len(words) - 1, end + 5)):
        w = words[j]
        if w.sent != s or w.kind == "punct":
            return False
        if w.key in CAUSE_LINKS:
            nxt = words[j + 1]
            trig = ev.trigger(j + 1) if nxt.kind == "word" else None
            return trig is not None and nxt.key.startswith("ال") and \
                trig[0]["plover"] in VIOLENT
    return False


def _victims(ev: EventReader, c: int, end: int) -> int | None:
    """The count a casualty phrase gives without a number: "لقي مصرعه" (1), "مصرعهما" (2),
    a singular or dual victim right after it ("مقتل جندي", "قتل القاضي", a person's name)
    or right before it ("شخصاً قتل", "حوثيان قتلا")."""
    words = ev.words
    w = words[c]
    if end > c:
        k = words[end].key
        if k.endswith("هما"):
            return 2
        if k.endswith("ه"):
            return 1
    j = end + 1
    if j < len(words) and words[j].sent == w.sent and words[j].kind == "word":
        # "مقتل عسكريين تركيين اثنين": one and two follow their noun
        for k in range(j + 1, min(len(words), j + 3)):
            if words[k].sent != w.sent or words[k].kind != "word":
                break
            if event_lexicon.number_end(words, k) == k + 1:
                n = event_lexicon.number_value(words, k)
                if n is not None and n <= 2:
                    return n
        n = event_lexicon.victim_number(words[j].key)
        if n is not None:
            return n
        nxt = words[j]
        if any(x.label == "PER" and x.start == nxt.start
               for x in ev.r.entities_in(nxt.start, nxt.end)):
            return 1
    if end != c or w.start in ev.r.conj_starts:
        return None  # "ونفذه مسلحان وقتلا": before a coordinated verb stands another clause
    if c > 0 and words[c - 1].sent == w.sent and words[c - 1].kind == "word":
        n = event_lexicon.victim_number(words[c - 1].key)
        if n is not None:
            return n
    return _count_before(words, c)


def _count_before(words: list[Any], c: int) -> int | None:
    """"12 شخصاً على الأقل قتلوا", "4 مقاتلين من الكتائب قتلوا": the victims (a number and
    its noun) as the subject a few words before a plural or dual casualty verb."""
    key = words[c].key
    if not key.endswith(("وا", "ا")):
        return None
    s = words[c].sent
    for j in range(c - 2, max(-1, c - 7), -1):
        w = words[j]
        if w.sent != s or w.kind == "punct":
            return None
        if w.kind == "num" or event_lexicon.is_number(words, j):
            after = words[j + 1].key
            if any(v in TIME_UNITS for v in event_lexicon.stems(after)[:3]):
                return None
            return event_lexicon.number_value(words, j)
    return None


def _set(span: Span, key: str, value: int) -> None:
    """Add a count to an event span built in this pass (its attrs are a plain dict)."""
    attrs = span.attrs
    assert isinstance(attrs, dict)
    attrs[key] = value

"""The mode of an event from its clause: asserted, denied, prohibited, hypothetical, uncertain.

Why clause-bound: a cue word counts only for the event of its own clause.  Reading cues
anywhere earlier in the sentence made "متهماً" at the start of a long sentence turn every later
event uncertain, and the clause limit (punctuation, "فيما", "بينما", "لكن" …) fixes that.
Rules, first match wins:

* **denied** — a negation right before the trigger ("لم تشارك", "لن"), a denial verb in the
  clause ("نفى أن يكون … اعتقل"), "لا صحة لـ", or a denial quote around it;
* **prohibited** — a ban word right before an event that is not itself a ban ("منع التظاهر",
  "ممنوعون من السفر");
* **hypothetical** — a future verb (the trigger, or "ستقوم بـ", "سيتم" before a noun
  trigger), a purpose masdar ("لتحرير", "لشن هجمات") unless after "تعرض" ("تعرضت لقصف" is
  a real strike), intent words ("بهدف", "يرمي إلى", "للسماح بـ", "تتوقع"), modal words ("ربما",
  "من المقرر"), "قد" + present tense (never "قد" + past: "كان التنظيم قد أعدم" is a fact), or
  a time of the event after the publication day ("اجتماعاً غداً");
* **uncertain** — an accusation or belief in the clause ("اتهم", "يعتقد", "حمّل … المسؤولية
  عن");
* else **asserted**.
"""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache
from typing import Any, Protocol

from rasd.extract import event_lexicon
from rasd.lang.ar import vocab
from rasd.lang.ar.clitics import variants

__all__ = ["clause_start", "mode"]

PURPOSE = vocab.words("event_words", "purpose")
INTENT = vocab.words("event_words", "intent")
INTENT_AFTER = vocab.words("event_words", "intent-after")
UNCERTAIN = vocab.words("event_words", "uncertain")
PROHIBITION = vocab.words("event_words", "prohibition")
DENIAL = vocab.words("event_words", "denial")
DENIAL_AFTER_LA = vocab.words("event_words", "denial-after-la")
BLAME_VERBS = vocab.words("event_words", "blame-verb")
BLAME_NOUNS = vocab.words("event_words", "blame-noun")
EXPOSED = vocab.words("event_words", "exposed-verb")
FUTURE_AUX = vocab.words("event_words", "future-aux") | vocab.words("event_words",
                                                                     "support-verb")
CLAUSE_OPENERS = vocab.words("event_words", "clause-opener")
SUPPORT_MASDARS = vocab.words("event_words", "support-masdar")
#: "لا تزال", "ما زال": still, not a negation
STILL = ("تزال", "يزال", "زال", "زالت")
#: words that open a new clause inside a sentence (the mode cues of one clause stop there)
BOUNDARIES = CLAUSE_OPENERS | frozenset({"فيما", "بينما", "لكن", "ولكن", "الا", "غير"})


class ModeReader(Protocol):
    """What :func:`mode` needs of the events extractor."""

    words: list[Any]
    r: Any
    lex: dict[str, Any]
    doc: Any
    times: list[Any]

    def trigger(self, i: int) -> tuple[dict[str, Any], str, int] | None: ...

    def reported_in(self, pos: int) -> Any: ...


def clause_start(ev: ModeReader, i: int, limit: int = 14, commas: bool = True) -> int:
    """The first word of the trigger's clause (at most ``limit`` words back); without
    ``commas`` a comma does not end the clause ("اتهم الجيش، في بيان، المتمردين بقصف …")."""
    words = ev.words
    s0 = ev.r.sent_start(i)
    j = i - 1
    while j >= max(s0, i - limit):
        w = words[j]
        if w.kind == "punct" and w.norm not in "()\"“”«»" and (commas or w.norm not in ",،"):
            return j + 1
        if w.key in BOUNDARIES:
            return j + 1
        j -= 1
    return max(s0, i - limit)


@lru_cache(maxsize=100_000)
def _has(keys: frozenset[str], key: str) -> bool:
    """Is the word (or it without و/ف) in ``keys``?  Memoized: the clause scans of every
    event ask it of the same words over and over."""
    return any(v in keys for v in variants(key)[:2])


def _negated(ev: ModeReader, i: int, c0: int) -> bool:
    words = ev.words
    neg = ev.lex["neg"]
    for j in range(max(c0, i - 2), i):
        k = words[j].key
        if (k in neg or (k[:1] in "وف" and k[1:] in neg)) and not words[j + 1].key.startswith(
                STILL):  # "لا تزال المفاوضات جارية": still, not a negation
            return True
    for j in range(c0, i):
        k = words[j].key
        if _has(DENIAL, k):
            return True
        if k in ("لا", "ولا") and j + 1 < i and _has(DENIAL_AFTER_LA, words[j + 1].key):
            return True
    return False


def _prohibited(ev: ModeReader, i: int, c0: int, info: dict[str, Any]) -> bool:
    if info["plover"] == "COERCE":
        return False  # "حظر التجوال" is itself the (coercive) event
    words = ev.words
    if i - 1 >= c0 and _has(PROHIBITION, words[i - 1].key):
        return True  # "منع التظاهر"
    return i - 2 >= c0 and words[i - 1].key in ("من", "عن") and _has(PROHIBITION,
                                                                      words[i - 2].key)


@cache
def _future_verb(key: str) -> bool:
    """"ستقوم", "سيتم", "ستواصل": a future auxiliary (never "سيارة", "سيطرة")."""
    if key[:1] in "وف" and len(key) > 4:
        key = key[1:]
    if key[:1] != "س" or key[1:2] not in ("ي", "ت", "ن") or len(key) < 4:
        return False
    return key[1:] in FUTURE_AUX or any(s in FUTURE_AUX
                                        for s in event_lexicon.verb_stems(key[1:]))


def _purpose(ev: ModeReader, i: int, c0: int) -> bool:
    """"لتحرير المدينة", "لشن هجمات", "بهدف استهداف": an intended event — but not the
    ل of "تعرضت لقصف", which reports a real strike."""
    words = ev.words
    key = words[i].key
    if key[:1] == "ل" and key[:2] != "ال" and len(key) > 3 and not key.endswith("ات"):
        trig = ev.trigger(i)
        rest = key[1:]
        if trig is not None and (event_lexicon.candidate(rest) or rest in ev.lex["any"]
                                 or "ال" + key[2:] in event_lexicon.stems(key)) and not any(
                _has(EXPOSED, words[j].key) for j in range(c0, i)):
            return True
    prev = words[i - 1].key if i > c0 else ""
    if prev[:1] == "ل" and prev[1:] in SUPPORT_MASDARS:
        return True  # "لشن هجمات", "لتنفيذ عمليات"
    if any(words[j].key in INTENT_AFTER and words[j].sent == words[i].sent
           for j in range(i + 1, min(len(words), i + 3))):
        return True  # "الاجتماع المقبل", "حملة التمشيط المتوقعة"
    return any(words[j].key in PURPOSE for j in range(max(c0, i - 2), i)) or any(
        _has(INTENT, words[j].key) for j in range(max(c0, i - 5), i))


def _modal(ev: ModeReader, i: int, c0: int) -> bool:
    words = ev.words
    hyp = ev.lex["hyp"]
    for j in range(max(c0, i - 3), i):
        k = words[j].key
        if k == "قد":
            nxt = words[j + 1].key
            if nxt[:1] in ("ي", "ن"):
                return True  # "قد يشن": may; "قد شن"/"كان قد أعدم": did
            continue
        if any(v in hyp for v in variants(k)[:2]):
            return True
    return any(_future_verb(words[j].key) for j in range(max(c0, i - 6), i))


def _future_time(ev: ModeReader, i: int) -> bool:
    """A time of the event (within 4 words after the trigger) after the publication day."""
    pub = _day(ev.doc.meta.published)
    if pub is None:
        return False
    w = ev.words[i]
    end = ev.words[min(len(ev.words) - 1, i + 4)].end
    for t in ev.times:
        if w.end <= t.start < end:
            day = _day(t.attrs.get("value"))
            if day is not None and day > pub:
                return True
    return False


def _day(value: Any) -> date | None:
    """The first day of an ISO date or week value ("2015-07-28", "2015-W32"), else None."""
    if not isinstance(value, str):
        return None
    try:
        if len(value) == 10 and value[4] == "-" and value[7] == "-":
            return date.fromisoformat(value)
        if len(value) == 8 and value[4:6] == "-W":
            return date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
    except ValueError:
        return None
    return None


def _uncertain(ev: ModeReader, i: int, c0: int) -> bool:
    words = ev.words
    s0 = clause_start(ev, i, limit=12, commas=False)
    if any(_has(UNCERTAIN, words[j].key) for j in range(s0, i)):
        return True  # "اتهم الجيش المتمردين بقصف": the accusation may span a comma
    for j in range(s0, i):
        if _has(BLAME_NOUNS, words[j].key) and (
            any(_has(BLAME_VERBS, words[k].key) for k in range(max(s0, j - 8), j))
            or (j > 0 and words[j - 1].key in ("هو", "هي", "هم"))
        ):
            return True  # "حمّل السكان القوة المسؤولية عن مقتل …", "X هو المسؤول عن"
    return False


def mode(ev: ModeReader, i: int, info: dict[str, Any]) -> tuple[str, str | None]:
    """(mode, id of the quote reporting it or None) of the event whose trigger is word ``i``."""
    c0 = clause_start(ev, i)
    src = ev.reported_in(ev.words[i].start)
    sid = src.id if src is not None else None
    if _negated(ev, i, c0) or (src is not None and src.attrs.get("stance") == "deny"):
        return "denied", sid
    if _prohibited(ev, i, c0, info):
        return "prohibited", sid
    if info.get("future") or _purpose(ev, i, c0) or _modal(ev, i, c0) or _future_time(ev, i):
        return "hypothetical", sid
    if _uncertain(ev, i, c0):
        return "uncertain", sid
    return "asserted", sid

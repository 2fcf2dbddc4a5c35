"""Contradicting claims: the same proposition asserted by one source and denied, or counted
differently, by another.

A *claim* is a small record built from one attributed statement (a ``quotes`` span): who
(speaker text, kind, entity), the stance, the content's key terms (light stems, so "الكوريين"
and "كوريا" meet), and the counts it states ("12 مدنياً قتلوا" → 12 killed).  Records are
plain data (:meth:`Claim.to_dict`), so :func:`contradicts` compares claims from one document
or from two documents alike — the cross-document linker only needs the records.

Three signals, from strongest to weakest:

* ``contrast`` (one document only): the text itself says so — "على عكس ما تقر به الحكومة",
  "خلافاً لما ذكره", "في حين نفت" — and the two statements share a topic;
* ``stance``: one source asserts what another denies (or dismisses as a claim: زعم), with a
  clearly shared topic;
* ``numbers``: the same kind of count (killed, injured, displaced, arrested …) with values
  that cannot both be true ("12" vs "20"; "أكثر من 30" is compatible with "35").

Each contradiction is ``{"a", "b", "kind", "reason", "topic", "a_evidence", "b_evidence"}`` in
``doc.relations["contradictions"]``; a and b are quote ids, evidence are content offsets.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from rasd.config import Config
from rasd.doc import Document, Span
from rasd.extract.lexicons import cue_lexicon
from rasd.extract.words import bare, doc_words
from rasd.lang.ar import vocab
from rasd.lang.ar.clitics import light
from rasd.lang.ar.normalize import normalize_key
from rasd.pipeline import component

#: plural/feminine/accusative endings; the nisba ي stays so كوريا, الكوريين, الكورية → كوري
_SUFFIXES = ("ين", "ون", "ات", "ه", "ا")
_STOP = vocab.words("claim_words", "stop")
#: a denial whose object points back at the previous statement: "نفى … هذه المزاعم"
_BACK_REFS = vocab.words("claim_words", "back-reference")
_NUM_RE = re.compile(r"(\d[\d,.\u066b\u066c]*)")
_MULT = {k: int(v) for k, v in vocab.table("claim_words", "value", "multiplier").items()}
_AT_LEAST = vocab.words("claim_words", "at-least")
_ABOUT = vocab.words("claim_words", "about")


def _count_classes() -> dict[str, tuple[str, ...]]:
    """What a count counts, read from a stem near the number: class → stems, in file order
    (the first class wins a tie)."""
    out: dict[str, list[str]] = {}
    for e in vocab.rows("claim_words"):
        if e.category.startswith("count-"):
            out.setdefault(e.category[len("count-"):], []).append(e.key)
    return {k: tuple(v) for k, v in out.items()}


_CLASSES = _count_classes()


def stem(word: str) -> str:
    """A light stem for topic matching: no clitics, article or common plural/nisba ending."""
    return _stem_key(normalize_key(word))


@lru_cache(maxsize=50_000)
def _stem_key(key: str) -> str:
    """:func:`stem` of an already normalized and folded word."""
    b = light(key)
    for suf in _SUFFIXES:
        if b.endswith(suf) and len(b) - len(suf) >= 3:
            return b[: -len(suf)]
    return b


def _words(text: str) -> list[str]:
    return re.findall(r"[\u0621-\u064a\u0671-\u06d3]+|\d[\d,.]*", normalize_key(text))


@dataclass
class Count:
    """A stated quantity: ``value`` with ``op`` ("=", ">=", "~") of a ``what`` class."""

    value: float
    op: str
    what: str
    text: str = ""

    def show(self) -> str:
        sign = {">=": "≥", "~": "~"}.get(self.op, "")
        v = int(self.value) if self.value == int(self.value) else self.value
        return f"{sign}{v}"

    def interval(self) -> tuple[float, float]:
        if self.op == ">=":
            return self.value, float("inf")
        if self.op == "~":
            return self.value * 0.85, self.value * 1.15
        return self.value, self.value


@dataclass
class Claim:
    """One attributed statement reduced to what comparison needs (JSON-plain)."""

    id: str
    speaker: str
    speaker_key: str
    kind: str
    stance: str
    terms: list[str]
    counts: list[Count] = field(default_factory=list)
    doc: str = ""
    sentence: int = -1
    content: tuple[int, int] = (0, 0)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["content"] = list(self.content)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        d = dict(d)
        d["counts"] = [Count(**c) for c in d.get("counts", [])]
        d["content"] = tuple(d.get("content", (0, 0)))
        return cls(**d)


def counts_in(text: str) -> list[Count]:
    """Casualty-style counts in ``text``: the number, its qualifier and what it counts."""
    return _counts(_words(text))


def _counts(ws: list[str]) -> list[Count]:
    """:func:`counts_in` over already normalized, folded words."""
    out = []
    for k, w in enumerate(ws):
        if not w[0].isdigit():
            continue
        try:
            value = float(w.replace(",", "").rstrip("."))
        except ValueError:
            continue
        j = k + 1
        if j < len(ws) and ws[j] in _MULT:
            value *= _MULT[ws[j]]
            j += 1
        before = ws[max(0, k - 3):k]
        op = "="
        if any(b in _AT_LEAST for b in before):
            op = ">="
        elif any(b in _ABOUT for b in before[-2:]):
            op = "~"
        lo = max(0, k - 7)
        window = [_stem_key(x) for x in ws[lo:min(len(ws), j + 4)]]
        best: tuple[int, str] | None = None  # the class word nearest to the number wins
        for pos, st in enumerate(window, start=lo):
            for cls, stems in _CLASSES.items():
                if st.startswith(stems) or st in stems:
                    dist = k - pos if pos < k else pos - j + 1
                    if best is None or dist < best[0]:
                        best = (dist, cls)
        what = best[1] if best else ""
        if what:
            out.append(Count(value, op, what, w))
    return out


#: last (words list, its start offsets); the list itself is kept so identity is safe
def claim_from_quote(doc: Document, q: Span) -> Claim | None:
    """Build the comparison record of one ``quotes`` span (None without content)."""
    a = q.attrs
    c = a.get("content")
    if not c:
        return None
    sp = a.get("speaker") or {}
    speaker = sp.get("text", "")
    # folded words of the content and speaker from the shared word list (no re-normalizing)
    view = doc_words(doc)  # per-document cache shared with quotes and events
    words, starts = view.words, view.starts
    lo = bisect.bisect_left(starts, c["start"])
    hi = bisect.bisect_left(starts, c["end"])
    ws = [w.key for w in words[lo:hi] if w.kind in ("word", "num")]
    sent = words[lo].sent if lo < len(words) else -1
    key = sp.get("entity") or sp.get("canonical")
    if not key and "start" in sp:
        a0 = bisect.bisect_left(starts, sp["start"])
        a1 = bisect.bisect_left(starts, sp["end"])
        key = " ".join(_stem_key(w.key) for w in words[a0:a1] if w.kind == "word")
    terms = sorted({_stem_key(w) for w in ws if not w[0].isdigit()} - _STOP)
    terms = [t for t in terms if len(t) >= 3]
    return Claim(
        id=q.id, speaker=speaker, speaker_key=str(key), kind=sp.get("kind", q.label),
        stance=a.get("stance", "assert"), terms=terms, counts=_counts(ws),
        doc=doc.id, sentence=sent, content=(c["start"], c["end"]),
    )


def _same_speaker(a: Claim, b: Claim) -> bool:
    return bool(a.speaker_key) and a.speaker_key == b.speaker_key


def topic_overlap(a: Claim, b: Claim) -> list[str]:
    return sorted(set(a.terms) & set(b.terms))


def contradicts(a: Claim, b: Claim, same_event: bool = False) -> str | None:
    """Why claims ``a`` and ``b`` cannot both hold, or None.

    ``same_event`` says the caller already knows both are about one event (neighbouring
    statements in one report, or documents clustered on one event): counts then need no
    shared wording.  Statements by the same speaker never contradict here (a revision is
    not a dispute).
    """
    if _same_speaker(a, b):
        return None
    shared = topic_overlap(a, b)
    small = min(len(a.terms), len(b.terms)) or 1
    strong_topic = len(shared) >= 3 or (len(shared) >= 2 and len(shared) / small >= 0.5)
    stances = {a.stance, b.stance}
    if "deny" in stances and stances & {"assert", "doubt"} and strong_topic:
        deny, other = (a, b) if a.stance == "deny" else (b, a)
        return (f"stance: {other.speaker or other.id} {other.stance}s, "
                f"{deny.speaker or deny.id} denies ({', '.join(shared[:5])})")
    if same_event or shared:
        for ca in a.counts:
            for cb in b.counts:
                if ca.what != cb.what:
                    continue
                lo_a, hi_a = ca.interval()
                lo_b, hi_b = cb.interval()
                if hi_a < lo_b or hi_b < lo_a:
                    return (f"numbers: {ca.what} {ca.show()} ({a.speaker or a.id}) vs "
                            f"{cb.show()} ({b.speaker or b.id})")
    return None


def _contrast_marker(doc: Document, q: Span) -> str | None:
    """The explicit contrast phrase ("على عكس ما", "خلافاً لما") in the quote's sentence."""
    c = q.attrs.get("content") or {}
    start = min(q.start, c.get("start", q.start))
    sent = _sentence_at(doc, start)
    if sent is None:
        return None
    seg = doc.text[sent.start:q.attrs["cue"]["end"]]
    if not any(w in seg for w in _CONTRAST_HINTS):
        return None  # cheap pre-check: no contrast word at all in this stretch
    raw = re.findall(r"[\u0621-\u064a\u0671-\u06d3\u064b-\u0652]+", seg)
    ws = [normalize_key(w) for w in raw]
    for seq in cue_lexicon()["contrast"]:
        n = len(seq)
        for k in range(len(ws) - n + 1):
            window = ws[k:k + n]
            if all(w == s or bare(w) == s for w, s in zip(window, seq, strict=True)):
                return " ".join(raw[k:k + n])  # as written, for the reader
    return None


def _sentence_at(doc: Document, pos: int) -> Span | None:
    """The sentence containing offset ``pos`` (a bisection over the sentences layer: a long
    transcript has thousands of sentences and statements)."""
    sents = doc.layer("sentences")
    starts = doc.view("sentence_starts")
    if starts is None:
        starts = [s.start for s in sents]
        doc.set_view("sentence_starts", starts, ("sentences",))
    k = bisect.bisect_right(starts, pos) - 1
    if k >= 0 and sents[k].start <= pos < sents[k].end:
        return sents[k]
    return None


#: substrings one of which every contrast marker contains (checked on the raw text)
_CONTRAST_HINTS = ("عكس", "خلاف", "نقيض", "تناقض", "يناقض", "نفي", "نفت", "نفى")


def _points_back(doc: Document, q: Span) -> bool:
    c = q.attrs["content"]
    ws = _words(doc.text[c["start"]:c["end"]])
    return bool(ws) and (ws[0] in _BACK_REFS or bare(ws[0]) in _BACK_REFS)


def _previous(quotes: list[Span], n: int, roots: dict[str, str]) -> Span | None:
    """The closest earlier statement by another speaker."""
    for qa in reversed(quotes[:n]):
        if roots[qa.id] != roots[quotes[n].id]:
            return qa
    return None


#: How many earlier statements each statement is compared with (news articles carry < 60).
MAX_BACK = 200


def find_contradictions(doc: Document) -> list[dict[str, Any]]:
    """Contradicting statement pairs within ``doc`` (see module docstring)."""
    quotes = doc.layer("quotes")
    claims = {q.id: claim_from_quote(doc, q) for q in quotes}
    roots = {q.id: q.attrs.get("antecedent", q.id) for q in quotes}
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(qa: Span, qb: Span, kind: str, reason: str, topic: list[str]) -> None:
        key = (qa.id, qb.id)
        if key in seen:
            return
        seen.add(key)
        ca, cb = qa.attrs["content"], qb.attrs["content"]
        out.append({
            "a": qa.id, "b": qb.id, "kind": kind, "reason": reason, "topic": topic,
            "a_evidence": {"start": ca["start"], "end": ca["end"]},
            "b_evidence": {"start": cb["start"], "end": cb["end"]},
        })

    for n, qb in enumerate(quotes):
        cb = claims[qb.id]
        if cb is None:
            continue
        marker = _contrast_marker(doc, qb)
        best = None
        # statements compared with at most MAX_BACK earlier ones: every article stays exact,
        # and a 2 MB transcript stays linear instead of comparing millions of pairs
        for qa in quotes[max(0, n - MAX_BACK) : n]:
            ca = claims[qa.id]
            if ca is None or roots[qa.id] == roots[qb.id] or _same_speaker(ca, cb):
                continue
            near = abs(ca.sentence - cb.sentence) <= 2
            reason = contradicts(ca, cb, same_event=near)
            if reason:
                kind = reason.split(":", 1)[0]
                add(qa, qb, kind, reason, topic_overlap(ca, cb))
                continue
            if (
                near and cb.stance == "deny" and ca.stance != "deny" and _points_back(doc, qb)
                and qa is _previous(quotes, n, roots)
            ):
                    add(qa, qb, "stance",
                        f"stance: {cb.speaker or qb.id} denies what {ca.speaker or qa.id} "
                        f"{ca.stance}s", topic_overlap(ca, cb))
                    continue
            if marker:
                shared = topic_overlap(ca, cb)
                if shared and (best is None or len(shared) >= len(best[1])):
                    best = (qa, shared)
        if marker and best is not None:
            qa, shared = best
            add(qa, qb, "contrast",
                f"contrast: the text opposes them («{marker}»); shared terms: "
                f"{', '.join(shared[:5])}",
                shared)
    return out


def claims_of(doc: Document) -> list[Claim]:
    """Claim records of every quote in ``doc`` (for cross-document comparison)."""
    return [c for q in doc.layer("quotes") if (c := claim_from_quote(doc, q)) is not None]


@component("claims", requires=("tokens", "sentences", "quotes"), relations=("contradictions",))
def claims_component(doc: Document, config: Config) -> None:
    """The ``contradictions`` relation between the document's statements."""
    doc.set_relation("contradictions", find_contradictions(doc))

"""Sourcing summary of an article or a story: who the statements rest on.

A reader judging a report asks two things before any other: how many of its statements come
from named people, organisations, documents, the media or unnamed sources — and which
claims rest on one anonymous source and nothing else.  This module answers both from the
``quotes`` layer, in one place, for ``rasd analyze --format text``, the article page and
the story page.

* **Statements by kind**: every statement of the ``quotes`` layer counts once under its
  speaker kind (``named_person``, ``organization``, ``document``, ``media``, ``anonymous``).
* **Sources by kind**: distinct sources — a pro-drop "وأضاف" or a later "المصدر" is the
  source it refers back to (the layer's ``antecedent``), so one spokesman quoted five times
  is one source.  Across the articles of a story the same entity, or the same folded
  speaker text, is one source (outlets copying a wire repeat its "مصدر أمني").
* **Single anonymous claims**: statements by an anonymous source whose content no statement
  of *another* source supports.  Support is word overlap: at least :data:`SUPPORT_SHARE` of
  the claim's content words (folded, short function words out) appear in the other
  statement's content.  Crude on purpose — it errs towards calling a claim unsupported,
  which is the side a fact-checker wants to look at.

Pure function of the documents: imports only the document model and the Arabic text library.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from rasd.doc import Document
from rasd.lang.ar import vocab
from rasd.lang.ar.normalize import normalize_key

#: Speaker kinds in display order (the quotes layer's kinds).
KINDS = ("named_person", "organization", "document", "media", "anonymous")
#: Share of a claim's content words another statement must contain to support it.
SUPPORT_SHARE = 0.5
#: Content words shorter than this are function words for the support test.
MIN_WORD = 3


@dataclass(frozen=True)
class Statement:
    """One attributed statement, as the summary reads it."""

    doc_id: str
    ref: str  # quote span id in its document
    who: str  # speaker text as written (or carried over)
    kind: str
    source: str  # source key: the same key is the same source
    content: str
    start: int
    end: int
    outlet: str | None = None


@dataclass
class SourcingSummary:
    """Counts per speaker kind and the claims resting on a single anonymous source."""

    statements: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)  # statements per kind
    sources: dict[str, int] = field(default_factory=dict)  # distinct sources per kind
    single_anonymous: list[Statement] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"statements": self.statements, "by_kind": dict(self.by_kind),
                "sources": dict(self.sources),
                "single_anonymous": [asdict(s) for s in self.single_anonymous]}


def _words(text: str) -> frozenset[str]:
    stop = vocab.words("stopwords")
    return frozenset(w for w in normalize_key(text).split()
                     if len(w) >= MIN_WORD and w not in stop)


def _offsets(ref: Any) -> tuple[int, int] | None:
    """``{"start", "end"}`` or ``[start, end]`` (the seed gold's shape) → offsets."""
    if isinstance(ref, dict) and "start" in ref and "end" in ref:
        return int(ref["start"]), int(ref["end"])
    if isinstance(ref, (list, tuple)) and len(ref) == 2 and all(isinstance(x, int) for x in ref):
        return int(ref[0]), int(ref[1])
    return None


def statements(doc: Document) -> list[Statement]:
    """The statements of ``doc``'s ``quotes`` layer (empty when the layer is missing).

    Reads the extractor's shape (``speaker``/``content`` as ``{start, end, …}`` dicts) and the
    hand-made one of stored gold documents (``[start, end]`` lists, ``speaker_kind``, the span
    itself as the content)."""
    out = []
    for q in doc.layer("quotes"):
        a = q.attrs
        raw = a.get("speaker")
        sp: dict[str, Any] = raw if isinstance(raw, dict) else {}
        con = _offsets(a.get("content")) or (q.start, q.end)
        sp_at = _offsets(a.get("speaker"))
        who = str(sp.get("text") or (doc.text[sp_at[0]:sp_at[1]] if sp_at else "")
                  or a.get("speaker_text") or "")
        kind = str(sp.get("kind") or a.get("speaker_kind") or q.label or "")
        root = str(a.get("antecedent") or q.id)
        if sp.get("entity"):
            source = f"entity:{sp['entity']}"
        elif kind == "anonymous":
            # one unnamed source per chain in an article; across articles the same words
            source = f"anon:{normalize_key(who)}|{doc.id}:{root}"
        else:
            source = f"name:{normalize_key(str(sp.get('canonical') or who or root))}"
        out.append(Statement(doc.id, q.id, who, kind, source, doc.text[con[0]:con[1]],
                             con[0], con[1], doc.meta.outlet))
    return out


def _same_source(a: Statement, b: Statement) -> bool:
    if a.source == b.source:
        return True
    if a.kind == b.kind == "anonymous" and a.doc_id != b.doc_id:
        return a.source.split("|")[0] == b.source.split("|")[0]  # same words, another article
    return False


def summarize(items: Sequence[Statement]) -> SourcingSummary:
    """Counts and single-anonymous claims over ``items`` (one article's or a story's)."""
    s = SourcingSummary(statements=len(items))
    for kind in KINDS:
        s.by_kind[kind] = 0
        s.sources[kind] = 0
    seen: list[Statement] = []  # one representative per distinct source
    for st in items:
        s.by_kind[st.kind] = s.by_kind.get(st.kind, 0) + 1
        if not any(_same_source(st, r) for r in seen):
            seen.append(st)
            s.sources[st.kind] = s.sources.get(st.kind, 0) + 1
    words = [_words(st.content) for st in items]
    for i, st in enumerate(items):
        if st.kind != "anonymous" or not words[i]:
            continue
        supported = any(
            not _same_source(st, other)
            and len(words[i] & words[j]) >= SUPPORT_SHARE * len(words[i])
            for j, other in enumerate(items) if j != i
        )
        if not supported:
            s.single_anonymous.append(st)
    return s


def article_sourcing(doc: Document) -> SourcingSummary:
    """The sourcing summary of one analysed article."""
    return summarize(statements(doc))


def story_sourcing(docs: Iterable[Document]) -> SourcingSummary:
    """The sourcing summary of a story: its articles' statements pooled, the same source
    counted once across articles."""
    return summarize([st for d in docs for st in statements(d)])

"""The sourcing summary box of the article and story pages (from :mod:`rasd.sourcing`).

One small view model for both pages so they show the same thing the same way: per speaker
kind (Arabic label), how many statements and how many distinct sources; then the claims that
rest on a single anonymous source, each pointing back to its statement.  Plain strings only:
the template escapes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rasd.sourcing import KINDS, SourcingSummary
from rasd.web.labels import speaker_kind_label

#: characters of a single-anonymous claim shown in the box (the full text is in the table)
CLAIM_CHARS = 160


@dataclass
class KindCount:
    kind: str
    label: str
    statements: int
    sources: int


@dataclass
class LoneClaim:
    """A claim resting on one anonymous source: where it is and who said it."""

    doc_id: str
    ref: str
    who: str
    what: str
    outlet: str | None
    start: int
    end: int


@dataclass
class SourcingView:
    statements: int
    kinds: list[KindCount] = field(default_factory=list)
    lone: list[LoneClaim] = field(default_factory=list)


def _cut(text: str, limit: int = CLAIM_CHARS) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[:cut if cut > limit // 2 else limit] + " …"


def sourcing_view(s: SourcingSummary) -> SourcingView:
    """The box for a summary: kinds with at least one statement, in :data:`KINDS` order."""
    order = [k for k in KINDS if s.by_kind.get(k)]
    order += sorted(k for k in s.by_kind if k not in KINDS and s.by_kind[k])
    return SourcingView(
        statements=s.statements,
        kinds=[KindCount(k, speaker_kind_label(k), s.by_kind[k], s.sources.get(k, 0))
               for k in order],
        lone=[LoneClaim(st.doc_id, st.ref, st.who, _cut(st.content), st.outlet, st.start, st.end)
              for st in s.single_anonymous],
    )

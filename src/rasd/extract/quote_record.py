"""The working record of one attributed statement, shared by the quote modules and speakers.

Why a module of its own: the cue scanner (:mod:`rasd.extract.quote_cues`), the speaker and
content readers (:mod:`rasd.extract.quote_speaker`, :mod:`rasd.extract.quote_content`) and
speaker resolution (:mod:`rasd.extract.speakers`) all fill in or read the same record; keeping
it apart lets each of them import it without importing the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Quote", "span_of", "speaker_of"]


@dataclass
class Quote:
    """Working record for one attributed statement (char offsets; ``antecedent`` indexes the
    statement list)."""

    cue: tuple[int, int]
    stance: str
    speaker: tuple[int, int] | None = None  # char offsets of the local mention
    content: tuple[int, int] | None = None
    direct: bool = False
    kind: str = ""
    descriptor: tuple[int, int] | None = None
    antecedent: int | None = None  # index into the quote list
    implicit: bool = False  # speaker not written here (pro-drop / participle)
    via: tuple[int, int] | None = None  # relaying outlet: "نقلت وكالة X عن Y"
    cue_kind: str = "verb"
    sent: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def speaker_of(q: Quote) -> tuple[int, int] | None:
    """``q.speaker``, read through a call: a type checker (and mypyc, which compiles the
    callers) would otherwise keep an attribute narrowed to a value a call has since changed."""
    return q.speaker


def span_of(q: Quote) -> tuple[int, int]:
    """The extent of a statement: its cue, speaker and content together."""
    a, b = q.cue
    for part in (q.speaker, q.content):
        if part:
            a = min(a, part[0])
            b = max(b, part[1])
    return a, b

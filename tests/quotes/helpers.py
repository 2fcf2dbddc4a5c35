"""Small helpers shared by the quote pattern tests."""

from __future__ import annotations

from typing import Any


def one(doc: Any, cue_text: str) -> Any:
    """The first statement whose cue reads ``cue_text`` (fails listing the cues found)."""
    hits = [q for q in doc.layer("quotes") if q.attrs["cue"]["text"] == cue_text]
    assert hits, [q.attrs["cue"]["text"] for q in doc.layer("quotes")]
    return hits[0]


def text_of(doc: Any, d: dict[str, int]) -> str:
    """The original text of a ``{"start", "end"}`` record."""
    return doc.text[d["start"]:d["end"]]

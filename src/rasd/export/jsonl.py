"""Documents → JSON Lines: one full document (text, meta, every layer) per line.

The lossless exchange format (``Document.to_dict``); ``Document.from_dict`` reads it back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from rasd.doc import Document


def write_jsonl(docs: Iterable[Document], out: TextIO) -> int:
    """Write every document, one per line; returns the count (streamed, never capped)."""
    n = 0
    for doc in docs:
        out.write(json.dumps(doc.to_dict(), ensure_ascii=False))
        out.write("\n")
        n += 1
    return n

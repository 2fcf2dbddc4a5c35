"""Writing analysed documents as JSON: the stable pretty/one-line form and fast JSON Lines.

Why a module of its own: on real news, encoding a document (about 90 kB of JSON, most of it
the token layer) cost as much CPU as the whole text layer.  Two output forms exist:

* ``json`` — exactly :meth:`rasd.doc.Document.to_json` (the standard library encoder), byte
  for byte: what scripts and stored digests already rely on;
* ``jsonl`` — one compact line per document written with orjson (about five times faster).
  It encodes the same JSON values; the bytes differ from ``json`` in three documented ways:
  no space after ``,`` and ``:``; floats below 1e-4 in magnitude are written in plain decimal
  (``0.00001``, not ``1e-05``); NaN/Infinity (which rasd never produces) become ``null``.
  Values orjson refuses (integers beyond 64 bits, lone surrogates) fall back to the standard
  encoder with the same compact separators.

Both take ``layers``/``relations`` to write only some of them (``rasd analyze --layers``).
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any

from rasd.doc import SCHEMA_VERSION, Document, plain

try:  # orjson is a dependency; the fallback keeps a broken wheel from breaking output
    import orjson as _orjson
except ImportError:  # pragma: no cover
    _orjson = None  # type: ignore[assignment]

FORMATS = ("json", "jsonl")


def document_dict(
    doc: Document,
    layers: Collection[str] | None = None,
    relations: Collection[str] | None = None,
) -> dict[str, Any]:
    """:meth:`Document.to_dict`, keeping only the named layers / relations (None = all)."""
    if layers is None and relations is None:
        return doc.to_dict()
    text = doc.text
    return {
        "schema_version": SCHEMA_VERSION,
        "id": doc.id,
        "content_hash": doc.content_hash,
        "meta": doc.meta.to_dict(),
        "text": text,
        "layers": {k: [s.to_dict(text) for s in v] for k, v in doc.layers.items()
                   if layers is None or k in layers},
        "relations": plain({k: v for k, v in doc.relations.items()
                            if relations is None or k in relations}),
        "warnings": list(doc.warnings),
    }


def dumps(
    doc: Document,
    fmt: str = "jsonl",
    indent: int | None = None,
    layers: Collection[str] | None = None,
    relations: Collection[str] | None = None,
) -> str:
    """The document as ``fmt`` (see the module docstring); ``indent`` applies to ``json``."""
    d = document_dict(doc, layers, relations)
    if fmt == "json":
        return json.dumps(d, ensure_ascii=False, indent=indent, sort_keys=False)
    if fmt != "jsonl":
        raise ValueError(f"unknown JSON format {fmt!r}; known: {FORMATS}")
    if _orjson is not None:
        try:
            return _orjson.dumps(d).decode("utf-8")
        except TypeError:  # beyond orjson's range: same values, standard encoder
            pass
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))

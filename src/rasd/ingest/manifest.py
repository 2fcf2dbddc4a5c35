"""Read a folder's ``manifest.jsonl`` so documents ingested from it carry their real metadata.

A plain-text file has no outlet, URL or publication date of its own; corpora such as the
bundled ``samples/`` keep them in a sidecar ``manifest.jsonl`` (one JSON object per file).
:func:`load_manifest` returns, per file name, the keyword arguments for :class:`rasd.doc.Meta`
(fields that Meta does not know, such as a gold ``story`` id, go into ``extra``), and
:func:`apply_manifest` fills a document's Meta from it without overwriting what ingest found.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rasd.doc import Document, Meta
from rasd.errors import InputError

MANIFEST_NAME = "manifest.jsonl"


def load_manifest(folder: str | Path) -> dict[str, dict[str, Any]]:
    """Return ``{file name: Meta field dict}`` for ``folder/manifest.jsonl`` ({} if absent).

    Unknown keys are kept under ``extra`` so gold labels travel with the document.
    Raises :class:`~rasd.errors.InputError` for a malformed line (with its line number), because
    silently skipping metadata would give documents wrong dates.
    """
    path = Path(folder) / MANIFEST_NAME
    if not path.is_file():
        return {}
    out: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"bad JSON on line {n}: {e.msg}", source=str(path)) from e
            if not isinstance(row, dict) or "file" not in row:
                raise InputError(f"line {n} has no 'file' key", source=str(path))
            fields: dict[str, Any] = {}
            extra: dict[str, Any] = {}
            for k, v in row.items():
                if k == "file":
                    continue
                if k in Meta.FIELDS and k != "extra":
                    fields[k] = v
                else:
                    extra[k] = v
            if isinstance(row.get("extra"), dict):
                extra.update(row["extra"])
            if extra:
                fields["extra"] = extra
            if "published" in fields and not fields.get("published_info"):
                fields["published_info"] = {"method": "manifest", "reliable": True}
            out[str(row["file"])] = fields
    return out


def apply_manifest(doc: Document, fields: dict[str, Any]) -> Document:
    """Fill empty Meta fields of ``doc`` from a manifest entry (ingest findings win)."""
    meta = doc.meta
    for k, v in fields.items():
        if k == "extra":
            meta.extra = {**v, **meta.extra}
        elif k in ("published_info", "extraction"):
            if not getattr(meta, k):
                setattr(meta, k, dict(v))
        elif getattr(meta, k, None) in (None, ""):
            setattr(meta, k, v)
    return doc


def meta_for_path(path: str | Path) -> dict[str, Any] | None:
    """Manifest entry for one file path (reads the manifest beside it), or None."""
    p = Path(path)
    return load_manifest(p.parent).get(p.name)

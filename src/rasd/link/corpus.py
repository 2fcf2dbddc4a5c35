"""Load documents for cross-document work from paths/folders or from a store.

Cross-document commands (``rasd stories samples/``, ``rasd eval stories``) accept the same
inputs as ingest; for folders that carry a ``manifest.jsonl`` (like the bundled ``samples/``)
the manifest supplies outlet, URL, date and title, and the manifest/README files themselves
are not treated as articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from rasd.doc import Document
from rasd.ingest import iter_documents
from rasd.ingest.manifest import MANIFEST_NAME, apply_manifest, load_manifest

#: Files of a corpus folder that describe it rather than being articles.
SIDE_FILES = {MANIFEST_NAME, "README.md", "README.txt", "LICENSE", "NOTICE"}


def _manifest_for(source: str) -> tuple[dict[str, dict], Path | None]:
    p = Path(source)
    folder = p if p.is_dir() else p.parent
    return load_manifest(folder), folder


def iter_corpus(sources: Iterable[str], errors: list[str] | None = None) -> Iterator[Document]:
    """Yield documents from files/folders, with manifest metadata applied when present."""
    for source in sources:
        manifest, _folder = _manifest_for(source)
        for item in iter_documents(source):
            name = Path(item.source.split("#", 1)[0]).name
            if name in SIDE_FILES:
                continue
            if item.document is None:
                if errors is not None:
                    errors.append(f"{item.source}: {item.error}")
                continue
            doc = item.document
            entry = manifest.get(name)
            if entry:
                apply_manifest(doc, entry)
            if not doc.meta.source:
                doc.meta.source = item.source
            yield doc


def load_corpus(sources: Iterable[str], analyze: bool = False) -> list[Document]:
    """All documents of ``sources`` (optionally analysed with the default pipeline)."""
    docs = list(iter_corpus(sources))
    if analyze:
        from rasd.pipeline import Pipeline

        pipe = Pipeline()
        docs = [pipe(d) for d in docs]
    return docs


def gold_stories(folder: str | Path) -> dict[str, str]:
    """``{file name: story id}`` from a folder's manifest (the clustering gold)."""
    return {
        name: str(meta.get("extra", {}).get("story"))
        for name, meta in load_manifest(folder).items()
        if meta.get("extra", {}).get("story")
    }

"""Batch ingest: sources → analysed documents → the store, one transaction per document.

Why per-document transactions: a crash (or SIGKILL) mid-batch loses at most the document
being written, and re-running the same command skips what is already stored (content-hash
identity) — ingest is idempotent and resumable without any checkpoint file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rasd.pipeline import Analyzer, Pipeline
from rasd.store.base import AddResult, Store
from rasd.store.version import pipeline_version


@dataclass
class IngestSummary:
    counts: Counter[str] = field(default_factory=Counter)  # new, duplicate, near_duplicate, …
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source, message)

    @property
    def failed(self) -> int:
        return self.counts["failed"]

    def as_dict(self) -> dict[str, object]:
        keys = ("new", "duplicate", "near_duplicate", "updated", "failed")
        out: dict[str, object] = {k: self.counts.get(k, 0) for k in keys}
        out["errors"] = [{"source": s, "error": e} for s, e in self.errors]
        return out


def ingest(
    store: Store,
    sources: Iterable[str],
    pipeline: Analyzer | None = None,
    fetch: bool = False,
    on_item: Callable[[str, AddResult | None, str | None], None] | None = None,
) -> IngestSummary:
    """Analyse and store every document of every source; never stops on a bad document.

    A text already stored by the same pipeline version is not analysed again (only its new
    source is recorded); one stored by an older version is re-analysed in place.
    """
    from rasd.ingest import iter_documents

    pipe: Analyzer = pipeline or Pipeline()
    version = pipeline_version(pipe)
    summary = IngestSummary()
    for source in sources:
        for item in iter_documents(source, fetch=fetch, max_bytes=pipe.config.max_bytes):
            if item.error or item.document is None:
                summary.counts["failed"] += 1
                summary.errors.append((item.source, item.error or "no document"))
                if on_item:
                    on_item(item.source, None, item.error)
                continue
            try:
                doc = item.document
                if store.version_of(doc.id) != version:
                    doc = pipe(doc)
                result = store.add(doc, version)
            except Exception as e:  # noqa: BLE001 - one bad document never stops the batch
                msg = f"{type(e).__name__}: {e}".splitlines()[0][:300]
                summary.counts["failed"] += 1
                summary.errors.append((item.source, msg))
                if on_item:
                    on_item(item.source, None, msg)
                continue
            summary.counts[result.status] += 1
            if on_item:
                on_item(item.source, result, None)
    return summary

"""Batch ingest: sources → analysed documents → the store, committed in batches.

Why batches: one transaction per document made SQLite sync its journal once per article,
which at several articles per second per core was a large share of an archive ingest.
Documents are now committed ``batch_size`` at a time (``Store.add_many``); a crash (or
SIGKILL) mid-batch loses at most the uncommitted batch, and re-running the same command
skips what is already stored (content-hash identity) — ingest stays idempotent and
resumable without any checkpoint file.  A document that cannot be stored makes its batch
fall back to one transaction per document, so it alone is lost.  Two ingests of the same
sources may run at once (on either backend): the store inserts or skips, and the one that
loses a race for a text counts it as a duplicate, never as a failure.

``keep_going`` (the default) reports a bad item and goes on; ``keep_going=False`` stops at
the first failed item after committing what came before it.

Analysis can run in ``workers`` processes (:mod:`rasd.parallel`); writing stays in this
process (one writer), in input order, so the archive is the one a single worker builds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from rasd.doc import Document
from rasd.ingest.item import Item
from rasd.parallel import Outcome, analyze_ordered
from rasd.pipeline import Analyzer, Pipeline
from rasd.store.base import AddResult, Store
from rasd.store.version import pipeline_version

#: documents per write transaction
BATCH_SIZE = 64


@dataclass
class IngestSummary:
    counts: Counter[str] = field(default_factory=Counter)  # new, duplicate, near_duplicate, …
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source, message)
    #: True when ``keep_going=False`` ended the run at a failed item
    stopped: bool = False

    @property
    def failed(self) -> int:
        return self.counts["failed"]

    def as_dict(self) -> dict[str, object]:
        keys = ("new", "duplicate", "near_duplicate", "updated", "failed")
        out: dict[str, object] = {k: self.counts.get(k, 0) for k in keys}
        out["errors"] = [{"source": s, "error": e} for s, e in self.errors]
        out["stopped"] = self.stopped
        return out


def _message(e: BaseException | str, kind: str = "") -> str:
    """The one-line error recorded for a document (class name, first line, 300 chars)."""
    text = e if isinstance(e, str) else str(e)
    kind = kind or type(e).__name__
    return f"{kind}: {text}".splitlines()[0][:300]


def _same(doc: Document) -> Document:
    return doc


def ingest(
    store: Store,
    sources: Iterable[str],
    pipeline: Analyzer | None = None,
    fetch: bool = False,
    on_item: Callable[[str, AddResult | None, str | None], None] | None = None,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
    keep_going: bool = True,
) -> IngestSummary:
    """Analyse and store every document of every source; never stops on a bad document.

    A text already stored by the same pipeline version is not analysed again (only its new
    source is recorded); one stored by an older version is re-analysed in place.  With
    ``keep_going=False`` the first failed item ends the run (``summary.stopped``).
    """
    from rasd.ingest import iter_documents

    pipe: Analyzer = pipeline or Pipeline()
    version = pipeline_version(pipe)
    summary = IngestSummary()

    def fail(source: str, msg: str) -> None:
        summary.counts["failed"] += 1
        summary.errors.append((source, msg))
        if on_item:
            on_item(source, None, msg)

    def items() -> Iterator[Item]:
        for source in sources:
            yield from iter_documents(source, fetch=fetch, max_bytes=pipe.config.max_bytes)

    # (item, document to analyse or None, document already analysed or None)
    def jobs() -> Iterator[tuple[tuple[Item, Document | None], Document | None]]:
        for item in items():
            doc = item.document
            if item.error or doc is None:
                yield (item, None), None
                continue
            try:
                stored = store.version_of(doc.id) == version
            except Exception as e:  # noqa: BLE001 - reported as this document's failure
                item.error = _message(e)
                yield (item, None), None
                continue
            yield ((item, doc), None) if stored else ((item, None), doc)

    pending: list[tuple[str, Document]] = []

    def flush() -> None:
        results = store.add_many([(d, version) for _s, d in pending])
        for (source, _d), res in zip(pending, results, strict=True):
            if isinstance(res, Exception):
                fail(source, _message(res))
                continue
            summary.counts[res.status] += 1
            if on_item:
                on_item(source, res, None)
        pending.clear()

    outcome: Outcome[Document] | None
    for (item, as_is), outcome in analyze_ordered(pipe, jobs(), _same, workers):
        if as_is is not None:  # stored by this pipeline version: only record the source
            pending.append((item.source, as_is))
        elif outcome is None:
            fail(item.source, item.error or "no document")
        elif outcome.error is not None:
            fail(item.source, _message(outcome.error, outcome.kind))
        else:
            assert outcome.value is not None
            pending.append((item.source, outcome.value))
        if len(pending) >= batch_size:
            flush()
        if summary.failed and not keep_going:
            summary.stopped = True
            break
    if pending:
        flush()
    return summary

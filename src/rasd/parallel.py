"""Analysis over several processes, results in input order (``--workers N``).

Why processes and this shape: analysis is CPU-bound pure Python, so threads would share one
core.  Each worker builds its pipeline once (models load once per process) and receives
documents in small batches; at most a few batches per worker are in flight, so a dump of
millions of articles streams through bounded memory (``Pool.imap`` would read the whole
input ahead).  Results come back in input order, so the output of N workers is the output
of one.  ``workers <= 1`` runs in this process with no pool at all.

What a worker returns is decided by ``finish`` (a picklable callable applied in the worker):
``rasd analyze`` encodes the JSON there (encoding is parallel too), ``rasd ingest`` gets the
analysed document back to store it in the parent (one writer).
"""

from __future__ import annotations

import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from rasd.doc import Document
from rasd.errors import RasdError

T = TypeVar("T")
J = TypeVar("J")
Analyze = Callable[[Document], Document]

#: documents sent to a worker at once, and batches in flight per worker
BATCH = 8
AHEAD = 3


@dataclass
class Outcome(Generic[T]):
    """One document's result: ``value`` (what ``finish`` returned) or an error.

    ``error`` is the one-line message (``str(e)``), ``kind`` the exception class name and
    ``expected`` whether it was a :class:`RasdError` (a bad document, reported and skipped)
    rather than a bug; ``trace`` is the formatted traceback of an unexpected error.
    """

    value: T | None = None
    error: str | None = None
    kind: str = ""
    expected: bool = False
    trace: str = ""


def run_one(pipe: Analyze, finish: Callable[[Document], T], doc: Document) -> Outcome[T]:
    """Analyse one document and apply ``finish``; an exception becomes an error outcome."""
    try:
        return Outcome(finish(pipe(doc)))
    except Exception as e:  # noqa: BLE001 - reported to the caller, who decides
        return Outcome(error=str(e), kind=type(e).__name__, expected=isinstance(e, RasdError),
                       trace="" if isinstance(e, RasdError) else traceback.format_exc())


_WORKER: dict[str, Any] = {}


def _init(pipe: Analyze, finish: Callable[[Document], Any]) -> None:
    _WORKER["pipe"], _WORKER["finish"] = pipe, finish


def _batch(docs: list[Document]) -> list[Outcome[Any]]:
    return [run_one(_WORKER["pipe"], _WORKER["finish"], d) for d in docs]


def analyze_ordered(
    pipe: Analyze,
    jobs: Iterable[tuple[J, Document | None]],
    finish: Callable[[Document], T],
    workers: int = 1,
) -> Iterator[tuple[J, Outcome[T] | None]]:
    """``(tag, outcome)`` for every ``(tag, document)`` job, in job order.

    ``tag`` is the caller's (the ingest item, a key); a job whose document is None is passed
    through with outcome None (an input error the caller reports itself).
    """
    if workers <= 1:
        for tag, doc in jobs:
            yield tag, (None if doc is None else run_one(pipe, finish, doc))
        return
    with ProcessPoolExecutor(workers, initializer=_init, initargs=(pipe, finish)) as ex:
        pending: deque[tuple[list[tuple[J, bool]], Future[list[Outcome[T]]] | None]] = deque()
        tags: list[tuple[J, bool]] = []
        docs: list[Document] = []

        def drain(limit: int) -> Iterator[tuple[J, Outcome[T] | None]]:
            while len(pending) > limit:
                batch_tags, fut = pending.popleft()
                results = iter(fut.result() if fut is not None else [])
                for tag, has_doc in batch_tags:
                    yield tag, (next(results) if has_doc else None)

        for tag, doc in jobs:
            tags.append((tag, doc is not None))
            if doc is not None:
                docs.append(doc)
            if len(docs) >= BATCH or len(tags) >= 4 * BATCH:
                pending.append((tags, ex.submit(_batch, docs) if docs else None))
                tags, docs = [], []
                yield from drain(AHEAD * workers)
        if tags:
            pending.append((tags, ex.submit(_batch, docs) if docs else None))
        yield from drain(0)

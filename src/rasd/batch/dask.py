"""Analyse archives larger than one process comfortably handles, on Dask (dask.distributed).

Inputs (files, folders, JSONL, WARC — whatever :mod:`rasd.ingest` reads) are streamed in order
and cut into fixed-size **partitions** (partition *k* = items ``k*size … (k+1)*size-1``).
Each partition is one Dask task: it runs the analysis pipeline and writes one Parquet file per
table (``documents``, ``entities``, ``quotes``, ``events``, ``times``) plus a done-marker
``_done/part-NNNNN.json`` holding a fingerprint of the partition's document ids and the
pipeline components.  A re-run skips partitions whose marker matches, so an interrupted job
resumes where it stopped and a changed input or pipeline recomputes only what changed.
Files are written under a temporary name and renamed, the marker last: a crash never leaves
a partition that looks finished but is not.

The same :func:`process_partition` runs in-process for ``scheduler="sync"`` — the reference
the Dask run must equal — and on workers otherwise, so there is one code path.  Workers need
the output folder on a shared file system when the cluster spans machines.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from rasd.doc import Document, Meta
from rasd.store import records

DEFAULT_PART_SIZE = 200
TABLES = ("documents", "entities", "quotes", "events", "times")  # documents first

_S, _I, _F = pa.string(), pa.int64(), pa.float64()
#: Column types of the record tables; the columns themselves are the flattener's
#: (:data:`rasd.store.records.COLUMNS`): the same names as the archive, CSV and the API.
_TYPES: dict[str, pa.DataType] = {
    "start": _I, "end": _I, "speaker_start": _I, "speaker_end": _I, "lat": _F, "lon": _F,
    "boilerplate": pa.bool_(),
}


def _record_schema(kind: str) -> pa.Schema:
    return pa.schema([(c, _TYPES.get(c, _S)) for c in records.COLUMNS[kind]])


SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("doc_id", _S), ("partition", _I), ("position", _I), ("source", _S), ("url", _S),
        ("outlet", _S), ("title", _S), ("published", _S), ("language", _S), ("length", _I),
        ("n_entities", _I), ("n_quotes", _I), ("n_events", _I), ("n_times", _I),
        ("error", _S), ("text", _S),
    ]),
    **{kind: _record_schema(kind) for kind in TABLES[1:]},
}  # fmt: skip


@dataclass
class BatchResult:
    partitions: int = 0
    skipped: int = 0  # already done (resumed)
    documents: int = 0  # analysed in this run
    failed: int = 0  # documents whose analysis raised
    ingest_errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        d = self.__dict__.copy()
        d["ingest_errors"] = len(self.ingest_errors)
        return d


# -- input -------------------------------------------------------------------------------------


def iter_records(inputs: Iterable[str], errors: list[str] | None = None) -> Iterator[dict]:
    """Plain ``{"text", "meta"}`` records from the inputs (picklable, cheap to ship)."""
    from rasd.link.corpus import iter_corpus

    for doc in iter_corpus(inputs, errors):
        yield {"text": doc.text, "meta": doc.meta.to_dict()}


def iter_partitions(records: Iterable[dict], size: int) -> Iterator[tuple[int, list[dict]]]:
    chunk: list[dict] = []
    k = 0
    for r in records:
        chunk.append(r)
        if len(chunk) == size:
            yield k, chunk
            k, chunk = k + 1, []
    if chunk:
        yield k, chunk


def fingerprint(records: list[dict], components: tuple[str, ...]) -> str:
    """Identity of a partition's work: its documents' content hashes + the pipeline."""
    h = hashlib.sha256("|".join(components).encode())
    for r in records:
        h.update(hashlib.sha256(r["text"].encode("utf-8")).digest())
    return h.hexdigest()[:32]


# -- one partition -------------------------------------------------------------------------------

_PIPES: dict[tuple[str, ...], Any] = {}


def _pipeline(components: tuple[str, ...]) -> Any:
    """One pipeline per process and component list (models load once per worker)."""
    pipe = _PIPES.get(components)
    if pipe is None:
        from rasd.config import Config
        from rasd.pipeline import Pipeline

        pipe = _PIPES[components] = Pipeline(Config(components=components))
    return pipe


def document_rows(doc: Document, k: int, pos: int, error: str | None) -> dict[str, list[dict]]:
    """Flatten one analysed document into table rows (offsets into the original text): the
    ``documents`` row here, the records through the one flattener."""
    m = doc.meta
    ents, quotes, events, times = (doc.layer(n) for n in ("entities", "quotes", "events", "times"))
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    rows["documents"].append({
        "doc_id": doc.id, "partition": k, "position": pos, "source": m.source, "url": m.url,
        "outlet": m.outlet, "title": m.title, "published": m.published, "language": m.language,
        "length": len(doc.text), "n_entities": len(ents), "n_quotes": len(quotes),
        "n_events": len(events), "n_times": len(times), "error": error, "text": doc.text,
    })  # fmt: skip
    flat = records.flatten(doc)
    for kind in TABLES[1:]:
        rows[kind] = flat.rows(kind)
    return rows


def analyze_partition(k: int, records: list[dict], components: tuple[str, ...]) -> dict:
    """Run the pipeline over one partition; returns pyarrow tables by name (never raises
    for one bad document: its row carries the error instead)."""
    pipe = _pipeline(components)
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    failed = 0
    for pos, r in enumerate(records):
        doc = Document(r["text"], Meta.from_dict(r.get("meta", {})))
        error = None
        try:
            doc = pipe(doc)
        except Exception as e:  # noqa: BLE001 - one bad article must not sink the batch
            error = f"{type(e).__name__}: {e}"
            failed += 1
            doc = Document(r["text"], Meta.from_dict(r.get("meta", {})))
        for t, rs in document_rows(doc, k, pos, error).items():
            rows[t].extend(rs)
    tables = {t: pa.Table.from_pylist(rows[t], schema=SCHEMAS[t]) for t in TABLES}
    return {"tables": tables, "failed": failed, "documents": len(records)}


def _part(k: int) -> str:
    return f"part-{k:05d}"


def done_marker(out: Path, k: int) -> Path:
    return out / "_done" / f"{_part(k)}.json"


def is_done(out: Path, k: int, fp: str) -> bool:
    p = done_marker(out, k)
    try:
        return json.loads(p.read_text("utf-8")).get("fingerprint") == fp
    except (OSError, ValueError):
        return False


def process_partition(
    out: str, k: int, records: list[dict], components: tuple[str, ...], fp: str
) -> dict[str, int]:
    """Analyse partition ``k`` and write its Parquet files + done marker (runs on a worker)."""
    res = analyze_partition(k, records, components)
    root = Path(out)
    for t, table in res["tables"].items():
        d = root / t
        d.mkdir(parents=True, exist_ok=True)
        tmp = d / f".{_part(k)}.parquet.tmp"
        pq.write_table(table, tmp)
        os.replace(tmp, d / f"{_part(k)}.parquet")
    marker = done_marker(root, k)
    marker.parent.mkdir(parents=True, exist_ok=True)
    tmp = marker.with_suffix(".tmp")
    tmp.write_text(
        json.dumps({"fingerprint": fp, "documents": res["documents"], "failed": res["failed"],
                    "components": list(components)}),
        "utf-8",
    )  # fmt: skip
    os.replace(tmp, marker)
    return {"partition": k, "documents": res["documents"], "failed": res["failed"]}


# -- driver ---------------------------------------------------------------------------------------


def default_components() -> tuple[str, ...]:
    from rasd.config import DEFAULT_COMPONENTS

    return tuple(DEFAULT_COMPONENTS)


def run_batch(
    inputs: Iterable[str],
    out: str | Path,
    scheduler: str = "local",
    workers: int = 2,
    components: tuple[str, ...] | None = None,
    part_size: int = DEFAULT_PART_SIZE,
    processes: bool = True,
    progress: Callable[[int], None] | None = None,
    records: Iterable[dict] | None = None,
    worker_stats: dict[str, Any] | None = None,
) -> BatchResult:
    """Analyse ``inputs`` into Parquet under ``out``; see the module docstring.

    ``scheduler``: ``"sync"`` (in this process, no Dask), ``"local"`` (a LocalCluster with
    ``workers`` single-threaded workers) or a ``tcp://host:port`` scheduler address.
    ``records`` may replace ``inputs`` with ready ``{"text", "meta"}`` dicts (benchmarks);
    ``worker_stats``, when given, receives each Dask worker's peak resident memory (bytes).
    """
    t0 = time.perf_counter()
    comps = tuple(components or default_components())
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    result = BatchResult()
    recs = records if records is not None else iter_records(inputs, result.ingest_errors)

    def todo() -> Iterator[tuple[int, list[dict], str]]:
        for k, chunk in iter_partitions(recs, part_size):
            result.partitions += 1
            fp = fingerprint(chunk, comps)
            if is_done(root, k, fp):
                result.skipped += 1
                if progress:
                    progress(len(chunk))
                continue
            yield k, chunk, fp

    def account(r: dict[str, int]) -> None:
        result.documents += r["documents"]
        result.failed += r["failed"]
        if progress:
            progress(r["documents"])

    if scheduler == "sync":
        for k, chunk, fp in todo():
            account(process_partition(str(root), k, chunk, comps, fp))
    else:
        _run_dask(todo(), str(root), comps, scheduler, workers, processes, account,
                  worker_stats)
    _write_meta(root, comps, part_size)
    result.seconds = time.perf_counter() - t0
    return result


def _run_dask(
    work: Iterator[tuple[int, list[dict], str]], out: str, comps: tuple[str, ...],
    scheduler: str, workers: int, processes: bool, account: Callable[[dict], None],
    worker_stats: dict[str, Any] | None = None,
) -> None:  # fmt: skip
    """Submit partitions as futures with a bounded number in flight (memory stays flat)."""
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=processes,
            dashboard_address=None, silence_logs=40,
        )  # fmt: skip
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        limit = max(2, 2 * workers)
        pending = as_completed()
        n = 0
        for k, chunk, fp in work:
            pending.add(client.submit(process_partition, out, k, chunk, comps, fp,
                                      key=f"rasd-part-{k}-{fp}", pure=False))  # fmt: skip
            n += 1
            if n >= limit:
                account(next(pending).result())
                n -= 1
        for fut in pending:
            account(fut.result())
        if worker_stats is not None:
            worker_stats.update(client.run(peak_rss))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def peak_rss() -> int:
    """Peak resident memory of this process in bytes (Linux ru_maxrss is in KiB)."""
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024


def _write_meta(root: Path, comps: tuple[str, ...], part_size: int) -> None:
    (root / "_rasd_batch.json").write_text(
        json.dumps({"components": list(comps), "part_size": part_size, "tables": list(TABLES)}),
        "utf-8",
    )


def read_table(out: str | Path, table: str) -> Any:
    """A whole output table as a pandas DataFrame (all partitions, partition order)."""
    files = sorted((Path(out) / table).glob("part-*.parquet"))
    if not files:
        return SCHEMAS[table].empty_table().to_pandas()
    return pa.concat_tables([pq.read_table(f) for f in files]).to_pandas()

"""Story clustering over the whole shared corpus: time and peak memory.

    python bench/stories.py [--docs analysed.jsonl.gz] [--limit N] [--workers 2]

Issue 16 asks that ``rasd stories`` over the 26k SaudiNewsNet articles finishes in minutes
with bounded memory.  Analysis is not what is measured here (``bench/layers.py`` and
``bench/real.py`` do that), so the documents come either from ``--docs`` — a gzip JSON Lines
file of analysed documents, one ``{"key", "doc"}`` per line, as ``bench/digest.py --json``
writes — or are analysed first (every article, or ``--limit``) with ``--workers`` processes.
Then :func:`rasd.link.stories.cluster_documents` runs over a stream of those documents and
the run prints articles, stories, seconds, articles/s and the process's peak resident memory
(``ru_maxrss``) before and after clustering.  Skips when the corpus is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from digest import CORPUS, articles  # noqa: E402


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _from_file(path: Path, limit: int | None = None) -> Iterator:
    import orjson

    from rasd.doc import Document

    n = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        try:
            for line in f:
                if limit is not None and n >= limit:
                    return
                row = orjson.loads(line)
                if "layers" in row["doc"]:
                    n += 1
                    yield Document.from_dict(row["doc"])
        except EOFError:  # a file still being written: use what is complete
            return


def _analysed(limit: int | None, workers: int) -> Iterator:
    from concurrent.futures import ProcessPoolExecutor

    from digest import _analyze

    from rasd.doc import Document

    with ProcessPoolExecutor(workers) as ex:
        for _, _, js in ex.map(_analyze, articles(CORPUS, limit), chunksize=16):
            d = json.loads(js)
            if "layers" in d:
                yield Document.from_dict(d)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=Path, help="analysed documents (gzip JSON Lines)")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    if args.docs is None and not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent")
        return 0
    from rasd.link.stories import cluster_documents

    n = 0
    reading = 0.0

    def counted(it: Iterator) -> Iterator:
        nonlocal n, reading
        while True:
            t = time.perf_counter()
            d = next(it, None)
            reading += time.perf_counter() - t
            if d is None:
                return
            n += 1
            yield d

    docs = _from_file(args.docs, args.limit) if args.docs else _analysed(args.limit, args.workers)
    before = _peak_mb()
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    stories = cluster_documents(counted(docs))
    dt = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    multi = sum(1 for s in stories if len(s.articles) > 1)
    print(f"{n} articles -> {len(stories)} stories ({multi} with 2+ articles)")
    print(f"time {dt:.0f} s including {'reading' if args.docs else 'analysis'} "
          f"({n / dt:.0f} articles/s; {reading:.0f} s reading, {dt - reading:.0f} s clustering); "
          f"peak RSS {before:.0f} MB before, {_peak_mb():.0f} MB after; CPU {cpu:.0f} s "
          f"(wall time depends on the machine's load; CPU time does not)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

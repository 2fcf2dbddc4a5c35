"""Benchmark: storing one long document costs about as much as analysing it (issue 20).

Concatenates the bundled samples into one document of about ``--kb`` KB, analyses it with
the default pipeline (CPU seconds), then stores it in a fresh SQLite archive and reports the
store time and its ratio to the analysis time.  Before span lookups were indexed once per
document the store step was quadratic (400 KB: 11.7 s; 2 MB: 307 s); the target is a ratio
≤ 1.5 on a 2 MB document.

    python bench/store_big.py [--kb 2000] [--db /tmp/big.db]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from rasd.doc import Document
from rasd.pipeline import Pipeline
from rasd.store import open_store

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kb", type=int, default=2000)
    ap.add_argument("--db", default=None)
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))
             if p.name != "README.md"]
    parts, size = [], 0
    while size < args.kb * 1000:
        for t in texts:
            parts.append(t)
            size += len(t.encode("utf-8"))
            if size >= args.kb * 1000:
                break
    text = "\n\n".join(parts)
    pipe = Pipeline()
    pipe(Document(texts[0]))  # warm models
    t0 = time.perf_counter()
    doc = pipe(Document(text))
    t_an = time.perf_counter() - t0
    n_spans = sum(len(v) for v in doc.layers.values())
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "big.db")
        with open_store(db) as store:
            t1 = time.perf_counter()
            store.add(doc, "bench")
            t_st = time.perf_counter() - t1
    print(f"{len(text.encode('utf-8')) / 1e6:.2f} MB, {n_spans} spans "
          f"({len(doc.layer('entities'))} entities): analyse {t_an:.1f} s, store {t_st:.1f} s, "
          f"store/analyse = {t_st / t_an:.2f}")


if __name__ == "__main__":
    main()

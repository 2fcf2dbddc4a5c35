"""Store benchmarks: ingest throughput (SQLite, PostgreSQL) and search latency at 100k docs.

    python bench/store.py [--docs 100000] [--queries 300] [--pg URL] [--skip-pg]

1. **Ingest** — the bundled samples (``samples/*.txt``) through ``rasd.store.ingest`` (default
   pipeline + store, one transaction per document) into a fresh SQLite file and a fresh
   PostgreSQL schema; also ``Store.add`` alone on pre-analysed documents.
2. **Search at scale** — a synthetic archive of ``--docs`` documents built *at the storage
   level* for speed: each synthetic document is a random selection of real sample sentences in
   random order with a random date/outlet; its ``documents`` row, FTS row (the same folded
   index terms ``Store.add`` would write, computed per sentence once), and entity/place rows
   of its source article are inserted directly with ``sqlite3``.  Spans/blobs/MinHash rows are
   not written (search does not read them).  Then ``Store.search`` (the real code path: query
   folding, FTS5 bm25, count, snippets) is timed over a mix of one- and two-word queries drawn
   from the corpus vocabulary, with and without facets.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasd.doc import Document, Meta  # noqa: E402
from rasd.lang.ar.sentences import split_sentences  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402
from rasd.store import (  # noqa: E402
    Filters,
    open_store,
    records,  # noqa: E402
)
from rasd.store import textindex as T  # noqa: E402
from rasd.store.ingest import ingest  # noqa: E402

SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def bench_ingest(url: str, label: str) -> dict[str, float]:
    pipe = Pipeline()
    with open_store(url) as store:
        t0 = time.perf_counter()
        summary = ingest(store, [str(p) for p in SAMPLES], pipe)
        dt = time.perf_counter() - t0
        n = sum(summary.counts[k] for k in ("new", "near_duplicate"))
    docs = [pipe(Document(p.read_text(encoding="utf-8"), Meta(source=str(p)))) for p in SAMPLES]
    with open_store(url.replace("archive", "archive2") if "?" not in url else
                    url.replace("schema=", "schema=b")) as store:
        t1 = time.perf_counter()
        for d in docs:
            store.add(d, "bench")
        dt_add = time.perf_counter() - t1
    out = {"docs": n, "ingest_docs_per_s": n / dt, "add_only_docs_per_s": len(docs) / dt_add}
    print(f"[{label}] ingest (analyse+store) {n} docs: {n / dt:.1f} docs/s; "
          f"store.add only: {len(docs) / dt_add:.1f} docs/s")
    return out


def build_synthetic(path: Path, n_docs: int, seed: int = 7) -> list[str]:
    """Create an archive of n_docs synthetic documents directly in SQLite; returns vocabulary."""
    rng = random.Random(seed)
    pipe = Pipeline()
    with open_store(str(path)):
        pass  # schema via migrations
    base = [pipe(Document(p.read_text(encoding="utf-8"), Meta(source=str(p)))) for p in SAMPLES]
    # per sentence: text, index terms, and the entity/place rows inside it (offsets relative
    # to the sentence), so a synthetic document carries only the mentions of its own text
    sentences: list[tuple[str, str, list[dict], list[dict]]] = []
    vocab: dict[str, int] = {}
    for d in base:
        ents, _ = records.entity_rows(d)
        plcs = records.place_rows(d)
        for a, b in split_sentences(d.text):
            s = d.text[a:b]
            inside = [
                [{**r, "char_start": r["char_start"] - a, "char_end": r["char_end"] - a}
                 for r in rows if a <= r["char_start"] and r["char_end"] <= b]
                for rows in (ents, plcs)
            ]
            sentences.append((s, T.index_body(Document(s)), inside[0], inside[1]))
            for w in s.split():
                if len(w) > 3:
                    vocab[w] = vocab.get(w, 0) + 1
    clusters_all: dict[str, dict] = {}
    for d in base:
        clusters_all.update(records.entity_rows(d)[1])
    outlets = ["الخليج", "المشرق", "ساحات", "الرافدين", "بوابة النيل", "بترا", "أطلس", "قرطاج"]
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    now = "2026-01-01T00:00:00+00:00"
    batch = 5000
    t0 = time.perf_counter()
    for start in range(0, n_docs, batch):
        docs, fts, ents, plcs = [], [], [], []
        for i in range(start, min(n_docs, start + batch)):
            k = rng.randint(6, 18)
            chosen = rng.sample(sentences, k)
            text = "\n".join(c[0] for c in chosen) + f"\n#{i}"
            body = " ".join(c[1] for c in chosen)
            doc_id = uuid.UUID(int=rng.getrandbits(128)).hex[:16]
            day = f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            seq = i + 1
            docs.append((seq, doc_id, uuid.uuid4().hex + uuid.uuid4().hex, None,
                         rng.choice(outlets), None, None, day, day, "ar", f"synthetic/{i}",
                         len(text), text, json.dumps({"published": day}), "{}", "[]",
                         "[]", "synthetic", doc_id, None, now, now))
            fts.append((seq, "", body))
            pos = 0
            for j, (sent, _, e_rows, p_rows) in enumerate(chosen):
                for r in e_rows:
                    ents.append((doc_id, f"ent{j}_{r['span_id']}", r["char_start"] + pos,
                                 r["char_end"] + pos, r["text"], r["label"], r["entity_id"],
                                 r["cluster"]))
                for r in p_rows:
                    plcs.append((doc_id, f"pl{j}_{r['span_id']}", r["char_start"] + pos,
                                 r["char_end"] + pos, r["text"], r["place_id"], r["name"],
                                 r["key"], r["lat"], r["lon"], r["country"], r["kind"],
                                 r["precision"]))
                pos += len(sent) + 1
        clusters = clusters_all
        with con:
            con.executemany("INSERT INTO documents VALUES (" + ",".join("?" * 22) + ")", docs)
            con.executemany("INSERT INTO documents_fts(rowid, title, body) VALUES (?,?,?)", fts)
            con.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?,?,?)", ents)
            con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", plcs)
            con.executemany("INSERT OR IGNORE INTO entity_clusters VALUES (?,?,?,?)",
                            [(c["entity_id"], c["name"], c["label"], c["key"])
                             for c in clusters.values()])
    con.execute("INSERT INTO documents_fts(documents_fts) VALUES('optimize')")
    con.execute("ANALYZE")
    con.close()
    print(f"built {n_docs} synthetic documents in {time.perf_counter() - t0:.0f} s "
          f"({path.stat().st_size / 1e6:.0f} MB)")
    return [w for w, c in sorted(vocab.items(), key=lambda x: -x[1])]


def _vocab() -> list[str]:
    vocab: dict[str, int] = {}
    for p in SAMPLES:
        for w in p.read_text(encoding="utf-8").split():
            if len(w) > 3:
                vocab[w] = vocab.get(w, 0) + 1
    return [w for w, c in sorted(vocab.items(), key=lambda x: -x[1])]


def bench_search(path: Path, vocab: list[str], n_queries: int, seed: int = 11) -> dict:
    rng = random.Random(seed)
    common, rare = vocab[:200], vocab[200:]
    queries = []
    for i in range(n_queries):
        pick = rng.choice(common) if i % 3 == 0 else rng.choice(rare)
        if i % 4 == 0:
            pick = f"{pick} {rng.choice(vocab[:2000])}"
        if i % 5 == 0:
            pick = "و" + pick  # a clitic the folding must strip
        queries.append(pick)
    out: dict[str, object] = {}
    with open_store(str(path)) as store:
        store.search(queries[0])  # warm the page cache and the parser
        for facets in (False, True):
            lat, totals = [], []
            for q in queries:
                t = time.perf_counter()
                res = store.search(q, limit=20, facets=facets)
                lat.append((time.perf_counter() - t) * 1000)
                totals.append(res.total)
            key = "with_facets" if facets else "no_facets"
            out[key] = {"p50_ms": statistics.median(lat), "p95_ms": pct(lat, 95),
                        "max_ms": max(lat), "median_hits": statistics.median(totals)}
            print(f"search ({key}) over {store.count()} docs, {len(queries)} queries: "
                  f"p50 {statistics.median(lat):.1f} ms, p95 {pct(lat, 95):.1f} ms, "
                  f"max {max(lat):.1f} ms (median hits {statistics.median(totals):.0f})")
        t = time.perf_counter()
        res = store.search("الأسد", Filters(date_from="2023-01-01", source="ساحات"), limit=20)
        print(f"filtered search: {res.total} hits in {(time.perf_counter() - t) * 1000:.1f} ms")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    ap.add_argument("--skip-pg", action="store_true")
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--keep", metavar="PATH", default=None,
                    help="Build the synthetic archive at PATH and keep it (reused if present).")
    args = ap.parse_args()
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_ingest:
            results["sqlite_ingest"] = bench_ingest(str(Path(tmp) / "archive.db"), "sqlite")
        if not args.skip_pg and not args.skip_ingest:
            schema = f"rasd_bench_{uuid.uuid4().hex[:8]}"
            try:
                results["pg_ingest"] = bench_ingest(f"{args.pg}?schema={schema}", "postgresql")
            except Exception as e:  # noqa: BLE001 - report and go on with SQLite
                print(f"[postgresql] skipped: {str(e).splitlines()[0]}")
            finally:
                _drop(args.pg, [schema, "b" + schema])
        path = Path(args.keep) if args.keep else Path(tmp) / "synthetic.db"
        vocab = _vocab() if path.exists() else build_synthetic(path, args.docs)
        results["search"] = bench_search(path, vocab, args.queries)
    print(json.dumps(results, indent=2, ensure_ascii=False))


def _drop(url: str, schemas: list[str]) -> None:
    try:
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            for s in schemas:
                conn.execute(f'DROP SCHEMA IF EXISTS "{s}" CASCADE')
    except Exception:  # noqa: BLE001, S110 - best effort cleanup
        pass


if __name__ == "__main__":
    main()

"""Benchmark ``rasd batch``: single process vs Dask, peak memory per worker, scaling curve.

    python bench/batch.py                       # 1k docs, default pipeline, curve to --max
    python bench/batch.py --max 10000 --curve-components text,boilerplate,times

Synthetic documents are the bundled samples with shuffled paragraphs and a serial line, so
every text is distinct (no duplicate short-cuts) and realistic in length and wording.
Figures: docs/s of the in-process run (``--scheduler sync``: no Dask at all) and of a
LocalCluster with N single-threaded worker processes, their ratio (the scaling ratio),
each worker's peak RSS, and docs/s at 1k/10k/100k documents (up to ``--max``) to show the
cost is linear in the number of documents.  Results are printed as JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def synthetic(n: int, seed: int = 0) -> list[dict]:
    from rasd.link.corpus import iter_corpus

    base = [(d.text, d.meta.to_dict()) for d in iter_corpus([str(ROOT / "samples")])]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        text, meta = base[i % len(base)]
        title, _, body = text.partition("\n")
        paras = [p for p in body.split("\n\n") if p.strip()]
        rng.shuffle(paras)
        out.append({"text": f"{title}\n\n" + "\n\n".join(paras) + f"\n\nرقم المادة {i}",
                    "meta": {**meta, "url": f"{meta.get('url')}?n={i}"}})
    return out


def run(n: int, scheduler: str, workers: int, comps: tuple[str, ...] | None,
        part: int) -> dict:  # fmt: skip
    """Time ``n`` documents after a warm-up run (models loaded, workers started): steady
    throughput.  Cluster start-up is reported separately as ``startup_s``."""
    from rasd.batch.dask import peak_rss, run_batch

    recs = synthetic(n)
    stats: dict = {}
    cluster = None
    startup = 0.0
    if scheduler == "local":
        from distributed import LocalCluster

        t0 = time.perf_counter()
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)  # fmt: skip
        scheduler = cluster.scheduler_address
        startup = time.perf_counter() - t0
    try:
        with tempfile.TemporaryDirectory() as warm:
            run_batch([], warm, scheduler=scheduler, workers=workers, components=comps,
                      part_size=10, records=synthetic(10 * max(1, workers), seed=1))
        with tempfile.TemporaryDirectory() as out:
            t0 = time.perf_counter()
            res = run_batch([], out, scheduler=scheduler, workers=workers, components=comps,
                            part_size=part, records=recs, worker_stats=stats)  # fmt: skip
            secs = time.perf_counter() - t0
    finally:
        if cluster is not None:
            cluster.close()
    if cluster is not None:
        scheduler = "local"
    row = {"docs": n, "scheduler": scheduler, "workers": workers if scheduler != "sync" else 1,
           "seconds": round(secs, 2), "docs_per_s": round(n / secs, 1), "failed": res.failed,
           "startup_s": round(startup, 2)}
    if stats:
        row["worker_peak_rss_mb"] = sorted(round(v / 2**20) for v in stats.values())
    else:
        row["peak_rss_mb"] = round(peak_rss() / 2**20)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=1000, help="documents for the sync-vs-Dask run")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--components", default=None, help="pipeline (default: analysis default)")
    ap.add_argument("--curve-components", default=None,
                    help="pipeline for the scaling curve (default: same as --components)")
    ap.add_argument("--max", type=int, default=10_000, help="largest curve size to run")
    ap.add_argument("--partition", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=1,
                    help="alternate single/Dask runs this many times; report the medians")
    a = ap.parse_args()
    comps = tuple(a.components.split(",")) if a.components else None
    curve_comps = tuple(a.curve_components.split(",")) if a.curve_components else comps
    singles, dists = [], []
    for _ in range(a.repeat):  # alternate, so load from other processes hits both alike
        singles.append(run(a.docs, "sync", 1, comps, a.partition))
        dists.append(run(a.docs, "local", a.workers, comps, a.partition))
    single = sorted(singles, key=lambda r: r["docs_per_s"])[len(singles) // 2]
    dist = sorted(dists, key=lambda r: r["docs_per_s"])[len(dists) // 2]
    report = {
        "components": list(comps or ()) or "default",
        "repeats": a.repeat,
        "single": single,
        "dask": dist,
        "scaling_ratio": round(dist["docs_per_s"] / single["docs_per_s"], 2),
        "all_ratios": [round(d["docs_per_s"] / s["docs_per_s"], 2)
                       for s, d in zip(singles, dists, strict=True)],
        "curve_components": list(curve_comps or ()) or "default",
        "curve": [],
    }
    for n in (1_000, 10_000, 100_000):
        if n > a.max:
            report["curve_skipped"] = f"sizes above --max {a.max} not run"
            break
        report["curve"].append(run(n, "local", a.workers, curve_comps, a.partition))
        print(json.dumps(report["curve"][-1]), file=sys.stderr)
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()

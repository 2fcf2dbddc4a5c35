"""API benchmark: search requests per second and latency (p50/p95) through ``rasd serve``.

    python bench/api.py [--docs 10000] [--db PATH|URL] [--duration 10] [--connections 16]
                        [--workers 1] [--tool auto|wrk|python]

1. An archive: ``--db`` if given; otherwise a temporary SQLite file with ``--docs`` synthetic
   documents built by ``bench/store.py``'s ``build_synthetic`` (real sample sentences, real
   FTS rows), or — with ``--docs 0`` — the bundled samples ingested by the real pipeline.
   ``--db new.db`` builds there and keeps it, so later runs can reuse it.
2. ``rasd serve`` is started on a free loopback port (the real CLI, uvicorn, one process per
   ``--workers``).
3. A local load tool replays a fixed, shuffled list of ``GET /api/search?q=…`` requests (one-
   and two-word queries from the corpus vocabulary, some with a clitic) for ``--duration``
   seconds over ``--connections`` keep-alive connections: ``wrk`` (Debian package) with a Lua
   script that rotates the paths and prints exact percentiles, or — when wrk is missing — an
   asyncio + httpx loop doing the same.  Each scenario runs twice: without and with facets.
   Traffic goes to 127.0.0.1 only, and every loop stops by itself after ``--duration``.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

FALLBACK_WORDS = ["إدلب", "دمشق", "الأسد", "كوريا", "الخبراء", "الانتخابات", "الزلزال", "الجيش",
                  "وزارة", "المياه", "الحوثيين", "درنة", "الجنيه", "مخيم", "الدعم السريع"]

WRK_LUA = r"""
local paths = {}
for line in io.lines("%(paths)s") do paths[#paths + 1] = line end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
                 + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    'RESULT {"requests": %%d, "seconds": %%.3f, "p50_ms": %%.2f, "p95_ms": %%.2f, ' ..
    '"p99_ms": %%.2f, "max_ms": %%.2f, "errors": %%d, "non_2xx": %%d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors, summary.errors.status))
end
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _load_store_bench():
    spec = importlib.util.spec_from_file_location("rasd_bench_store", ROOT / "bench" / "store.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def build_archive(tmp: Path, docs: int, name: str = "api-bench.db") -> tuple[str, list[str]]:
    """A SQLite archive and a vocabulary to draw queries from."""
    path = tmp / name
    if docs > 0:
        vocab = _load_store_bench().build_synthetic(path, docs)
        return str(path), vocab
    from rasd.store import open_store
    from rasd.store.ingest import ingest

    with open_store(str(path)) as store:
        ingest(store, [str(ROOT / "samples")])
    return str(path), FALLBACK_WORDS


def make_paths(vocab: list[str], n: int, facets: bool, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    common, rest = vocab[:200], vocab[200:] or vocab
    out = []
    for i in range(n):
        q = rng.choice(common) if i % 3 == 0 else rng.choice(rest)
        if i % 4 == 0:
            q = f"{q} {rng.choice(vocab[:2000])}"
        if i % 5 == 0:
            q = "و" + q
        params = {"q": q, "limit": 20, "facets": "true" if facets else "false"}
        out.append("/api/search?" + urlencode(params))
    return out


def run_wrk(base: str, paths: list[str], duration: int, connections: int, threads: int,
            tmp: Path) -> dict[str, float]:
    plist = tmp / "paths.txt"
    plist.write_text("\n".join(paths) + "\n", encoding="utf-8")
    script = tmp / "rotate.lua"
    script.write_text(WRK_LUA % {"paths": plist}, encoding="utf-8")
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s",
           "-s", str(script), base + "/"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60)
    line = next((x for x in out.stdout.splitlines() if x.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(f"wrk failed: {out.stdout[-500:]} {out.stderr[-500:]}")
    r = json.loads(line[len("RESULT "):])
    r["rps"] = r["requests"] / r["seconds"]
    r["tool"] = "wrk"
    return r


async def _python_load(base: str, paths: list[str], duration: float, connections: int
                       ) -> dict[str, float]:
    lat: list[float] = []
    errors = 0
    stop = time.perf_counter() + duration
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=10) as client:

        async def worker(k: int) -> None:
            nonlocal errors
            i = k
            while time.perf_counter() < stop:
                t = time.perf_counter()
                try:
                    r = await client.get(paths[i % len(paths)])
                    if r.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                lat.append((time.perf_counter() - t) * 1000)
                i += connections

        t0 = time.perf_counter()
        await asyncio.gather(*(worker(k) for k in range(connections)))
        seconds = time.perf_counter() - t0
    lat.sort()

    def pct(p: float) -> float:
        return lat[min(len(lat) - 1, int(round(p / 100 * (len(lat) - 1))))]

    return {"requests": len(lat), "seconds": seconds, "rps": len(lat) / seconds,
            "p50_ms": statistics.median(lat), "p95_ms": pct(95), "p99_ms": pct(99),
            "max_ms": lat[-1], "errors": errors, "non_2xx": errors, "tool": "python-httpx"}


def start_server(db: str, port: int, workers: int, threads: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", "from rasd.cli import main; main()", "serve", "--db", db,
         "--port", str(port), "--workers", str(workers), "--threads", str(threads),
         "--log-level", "error"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.terminate()
    raise RuntimeError("server did not start: " + proc.stderr.read().decode()[-1000:])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", default=None,
                    help="archive to use; a SQLite path that does not exist yet is built there "
                         "(and kept) — default: a temporary one")
    ap.add_argument("--docs", type=int, default=10_000,
                    help="synthetic documents to build (0 = ingest the samples)")
    ap.add_argument("--duration", type=int, default=10, help="seconds per scenario")
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--threads", type=int, default=2, help="wrk threads")
    ap.add_argument("--workers", type=int, default=1, help="server worker processes")
    ap.add_argument("--server-threads", type=int, default=8, help="threads per server process")
    ap.add_argument("--tool", choices=["auto", "wrk", "python"], default="auto")
    args = ap.parse_args()
    tool = args.tool
    if tool == "auto":
        tool = "wrk" if shutil.which("wrk") else "python"
    results: dict[str, object] = {"tool": tool, "connections": args.connections,
                                  "workers": args.workers, "server_threads": args.server_threads,
                                  "duration_s": args.duration}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        if args.db and (args.db.startswith("postgresql") or Path(args.db).exists()):
            db, vocab = args.db, FALLBACK_WORDS  # an existing archive: reuse it as it is
        elif args.db:
            db, vocab = build_archive(Path(args.db).parent, args.docs, Path(args.db).name)
        else:
            db, vocab = build_archive(tmp, args.docs)
        port = _free_port()
        proc = start_server(db, port, args.workers, args.server_threads)
        base = f"http://127.0.0.1:{port}"
        try:
            results["documents"] = httpx.get(base + "/api/health").json()["documents"]
            for facets in (False, True):
                paths = make_paths(vocab, 500, facets)
                for p in paths[:20]:  # warm caches and the worker threads' connections
                    httpx.get(base + p, timeout=30)
                if tool == "wrk":
                    r = run_wrk(base, paths, args.duration, args.connections, args.threads, tmp)
                else:
                    r = asyncio.run(_python_load(base, paths, args.duration, args.connections))
                key = "search_with_facets" if facets else "search"
                results[key] = {k: round(v, 2) if isinstance(v, float) else v
                                for k, v in r.items()}
                print(f"{key}: {r['rps']:.0f} req/s, p50 {r['p50_ms']:.1f} ms, "
                      f"p95 {r['p95_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms, "
                      f"errors {r['errors']} ({r['tool']}, {args.connections} connections, "
                      f"{results['documents']} documents)")
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

"""Per-article digest of ``rasd.analyze`` over the shared real corpus, to prove a refactor
changed nothing.

Why: a restructuring (issue 15) must leave every layer of every article byte-identical, or list
what moved and why.  Running the whole pipeline over the 26k SaudiNewsNet articles before and
after, and comparing one SHA-256 per article, is the only check that covers the rules nobody
thought to test.  The full JSON of each article can be kept (gzip) so that a differing digest
can be opened and diffed layer by layer.

    python bench/digest.py --out /tmp/before.tsv [--json /tmp/before.jsonl.gz] [--limit N]
    python bench/digest.py --out /tmp/after.tsv --compare /tmp/before.tsv
    python bench/digest.py --out /tmp/after.tsv --json /tmp/after.jsonl.gz \
        --diff-json /tmp/before.jsonl.gz     # which layers differ, article by article

Reads ``../shared/data/saudinewsnet/`` in place (skips when it is absent); never copies text.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import json
import sys
import time
import zipfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "saudinewsnet"


def articles(corpus: Path, limit: int | None = None, step: int = 1) -> Iterator[tuple[str, dict]]:
    """``(key, article)`` for every article, key = ``day:index`` (stable across runs)."""
    n = 0
    for z in sorted(corpus.glob("*.zip")):
        items = json.loads(zipfile.ZipFile(z).read(z.stem + ".json"))
        for i, a in enumerate(items):
            if i % step:
                continue
            yield f"{z.stem}:{i}", a
            n += 1
            if limit is not None and n >= limit:
                return


def _analyze(job: tuple[str, dict]) -> tuple[str, str, str]:
    import rasd

    key, a = job
    day = (a.get("date_extracted") or "")[:10] or None
    meta = rasd.Meta(url=a.get("url") or None, outlet=a.get("source") or None,
                     title=a.get("title") or None, published=day)
    try:
        js = rasd.analyze(a.get("content") or "", meta).to_json()
    except Exception as e:  # noqa: BLE001 - a failure is part of the behaviour to compare
        js = json.dumps({"error": type(e).__name__, "message": str(e)}, ensure_ascii=False)
    return key, hashlib.sha256(js.encode("utf-8")).hexdigest(), js


def _parts(doc: dict) -> dict[str, str]:
    """One digest per layer, per relation and for the rest of the document."""
    out = {f"layer:{k}": hashlib.sha256(json.dumps(v, ensure_ascii=False).encode()).hexdigest()
           for k, v in doc.get("layers", {}).items()}
    out.update({f"relation:{k}": hashlib.sha256(json.dumps(v, ensure_ascii=False).encode())
                .hexdigest() for k, v in doc.get("relations", {}).items()})
    rest = {k: v for k, v in doc.items() if k not in ("layers", "relations")}
    out["rest"] = hashlib.sha256(json.dumps(rest, ensure_ascii=False).encode()).hexdigest()
    return out


def layer_diff(old: Path, new: Path) -> dict[str, int]:
    """How many articles differ in each layer/relation (and in the rest) between two
    ``--json`` files of the same articles."""
    def read(path: Path) -> dict[str, dict[str, str]]:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return {(row := json.loads(line))["key"]: _parts(row["doc"]) for line in f}

    a, b = read(old), read(new)
    counts: dict[str, int] = {}
    for key in a.keys() & b.keys():
        for part in a[key].keys() | b[key].keys():
            if a[key].get(part) != b[key].get(part):
                counts[part] = counts.get(part, 0) + 1
    counts["articles compared"] = len(a.keys() & b.keys())
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--json", type=Path, help="also keep every article's JSON (gzip JSON Lines)")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--step", type=int, default=1, help="every STEP-th article of each day")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--compare", type=Path, help="an earlier --out file: list differing keys")
    ap.add_argument("--diff-json", type=Path,
                    help="an earlier --json file: count differing articles per layer")
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent")
        return 0
    t0 = time.perf_counter()
    jobs = list(articles(CORPUS, args.limit, args.step))
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(args.out.open("w", encoding="utf-8"))
        jf = stack.enter_context(gzip.open(args.json, "wt", encoding="utf-8")) if args.json else None
        ex = stack.enter_context(ProcessPoolExecutor(args.workers))
        for key, digest, js in ex.map(_analyze, jobs, chunksize=16):
            out.write(f"{key}\t{digest}\n")
            if jf:
                jf.write(json.dumps({"key": key, "doc": json.loads(js)}, ensure_ascii=False)
                         + "\n")
    print(f"{len(jobs)} articles in {time.perf_counter() - t0:.0f} s -> {args.out}")
    if args.diff_json and args.json:
        for part, n in sorted(layer_diff(args.diff_json, args.json).items()):
            print(f"  {part}: {n}")
    if args.compare:
        before = dict(line.rstrip("\n").split("\t") for line in args.compare.open())
        after = dict(line.rstrip("\n").split("\t") for line in args.out.open())
        diff = sorted(k for k in after if k in before and before[k] != after[k])
        print(f"compared {len(set(before) & set(after))}: {len(diff)} differ")
        for k in diff[:50]:
            print(" ", k)
        return 1 if diff else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

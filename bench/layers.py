"""Per-layer cost: milliseconds per document for every registered component.

Runs the default pipeline (plus any other registered component whose required layers are
available) over the sample articles in ``samples/*.txt``, repeated to ``--docs`` documents,
timing each component separately.  Each layer's cost is also shown relative to the ``text``
layer (normalization, tokens, sentences — the floor every analysis pays), and layers adding
more than ``--budget`` (default 30 %) of it are flagged.

    python bench/layers.py                 # ~500 documents
    python bench/layers.py --docs 100 --json
    RASD_PURE_PYTHON=1 python bench/layers.py   # the same without the compiled extractors

Times are process CPU time (robust on a shared machine); the first pass over the distinct
samples is a warm-up (lexicons, models and caches load
once per process) and is not timed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from rasd import native
from rasd.config import DEFAULT_COMPONENTS
from rasd.doc import Document
from rasd.errors import RasdError
from rasd.pipeline import COMPONENT_MODULES, get_component

ROOT = Path(__file__).resolve().parents[1]


def components() -> list:
    """Default components in order, then other registered ones that can run after them."""
    names = [n for n in DEFAULT_COMPONENTS if n in COMPONENT_MODULES]
    names += [n for n in COMPONENT_MODULES if n not in names]
    out, have = [], set()
    for n in names:
        try:
            c = get_component(n)
        except (RasdError, ImportError) as e:  # a component being built elsewhere
            print(f"skip {n}: {e}", file=sys.stderr)
            continue
        if all(r in have for r in c.requires):
            out.append(c)
            have.update(c.assigns)
        else:
            print(f"skip {n}: needs {c.requires}", file=sys.stderr)
    return out


def run(n_docs: int, budget: float) -> dict:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    if not texts:
        raise SystemExit("no samples/*.txt")
    comps = components()
    from rasd.config import Config

    config = Config(components=tuple(c.name for c in comps))
    broken: set[str] = set()
    for t in texts:  # warm-up; a component failing here is reported and left out
        d = Document(t)
        have: set[str] = set()
        for c in comps:
            if c.name in broken or not all(r in have for r in c.requires):
                broken.add(c.name)
                continue
            try:
                c.func(d, config)
                have.update(c.assigns)
            except Exception as e:  # noqa: BLE001 - a benchmark must survive others' bugs
                print(f"skip {c.name}: {type(e).__name__}: {e}", file=sys.stderr)
                broken.add(c.name)
    comps = [c for c in comps if c.name not in broken]
    config = Config(components=tuple(c.name for c in comps))
    times: dict[str, list[float]] = {c.name: [] for c in comps}
    chars = 0
    for k in range(n_docs):
        t = texts[k % len(texts)]
        chars += len(t)
        d = Document(t)
        for c in comps:
            t0 = time.process_time()  # CPU time: other processes on the machine do not count
            c.func(d, config)
            times[c.name].append(time.process_time() - t0)
    # shares use medians: on a shared machine, GC pauses and other processes land on
    # whichever component happens to run and inflate its mean
    base = statistics.median(times["text"]) if "text" in times else None
    rows = []
    for c in comps:
        ms = statistics.fmean(times[c.name]) * 1000
        med = statistics.median(times[c.name]) * 1000
        share = (med / (base * 1000)) if base else None
        rows.append({
            "component": c.name,
            "ms_per_doc": round(ms, 3),
            "median_ms": round(med, 3),
            "p95_ms": round(sorted(times[c.name])[int(0.95 * (n_docs - 1))] * 1000, 3),
            "vs_text": round(share, 3) if share is not None else None,
            "over_budget": bool(share is not None and c.name != "text" and share > budget),
        })
    total = sum(r["ms_per_doc"] for r in rows)
    return {"documents": n_docs, "distinct_samples": len(texts),
            "mean_chars": round(chars / n_docs), "budget": budget, "layers": rows,
            "total_ms_per_doc": round(total, 3)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--budget", type=float, default=0.30,
                    help="flag layers costing more than this fraction of the text layer")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    rep = run(args.docs, args.budget)
    rep["build"] = native.describe()  # compiled extractors or pure Python
    if args.json:
        print(json.dumps(rep, indent=2))
        return
    print(f"{rep['documents']} documents ({rep['distinct_samples']} distinct samples, "
          f"{rep['mean_chars']} chars on average); {rep['build']}")
    print(f"{'component':<14}{'ms/doc':>10}{'median':>10}{'p95 ms':>10}{'vs text':>10}")
    for r in rep["layers"]:
        vs = "" if r["vs_text"] is None else f"{100 * r['vs_text']:.0f} %"
        flag = f"  <-- adds > {100 * rep['budget']:.0f} % of text" if r["over_budget"] else ""
        print(f"{r['component']:<14}{r['ms_per_doc']:>10.2f}{r['median_ms']:>10.2f}"
              f"{r['p95_ms']:>10.2f}{vs:>10}{flag}")
    print(f"{'total':<14}{rep['total_ms_per_doc']:>10.2f}")


if __name__ == "__main__":
    main()

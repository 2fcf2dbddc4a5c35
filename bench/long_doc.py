"""Benchmark: does every layer stay linear on long documents (reports, transcripts)?

Concatenates the bundled samples into documents of growing size (×1, ×4, ×16: about 80 KB,
310 KB and 1.2 MB of text) and times each component of the default pipeline on each, in CPU
seconds.  For a linear layer the time grows like the size (×4 per step); the last column is
the growth of the largest step over the size growth, so ≈ 1 is linear and ≫ 1 means a
quadratic part is left.  Boilerplate is flagged by construction: below 1 M characters it
reuses the text layer's normalized view, above it normalizes again (the view of a huge
document is not kept: its offset maps would cost hundreds of MB), which is linear too.

    python bench/long_doc.py [--max-mult 16]
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

from rasd.config import DEFAULT_COMPONENTS, Config
from rasd.doc import Document
from rasd.pipeline import get_component

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--max-mult", type=int, default=16)
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    comps = [get_component(n) for n in DEFAULT_COMPONENTS]
    cfg = Config()
    warm = Document(texts[0])
    for c in comps:
        c.func(warm, cfg)
    mults, m = [], 1
    while m <= args.max_mult:
        mults.append(m)
        m *= 4
    rows: dict[str, list[float]] = {c.name: [] for c in comps}
    sizes = []
    for m in mults:
        doc = Document("\n\n".join(texts * m))
        sizes.append(len(doc.text))
        for c in comps:
            t0 = time.process_time()
            c.func(doc, cfg)
            rows[c.name].append(time.process_time() - t0)
    # memory in a separate pass on the largest document (tracing slows allocation down)
    doc = Document("\n\n".join(texts * mults[-1]))
    tracemalloc.start()
    for c in comps:
        c.func(doc, cfg)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    head = "".join(f"{s // 1000:>9} KB" for s in sizes)
    print(f"{'component':<12}{head}   growth of last step / size growth")
    for name, ts in rows.items():
        cells = "".join(f"{t:>10.2f}s" for t in ts)
        g = (ts[-1] / max(ts[-2], 1e-3)) / (sizes[-1] / sizes[-2]) if len(ts) > 1 else 1.0
        flag = "  <-- superlinear" if g > 1.6 and ts[-1] > 0.2 else ""
        print(f"{name:<12}{cells}   {g:5.2f}{flag}")
    total = [sum(ts[k] for ts in rows.values()) for k in range(len(sizes))]
    print(f"{'total':<12}" + "".join(f"{t:>10.2f}s" for t in total)
          + f"   {sizes[-1] / 1e6 / total[-1]:.2f} MB/s on the largest")
    print(f"peak traced memory (largest document, all layers): {peak / 1e6:.0f} MB")


if __name__ == "__main__":
    main()

"""Benchmark: layer costs as CPU instructions (valgrind), independent of machine load.

The time-based benchmarks (``layers.py``, ``time_place.py``) measure CPU time, which other
processes on a shared 2-core machine still inflate by ±10 % (caches, memory bandwidth).  This one
counts instructions with ``valgrind --tool=callgrind``, which gives the same total for the same
program and input whatever else runs.  Each layer's count is the difference between two runs
over the same documents that differ only by that layer; the one-off costs (imports, models,
warm-up on the other half of the samples) are the same in both and cancel out.

    python bench/instructions.py            # text, times+places, quotes, events, claims
    python bench/instructions.py --docs 20  # quicker

Needs Debian's ``valgrind``.  Instructions are not time (a cache miss costs many), so read the
ratios next to ``layers.py``'s, not instead of them.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# runs the pipeline up to a given component on a fixed set of unseen documents
_RUN = r"""
import sys
from pathlib import Path
import rasd
from rasd.config import Config
from rasd.pipeline import get_component
order = ["text", "boilerplate", "entities", "times", "places", "quotes", "events", "claims"]
upto, n = sys.argv[1], int(sys.argv[2])
paths = sorted(Path(sys.argv[3]).glob("*.txt"))
warm, measure = paths[n:] or paths, paths[:n]
cfg = Config()
comps = [get_component(c).func for c in order]
for p in warm:  # models, lexicons and caches load here, in both runs alike
    d = rasd.Document(p.read_text(encoding="utf-8"))
    for f in comps:
        f(d, cfg)
todo = comps[: order.index(upto) + 1] if upto != "none" else []
for p in measure:
    d = rasd.Document(p.read_text(encoding="utf-8"))
    for f in todo:
        f(d, cfg)
"""

STEPS = ["none", "text", "boilerplate", "entities", "times", "places", "quotes", "events", "claims"]


def count(upto: str, n: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cg.out"
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
             sys.executable, "-c", _RUN, upto, str(n), str(ROOT / "samples")],
            check=True, capture_output=True, env=dict(os.environ, PYTHONHASHSEED="0"))
        m = re.search(r"^summary:\s+(\d+)", out.read_text(), re.M)
        if m is None:
            raise SystemExit("no summary in callgrind output")
        return int(m.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=30, help="documents measured (the rest warm up)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind not found (Debian package valgrind)")
    from rasd.native import describe

    print(describe())
    totals = {}
    for step in STEPS:
        totals[step] = count(step, args.docs)
        print(f"  counted up to {step:<12} {totals[step]:>15,}", flush=True)
    per = {s: (totals[s] - totals[STEPS[i - 1]]) / args.docs for i, s in enumerate(STEPS) if i}
    text = per["text"]
    print(f"{'layer':<14}{'instr/doc':>14}{'vs text':>10}")
    for s, v in per.items():
        print(f"{s:<14}{v:>14,.0f}{100 * v / text:>9.0f} %")
    tp = per["times"] + per["places"]
    print(f"times+places / text = {tp / text:.1%}; quotes / text = {per['quotes'] / text:.1%}")


if __name__ == "__main__":
    main()

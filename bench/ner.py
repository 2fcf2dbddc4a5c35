"""Benchmark the entity tagger: tokens/s on one core, model load time, model size, peak memory.

Run: ``python bench/ner.py [--json] [--repeat N]``.  Texts: the reference article plus any
``samples/*.txt`` in the repo.  Load time is measured in a fresh interpreter (cold caches of
this process do not flatter it).  Targets: ≥ 20,000 tokens/s, load ≤ 1 s, model ≤ 50 MB, peak
memory ≤ 500 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"tokens_per_s": 20000, "load_s": 1.0, "model_mb": 50, "peak_mb": 500}

_LOAD_SNIPPET = """
import time
t0 = time.perf_counter()
from rasd.ner.model import default_tagger
from rasd.ner.gazetteer import default_gazetteer
from rasd.lang.ar.lexicon import default_lexicon
default_tagger(); default_gazetteer(); default_lexicon()
print(time.perf_counter() - t0)
"""


def _texts() -> list[str]:
    paths = [ROOT / "tests" / "reference" / "alhal-2021-11-01.txt"]
    paths += sorted((ROOT / "samples").glob("*.txt"))
    return [p.read_text("utf-8") for p in paths if p.is_file()]


def run(repeat: int = 3) -> dict[str, float]:
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    load = float(subprocess.check_output([sys.executable, "-c", _LOAD_SNIPPET], text=True))
    from rasd.lang.ar.tokenize import tokenize
    from rasd.ner.coref import cluster
    from rasd.ner.model import MODEL_FILE, default_tagger
    from rasd.ner.recognize import recognize

    default_tagger()
    texts = _texts()
    docs = [(t, tokenize(t)) for t in texts]
    n_tokens = sum(len(toks) for _, toks in docs) * repeat
    t0 = time.perf_counter()
    for _ in range(repeat):
        for text, toks in docs:
            ms = recognize(text, toks)
            cluster([(m.type, m.canonical) for m in ms])
    tag_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for text, _ in docs:
        tokenize(text)
    tok_s = (time.perf_counter() - t0) * repeat
    model = ROOT / "src" / "rasd" / "ner" / "data" / MODEL_FILE
    return {
        "documents": len(docs) * repeat,
        "tokens": n_tokens,
        "tokens_per_s": round(n_tokens / tag_s),
        "tokens_per_s_with_tokenizer": round(n_tokens / (tag_s + tok_s)),
        "load_s": round(load, 3),
        "model_mb": round(model.stat().st_size / 1e6, 2),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print JSON")
    ap.add_argument("--repeat", type=int, default=3, help="passes over the texts")
    args = ap.parse_args()
    res = run(args.repeat)
    if args.json:
        print(json.dumps({"results": res, "targets": TARGETS}, indent=2))
        return
    print(f"{'metric':<30}{'value':>12}{'target':>12}")
    for k, v in res.items():
        tgt = TARGETS.get(k, "")
        print(f"{k:<30}{v:>12}{tgt!s:>12}")


if __name__ == "__main__":
    main()

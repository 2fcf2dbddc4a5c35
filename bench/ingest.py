"""Throughput of the text layer (``text`` + ``boilerplate`` components) on one core.

Builds a corpus of ≥1,000 documents by varying the articles in ``samples/*.txt`` the way real
copy varies — paragraphs shuffled, some words obfuscated ("عسكـ.ـري"), diacritics added,
Arabic-Indic digits, zero-width marks — then times the two components document by document.
Also times HTML ingest (trafilatura + metadata) on the bundled news-page fixture.

    python bench/ingest.py                 # table
    python bench/ingest.py --docs 2000 --json

Target: ≥ 2 MB/s of Arabic text for the text layer.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from rasd.config import Config  # noqa: E402
from rasd.doc import Document  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402

DIACRITICS = "\u064e\u064f\u0650\u0651\u0652\u064b\u064c\u064d"
AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
MARKS = ("ـ.ـ", "ـ*ـ", "ـ-ـ", "ـ_ـ")


def vary(text: str, rng: random.Random) -> str:
    """One realistic variant of an article (paragraph order, obfuscation, marks, digits)."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    head, body = paras[:1], paras[1:]
    rng.shuffle(body)
    out = []
    for p in head + body:
        words = p.split(" ")
        for i, w in enumerate(words):
            r = rng.random()
            if len(w) >= 4 and r < 0.03:
                k = rng.randrange(1, len(w) - 1)
                words[i] = w[:k] + rng.choice(MARKS) + w[k:]
            elif len(w) >= 3 and r < 0.08:
                k = rng.randrange(1, len(w))
                words[i] = w[:k] + rng.choice(DIACRITICS) + w[k:]
            elif r < 0.09:
                words[i] = w + "\u200c"
        p = " ".join(words)
        if rng.random() < 0.3:
            p = p.translate(AR_DIGITS)
        out.append(p)
    return "\n\n".join(out)


def corpus(n: int, seed: int = 13) -> tuple[list[str], int]:
    samples = sorted((ROOT / "samples").glob("*.txt"))
    texts = [p.read_text("utf-8") for p in samples]
    rng = random.Random(seed)
    docs = list(texts)
    while len(docs) < n:
        docs.append(vary(rng.choice(texts), rng))
    return docs[:n], len(samples)


def bench_text(docs: list[str]) -> dict[str, float]:
    pipe = Pipeline(Config(components=("text", "boilerplate")))
    pipe(Document(docs[0]))  # warm-up: lexicon load, regex compilation
    nbytes = sum(len(d.encode("utf-8")) for d in docs)
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    tokens = 0
    for d in docs:
        tokens += len(pipe(Document(d)).layers["tokens"])
    # CPU seconds of this process: "one core", and robust to other jobs sharing the machine
    dt, wall = time.process_time() - c0, time.perf_counter() - t0
    tracemalloc.start()
    for d in docs[:200]:
        pipe(Document(d))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "docs": len(docs),
        "mb": nbytes / 1e6,
        "seconds": dt,
        "wall_seconds": wall,
        "docs_per_s": len(docs) / dt,
        "mb_per_s": nbytes / 1e6 / dt,
        "tokens_per_s": tokens / dt,
        "peak_traced_mb": peak / 1e6,
    }


def bench_stages(docs: list[str]) -> dict[str, float]:
    """Seconds per stage over the corpus, to show where the text layer's time goes."""
    import importlib

    from rasd.extract.boilerplate import mark_boilerplate
    from rasd.lang.ar.normalize import normalize
    from rasd.lang.ar.sentences import split_sentences

    tok = importlib.import_module("rasd.lang.ar.tokenize")
    config = Config()
    views = [normalize(d + " ", config.norm) for d in docs]
    out: dict[str, float] = {}

    def timed(name: str, fn, args) -> None:  # noqa: ANN001
        c0 = time.process_time()
        for a in args:
            fn(a)
        out[name] = time.process_time() - c0

    timed("normalize", lambda d: normalize(d + " ", config.norm), docs)
    timed("tokenize (given the view)", lambda v: tok.tokenize(v.original, config.norm, view=v),
          views)  # fmt: skip
    timed("sentences", split_sentences, docs)
    timed("boilerplate", lambda d: mark_boilerplate(Document(d), config), docs)
    return out


def bench_html(n: int) -> dict[str, float]:
    from rasd.ingest.html import html_to_document

    page = (ROOT / "tests" / "fixtures" / "alhal-2021-11-01.html").read_bytes()
    html_to_document(page, "warm-up")
    c0 = time.process_time()
    for i in range(n):
        html_to_document(page, f"page{i}")
    dt = time.process_time() - c0
    return {
        "docs": n,
        "mb": n * len(page) / 1e6,
        "seconds": dt,
        "docs_per_s": n / dt,
        "mb_per_s": n * len(page) / 1e6 / dt,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=1000, help="corpus size (default 1000)")
    ap.add_argument("--html", type=int, default=100, help="HTML pages to ingest (0 = skip)")
    ap.add_argument("--stages", action="store_true", help="also time each stage separately")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args()
    docs, n_samples = corpus(args.docs)
    res = {"samples": n_samples, "text_layer": bench_text(docs)}
    if args.stages:
        res["stages_seconds"] = bench_stages(docs)
    if args.html:
        res["html_ingest"] = bench_html(args.html)
    res["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    res["target_mb_per_s"] = 2.0
    if args.json:
        print(json.dumps(res, indent=2))
        return
    t = res["text_layer"]
    print(f"corpus: {t['docs']} documents from {n_samples} samples, {t['mb']:.2f} MB of text")
    print(f"{'stage':<22}{'docs':>7}{'CPU s':>9}{'docs/s':>9}{'MB/s':>8}")
    rows = [("text+boilerplate", t)]
    if "html_ingest" in res:
        rows.append(("html ingest", res["html_ingest"]))
    for name, r in rows:
        print(
            f"{name:<22}{r['docs']:>7}{r['seconds']:>9.2f}{r['docs_per_s']:>9.0f}"
            f"{r['mb_per_s']:>8.2f}"
        )
    for name, sec in res.get("stages_seconds", {}).items():
        print(f"  stage {name:<26}{sec:>6.2f} s  {t['mb'] / sec:>6.2f} MB/s")
    print(f"tokens/s: {t['tokens_per_s']:,.0f}")
    print(f"peak traced memory (200 docs): {t['peak_traced_mb']:.1f} MB; "
          f"max RSS: {res['max_rss_mb']:.0f} MB")
    print(f"wall time {t['wall_seconds']:.2f} s; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores (rates use CPU time)")
    verdict = "meets" if t["mb_per_s"] >= res["target_mb_per_s"] else "BELOW"
    print(f"text layer {verdict} the {res['target_mb_per_s']} MB/s target")


if __name__ == "__main__":
    main()

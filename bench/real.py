"""Full-pipeline speed on real news, measured the way a user runs ``rasd analyze``.

    python bench/real.py [--day 2015-08-03] [--limit 600] [--layers entities,times] [--json]

Why this benchmark: the synthetic ones (``bench/layers.py``, ``bench/ner.py``) repeat the
bundled samples, whose vocabulary the per-type caches learn after one pass; real news keeps
bringing new words, names and longer sentences.  This one takes a fixed slice of the shared
SaudiNewsNet corpus (the first ``--limit`` articles of ``--day``, read in place from its zip —
the text is never copied anywhere), turns it into the JSON Lines a user would pipe in, and
runs the ``rasd analyze`` path in this process on one core: the JSONL reader, every pipeline
component, then the JSON Lines writer (``--format jsonl``; ``--layers`` as in ``rasd analyze``).

In the same run, over the same documents, it also measures the two floors the full pipeline
is compared with (issue 17):

* the text layer alone (normalization, tokens, sentences) — what every analysis pays;
* a plain CRF tagger: python-crfsuite tagging every sentence chunk with the shipped model and
  the same features, with no marginals, repairs, propagation or coreference — the limit the
  entity tagger can approach.  Its time is split into building the feature strings and the
  crfsuite call itself.

It prints words/s (whitespace words of the article text), docs/s, CPU ms per document for
each stage (read, each component, write), the ratios full : text layer and full : plain CRF,
and the process's peak resident memory.  Times are process CPU time (robust on a shared
machine); one warm-up pass over the first articles loads models and is not timed.  Skips
cleanly when the corpus is absent.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import sys
import time
import zipfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "saudinewsnet"


def jsonl_slice(corpus: Path, day: str, limit: int) -> bytes | None:
    """The first ``limit`` articles of ``day`` as the JSON Lines a user would feed rasd."""
    path = corpus / f"{day}.zip"
    if not path.is_file():
        return None
    with zipfile.ZipFile(path) as z:
        items = json.loads(z.read(f"{day}.json"))[:limit]
    return b"".join(json.dumps(a, ensure_ascii=False).encode("utf-8") + b"\n" for a in items)


def _cpu() -> float:
    return time.process_time()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_full(data: bytes, layers: tuple[str, ...] | None) -> dict:
    """Read JSONL → every component → JSON Lines out, timing each stage (CPU s)."""
    from rasd.config import Config
    from rasd.ingest.jsonl import iter_jsonl_bytes
    from rasd.pipeline import Pipeline

    config = Config()
    pipe = Pipeline(config)
    from rasd.docjson import dumps
    from rasd.pipeline import select_layers

    chosen = select_layers(layers) if layers else None
    if chosen is not None:
        config = Config(components=chosen.components)
        pipe = Pipeline(config)
    stages: dict[str, float] = {"read": 0.0}
    stages.update({c.name: 0.0 for c in pipe.components})
    stages["write"] = 0.0
    out = io.StringIO()
    docs = words = 0
    t_all = _cpu()
    t = _cpu()
    for item in iter_jsonl_bytes(data, "slice.jsonl"):
        now = _cpu()
        stages["read"] += now - t
        doc = item.document
        if doc is None:
            t = _cpu()
            continue
        docs += 1
        words += len(doc.text.split())
        for c in pipe.components:
            t = _cpu()
            c.func(doc, config)
            stages[c.name] += _cpu() - t
        t = _cpu()
        if chosen is None:
            out.write(dumps(doc, "jsonl"))
        else:
            out.write(dumps(doc, "jsonl", None, chosen.layers, chosen.relations))
        out.write("\n")
        now = _cpu()
        stages["write"] += now - t
        t = now
    total = _cpu() - t_all
    return {"docs": docs, "words": words, "cpu_s": total, "stages": stages,
            "out_bytes": len(out.getvalue().encode("utf-8"))}


def run_floors(data: bytes) -> dict:
    """The text layer alone, then a plain CRF over the same tokens and sentence chunks."""
    from rasd.config import Config
    from rasd.ingest.jsonl import iter_jsonl_bytes
    from rasd.lang.ar.textview import text_view
    from rasd.ner.features import sentence_features
    from rasd.ner.model import default_tagger
    from rasd.ner.recognize import ANALYSIS, chunks
    from rasd.pipeline import get_component

    config = Config()
    text = get_component("text")
    docs = [it.document for it in iter_jsonl_bytes(data, "slice.jsonl") if it.document]
    t = _cpu()
    for d in docs:
        text.func(d, config)
    text_s = _cpu() - t
    crf = default_tagger()._tagger
    feats_s = tag_s = 0.0
    tokens_n = 0
    for d in docs:
        tokens = text_view(d).pieces
        tokens_n += len(tokens)
        for a, b in chunks(tokens, d.text):
            t = _cpu()
            xseq = sentence_features(tokens[a:b], ANALYSIS)
            t2 = _cpu()
            crf.tag(xseq)
            tag_s += _cpu() - t2
            feats_s += t2 - t
    return {"text_s": text_s, "crf_features_s": feats_s, "crf_tag_s": tag_s,
            "crf_s": feats_s + tag_s, "tokens": tokens_n}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--day", default="2015-08-03")
    ap.add_argument("--limit", type=int, default=600)
    ap.add_argument("--warmup", type=int, default=30, help="articles analysed before timing")
    ap.add_argument("--layers", help="comma-separated components (default: all)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    data = jsonl_slice(CORPUS, args.day, args.limit)
    if data is None:
        print(f"skipped: {CORPUS}/{args.day}.zip is absent")
        return 0
    from rasd import native

    layers = tuple(args.layers.split(",")) if args.layers else None
    warm = b"".join(data.splitlines(keepends=True)[: args.warmup])
    t = time.perf_counter()
    run_full(warm, layers)
    load_s = time.perf_counter() - t
    wall = time.perf_counter()
    full = run_full(data, layers)
    wall = time.perf_counter() - wall
    floors = run_floors(data)
    n, w = full["docs"], full["words"]
    res = {
        "build": native.describe(), "slice": f"{args.day}[:{args.limit}]", "docs": n,
        "words": w, "tokens": floors["tokens"], "warmup_s": round(load_s, 2),
        "cpu_s": round(full["cpu_s"], 2), "wall_s": round(wall, 2),
        "words_per_s": round(w / full["cpu_s"]), "docs_per_s": round(n / full["cpu_s"], 1),
        "ms_per_doc": {k: round(1000 * v / n, 2) for k, v in full["stages"].items()},
        "text_layer_words_per_s": round(w / floors["text_s"]),
        "plain_crf_words_per_s": round(w / floors["crf_s"]),
        "plain_crf_ms_per_doc": {
            "features": round(1000 * floors["crf_features_s"] / n, 2),
            "crfsuite": round(1000 * floors["crf_tag_s"] / n, 2)},
        "full_over_text_layer": round(full["cpu_s"] / floors["text_s"], 2),
        "full_over_plain_crf": round(full["cpu_s"] / floors["crf_s"], 2),
        "entities_over_plain_crf": round(full["stages"].get("entities", 0.0) / floors["crf_s"], 2),
        "out_mb": round(full["out_bytes"] / 1e6, 2), "peak_mb": round(_peak_mb()),
    }
    if args.json:
        print(json.dumps(res, ensure_ascii=False))
        return 0
    print(f"{res['slice']}: {n} docs, {w:,} words, {res['tokens']:,} tokens ({res['build']})")
    print(f"full `rasd analyze` path: {res['words_per_s']:,} words/s, {res['docs_per_s']} docs/s "
          f"({res['cpu_s']} s CPU, {res['wall_s']} s wall; warm-up {res['warmup_s']} s); "
          f"output {res['out_mb']} MB")
    print("  ms per doc: " + ", ".join(f"{k} {v}" for k, v in res["ms_per_doc"].items()))
    print(f"text layer alone: {res['text_layer_words_per_s']:,} words/s; "
          f"full / text = {res['full_over_text_layer']}")
    pc = res["plain_crf_ms_per_doc"]
    print(f"plain CRF (features {pc['features']} + crfsuite {pc['crfsuite']} ms/doc): "
          f"{res['plain_crf_words_per_s']:,} words/s; full / plain CRF = "
          f"{res['full_over_plain_crf']}, entities layer / plain CRF = "
          f"{res['entities_over_plain_crf']}")
    print(f"peak memory {res['peak_mb']} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

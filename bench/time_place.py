"""Benchmark: cost of the ``times`` and ``places`` layers relative to the ``text`` layer.

Target (issue 5): times + places add at most 30 % to the text layer's time per document.
Run from the repository root: ``python bench/time_place.py [--repeat N]``.  Documents: the seed
article and ``samples/*.txt``.  Places are timed from an entities layer when the ``entities``
component is available (the default pipeline) and also in the token-matching fallback.
Steady state on unseen documents: per-word caches (the text layer's and ours) are cleared,
warmed on one half of the corpus, and each document of the other half is analysed once (then
the halves swap).  The fastest of the repeats counts (as ``timeit`` advises: noise only adds
time); layers are timed interleaved per document so machine load hits them alike;
one-off costs (regex compilation, gazetteer loading) are warmed up first and reported apart.
The times and places modules are compiled with mypyc at install (``rasd.native``); with
``--baseline`` the same measurement first runs on their pure-Python sources, for comparison.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from rasd import native
from rasd.config import Config
from rasd.doc import Document, Meta, Span
from rasd.pipeline import get_component

ROOT = Path(__file__).resolve().parent.parent


def _docs() -> tuple[list[str], list[str | None]]:
    """Texts and their publication dates (from the file names, as ingest metadata would)."""
    paths = [ROOT / "tests" / "reference" / "alhal-2021-11-01.txt"]
    paths += sorted((ROOT / "samples").glob("*.txt"))
    paths = [p for p in paths if p.exists()]
    dates = [m.group(0) if (m := re.search(r"\d{4}-\d{2}-\d{2}", p.name)) else None
             for p in paths]
    return [p.read_text(encoding="utf-8") for p in paths], dates


def _clear_caches() -> None:
    """Forget per-word memoization (text layer and ours) so documents count as unseen."""
    from rasd.extract import places
    from rasd.extract.times.stream import clear_caches
    from rasd.geo import gazetteer
    from rasd.lang.ar import tokenize

    seg = getattr(tokenize, "_segment_default", None)
    if seg is not None and hasattr(seg, "cache_clear"):
        seg.cache_clear()
    clear_caches()
    gazetteer.key.cache_clear()
    places._keys.cache_clear()
    places._FIRST_FORMS.clear()
    for name in ("_FOUND", "_STARTS", "_PHRASES"):  # memos of later versions, when present
        getattr(places, name, {}).clear()


def _clock(fn, doc: Document, cfg: Config) -> float:
    """CPU time of one call: on a shared machine wall-clock time mostly measures the others."""
    t0 = time.process_time()
    fn(doc, cfg)
    return time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--baseline", action="store_true",
                    help="first run the same measurement on the pure-Python extractors")
    args = ap.parse_args()
    if args.baseline and os.environ.get(native.PURE_ENV) != "1":
        print("== baseline: pure Python", flush=True)
        env = dict(os.environ, **{native.PURE_ENV: "1"})
        subprocess.run([sys.executable, __file__, "--repeat", str(args.repeat)], env=env,
                       check=True)
        print(f"== as installed ({native.describe()})", flush=True)
    cfg = Config(published="2023-01-01")
    text_c = get_component("text").func
    times_c = get_component("times").func
    places_c = get_component("places").func
    try:
        ent_c = get_component("entities").func
    except Exception:  # the NER component may be absent in a trimmed install
        ent_c = None

    t0 = time.perf_counter()
    warm = Document("وصل الوفد إلى دمشق أمس الاثنين 1 تشرين الثاني 2021.")
    text_c(warm, cfg)
    times_c(warm, cfg)
    places_c(warm, cfg)
    warmup = time.perf_counter() - t0

    texts, dates = _docs()
    entities: dict[int, list[Span]] = {}
    if ent_c is not None:
        for k, txt in enumerate(texts):
            d = Document(txt)
            text_c(d, cfg)
            ent_c(d, cfg)
            entities[k] = d.layer("entities")
    half = len(texts) // 2
    splits = [(range(0, half), range(half, len(texts))), (range(half, len(texts)), range(0, half))]
    passes: list[dict[str, float]] = []
    for _ in range(args.repeat):
        tot = {"text": 0.0, "times": 0.0, "ent": 0.0, "tok": 0.0}
        for warm, measure in splits:
            # steady state on unseen documents: word caches (ours and the text layer's) are
            # cleared, warmed on the other half of the corpus, then each document runs once
            _clear_caches()
            for k in warm:
                d = Document(texts[k])
                for f in (text_c, times_c, places_c):
                    f(d, cfg)
            for k in measure:
                doc = Document(texts[k], Meta(published=dates[k]))
                tot["text"] += _clock(text_c, doc, cfg)
                tot["times"] += _clock(times_c, doc, cfg)
                tot["tok"] += _clock(places_c, doc, cfg)  # no entities layer: token matching
                if ent_c is not None:
                    doc.layers["entities"] = entities[k]
                    tot["ent"] += _clock(places_c, doc, cfg)
        passes.append(tot)
    best = {k: min(p[k] for p in passes) for k in passes[0]}
    n = len(texts)
    t_text, t_times, t_places_tok = [best["text"] / n], [best["times"] / n], [best["tok"] / n]
    t_places_ent = [best["ent"] / n] if ent_c is not None else []

    def ms(xs: list[float]) -> float:
        return 1000 * sum(xs) / len(xs)

    print(f"documents: {n} (mean {sum(map(len, texts)) / n:.0f} chars); one-off warm-up "
          f"{warmup * 1000:.0f} ms (regexes, gazetteer); CPU time per document")
    print(native.describe())
    print(f"text layer            {ms(t_text):7.3f} ms/doc")
    print(f"times                 {ms(t_times):7.3f} ms/doc")
    if t_places_ent:
        print(f"places (entities)     {ms(t_places_ent):7.3f} ms/doc")
    print(f"places (token match)  {ms(t_places_tok):7.3f} ms/doc")
    places = t_places_ent or t_places_tok
    ratio = (ms(t_times) + ms(places)) / ms(t_text)
    mode = "entities" if t_places_ent else "token match"
    print(f"times+places / text = {ratio:.1%} (places from {mode}; target <= 30%)")
    ratio_tok = (ms(t_times) + ms(t_places_tok)) / ms(t_text)
    print(f"times+places / text = {ratio_tok:.1%} (places by token match, no NER)")


if __name__ == "__main__":
    main()

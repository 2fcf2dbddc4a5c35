"""What the events layer costs on real news, relative to the text layer (issue 22's speed rule).

    python bench/events_cost.py [--days 2015-07-24,2015-08-06] [--limit 300] [--json]

Why a benchmark of its own: issue 22 asks that the events layer add at most 30 % of the text
layer's time per document.  ``bench/layers.py`` prints that ratio for every layer, but on the
bundled samples, whose few sentences the per-word caches of the trigger lookup learn after one
pass; real news keeps bringing new words, so the ratio has to be measured there.  This one reads
the first ``--limit`` articles of each ``--days`` day of the shared SaudiNewsNet corpus in place
(the text is never copied), runs the default pipeline on each article on one core, and times
every component with process CPU time.  It reports, per document:

* the text layer's and the events layer's CPU milliseconds (mean and median);
* the events : text ratio — of the totals, and the median of the per-document ratios;
* the whole pipeline with and without the events component (events is a leaf: nothing in the
  default pipeline reads its layer, so "without" is the same run minus its time).

A warm-up pass over the first 20 articles (models, lexicons, caches load once per process) is
not timed.  Skips cleanly when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

from rasd import native
from rasd.config import DEFAULT_COMPONENTS, Config
from rasd.doc import Document, Meta
from rasd.pipeline import get_component

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "saudinewsnet"
BUDGET = 0.30


def articles(corpus: Path, days: list[str], limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` non-empty articles of each day, read from the corpus zips."""
    out: list[dict[str, Any]] = []
    for day in days:
        path = corpus / f"{day}.zip"
        if not path.is_file():
            continue
        with zipfile.ZipFile(path) as z:
            items = json.loads(z.read(f"{day}.json"))
        out += [a for a in items if (a.get("content") or "").strip()][:limit]
    return out


def run(arts: list[dict[str, Any]]) -> dict[str, Any]:
    comps = [get_component(n) for n in DEFAULT_COMPONENTS]
    config = Config(components=tuple(c.name for c in comps))

    def analyse(a: dict[str, Any]) -> dict[str, float]:
        d = Document(a["content"], Meta(url=a.get("url"), outlet=a.get("source"),
                                        published=(a.get("date_extracted") or "")[:10] or None))
        spent: dict[str, float] = {}
        for c in comps:
            t0 = time.process_time()  # CPU time: other processes on the machine do not count
            c.func(d, config)
            spent[c.name] = time.process_time() - t0
        return spent

    for a in arts[:20]:  # warm-up
        analyse(a)
    runs = [analyse(a) for a in arts]
    text = [r["text"] for r in runs]
    ev = [r["events"] for r in runs]
    total = [sum(r.values()) for r in runs]
    ratios = [e / t for e, t in zip(ev, text, strict=True) if t > 0]
    ratio_total = sum(ev) / sum(text)
    return {
        "documents": len(runs),
        "mean_chars": round(statistics.fmean(len(a["content"]) for a in arts)),
        "text_ms": {"mean": round(1000 * statistics.fmean(text), 3),
                    "median": round(1000 * statistics.median(text), 3)},
        "events_ms": {"mean": round(1000 * statistics.fmean(ev), 3),
                      "median": round(1000 * statistics.median(ev), 3)},
        "events_vs_text": round(ratio_total, 4),
        "events_vs_text_median_doc": round(statistics.median(ratios), 4),
        "pipeline_ms_with_events": round(1000 * statistics.fmean(total), 3),
        "pipeline_ms_without_events": round(1000 * (statistics.fmean(total)
                                                    - statistics.fmean(ev)), 3),
        "budget": BUDGET,
        "within_budget": ratio_total <= BUDGET,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--days", default="2015-07-24,2015-08-06",
                    help="comma-separated corpus days (a mix of outlets and desks)")
    ap.add_argument("--limit", type=int, default=300, help="articles per day")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    arts = articles(CORPUS, args.days.split(","), args.limit)
    if not arts:
        print(f"corpus not found under {CORPUS}; skipped", file=sys.stderr)
        return
    rep = run(arts)
    rep["days"] = args.days
    rep["build"] = native.describe()  # compiled extractors or pure Python
    if args.json:
        print(json.dumps(rep, indent=2))
        return
    print(f"{rep['documents']} real articles ({rep['days']}; {rep['mean_chars']} chars on "
          f"average); {rep['build']}")
    print(f"text layer   {rep['text_ms']['mean']:8.2f} ms/doc (median {rep['text_ms']['median']:.2f})")
    print(f"events layer {rep['events_ms']['mean']:8.2f} ms/doc (median "
          f"{rep['events_ms']['median']:.2f})")
    print(f"events : text = {100 * rep['events_vs_text']:.1f} % of the totals, median per "
          f"document {100 * rep['events_vs_text_median_doc']:.1f} % (budget "
          f"{100 * BUDGET:.0f} %: {'within' if rep['within_budget'] else 'OVER'})")
    print(f"pipeline     {rep['pipeline_ms_with_events']:8.2f} ms/doc with events, "
          f"{rep['pipeline_ms_without_events']:.2f} without")


if __name__ == "__main__":
    main()

"""``rasd watch`` benchmark: many sources on local sites — round times, peak memory, and the
latency from a feed item appearing to its alert.

    nice -n 10 python bench/watch.py [--sources 100] [--hosts 10] [--articles 2]
                                     [--interval 5] [--workers 4]

1. ``--hosts`` local sites (``http.server`` threads on 127.0.0.1, one port each = one host)
   serve ``--sources`` RSS feeds (spread over the hosts), each listing ``--articles``
   synthetic Arabic articles (made-up words; never corpus text).
2. Round 1 polls every source and stores every article (fetch, extract, analyse, store);
   round 2 polls them again (every feed answers 304); the peak RSS is read after both.
3. Latency: the loop (``Watcher.run``) runs in a thread with every source on ``--interval``
   seconds; one new article naming a watched person is published on one feed; the time until
   its alert is in the archive is printed.  The issue's target: ≤ interval + 10 s.

Traffic goes to 127.0.0.1 only; everything stops by itself.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.watch.helpers import (  # noqa: E402
    article_html,
    article_text,
    rss,
    sources_toml,
    start_site,
)

from rasd.pipeline import Pipeline  # noqa: E402
from rasd.store import open_store  # noqa: E402
from rasd.store.watch import WatchState  # noqa: E402
from rasd.watch.config import load  # noqa: E402
from rasd.watch.runner import Watcher  # noqa: E402

LEAD = "قال وزير الخارجية الأردني أيمن الصفدي في عمان يوم الأحد إن المعبر سيفتح قريبا."


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", type=int, default=100)
    ap.add_argument("--hosts", type=int, default=10)
    ap.add_argument("--articles", type=int, default=2)
    ap.add_argument("--interval", type=int, default=5)
    ap.add_argument("--workers", type=int, default=4)
    a = ap.parse_args()

    sites = [start_site() for _ in range(a.hosts)]
    feeds: list[tuple[object, str, list[str]]] = []
    n = 0
    for i in range(a.sources):
        site = sites[i % a.hosts]
        paths = []
        for _ in range(a.articles):
            path = f"/f{i}/{n}.html"
            site.page(path, article_html(f"خبر {n}", article_text(10_000 + n)))
            paths.append(path)
            n += 1
        site.page(f"/f{i}/rss.xml", rss(site, paths), content_type="application/rss+xml")
        feeds.append((site, f"/f{i}/rss.xml", paths))
    tmp = Path(tempfile.mkdtemp(prefix="rasd-watch-bench-"))
    toml = sources_toml(tmp, [
        {"name": f"s{i}", "kind": "feed", "url": site.url(feed), "interval": a.interval}  # type: ignore[attr-defined]
        for i, (site, feed, _p) in enumerate(feeds)], workers=a.workers)
    store = open_store(str(tmp / "bench.db"))
    pipe = Pipeline()
    print(f"{a.sources} sources on {a.hosts} hosts, {n} articles, workers={a.workers}, "
          f"pipeline loaded, RSS {rss_mb():.0f} MB")
    w = Watcher(store, load(toml), pipeline=pipe)
    t = time.perf_counter()
    reports = w.round(force=True)
    dt = time.perf_counter() - t
    new = sum(r.counts["new"] + r.counts["near_duplicate"] for r in reports)
    print(f"round 1 (all new): {dt:.1f} s, {new} articles stored "
          f"({new / dt:.1f}/s), flagged {sum(1 for r in reports if r.flag)}, "
          f"peak RSS {rss_mb():.0f} MB")
    t = time.perf_counter()
    reports = w.round(force=True)
    dt = time.perf_counter() - t
    print(f"round 2 (all 304): {dt:.2f} s for {len(reports)} sources, "
          f"{sum(r.counts['not_modified'] for r in reports)} not modified, "
          f"peak RSS {rss_mb():.0f} MB")
    for _ in range(2):
        w.round(force=True)
    print(f"after 4 rounds: peak RSS {rss_mb():.0f} MB")

    # latency: publish one article, time until its alert is in the archive
    state = WatchState(store)
    state.add_rule("entity", "أيمن الصفدي")
    loop = Watcher(store, load(toml), pipeline=pipe)
    th = threading.Thread(target=loop.run, kwargs={"install_signals": False}, daemon=True)
    th.start()
    time.sleep(a.interval / 2)
    site, feed, paths = feeds[len(feeds) // 2]
    path = feed.replace("rss.xml", "breaking.html")
    site.page(path, article_html("عاجل", article_text(99_999, LEAD)))  # type: ignore[attr-defined]
    site.page(feed, rss(site, [path, *paths]), content_type="application/rss+xml")  # type: ignore[arg-type,attr-defined]
    published = time.perf_counter()
    while not state.alerts(limit=1):
        if time.perf_counter() - published > a.interval + 120:
            print("latency: no alert within interval + 120 s")
            break
        time.sleep(0.1)
    else:
        print(f"latency feed item → alert: {time.perf_counter() - published:.1f} s "
              f"(interval {a.interval} s; target ≤ interval + 10 s)")
    loop.stop.set()
    th.join(timeout=60)
    store.close()
    for s in sites:
        s.server.shutdown()


if __name__ == "__main__":
    main()

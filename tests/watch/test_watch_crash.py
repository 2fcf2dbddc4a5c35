"""A real ``rasd watch`` process killed mid-round (SIGKILL) or stopped (SIGTERM): the restart
fetches exactly what was not finished — nothing lost, nothing stored or fetched twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from rasd.pipeline import Pipeline
from rasd.store import open_store
from rasd.store.watch import WatchState
from rasd.watch.config import load
from rasd.watch.runner import Watcher
from tests.watch.helpers import Route, Site, article_html, article_text, rss, sources_toml

SRC = Path(__file__).resolve().parents[2] / "src"
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _start(args: list[str]) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen([sys.executable, "-c", "from rasd.cli import main; main()", "watch",
                             *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _site_with(site: Site, n: int, first: int = 100) -> list[str]:
    paths = []
    for i in range(n):
        p = f"/n/{i}.html"
        site.page(p, article_html(f"خبر {i}", article_text(first + i)))
        paths.append(p)
    site.page("/rss.xml", rss(site, paths), content_type="application/rss+xml")
    return paths


def _signal_on(site: Site, path: str, proc: Callable[[], subprocess.Popen[bytes]],
               signum: int) -> None:
    """Send ``signum`` to the watcher when it asks for ``path`` (then answer normally)."""
    route = site.routes[path]
    fired = []

    def hook() -> None:
        if not fired:
            fired.append(1)
            os.kill(proc().pid, signum)
            if signum == signal.SIGKILL:
                proc().wait(timeout=30)

    site.routes[path] = Route(route.status, route.body, route.content_type, route.etag, hook)


def _resume(db: str, toml: Path, pipeline: Pipeline) -> None:
    store = open_store(db)
    try:
        Watcher(store, load(toml), pipeline=pipeline).round()
        assert store.count() == 5
        seen = WatchState(store).seen()
        assert len(seen) == 5 and {s["status"] for s in seen} == {"new"}
    finally:
        store.close()


def test_sigkill_mid_round_loses_and_duplicates_nothing(site: Site, tmp_path: Path,
                                                         pipeline: Pipeline) -> None:
    paths = _site_with(site, 5)
    toml = sources_toml(tmp_path, [{"name": "feed", "kind": "feed",
                                    "url": site.url("/rss.xml"), "interval": 60}])
    db = str(tmp_path / "crash.db")
    procs: list[subprocess.Popen[bytes]] = []
    _signal_on(site, paths[2], lambda: procs[0], signal.SIGKILL)
    procs.append(_start(["--once", "--sources", str(toml), "--db", db]))
    assert procs[0].wait(timeout=120) == -signal.SIGKILL
    store = open_store(db)
    assert store.count() == 2  # the two finished articles were committed one by one
    store.close()
    _resume(db, toml, pipeline)
    assert [site.hits(p, 200) for p in paths] == [1, 1, 2, 1, 1]  # only the killed one again
    assert site.hits("/rss.xml", 304) == 0  # the cut round kept no validators


def test_sigterm_stops_cleanly_after_current_article(site: Site, tmp_path: Path,
                                                     pipeline: Pipeline) -> None:
    paths = _site_with(site, 5)
    toml = sources_toml(tmp_path, [{"name": "feed", "kind": "feed",
                                    "url": site.url("/rss.xml"), "interval": 60}])
    db = str(tmp_path / "term.db")
    procs: list[subprocess.Popen[bytes]] = []
    _signal_on(site, paths[1], lambda: procs[0], signal.SIGTERM)
    procs.append(_start(["--sources", str(toml), "--db", db]))  # the loop, not --once
    t0 = time.monotonic()
    _out, err = procs[0].communicate(timeout=120)
    assert procs[0].returncode == 0, err.decode()
    assert b"stopped" in err and time.monotonic() - t0 < 120
    store = open_store(db)
    assert store.count() == 2  # the article being fetched when the signal came was finished
    store.close()
    _resume(db, toml, pipeline)
    assert [site.hits(p, 200) for p in paths] == [1, 1, 1, 1, 1]


def test_sigterm_with_fetching_threads_stores_what_was_fetched(
        make_site: Callable[[], Site], tmp_path: Path, pipeline: Pipeline) -> None:
    a, b = make_site(), make_site()
    pa, pb = _site_with(a, 5), _site_with(b, 5, first=200)
    toml = sources_toml(tmp_path, [
        {"name": "a", "kind": "feed", "url": a.url("/rss.xml"), "interval": 60},
        {"name": "b", "kind": "feed", "url": b.url("/rss.xml"), "interval": 60},
    ], workers=2)
    db = str(tmp_path / "threads.db")
    procs: list[subprocess.Popen[bytes]] = []
    _signal_on(a, pa[2], lambda: procs[0], signal.SIGTERM)
    procs.append(_start(["--once", "--sources", str(toml), "--db", db]))
    _out, err = procs[0].communicate(timeout=120)
    assert procs[0].returncode in (0, 3), err.decode()
    store = open_store(db)
    try:
        before = store.count()
        reports = Watcher(store, load(toml), pipeline=pipeline).round()
        assert store.count() == 10, (before, [r.as_dict() for r in reports],
                                     WatchState(store).sources(), err.decode()[-2000:])
        assert len(WatchState(store).seen()) == 10
    finally:
        store.close()
    # every page fetched before the stop was stored, none fetched twice
    assert [a.hits(p, 200) for p in pa] == [1] * 5 and [b.hits(p, 200) for p in pb] == [1] * 5

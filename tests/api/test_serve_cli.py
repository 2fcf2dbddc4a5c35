"""``rasd serve``: documented options, loopback default, one-line error for a bad archive."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from rasd.cli.serve import serve


def test_help_documents_every_option() -> None:
    out = CliRunner().invoke(serve, ["--help"]).output
    for opt in ("--db", "--host", "--port", "--token", "--max-request-bytes",
                "--max-document-bytes", "--workers"):
        assert opt in out
    assert "127.0.0.1" in out and "RASD_TOKEN" in out and "read-only" in out
    for param in serve.params:
        assert param.name == "help" or getattr(param, "help", None), param.name


def test_unreachable_archive_is_a_one_line_error() -> None:
    r = subprocess.run(
        [sys.executable, "-c", "from rasd.cli import main; main()", "serve",
         "--db", "postgresql://nobody@127.0.0.1:1/nowhere", "--port", "0"],
        capture_output=True, text=True, timeout=120,
    )
    assert r.returncode == 2
    lines = [x for x in r.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: [E4"), r.stderr
    assert "Traceback" not in r.stderr


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_sigterm_stops_the_server_while_a_write_waits_for_a_lock(tmp_path: Path) -> None:
    """A POST blocked on another process's write lock used to keep the server alive after
    SIGTERM until the lock wait ended (30 s; in practice it needed SIGKILL).  The busy
    timeout here is 120 s: the server must be gone long before that."""
    import os
    import signal
    import sqlite3
    import threading
    import time
    import urllib.request

    from rasd.store import open_store

    db = tmp_path / "a.db"
    open_store(str(db)).close()
    port = _free_port()
    env = dict(os.environ, RASD_BUSY_TIMEOUT="120")
    proc = subprocess.Popen(
        [sys.executable, "-c", "from rasd.cli import main; main()", "serve", "--db", str(db),
         "--port", str(port), "--token", "t"], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    lock = sqlite3.connect(db, isolation_level=None)
    try:
        for _ in range(600):  # the server starts (imports, store check)
            try:
                urllib.request.urlopen(f"{base}/api/health", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)
        lock.execute("BEGIN IMMEDIATE")
        req = urllib.request.Request(f"{base}/api/documents", method="POST",
                                     data="خبر عن اجتماع في الرياض اليوم.".encode(),
                                     headers={"Authorization": "Bearer t",
                                              "Content-Type": "text/plain"})
        blocked = threading.Thread(target=lambda: _ignore(urllib.request.urlopen, req),
                                   daemon=True)
        blocked.start()
        time.sleep(3)  # the write is now waiting for the lock (analysis of one sentence)
        assert urllib.request.urlopen(f"{base}/api/health", timeout=10).status == 200
        t0 = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=100)
        assert time.monotonic() - t0 < 60  # half the lock wait it used to sit out
    finally:
        lock.close()
        if proc.poll() is None:
            proc.kill()


def _ignore(fn: Any, *args: Any) -> None:
    import contextlib

    with contextlib.suppress(Exception):  # the connection is cut by the shutdown
        fn(*args, timeout=200)

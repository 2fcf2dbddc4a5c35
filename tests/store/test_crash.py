"""Crash safety: SIGKILL an ingest mid-batch, run it again, nothing is lost or half-written."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rasd.ingest import iter_documents
from rasd.store import open_store
from tests.store.conftest import SAMPLES

INGEST = [sys.executable, "-c", "from rasd.cli import main; main()", "ingest"]


def _corpus(folder: Path) -> int:
    """Samples plus a variant of each (distinct texts); returns the number of distinct texts."""
    folder.mkdir()
    n = 0
    for i, p in enumerate(sorted(SAMPLES.glob("*.txt"))):
        text = p.read_text(encoding="utf-8")
        (folder / f"{i:03d}a.txt").write_text(text, encoding="utf-8")
        (folder / f"{i:03d}b.txt").write_text(text + f"\n\nتحديث رقم {i}: تابعونا للمزيد.",
                                              encoding="utf-8")
        n += 2
    hashes = {it.document.content_hash for it in iter_documents(str(folder)) if it.document}
    return len(hashes)


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as c:
            return c.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def _check_complete(db: Path) -> int:
    """Integrity check passes and every stored document has all its parts."""
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        docs = c.execute("SELECT id, seq FROM documents").fetchall()
        for doc_id, seq in docs:
            assert c.execute("SELECT count(*) FROM layer_blobs WHERE doc_id=? AND layer='tokens'",
                             (doc_id,)).fetchone()[0] == 1
            assert c.execute("SELECT count(*) FROM spans WHERE doc_id=? AND layer='sentences'",
                             (doc_id,)).fetchone()[0] > 0
            assert c.execute("SELECT count(*) FROM documents_fts WHERE rowid=?",
                             (seq,)).fetchone()[0] == 1
            assert c.execute("SELECT count(*) FROM document_sources WHERE doc_id=?",
                             (doc_id,)).fetchone()[0] >= 1
        fts = c.execute("SELECT count(*) FROM documents_fts").fetchone()[0]
        assert fts == len(docs)
        c.execute("INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')")
    return len(docs)


@pytest.mark.slow
def test_sigkill_mid_batch_then_rerun(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    expected = _corpus(corpus)
    db = tmp_path / "crash.db"
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    proc = subprocess.Popen([*INGEST, str(corpus), "--db", str(db), "--no-progress"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _count(db) < 8 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "ingest finished before it could be killed; corpus too small"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = _check_complete(db)
    assert 0 < stored < expected

    out = subprocess.run([*INGEST, str(corpus), "--db", str(db), "--no-progress", "--json"],
                         env=env, capture_output=True, text=True, timeout=300, check=True)
    assert _check_complete(db) == expected
    import json

    summary = json.loads(out.stdout)
    assert summary["failed"] == 0
    assert summary["new"] + summary["near_duplicate"] == expected - stored
    assert summary["duplicate"] >= stored
    with open_store(str(db)) as store:
        for doc in store.iter_documents():
            assert doc.layers["tokens"] and doc.layers["sentences"]

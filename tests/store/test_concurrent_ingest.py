"""Concurrent writers of the same texts: insert-or-skip, the loser of a race is a duplicate,
never a failure (issue 20: two PostgreSQL ingests of one folder reported 64 of 130 items
"failed" on ``UniqueViolation`` although the data ended up correct).
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

from rasd.doc import Document, Meta
from rasd.store import open_store, write
from rasd.store.base import AddResult
from tests.store.conftest import SAMPLES

TEXT = "اجتمع وزير الخارجية في الرياض مع نظيره العماني لبحث الملف اليمني والتهدئة."


def test_the_loser_of_an_insert_race_is_a_duplicate(store_url: str) -> None:
    """Writer A has inserted the text but not committed; writer B stores the same text and
    must wait, then report a duplicate (its source recorded), not fail."""
    a, b = open_store(store_url), open_store(store_url)
    results: list[AddResult | BaseException] = []

    def store_b() -> None:
        try:
            results.append(b.add(Document(TEXT, Meta(source="b.txt")), "v1"))
        except BaseException as e:  # noqa: BLE001 - recorded for the assertion
            results.append(e)

    try:
        with a.write() as c:  # type: ignore[attr-defined]
            first = write.add(c, a.backend, Document(TEXT, Meta(source="a.txt")), "v1")  # type: ignore[attr-defined]
            t = threading.Thread(target=store_b)
            t.start()
            time.sleep(1.0)  # B is now blocked on A's uncommitted row (or its write lock)
            assert not results, results  # it waits, it does not fail
        t.join(30)
        assert first.status == "new"
        assert len(results) == 1 and isinstance(results[0], AddResult), results
        assert results[0].status == "duplicate" and results[0].doc_id == first.doc_id
        assert a.count() == 1
        assert sorted(s["source"] for s in a.sources_of(first.doc_id)) == ["a.txt", "b.txt"]
    finally:
        a.close()
        b.close()


def _folder(tmp: Path, n: int = 5) -> Path:
    folder = tmp / "in"
    folder.mkdir()
    for p in sorted(SAMPLES.glob("*.txt"))[:n]:
        (folder / p.name).write_bytes(p.read_bytes())
    return folder


def _counts(url: str) -> dict[str, int]:
    with open_store(url) as s:
        stats = s.stats()
        docs = sorted(d.content_hash for d in s.iter_documents())
    return {**stats, "hashes": hash(tuple(docs))}


def test_two_concurrent_ingests_of_one_folder(store_url: str, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    open_store(store_url).close()
    cmd = [sys.executable, "-c", "from rasd.cli import main; main()", "ingest", str(folder),
           "--db", store_url, "--batch-size", "1", "--no-progress", "--json"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        assert '"failed": 0' in out, (out, err)
    concurrent = _counts(store_url)
    assert concurrent["documents"] == 5
    # the archive a single ingest builds: the same rows in every table
    from rasd.store.ingest import ingest

    ref = str(tmp_path / "ref.db")
    with open_store(ref) as s:
        assert ingest(s, [str(folder)]).failed == 0
    assert _counts(ref) == concurrent


def test_exit_status_and_fail_fast(tmp_path: Path) -> None:
    """Exit status 1 when any item failed; --keep-going (default) stores the rest,
    --fail-fast stops at the first failure after committing what came before it."""
    import json

    from click.testing import CliRunner

    from rasd.cli import cli

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.bin.txt").write_bytes(b"\x00\x01\x02\xff" * 50)  # binary: fails
    (folder / "c.txt").write_text("وصل الرئيس إلى القاهرة في زيارة رسمية تستمر يومين.",
                                  encoding="utf-8")
    runner = CliRunner()
    fast = runner.invoke(cli, ["ingest", str(folder), "--db", str(tmp_path / "f.db"), "--json",
                               "--no-progress", "--fail-fast"])
    assert fast.exit_code == 1, fast.output
    d = json.loads(fast.stdout)
    assert (d["new"], d["failed"], d["stopped"]) == (1, 1, True)  # a.txt kept, c.txt never read
    going = runner.invoke(cli, ["ingest", str(folder), "--db", str(tmp_path / "k.db"), "--json",
                                "--no-progress"])
    assert going.exit_code == 1, going.output
    d = json.loads(going.stdout)
    assert (d["new"], d["failed"], d["stopped"]) == (2, 1, False)
    ok = runner.invoke(cli, ["ingest", str(folder / "a.txt"), "--db", str(tmp_path / "k.db"),
                             "--no-progress"])
    assert ok.exit_code == 0 and "duplicate 1" in ok.output, ok.output

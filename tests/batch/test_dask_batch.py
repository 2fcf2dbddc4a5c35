"""Dask batch: a 2-worker LocalCluster over >= 2,000 documents equals the single process;
re-runs resume; the output is queryable with DuckDB."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.batch.dask import read_table, run_batch
from rasd.cli import cli
from rasd.link.corpus import iter_corpus

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
COMPONENTS = ("text", "boilerplate", "times")


def _corpus_jsonl(path: Path, copies: int) -> int:
    """Write the samples ``copies`` times, each copy varied (its own id) as JSONL."""
    docs = list(iter_corpus([str(SAMPLES)]))
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for i in range(copies):
            for d in docs:
                rec = {"text": f"{d.text}\n\nتحديث رقم {i}", "url": f"{d.meta.url}?v={i}",
                       "outlet": d.meta.outlet, "published": d.meta.published,
                       "title": d.meta.title}  # fmt: skip
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n


@pytest.mark.slow
def test_local_cluster_equals_single_process(tmp_path):
    src = tmp_path / "corpus.jsonl"
    n = _corpus_jsonl(src, 31)
    assert n >= 2000
    single, dist = tmp_path / "single", tmp_path / "dask"
    a = run_batch([str(src)], single, scheduler="sync", components=COMPONENTS, part_size=500)
    b = run_batch([str(src)], dist, scheduler="local", workers=2, components=COMPONENTS,
                  part_size=500)  # fmt: skip
    assert a.documents == b.documents == n and a.failed == b.failed == 0
    for table in ("documents", "entities", "quotes", "events", "times"):
        x, y = read_table(single, table), read_table(dist, table)
        assert x.equals(y), table
    assert len(read_table(dist, "times")) > n  # the pipeline really ran

    # resume: nothing left to do; a lost partition is redone alone
    again = run_batch([str(src)], dist, scheduler="sync", components=COMPONENTS, part_size=500)
    assert again.skipped == again.partitions and again.documents == 0
    (dist / "_done" / "part-00002.json").unlink()
    redo = run_batch([str(src)], dist, scheduler="sync", components=COMPONENTS, part_size=500)
    assert redo.documents == 500 and redo.skipped == redo.partitions - 1
    assert read_table(dist, "documents").equals(read_table(single, "documents"))

    import duckdb

    con = duckdb.connect()
    rows = con.execute(
        f"select outlet, count(*) from read_parquet('{dist}/documents/*.parquet') "
        "group by outlet order by 2 desc, 1"
    ).fetchall()
    assert sum(c for _, c in rows) == n
    per_outlet = Counter(d.meta.outlet for d in iter_corpus([str(SAMPLES)]))
    assert dict(rows) == {o: c * 31 for o, c in per_outlet.items()}


def test_cli_batch_sync_and_bad_input(tmp_path):
    (tmp_path / "in").mkdir()
    good = (SAMPLES / "mashreq-2024-07-20-hodeidah-strikes.txt").read_text("utf-8")
    (tmp_path / "in" / "a.txt").write_text(good, "utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(b"")  # unreadable: empty
    out = tmp_path / "out"
    r = CliRunner().invoke(cli, ["batch", str(tmp_path / "in"), "--out", str(out),
                                 "--scheduler", "sync", "--components", ",".join(COMPONENTS),
                                 "--json"])  # fmt: skip
    assert r.exit_code == 0, r.output
    summary = json.loads(r.output.strip().splitlines()[-1])
    assert summary["documents"] == 1 and summary["ingest_errors"] == 1
    docs = read_table(out, "documents")
    assert docs.loc[0, "text"] == good
    times = read_table(out, "times")
    row = times.iloc[0]
    assert good[row["start"] : row["end"]] == row["text"]

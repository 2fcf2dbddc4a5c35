"""`rasd entity`: one entity across an archive of the bundled (real and sample) articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import cli
from rasd.store import open_store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("entity") / "a.db")
    r = CliRunner().invoke(cli, ["ingest", str(ROOT / "samples"), "--db", db, "--no-progress"])
    assert r.exit_code == 0, r.output
    return db


def _run(*args: str) -> dict:
    r = CliRunner().invoke(cli, ["entity", *args, "--json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.output)


def test_entity_record_by_folded_name(archive: str) -> None:
    rec = _run("الاسد", "--db", archive, "--label", "PER")  # folded spelling, no hamza
    ent = rec["entity"]
    assert ent["label"] == "PER" and "الأسد" in ent["name"]
    assert ent["doc_count"] >= 2 and rec["mentions_total"] == ent["mention_count"]
    # the seed article (Al-Hal, 2021-11-01) is on the timeline, days ascending
    days = [t["day"] for t in rec["timeline"]]
    assert "2021-11-01" in days and days == sorted(days)
    co = {c["name"] for c in rec["co_mentions"]}
    assert "كوريا الشمالية" in co
    # every mention points at the exact characters of its article
    store = open_store(archive)
    try:
        for m in rec["mentions"]:
            doc = store.get(m["doc_id"])
            assert doc.text[m["start"] : m["end"]] == m["text"]
    finally:
        store.close()


def test_statements_are_those_the_entity_made(archive: str) -> None:
    store = open_store(archive)
    try:
        quote = next(q for q in store.iter_quotes() if q.speaker_entity)
    finally:
        store.close()
    rec = _run(quote.speaker_entity, "--db", archive, "--limit", "1000")
    assert rec["entity"]["id"] == quote.speaker_entity
    assert rec["statements_total"] >= 1
    assert all(s["speaker_entity"] == quote.speaker_entity for s in rec["statements"])
    assert any(s["span_id"] == quote.span_id and s["doc_id"] == quote.doc_id
               for s in rec["statements"])


def test_text_output_and_unknown_name(archive: str) -> None:
    r = CliRunner().invoke(cli, ["entity", "كوريا الشمالية", "--db", archive])
    assert r.exit_code == 0, r.output
    assert "timeline" in r.output and "كوريا الشمالية" in r.output.splitlines()[0]
    r = CliRunner().invoke(cli, ["entity", "لا يوجد اسم كهذا", "--db", archive])
    assert r.exit_code != 0 and "no entity matches" in r.output

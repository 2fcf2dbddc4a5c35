"""``--workers``, ``--layers``, ``--format jsonl`` and batch commits (issue 17).

The rule these tests hold: N worker processes produce the output of one (order and bytes),
the fast JSON Lines writer encodes the same values as the stable JSON, and a batch ingest
builds the archive a one-document-per-transaction ingest builds.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import cli
from rasd.docjson import dumps
from rasd.errors import PipelineError
from rasd.pipeline import analyze, select_layers
from rasd.store import open_store

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six sample articles, one empty file (a failure in the middle) and their order."""
    root = tmp_path_factory.mktemp("corpus")
    for p in sorted(SAMPLES.glob("*.txt"))[:6]:
        shutil.copy(p, root / p.name)
    (root / "b-empty.txt").write_text("", "utf-8")
    return root


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_analyze_workers_output_identical(corpus: Path, fmt: str):
    one = run("analyze", str(corpus), "--format", fmt)
    two = run("analyze", str(corpus), "--format", fmt, "--workers", "2")
    assert one[0] == two[0] == 0
    # jsonl: one line per document; json: one array, a document per line plus the "]"
    assert one[1] == two[1] and one[1].count("\n") == (6 if fmt == "jsonl" else 7)
    assert one[2] == two[2] and "summary: 6 ok" in one[2] and "1 failed" in one[2]


def test_jsonl_same_values_as_json(corpus: Path):
    _, js, _ = run("analyze", str(corpus), "--format", "json")
    _, jl, _ = run("analyze", str(corpus), "--format", "jsonl")
    a = json.loads(js)  # --format json: one value, the documents' array
    b = [json.loads(x) for x in jl.splitlines()]
    assert a == b
    assert ", " in js.splitlines()[0] and '","' in jl.splitlines()[0]


def test_json_format_is_to_json_byte_for_byte():
    doc = analyze("قال وزير الخارجية السعودي في الرياض إن المحادثات مستمرة.")
    assert dumps(doc, "json", 2) == doc.to_json(indent=2)
    assert dumps(doc, "json") == doc.to_json()
    assert json.loads(dumps(doc, "jsonl")) == doc.to_dict()


def test_select_layers_resolves_requires():
    s = select_layers(["entities"])
    assert s.components == ("text", "entities")
    assert s.layers == {"entities"} and s.relations == {"entity_clusters"}
    s = select_layers(["claims", "tokens"])
    assert s.components == ("text", "quotes", "claims")
    assert s.layers == {"tokens"} and s.relations == {"contradictions"}
    with pytest.raises(PipelineError, match="unknown layer"):
        select_layers(["nope"])


def test_analyze_layers_computes_and_writes_only_those(corpus: Path):
    code, out, _ = run("analyze", str(corpus), "--format", "jsonl", "--layers", "entities,times")
    assert code == 0
    docs = [json.loads(x) for x in out.splitlines()]
    full = [json.loads(x) for x in run("analyze", str(corpus), "--format", "jsonl")[1].splitlines()]
    for d, f in zip(docs, full, strict=True):
        assert set(d["layers"]) == {"entities", "times"}
        assert set(d["relations"]) == {"entity_clusters"}
        # entities and times read no optional layer beyond boilerplate flags: same spans
        assert d["layers"]["times"] == f["layers"]["times"]
    code, _, err = run("analyze", str(corpus), "--layers", "entities,bogus")
    assert code == 2 and "unknown layer 'bogus'" in err


def _archive(db: Path) -> list[dict]:
    with open_store(str(db)) as store:
        ids = [d.id for d in store.iter_documents()]
        return [store.get(i).to_dict() for i in ids]


def test_ingest_workers_and_batches_build_the_same_archive(corpus: Path, tmp_path: Path):
    dbs = []
    for workers, batch in (("1", "1"), ("2", "3")):
        db = tmp_path / f"w{workers}.db"
        code, out, _ = run("ingest", str(corpus), "--db", str(db), "--json", "--no-progress",
                           "--workers", workers, "--batch-size", batch)
        assert code == 1  # the corpus's bad item: stored the rest, exit status 1
        summary = json.loads(out)
        assert summary["new"] + summary["near_duplicate"] == 6 and summary["failed"] == 1
        dbs.append(db)
    assert _archive(dbs[0]) == _archive(dbs[1])
    # idempotent: a second run stores nothing new
    code, out, _ = run("ingest", str(corpus), "--db", str(dbs[1]), "--json", "--no-progress",
                       "--workers", "2")
    assert json.loads(out)["duplicate"] == 6


def test_add_many_isolates_a_bad_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from rasd.store import write

    docs = [analyze(t) for t in ("نص أول عن الرياض.", "نص ثان عن دمشق.", "نص ثالث عن عمان.")]
    real = write.add

    def flaky(c, dialect, doc, version):  # noqa: ANN001, ANN202 - test double
        if doc.id == docs[1].id:
            raise ValueError("broken document")
        return real(c, dialect, doc, version)

    monkeypatch.setattr(write, "add", flaky)
    with open_store(str(tmp_path / "a.db")) as store:
        results = store.add_many([(d, "v") for d in docs])
        assert [type(r).__name__ for r in results] == ["AddResult", "ValueError", "AddResult"]
        assert store.version_of(docs[0].id) == "v" and store.version_of(docs[2].id) == "v"
        assert store.version_of(docs[1].id) is None

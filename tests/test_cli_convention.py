"""One convention across the command line (docs/eval-export.md, "One convention"): the flags
every command offers, one JSON value for --json, lines for --jsonl, one id scheme per kind
that every command accepts, the search filters on every archive export, --bom for CSV."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from rasd.cli import cli
from rasd.doc import Document, Meta, Span
from rasd.pipeline import analyze
from rasd.store import open_store

FILTERS = {"--db", "--entity", "--place", "--from", "--to", "--source", "--kind", "--query"}
#: flags the convention replaced: hidden aliases only
OLD_FLAGS = {"--lines"}


def _commands(group: click.Group, path: tuple[str, ...] = ()
              ) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        assert cmd is not None
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, (*path, name))
        else:
            yield (*path, name), cmd


COMMANDS = sorted(_commands(cli), key=lambda c: c[0])


def _options(cmd: click.Command, hidden: bool = False) -> dict[str, click.Option]:
    return {o: p for p in cmd.params if isinstance(p, click.Option) and (hidden or not p.hidden)
            for o in p.opts}


@pytest.mark.parametrize("path,cmd", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_output_flags_follow_the_convention(path: tuple[str, ...], cmd: click.Command) -> None:
    opts = _options(cmd)
    fmt = opts.get("--format")
    choices = tuple(fmt.type.choices) if fmt is not None and isinstance(
        fmt.type, click.Choice) else ()
    if "--json" in opts:
        assert "json" in choices, f"rasd {' '.join(path)}: --json without --format json"
    if "--jsonl" in opts:
        assert "jsonl" in choices, f"rasd {' '.join(path)}: --jsonl without --format jsonl"
    if "json" in choices and path[0] != "export":  # an export sub-command is its format
        assert "--json" in opts, f"rasd {' '.join(path)}: --format json without --json"
    assert not OLD_FLAGS & set(opts), f"rasd {' '.join(path)}: an old flag is visible"


def test_every_archive_export_takes_the_search_filters_and_csv_the_bom() -> None:
    from rasd.export.registry import EXPORTERS

    for path, cmd in COMMANDS:
        if path[0] != "export":
            continue
        opts = _options(cmd)
        assert set(opts) >= FILTERS, (path, FILTERS - set(opts))
        if EXPORTERS[path[1]].media_type.startswith("text/csv"):
            assert "--bom" in opts, path


# -- behaviour on a small archive ---------------------------------------------------------------

# synthetic sentences written for this test
CAIRO = "قال الرئيس المصري عبد الفتاح السيسي في القاهرة إن المحادثات ستستمر الأسبوع المقبل."
BAGHDAD = "أعلن وزير المالية العراقي في بغداد أن الحكومة ستطرح سندات جديدة الشهر المقبل."


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("conv") / "c.db")
    with open_store(path) as s:
        for text, day in ((CAIRO, "2025-02-01"), (BAGHDAD, "2024-06-01")):
            doc = analyze(text, Meta(published=day, outlet="test"))
            if text is CAIRO:  # the gazetteer's reading, pinned for the id checks
                i = text.index("القاهرة")
                doc.set_layer("places", [Span(i, i + 7, "GPE", "pl0", {
                    "resolved": True, "id": "gn:360630", "name_ar": "القاهرة",
                    "country": "EG", "lat": 30.06, "lon": 31.25})])
            s.add(doc, "v")
    return path


def run(*args: str) -> tuple[str, str]:
    res = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.stdout, res.stderr


@pytest.mark.parametrize("args", [
    ("search", ""), ("entity", "السيسي"), ("stories", "--no-save", "--min-size", "1"),
    ("correct", "list"), ("reanalyze",),
])
def test_json_is_one_value_and_jsonl_is_lines(db: str, args: tuple[str, ...]) -> None:
    out, _ = run(*args, "--db", db, "--json")
    json.loads(out)  # exactly one JSON value (raises on two)
    if "--jsonl" in _options(dict(COMMANDS)[args[:2] if args[0] == "correct" else args[:1]]):
        lines, _ = run(*args, "--db", db, "--jsonl")
        for line in lines.splitlines():
            json.loads(line)
    same, _ = run(*args, "--db", db, "--format", "json")
    assert json.loads(same).keys() == json.loads(out).keys() if isinstance(
        json.loads(out), dict) else len(json.loads(same)) == len(json.loads(out))


def test_analyze_json_is_one_value_for_many_documents(tmp_path: Path) -> None:
    feed = tmp_path / "two.jsonl"
    feed.write_text("\n".join(json.dumps({"text": t}, ensure_ascii=False)
                              for t in (CAIRO, BAGHDAD)), encoding="utf-8")
    out, _ = run("analyze", str(feed), "--json", "--layers", "entities")
    assert [d["text"] for d in json.loads(out)] == [CAIRO, BAGHDAD]
    lines, _ = run("analyze", str(feed), "--jsonl", "--layers", "entities")
    assert [json.loads(x)["text"] for x in lines.splitlines()] == [CAIRO, BAGHDAD]


def test_ids_printed_by_exports_are_accepted_everywhere(db: str) -> None:
    import csv
    import io

    import networkx as nx

    # the entity ids of the CSV, the network's node ids and its identity ids open the entity
    rows = list(csv.DictReader(io.StringIO(run("export", "csv", "--db", db)[0])))
    sisi = next(r for r in rows if "السيسي" in r["text"])
    assert sisi["entity_id"].startswith("ent_")
    graph = nx.parse_graphml(run("export", "network", "--db", db)[0])
    assert sisi["entity_id"] in graph.nodes
    identity = graph.nodes[sisi["entity_id"]]["identity"]
    for given in (sisi["entity_id"], identity):
        record = json.loads(run("entity", given, "--db", db, "--json")[0])
        assert record["entity"]["id"] == sisi["entity_id"]
    # a place: the archive's id (CSV, API) and the gazetteer's (GeoJSON) select the same
    places = list(csv.DictReader(io.StringIO(run("export", "csv", "--what", "places",
                                                 "--db", db)[0])))
    (cairo,) = [p for p in places if p["name"] == "القاهرة"]
    feature = json.loads(run("export", "geojson", "--db", db)[0])["features"][0]
    assert feature["properties"]["place_id"] == cairo["place_id"] == "geo_gn:360630"
    assert feature["properties"]["gazetteer_id"] == "gn:360630"
    for place in (cairo["place_id"], "gn:360630"):
        hits = json.loads(run("search", "--db", db, "--place", place, "--json")[0])
        assert hits["total"] == 1


def test_network_honours_the_search_filters(db: str) -> None:
    import networkx as nx

    every = nx.parse_graphml(run("export", "network", "--db", db)[0])
    recent = nx.parse_graphml(run("export", "network", "--db", db, "--from", "2025-01-01")[0])
    names = {d["label"] for _, d in recent.nodes(data=True)}
    assert 0 < len(recent) < len(every) and not any("بغداد" in n for n in names)
    queried = nx.parse_graphml(run("export", "network", "--db", db, "-q", "سندات")[0])
    assert {d["label"] for _, d in queried.nodes(data=True)} & names == set()


def test_bom_and_old_flags(db: str) -> None:
    import pandas as pd

    plain, _ = run("export", "csv", "--db", db)
    with_bom, _ = run("export", "csv", "--db", db, "--bom")
    assert not plain.startswith("\ufeff") and with_bom == "\ufeff" + plain
    frame = pd.read_csv(io_bytes(with_bom), encoding="utf-8-sig")
    assert frame.columns[0] == "doc_id"  # the BOM is not glued to the first header
    acled, _ = run("export", "acled", "--db", db, "--bom")
    assert acled.startswith("\ufeff")
    new, _ = run("export", "annotations", "--db", db, "--format", "jsonl")
    old, note = run("export", "annotations", "--db", db, "--lines")
    assert _ids(old) == _ids(new) and "deprecated" in note and "--format jsonl" in note


def _ids(lines: str) -> list[str]:
    return [json.loads(x)["id"] for x in lines.splitlines()]


def io_bytes(text: str) -> object:
    import io

    return io.BytesIO(text.encode("utf-8"))


def test_document_ids_round_trip(db: str) -> None:
    docs = [Document.from_dict(json.loads(x))
            for x in run("export", "jsonl", "--db", db)[0].splitlines()]
    hits = json.loads(run("search", "", "--db", db, "--json")[0])["hits"]
    assert {d.id for d in docs} == {h["doc"]["id"] for h in hits}


def test_api_takes_the_same_ids_and_bom(db: str) -> None:
    import warnings

    with warnings.catch_warnings():  # starlette asks for its "httpx2" fork (tests/api/conftest)
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from rasd.api import create_app
    from rasd.api.settings import Settings

    with TestClient(create_app(Settings(db=db))) as c:
        for place in ("geo_gn:360630", "gn:360630"):
            r = c.get("/api/search", params={"q": "", "place": place})
            assert r.status_code == 200 and r.json()["total"] == 1, r.text
        r = c.get("/api/exports/csv", params={"bom": "true"})
        assert r.content.startswith("\ufeff".encode())
        r = c.get("/api/exports/annotations", params={"format": "jsonl"})
        assert r.headers["content-type"].startswith("application/x-ndjson")

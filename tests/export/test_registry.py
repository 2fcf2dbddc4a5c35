"""The export registry is the one wiring of the formats: the CLI and the API both follow it,
and what it declares (options, media types, download names, writers) is what they serve."""

from __future__ import annotations

import inspect
import io

import pytest
from click.testing import CliRunner

from rasd.cli import cli
from rasd.cli.export import EXPORTS
from rasd.export.registry import EXPORTERS


def test_cli_lists_every_registered_format() -> None:
    assert set(EXPORTS) == set(EXPORTERS)
    out = CliRunner().invoke(cli, ["export", "--help"]).output
    for name in EXPORTERS:
        assert f"  {name} " in out


def test_api_mounts_one_route_per_api_format() -> None:
    from rasd.api.routes.exports import router

    paths = {r.path for r in router.routes}  # type: ignore[attr-defined]
    assert paths == {f"/api/exports/{e.name}" for e in EXPORTERS.values() if e.api}
    assert "/api/exports/network" not in paths


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_writers_import_and_take_docs_and_a_sink(name: str) -> None:
    e = EXPORTERS[name]
    params = list(inspect.signature(e.load_writer()).parameters)
    assert params[:2] == ["docs", "out"], params
    for o in e.options:
        if o.prefix or o.alias_of:  # handled by the registry (--bom), or an old spelling
            continue
        assert o.name in params or name == "network", (name, o.name)


def test_csv_choices_are_the_csv_tables() -> None:
    from rasd.export.csv import WHAT

    what, bom = EXPORTERS["csv"].options
    assert bom.name == "bom" and bom.prefix == "\ufeff"
    assert what.choices == WHAT and what.default in WHAT


def test_media_types_and_download_names_follow_the_options() -> None:
    ann, csv_ = EXPORTERS["annotations"], EXPORTERS["csv"]
    assert ann.media_type_for({"lines": False}) == "application/ld+json"
    assert ann.filename_for({"lines": False}) == "rasd-annotations.jsonld"
    assert ann.media_type_for({"lines": True}) == "application/x-ndjson"
    assert ann.filename_for({"lines": True}) == "rasd-annotations.jsonl"
    assert csv_.filename_for({"what": "quotes"}) == "rasd-quotes.csv"
    assert EXPORTERS["jsonl"].filename_for({}) == "rasd.jsonl"


def test_empty_stream_is_still_valid_output() -> None:
    import json

    for name in ("geojson", "annotations"):
        out = io.StringIO()
        assert EXPORTERS[name].write([], out) == 0
        json.loads(out.getvalue())

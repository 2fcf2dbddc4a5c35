"""``rasd export geojson`` over the archive honours the search filters and keeps [lon, lat]."""

import json

from click.testing import CliRunner

from rasd.cli import cli

SEED = "tests/reference/alhal-2021-11-01.txt"


def test_geojson_from_archive_with_filters(tmp_path):
    db = str(tmp_path / "a.db")
    other = tmp_path / "cairo.txt"
    other.write_text("أعلنت الحكومة المصرية في القاهرة اليوم خطة جديدة لدعم المزارعين في أسوان.",
                     encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(cli, ["ingest", SEED, str(other), "--db", db, "--no-progress"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["export", "geojson", "--db", db])
    assert r.exit_code == 0, r.output
    fc = json.loads(r.stdout)
    names = {f["properties"].get("name_en") for f in fc["features"]}
    assert {"Damascus", "Cairo"} <= names
    damascus = next(f for f in fc["features"] if f["properties"].get("name_en") == "Damascus")
    lon, lat = damascus["geometry"]["coordinates"]
    assert 36 < lon < 36.5 and 33.3 < lat < 33.7  # RFC 7946 order: longitude first
    r = runner.invoke(cli, ["export", "geojson", "--db", db, "-q", "القاهرة"])
    names = {f["properties"].get("name_en") for f in json.loads(r.stdout)["features"]}
    assert "Cairo" in names and "Damascus" not in names

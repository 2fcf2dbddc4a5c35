"""Archive exports (jsonl, csv, acled, ftm, annotations) through the CLI, and the commands
`rasd ingest` / `rasd search`."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import cli
from rasd.doc import Document, Meta, Span
from rasd.pipeline import analyze
from rasd.store import Filters, open_store

TEXT = ("قال المتحدث باسم الجيش السوداني نبيل عبد الله إن غارة استهدفت مخيم زمزم قرب الفاشر "
        "يوم الجمعة، وأضاف: \"لن نسمح بتكرار ذلك\".")
OTHER = ("أعلن وزير المالية العراقي أن الحكومة ستطرح سندات جديدة في بغداد الشهر المقبل "
         "لتمويل مشاريع البنية التحتية.")


def _rich_doc() -> Document:
    doc = analyze(TEXT, Meta(published="2025-04-12", outlet="سودان 24",
                             url="https://example.org/zamzam"))
    t = TEXT
    per = t.index("نبيل عبد الله")
    org = t.index("الجيش السوداني")
    doc.set_layer("entities", [Span(per, per + 13, "PER"), Span(org, org + 14, "ORG")], "e")
    z, f = t.index("مخيم زمزم"), t.index("الفاشر")
    doc.set_layer("places", [
        Span(z, z + 9, "LOC", "p0", {"resolved": True, "id": "gn:1", "name_ar": "مخيم زمزم",
                                     "kind": "camp", "country": "SD", "lat": 13.48,
                                     "lon": 25.30}),
        Span(f, f + 6, "LOC", "p1", {"resolved": True, "id": "gn:2", "name_ar": "الفاشر",
                                     "kind": "city", "country": "SD", "lat": 13.63,
                                     "lon": 25.35}),
    ])
    day = t.index("يوم الجمعة")
    doc.set_layer("times", [Span(day, day + 10, "DATE", "tx0", {"value": "2025-04-11"})])
    c = t.index("لن نسمح")
    sp = t.index("المتحدث")
    doc.set_layer("quotes", [Span(0, len(t), "named_person", "q0", {
        "cue": {"start": 0, "end": 3}, "speaker": {"start": sp, "end": per + 13},
        "content": {"start": c, "end": t.index('"', c)}, "stance": "assert"})])
    g = t.index("غارة")
    doc.set_layer("events", [Span(g, g + 4, "ASSAULT", "ev0", {
        "type": "ASSAULT", "plover": "AERIAL", "mode": "asserted",
        "place": {"start": z, "end": z + 9, "id": "p0"},
        "time": {"start": day, "end": day + 10, "id": "tx0", "value": "2025-04-11"},
        "actor": {"start": org, "end": org + 14, "text": "الجيش السوداني"}})])
    return doc


@pytest.fixture
def archive(tmp_path: Path) -> tuple[str, Document, Document]:
    db = str(tmp_path / "x.db")
    rich = _rich_doc()
    other = analyze(OTHER, Meta(published="2024-01-05", outlet="الرافدين"))
    with open_store(db) as s:
        s.add(rich, "v")
        s.add(other, "v")
    return db, rich, other


ONLY_RICH = ("--from", "2025-01-01")  # the other document has whatever the pipeline found


def run(*args: str) -> str:
    res = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.stdout


def test_jsonl_is_lossless_and_filtered(archive: tuple[str, Document, Document]) -> None:
    db, rich, other = archive
    lines = run("export", "jsonl", "--db", db).splitlines()
    docs = {d.id: d for d in (Document.from_dict(json.loads(x)) for x in lines)}
    assert docs[rich.id].to_dict() == rich.to_dict() and other.id in docs
    only = run("export", "jsonl", "--db", db, "--from", "2025-01-01").splitlines()
    assert [json.loads(x)["id"] for x in only] == [rich.id]
    q = run("export", "jsonl", "--db", db, "--query", "سندات").splitlines()
    assert [json.loads(x)["id"] for x in q] == [other.id]


def test_csv_rows_point_at_their_evidence(archive: tuple[str, Document, Document]) -> None:
    db, rich, _ = archive
    ents = list(csv.DictReader(io.StringIO(run("export", "csv", "--db", db, *ONLY_RICH))))
    assert {r["text"] for r in ents} == {"نبيل عبد الله", "الجيش السوداني"}
    for r in ents:
        assert TEXT[int(r["start"]):int(r["end"])] == r["text"]
    quotes = list(csv.DictReader(io.StringIO(run("export", "csv", "--what", "quotes", "--db",
                                                 db, *ONLY_RICH))))
    assert TEXT[int(quotes[0]["start"]):int(quotes[0]["end"])] == quotes[0]["content"]
    assert quotes[0]["cue"] == "قال" and quotes[0]["stance"] == "assert"
    events = list(csv.DictReader(io.StringIO(run("export", "csv", "--what", "events", "--db",
                                                 db, *ONLY_RICH))))
    assert events[0]["date"] == "2025-04-11" and events[0]["place"] == "مخيم زمزم"


def test_acled_precision_codes(archive: tuple[str, Document, Document]) -> None:
    db, rich, _ = archive
    rows = list(csv.DictReader(io.StringIO(run("export", "acled", "--db", db, *ONLY_RICH))))
    assert len(rows) == 1
    r = rows[0]
    assert (r["event_date"], r["year"], r["time_precision"]) == ("2025-04-11", "2025", "1")
    assert (r["location"], r["geo_precision"], r["country"], r["iso"]) == (
        "مخيم زمزم", "1", "Sudan", "729")
    assert float(r["latitude"]) == pytest.approx(13.48)
    assert r["actor1"] == "الجيش السوداني" and r["doc_id"] == rich.id


def test_acled_precision_functions() -> None:
    from rasd.export.acled import geo_precision, time_precision

    assert [time_precision(p, True) for p in ("day", "week", "month", "year", None)] == [
        1, 2, 3, 3, 3]
    assert time_precision("day", False) == 2  # dated only by the article
    assert geo_precision("city", True) == 1 and geo_precision("city", True, near=True) == 2
    assert geo_precision("admin1", True) == 3 and geo_precision("city", False) == 3


def test_ftm_entities_are_valid_and_linked(archive: tuple[str, Document, Document],
                                           tmp_path: Path) -> None:
    from tests.export.ftm_check import load_back

    db, rich, _ = archive
    path = tmp_path / "rich.ftm.jsonl"
    path.write_text(run("export", "ftm", "--db", db, *ONLY_RICH), encoding="utf-8")
    by_schema = load_back(path)  # validated, references checked, fragments aggregated
    (article,) = by_schema["Article"]
    mentions = by_schema["Mention"]
    assert {m.first("name") for m in mentions} >= {"نبيل عبد الله", "الجيش السوداني"}
    for m in mentions:
        assert m.first("document") == article.id
    # addresses carry what the places layer knows
    zamzam = next(a for a in by_schema["Address"] if a.first("full") == "مخيم زمزم")
    assert (zamzam.first("latitude"), zamzam.first("longitude"), zamzam.first("country")) == (
        "13.48", "25.3", "sd")
    assert zamzam.id in article.get("addressEntity")
    # the event: its place and its participants
    (event,) = by_schema["Event"]
    assert event.first("date") == "2025-04-11" and event.first("proof") == article.id
    assert event.first("addressEntity") == zamzam.id and event.first("country") == "sd"
    (army,) = by_schema["Organization"]
    assert army.first("name") == "الجيش السوداني" and event.get("involved") == [army.id]
    # the quote: the speaker documented by the article, the quoted words as summary
    (quote,) = by_schema["Documentation"]
    (speaker,) = by_schema["Person"]
    assert speaker.first("name") == "نبيل عبد الله"
    assert (quote.first("entity"), quote.first("document"), quote.first("role")) == (
        speaker.id, article.id, "quoted")
    assert quote.first("summary") == "لن نسمح بتكرار ذلك"


def test_annotations_selectors_match_the_text(archive: tuple[str, Document, Document]) -> None:
    db, rich, _ = archive
    page = json.loads(run("export", "annotations", "--db", db, *ONLY_RICH))
    assert page["type"] == "AnnotationPage" and page["@context"][0].endswith("anno.jsonld")
    (ann,) = page["items"]
    sel = {s["type"]: s for s in ann["target"]["selector"]}
    quote, pos = sel["TextQuoteSelector"], sel["TextPositionSelector"]
    assert TEXT[pos["start"]:pos["end"]] == quote["exact"]
    assert TEXT[:pos["start"]].endswith(quote["prefix"]) and TEXT[pos["end"]:].startswith(
        quote["suffix"])
    # the offsets count into rasd's text: the rasd document is the source, the page its scope
    assert ann["target"]["source"] == f"urn:rasd:doc:{rich.id}"
    assert ann["target"]["scope"] == "https://example.org/zamzam"
    # W3C: created is a date-time; rasd is creator and generator
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", ann["created"])
    assert ann["generator"]["type"] == "Software" and ann["creator"]["name"].startswith("rasd")
    lines = run("export", "annotations", "--db", db, "--lines", *ONLY_RICH).splitlines()
    assert json.loads(lines[0])["id"] == ann["id"]


def test_selection_pages_through_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    from rasd.store import select

    monkeypatch.setattr(select, "PAGE", 2)
    with open_store(str(tmp_path / "p.db")) as s:
        for i in range(7):
            s.add(Document(f"خبر رقم {i} عن الانتخابات البلدية في تونس."), None)
        got = [d.id for d in select.iter_selected(s, "الانتخابات")]
        assert len(got) == len(set(got)) == 7
        assert len(list(select.iter_selected(s, "الانتخابات", Filters(source="none")))) == 0


def test_ingest_and_search_commands(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    db = str(tmp_path / "c.db")
    res = CliRunner().invoke(cli, ["ingest", str(folder), "--db", db, "--json", "--no-progress"])
    assert res.exit_code == 1, res.output  # one item failed: the others are stored
    summary = json.loads(res.stdout)
    assert (summary["new"], summary["failed"]) == (2, 1)
    res = CliRunner().invoke(cli, ["ingest", str(folder), "--db", db, "--json", "--no-progress"])
    again = json.loads(res.stdout)
    assert (again["new"], again["duplicate"]) == (0, 2)
    res = json.loads(run("search", "وزمزم", "--db", db, "--json"))  # clitic + stem
    assert res["total"] == 1
    hit = res["hits"][0]
    assert "<mark>زمزم</mark>" in hit["snippet"]["html"]
    text_out = run("search", "الفاشر", "--db", db)
    assert "[الفاشر]" in text_out and "1 documents" in text_out
    assert json.loads(run("search", "NEAR(\"", "--db", db, "--json"))["total"] == 0

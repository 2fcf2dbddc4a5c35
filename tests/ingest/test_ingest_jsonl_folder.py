"""JSONL records, rasd's own document JSON, mixed folders and the ``rasd analyze`` summary."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from rasd.cli import cli
from rasd.ingest import iter_documents
from rasd.pipeline import analyze

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

RECORDS = [
    {
        "text": "قضت محكمة تونسية بسجن معارضين بارزين في ما يعرف بقضية التآمر على أمن الدولة.",
        "url": "https://carthage.test/2025/04/19/verdict",
        "title": "أحكام في قضية التآمر",
        "published": "2025-04-19",
        "outlet": "قرطاج نيوز",
        "section": "محاكم",
    },
    {"headline": "بلا نص", "url": "https://x.test/"},
    {
        "text": "فاز المنتخب القطري بكأس آسيا للمرة الثانية على التوالي بعد فوزه على الأردن.",
        "date": "2024-02-10T21:40:00+03:00",
        "source_name": "الدوحة سبورت",
    },
]


def write_jsonl(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", "utf-8")


def test_jsonl_records_fields_and_bad_lines(tmp_path: Path):
    p = tmp_path / "a.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in RECORDS]
    lines.insert(2, '{"text": "مقطوع')  # a truncated line
    lines.insert(3, "")
    write_jsonl(p, lines)
    items = list(iter_documents(str(p)))
    assert [bool(i.document) for i in items] == [True, False, False, True]
    assert items[1].error.startswith("[E101]") and ":2" in items[1].error
    assert items[2].error.startswith("[E105]") and ":3" in items[2].error
    a, d = items[0].document, items[3].document
    assert a.meta.title == "أحكام في قضية التآمر" and a.meta.outlet == "قرطاج نيوز"
    assert a.meta.published == "2025-04-19"
    assert a.meta.published_info["method"] == "record"
    assert a.meta.extra == {"section": "محاكم"}
    assert d.meta.outlet == "الدوحة سبورت"
    assert d.meta.published == "2024-02-10T21:40:00+03:00"


def test_rasd_document_json_round_trips_through_ingest(tmp_path: Path, seed_text: str):
    doc = analyze(seed_text)
    p = tmp_path / "docs.jsonl"
    write_jsonl(p, [doc.to_json()])
    (item,) = list(iter_documents(str(p)))
    assert item.document.to_dict() == doc.to_dict()
    q = tmp_path / "doc.json"
    q.write_text(doc.to_json(indent=2), "utf-8")
    (item,) = list(iter_documents(str(q)))
    assert item.document.layers["tokens"] == doc.layers["tokens"]


def make_folder(root: Path, seed_text: str) -> None:
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "a.txt").write_text(seed_text, "utf-8")
    (root / "sub" / "page.html").write_bytes((FIXTURES / "alhal-2021-11-01.cp1256.html").read_bytes())
    (root / "sub" / "empty.txt").write_bytes(b"")
    (root / "sub" / "deeper" / "noext").write_bytes(seed_text.encode("cp1256"))
    (root / "sub" / "deeper" / "blob.dat").write_bytes(b"\x00\x01\x02" * 100)
    (root / "sub" / "photo.jpg").write_bytes(b"\xff\xd8\xff" + b"\x00" * 50)  # skipped
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.txt").write_text("مخفي", "utf-8")  # skipped
    write_jsonl(root / "sub" / "r.jsonl", [json.dumps(r, ensure_ascii=False) for r in RECORDS])
    # side files describe the corpus; they are not articles (skipped, not failures)
    (root / "README.md").write_text("# مجموعة مقالات\nكتبت لاختبار rasd", "utf-8")
    write_jsonl(root / "manifest.jsonl", ['{"file": "a.txt", "outlet": "الحل نت"}'])


def test_folder_is_walked_recursively_and_bad_items_do_not_stop_it(
    tmp_path: Path, seed_text: str
):
    make_folder(tmp_path, seed_text)
    items = list(iter_documents(str(tmp_path)))
    ok = [i for i in items if i.document]
    bad = [i for i in items if i.error]
    assert len(ok) == 5 and len(bad) == 3
    assert {e.error[:6] for e in bad} == {"[E101]", "[E102]"}
    texts = [i.document.text for i in ok]
    assert texts.count(seed_text) == 2  # the .txt and the windows-1256 file without extension


def test_cli_analyze_folder_prints_a_summary(tmp_path: Path, seed_text: str):
    make_folder(tmp_path, seed_text)
    res = CliRunner().invoke(cli, ["analyze", str(tmp_path), "--jsonl"])
    assert res.exit_code == 0, res.output
    lines = res.stdout.strip().splitlines()
    assert len(lines) == 5
    assert all(json.loads(line)["schema_version"] for line in lines)
    assert "summary: 5 ok, 3 failed" in res.stderr
    # --json (the default): the same documents as one JSON value
    res = CliRunner().invoke(cli, ["analyze", str(tmp_path)])
    assert [d["id"] for d in json.loads(res.stdout)] == [json.loads(x)["id"] for x in lines]
    assert "Traceback" not in res.stderr


def test_cli_analyze_reference_marks_exactly_the_gold_boilerplate(seed_gold: dict):
    ref = Path(__file__).resolve().parent.parent / "reference" / "alhal-2021-11-01.txt"
    res = CliRunner().invoke(cli, ["analyze", str(ref), "--compact"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    got = [[s["start"], s["end"]] for s in doc["layers"]["boilerplate"]]
    assert got == seed_gold["boilerplate"]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [("empty.txt", b"", "E101"), ("bin.txt", b"\x00" * 64, "E102")],
)
def test_cli_bad_single_file_is_one_line_and_exit_2(
    tmp_path: Path, name: str, content: bytes, code: str
):
    p = tmp_path / name
    p.write_bytes(content)
    res = CliRunner().invoke(cli, ["analyze", str(p)])
    assert res.exit_code == 2
    err = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    assert len(err) == 1 and f"[{code}]" in err[0]
    assert "Traceback" not in res.stderr


def test_cli_analyze_url_through_a_mock_transport(monkeypatch: pytest.MonkeyPatch):
    page = (FIXTURES / "alhal-2021-11-01.cp1256-nometa.html").read_bytes()
    requested: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        if request.url.path == "/old":
            return httpx.Response(301, headers={"location": "https://alhal.test/article"})
        return httpx.Response(
            200, content=page, headers={"content-type": "text/html; charset=windows-1256"}
        )

    monkeypatch.setattr("rasd.ingest.fetch.TRANSPORT", httpx.MockTransport(handler))
    res = CliRunner().invoke(cli, ["analyze", "https://alhal.test/old", "--compact"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert requested == ["https://alhal.test/old", "https://alhal.test/article"]
    assert doc["meta"]["url"] == "https://alhal.test/article"
    assert doc["meta"]["extraction"]["charset_from"] == "http-header"
    assert doc["text"].startswith("دعم عسكري جديد")
    assert doc["meta"]["published"].startswith("2021-11-01")


def test_url_errors_are_one_line(monkeypatch: pytest.MonkeyPatch):
    from rasd.ingest import fetch

    def loop(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": str(request.url) + "x"})

    monkeypatch.setattr(fetch, "TRANSPORT", httpx.MockTransport(loop))
    (item,) = list(iter_documents("https://loop.test/a"))
    assert item.error.startswith("[E106]") and "redirects" in item.error

    def huge(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"x" * 5000, headers={"content-type": "text/html"})

    monkeypatch.setattr(fetch, "TRANSPORT", httpx.MockTransport(huge))
    (item,) = list(iter_documents("https://big.test/", max_bytes=1000))
    assert item.error.startswith("[E103]")

    def boom(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    monkeypatch.setattr(fetch, "TRANSPORT", httpx.MockTransport(boom))
    (item,) = list(iter_documents("https://down.test/"))
    assert item.error.startswith("[E106]") and "\n" not in item.error


def test_unknown_xml_and_unexpected_failures_are_items(
    tmp_path: Path, seed_text: str, monkeypatch: pytest.MonkeyPatch
):
    (tmp_path / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset><url><loc>https://x.test/</loc></url></urlset>', "utf-8"
    )
    (tmp_path / "page.html").write_bytes((FIXTURES / "alhal-2021-11-01.html").read_bytes())
    (tmp_path / "z.txt").write_text(seed_text, "utf-8")

    def broken(*args: object, **kw: object) -> None:
        raise RuntimeError("parser exploded\nwith details")

    monkeypatch.setattr("rasd.ingest.html.html_to_document", broken)
    items = list(iter_documents(str(tmp_path)))
    assert [i.source.rsplit("/", 1)[-1] for i in items] == ["page.html", "sitemap.xml", "z.txt"]
    assert items[0].error == f"[E100] {tmp_path / 'page.html'}: could not read (RuntimeError: parser exploded)"
    assert items[1].error.startswith("[E105]")
    assert items[2].document.text == seed_text


def test_cli_reads_stdin_and_sniffs_html():
    page = (FIXTURES / "alhal-2021-11-01.cp1256.html").read_bytes()
    res = CliRunner().invoke(cli, ["analyze", "-", "--compact"], input=page)
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["meta"]["title"].startswith("خبراء من كوريا الشمالية")
    assert doc["meta"]["extraction"]["encoding"] == "cp1256"


def test_fetch_timeout_is_one_line(monkeypatch: pytest.MonkeyPatch):
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("read timed out", request=request)

    monkeypatch.setattr("rasd.ingest.fetch.TRANSPORT", httpx.MockTransport(slow))
    (item,) = list(iter_documents("https://slow.test/article"))
    assert item.error == "[E106] https://slow.test/article: timed out"

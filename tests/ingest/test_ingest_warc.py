"""WARC archives written in the test with warcio, whole and truncated."""

from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasd.ingest import iter_documents

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

UNDATED = (
    "<html><head><title>حريق في ميناء الحديدة</title></head><body><article>"
    "<p>اندلع حريق كبير في ميناء الحديدة غربي اليمن بعد غارات استهدفت خزانات الوقود.</p>"
    "<p>وقال مسؤول محلي إن فرق الإطفاء ما زالت تحاول السيطرة على النيران.</p>"
    "</article></body></html>"
)


def make_warc(path: Path, gz: bool) -> None:
    records = [
        ("https://alhal.test/2021/11/01/korea", (FIXTURES / "alhal-2021-11-01.html").read_bytes(),
         "text/html; charset=utf-8"),
        ("https://cdn.test/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
        ("https://yemen.test/news/hodeidah", UNDATED.encode("cp1256"),
         "text/html; charset=windows-1256"),
        ("https://empty.test/", b"<html><body></body></html>", "text/html"),
    ]  # fmt: skip
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for uri, body, ctype in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                uri,
                "response",
                payload=BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-07-21T10:15:00Z"},
            )
            writer.write_record(rec)


def test_warc_records_become_documents(tmp_path: Path):
    for gz in (False, True):
        p = tmp_path / ("a.warc.gz" if gz else "a.warc")
        make_warc(p, gz)
        items = list(iter_documents(str(p)))
        assert len(items) == 3  # the image is skipped, not counted
        a, b, c = items
        assert a.document.text.startswith("دعم عسكري جديد")
        assert a.document.meta.url == "https://alhal.test/2021/11/01/korea"
        assert a.document.meta.published_info["method"] == "json-ld"
        assert a.document.meta.extra["warc_date"] == "2024-07-21T10:15:00Z"
        # no date in the page: the crawl date stands in, flagged as unreliable
        assert b.document.meta.extraction["encoding"] == "cp1256"
        assert "ميناء الحديدة" in b.document.text
        assert b.document.meta.published == "2024-07-21T10:15:00+00:00"
        assert b.document.meta.published_info["method"] == "warc-date"
        assert b.document.meta.published_info["reliable"] is False
        assert c.document is None and c.error.startswith("[E101]")


def test_truncated_warc_keeps_the_records_before_the_damage(tmp_path: Path):
    full = tmp_path / "full.warc.gz"
    make_warc(full, gz=True)
    data = full.read_bytes()
    p = tmp_path / "cut.warc.gz"
    p.write_bytes(data[: len(data) - 200])
    items = list(iter_documents(str(p)))
    assert items[0].document is not None
    assert items[-1].error is not None and items[-1].error.startswith("[E105]")
    # cut inside the first record: its partial text is refused, not passed off as whole
    p.write_bytes(data[: len(data) // 2])
    items = list(iter_documents(str(p)))
    assert len(items) == 1 and items[0].error.startswith("[E105]")
    assert "truncated" in items[0].error and "\n" not in items[0].error


def test_not_a_warc_at_all(tmp_path: Path):
    p = tmp_path / "junk.warc.gz"
    p.write_bytes(gzip.compress(b"this is not a warc file"))
    items = list(iter_documents(str(p)))
    assert len(items) == 1 and items[0].error.startswith("[E105]")


def test_resource_records_are_read(tmp_path: Path):
    p = tmp_path / "res.warc"
    with p.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        rec = writer.create_warc_record(
            "file:///archive/hodeidah.html",
            "resource",
            payload=BytesIO(UNDATED.encode("utf-8")),
            warc_content_type="text/html; charset=utf-8",
        )
        writer.write_record(rec)
    (item,) = list(iter_documents(str(p)))
    assert "ميناء الحديدة" in item.document.text
    assert item.document.meta.url == "file:///archive/hodeidah.html"

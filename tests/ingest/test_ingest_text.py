"""Plain-text ingest: encodings Arabic sites really use, and every kind of bad input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from rasd.errors import BinaryInput, EmptyInput
from rasd.ingest import iter_documents
from rasd.ingest.text import charset_from_header, decode_bytes, sniff_meta_charset

ARTICLE = (
    "أعلنت وزارة الصحة الفلسطينية في غزة، مساء الأحد، ارتفاع عدد الضحايا إلى 35 شخصاً.\n\n"
    "وقال المتحدث باسم الوزارة إن الطواقم الطبية تعمل في ظروف صعبة."
)


def one(path: Path, **kw):
    items = list(iter_documents(str(path), **kw))
    assert len(items) == 1
    return items[0]


def test_utf8_with_bom_drops_the_mark(tmp_path: Path):
    p = tmp_path / "a.txt"
    p.write_bytes(codecs.BOM_UTF8 + ARTICLE.encode())
    item = one(p)
    assert item.document.text == ARTICLE
    assert item.document.meta.extraction["charset_from"] == "bom"
    assert item.document.meta.language == "ar"
    assert item.document.warnings == []


def test_windows_1256_is_detected(tmp_path: Path):
    p = tmp_path / "a.txt"
    p.write_bytes(ARTICLE.encode("cp1256"))
    item = one(p)
    assert item.document.text == ARTICLE
    assert item.document.meta.extraction["encoding"] == "cp1256"


def test_short_windows_1256_line_is_still_arabic():
    d = decode_bytes("قال الوزير".encode("cp1256"))
    assert d.text == "قال الوزير"


def test_invalid_utf8_bytes_are_replaced_with_a_warning(tmp_path: Path):
    p = tmp_path / "a.txt"
    p.write_bytes(ARTICLE.encode()[:60] + b"\xff\xfe" + ARTICLE.encode()[60:])
    item = one(p)
    doc = item.document
    assert "\ufffd" in doc.text
    assert doc.meta.extraction["charset_from"] == "utf-8-repaired"
    assert any(w.startswith("[W102]") for w in doc.warnings)


def test_declared_charsets_are_read():
    assert charset_from_header("text/html; charset=windows-1256") == "windows-1256"
    assert charset_from_header("text/html") is None
    assert sniff_meta_charset(b'<html><head><meta charset="windows-1256">') == "windows-1256"
    assert (
        sniff_meta_charset(
            b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">'
        )
        == "ISO-8859-6"
    )
    d = decode_bytes(ARTICLE.encode("iso8859_6", "ignore"), http_charset="iso-8859-6")
    assert d.charset_from == "http-header"


def test_non_arabic_text_is_a_warning_not_an_error(tmp_path: Path):
    p = tmp_path / "en.txt"
    p.write_text("The ministry said on Sunday that talks would resume in Doha.", "utf-8")
    doc = one(p).document
    assert doc is not None
    assert doc.meta.language == "en"
    assert doc.warnings and doc.warnings[0].startswith("[W101]")


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "E101"),
        (b"   \n\n\t ", "E101"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "E102"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "E102"),
        (bytes(range(32)) * 50, "E102"),
    ],
)
def test_bad_files_give_one_coded_line(tmp_path: Path, content: bytes, code: str):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    item = one(p)
    assert item.document is None
    assert item.error.startswith(f"[{code}]")
    assert "\n" not in item.error and str(p) in item.error


def test_decode_raises_rasd_errors():
    with pytest.raises(EmptyInput):
        decode_bytes(b"")
    with pytest.raises(BinaryInput):
        decode_bytes(b"abc\x00def")


def test_huge_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:  # sparse: 200 MB on paper, nothing on disk
        fh.truncate(200 * 1024 * 1024)

    def no_read(self: Path) -> bytes:
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", no_read)
    item = one(p)
    assert item.error.startswith("[E103]")
    assert "MB is over" in item.error


def test_missing_path_is_an_error_item():
    items = list(iter_documents("/nonexistent/rasd/file.txt"))
    assert len(items) == 1 and items[0].error.startswith("[E100]")

"""Security: markup in articles is text, query syntax is a query, writes need the token,
oversize requests get a clean 413, and the server listens on loopback by default."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rasd.cli.serve import DEFAULT_HOST, serve
from tests.api.conftest import TOKEN, auth
from tests.api.fixtures import XSS_IMG, XSS_SCRIPT

HOSTILE_QUERIES = [
    '"',
    "'",
    "'; DROP TABLE documents; --",
    "إدلب OR 1=1",
    "إدلب\" OR \"1\"=\"1",
    "NEAR(إدلب دمشق)",
    "إدلب*",
    "*",
    "^إدلب",
    "title:إدلب",
    "documents_fts MATCH 'x'",
    "(إدلب AND",
    "-دمشق",
    "a & b | !c",
    "%_%",
    "\\",
    "إدلب) UNION SELECT * FROM documents --",
    "\u200f\u202e",
    "x" * 900,
]


def _no_live_markup(html: str) -> None:
    """The page carries the hostile text only escaped."""
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<svg onload" not in html
    assert "onmouseover=" not in html.replace("onmouseover=&#34;", "")
    assert 'href="javascript:' not in html


def test_article_page_escapes_document_markup(client, ids) -> None:
    r = client.get(f"/doc/{ids['hostile']}")
    assert r.status_code == 200
    html = r.text
    _no_live_markup(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown, as text
    assert "&lt;img src=x onerror=" in html
    assert "&lt;b onmouseover=" in html  # the title too
    # the spans over the markup are still highlighted (as escaped text)
    assert re.search(r'class="hl ent ent-org"[^>]*>&lt;script&gt;', html)


def test_pages_escape_markup_everywhere(client, ids) -> None:
    r = client.get("/api/entities", params={"name": "script", "limit": 5}).json()
    ent_ids = [e["id"] for e in r["items"]]
    pages = ["/", f"/?q={XSS_SCRIPT}", "/quotes", "/entities?name=<script>", "/timeline",
             *[f"/entity/{e}" for e in ent_ids]]
    for path in pages:
        html = client.get(path).text
        _no_live_markup(html)
    search = client.get("/", params={"q": XSS_IMG}).text
    assert "&lt;img src=x onerror=" in search


def test_pages_send_a_strict_content_security_policy(client, ids) -> None:
    r = client.get(f"/doc/{ids['hostile']}")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_json_api_returns_text_verbatim(client, ids) -> None:
    doc = client.get(f"/api/documents/{ids['hostile']}").json()["document"]
    assert XSS_SCRIPT in doc["text"]  # JSON carries data, the client escapes it
    assert client.get(f"/api/documents/{ids['hostile']}").headers["content-type"].startswith(
        "application/json")


@pytest.mark.parametrize("q", HOSTILE_QUERIES)
def test_query_syntax_is_just_a_query(client, q: str) -> None:
    before = client.get("/api/health").json()["documents"]
    r = client.get("/api/search", params={"q": q})
    assert r.status_code in (200, 422), r.text  # 422 only for the over-long query
    if r.status_code == 200:
        assert isinstance(r.json()["hits"], list)
    page = client.get("/", params={"q": q})
    assert page.status_code == 200
    assert client.get("/api/health").json()["documents"] == before


def test_quoted_syntax_matches_as_words(client, ids) -> None:
    plain = {h["doc"]["id"] for h in client.get("/api/search", params={"q": "إدلب"}).json()["hits"]}
    quoted = client.get("/api/search", params={"q": "إدلب OR 1=1"}).json()
    assert quoted["total"] <= len(plain) or not plain  # OR is a word, not a disjunction


# ---------------------------------------------------------------------------- writes


def test_write_refused_on_a_read_only_server(client) -> None:
    r = client.post("/api/documents", json={"text": "نص تجريبي عن دمشق"})
    assert r.status_code == 403
    r = client.post("/api/documents", json={"text": "نص"}, headers=auth())
    assert r.status_code == 403


def test_write_needs_the_right_token(writer) -> None:
    body = {"text": "قال وزير الخارجية الأردني أيمن الصفدي إن عمّان ترفض التهجير."}
    assert writer.post("/api/documents", json=body).status_code == 401
    r = writer.post("/api/documents", json=body, headers=auth("wrong"))
    assert r.status_code == 401 and r.headers.get("www-authenticate", "").startswith("Bearer")
    r = writer.post("/api/documents", json=body, headers={"X-Rasd-Token": TOKEN})
    assert r.status_code == 201, r.text
    assert r.json()["results"][0]["status"] == "new"
    doc_id = r.json()["results"][0]["doc_id"]
    hits = writer.get("/api/search", params={"q": "الصفدي"}).json()["hits"]
    assert doc_id in [h["doc"]["id"] for h in hits]


def test_ingest_text_html_and_json(writer) -> None:
    text = "أعلنت وزارة الصحة المصرية اليوم الاثنين تسجيل انخفاض في إصابات الحمى في أسوان."
    r = writer.post("/api/documents", content=text.encode(), headers={
        **auth(), "Content-Type": "text/plain; charset=utf-8"},
        params={"outlet": "بوابة النيل", "published": "2024-03-04"})
    assert r.status_code == 201, r.text
    doc = writer.get(f"/api/documents/{r.json()['results'][0]['doc_id']}").json()["document"]
    assert doc["text"] == text and doc["meta"]["outlet"] == "بوابة النيل"
    assert doc["layers"], "the document was analysed"
    page = (
        "<html><head><title>الرباط تستضيف قمة</title></head><body><article><h1>الرباط تستضيف "
        "قمة</h1><p>" + "استضافت العاصمة المغربية الرباط اليوم اجتماعا لوزراء الخارجية العرب. "
        * 6 + "</p></article></body></html>"
    )
    r = writer.post("/api/documents", content=page.encode(), headers={
        **auth(), "Content-Type": "text/html"})
    assert r.status_code == 201, r.text
    doc = writer.get(f"/api/documents/{r.json()['results'][0]['doc_id']}").json()["document"]
    assert "الرباط" in doc["text"] and "<p>" not in doc["text"]
    batch = [{"text": f"خبر رقم {i} عن مباراة الوداد والرجاء في الدار البيضاء."} for i in range(3)]
    r = writer.post("/api/documents", json=batch, headers=auth())
    assert r.status_code == 201 and len(r.json()["results"]) == 3
    again = writer.post("/api/documents", json=batch[0], headers=auth()).json()
    assert again["results"][0]["status"] == "duplicate"


def test_malformed_write_bodies_are_422(writer) -> None:
    for body, ctype in [
        (b"{not json", "application/json"),
        (json.dumps({"title": "no text"}).encode(), "application/json"),
        (json.dumps({"text": "x", "html": "<p>y</p>"}).encode(), "application/json"),
        (json.dumps({"text": 5}).encode(), "application/json"),
        (b"\xff\xfe\x00bad", "text/plain"),
        (b"   ", "text/plain"),
    ]:
        r = writer.post("/api/documents", content=body, headers={**auth(), "Content-Type": ctype})
        assert r.status_code == 422, (body, r.text)
    r = writer.post("/api/documents", content=b"%PDF", headers={**auth(),
                                                                 "Content-Type": "application/pdf"})
    assert r.status_code == 415


# ---------------------------------------------------------------------------- sizes


def test_oversize_request_is_a_clean_413(writer) -> None:
    big = ("كلمة " * 20_000).encode()  # ~ 100 kB > 64 kB request limit
    r = writer.post("/api/documents", content=big, headers={**auth(), "Content-Type": "text/plain"})
    assert r.status_code == 413
    assert r.headers["content-type"] == "application/json" and "detail" in r.json()

    def chunks():  # no Content-Length: counted while streaming
        for _ in range(20):
            yield ("نص " * 2000).encode()

    r = writer.post("/api/documents", content=chunks(), headers={**auth(),
                                                                 "Content-Type": "text/plain"})
    assert r.status_code == 413 and "detail" in r.json()
    # refused before the token is even looked at: no body is read
    assert writer.post("/api/documents", content=big).status_code == 413


def test_oversize_document_is_a_clean_413(writer) -> None:
    doc = "خبر " * 6_000  # 42 kB of UTF-8: under the 64 kB request limit, over the 32 kB one
    body = json.dumps({"text": doc}, ensure_ascii=False).encode()
    r = writer.post("/api/documents", content=body, headers={**auth(),
                                                             "Content-Type": "application/json"})
    assert r.status_code == 413 and "document limit" in r.json()["detail"]
    many = [{"text": "خبر قصير"}] * 51
    r = writer.post("/api/documents", json=many, headers=auth())
    assert r.status_code == 413
    assert writer.get("/api/health").json()["documents"] == 0


# ---------------------------------------------------------------------------- binding


def test_serve_binds_to_loopback_by_default(tmp_path: Path) -> None:
    host_opt = next(p for p in serve.params if p.name == "host")
    assert host_opt.default == DEFAULT_HOST == "127.0.0.1"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-c", "from rasd.cli import main; main()", "serve",
         "--db", str(tmp_path / "bind.db"), "--create", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        listening = None
        for _ in range(100):
            listening = _listeners(port)
            if listening:
                break
            time.sleep(0.1)
        assert listening == {"127.0.0.1"}, listening
        import httpx

        assert httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=5).json()["read_only"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _listeners(port: int) -> set[str]:
    """Local addresses listening on ``port`` according to /proc/net/tcp{,6}."""
    out: set[str] = set()
    for table, v6 in (("/proc/net/tcp", False), ("/proc/net/tcp6", True)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            addr, p = local.split(":")
            if int(p, 16) != port or state != "0A":  # 0A = LISTEN
                continue
            if v6:
                out.add("::" if set(addr) == {"0"} else addr)
            else:
                out.add(socket.inet_ntoa(bytes.fromhex(addr)[::-1]))
    return out

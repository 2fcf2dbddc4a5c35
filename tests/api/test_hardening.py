"""Malformed and hostile requests get 4xx, never 5xx; the Host header is checked; ``rasd
serve`` does not invent an empty archive (issue 20).

The fuzz test draws requests for every GET route of the OpenAPI schema with hypothesis
(text with NUL bytes, controls and RTL marks, huge and negative numbers, malformed dates)
against the filled archive on SQLite and PostgreSQL and asserts no 5xx.
"""

from __future__ import annotations

import re
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd.api import create_app
from rasd.api.settings import LOOPBACK_HOSTS, Settings
from tests.api.conftest import TOKEN, auth

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


# -- Host allow-list ---------------------------------------------------------------------------
def test_only_allowed_host_names_are_answered(filled: tuple[str, dict[str, str]]) -> None:
    url, _ = filled
    app = create_app(Settings(db=url, allowed_hosts=LOOPBACK_HOSTS))
    for base in ("http://127.0.0.1:8321", "http://localhost", "http://[::1]:8321"):
        with TestClient(app, base_url=base) as c:
            assert c.get("/api/health").status_code == 200, base
    with TestClient(app, base_url="http://evil.example:8321") as c:
        r = c.get("/api/documents")
        assert r.status_code == 400 and "not allowed" in r.json()["detail"]
        assert c.get("/", headers={"host": "127.0.0.1.evil.example"}).status_code == 400
    with TestClient(create_app(Settings(db=url, allowed_hosts=("news.example",))),
                    base_url="http://News.Example") as c:
        assert c.get("/api/health").status_code == 200  # configured names, any case
    with TestClient(create_app(Settings(db=url, allowed_hosts=("*",))),
                    base_url="http://anything.example") as c:
        assert c.get("/api/health").status_code == 200


# -- rasd serve and a missing archive ----------------------------------------------------------
def test_serve_refuses_a_missing_archive_unless_create(tmp_path: Path) -> None:
    typo = tmp_path / "typo.db"
    r = subprocess.run([sys.executable, "-c", "from rasd.cli import main; main()", "serve",
                        "--db", str(typo), "--port", "0"], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 2 and "no archive at" in r.stderr and "--create" in r.stderr
    assert not typo.exists()  # nothing was created
    from click.testing import CliRunner

    from rasd.cli.serve import serve

    assert "--create" in CliRunner().invoke(serve, ["--help"]).output


# -- malformed requests ------------------------------------------------------------------------
def test_nul_bytes_in_parameters_are_not_server_errors(client: TestClient,
                                                       ids: dict[str, str]) -> None:
    for path in ("/api/corrections?doc_id=a%00b", "/api/search?q=%00", "/api/documents/a%00b",
                 "/api/entities?name=%00", "/api/documents?source=%00x", "/api/places?name=%00",
                 "/api/stories?entity=%00", "/search?q=%00", f"/doc/{ids['gold']}%00"):
        r = client.get(path)
        assert r.status_code < 500, (path, r.status_code, r.text[:200])


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_deeply_nested_json_is_422(writer: TestClient) -> None:
    deep = '{"text": "خبر", "meta": ' + '{"a": ' * 5000 + "1" + "}" * 5000 + "}"
    for body in (_nested(20_000), deep):
        for path in ("/api/documents", "/api/corrections"):
            r = writer.post(path, content=body.encode(), headers={
                **auth(TOKEN), "content-type": "application/json"})
            assert r.status_code == 422, (path, r.status_code, r.text[:200])


# -- fuzzing every GET route -------------------------------------------------------------------
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
VALUES = st.one_of(
    TEXT,
    st.sampled_from(["\x00", "%00", "../../etc/passwd", "2024-13-45", "-1", "1e309",
                     "99999999999999999999", "0", "", " ", "\u202e", "إدلب", "'; --", "*"]),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)


def _get_routes(app: Any) -> list[tuple[str, list[tuple[str, str]]]]:
    out = []
    for path, item in app.openapi()["paths"].items():
        op = item.get("get")
        if not op or path.startswith("/api/exports"):
            continue  # exports: covered by one request each below (they stream everything)
        params = [(p["name"], p["in"]) for p in op.get("parameters", [])]
        out.append((path, params))
    return out


@settings(max_examples=250, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_fuzz_get_parameters_never_5xx(client: TestClient, data: st.DataObject) -> None:
    path, params = data.draw(st.sampled_from(_ROUTES(client)))
    query: dict[str, str] = {}
    for name, where in params:
        if where == "path":
            value = data.draw(VALUES.filter(lambda v: v.strip(". ") != ""))
            path = path.replace("{" + name + "}", quote(value, safe=""))
        elif data.draw(st.booleans()):
            query[name] = data.draw(VALUES)
    r = client.get(path, params=query)
    assert r.status_code < 500, (path, query, r.status_code, r.text[:300])


_CACHE: dict[int, list[tuple[str, list[tuple[str, str]]]]] = {}


def _ROUTES(client: TestClient) -> list[tuple[str, list[tuple[str, str]]]]:  # noqa: N802
    key = id(client.app)
    if key not in _CACHE:
        _CACHE[key] = _get_routes(client.app)
    return _CACHE[key]


def test_every_export_route_with_hostile_filters(client: TestClient) -> None:
    paths = [p for p in client.app.openapi()["paths"] if p.startswith("/api/exports")]  # type: ignore[attr-defined]
    assert paths
    for p in paths:
        r = client.get(p, params={"q": "\x00إدلب", "entity": "\x00", "from": "2024-01-01",
                                  "source": "%_\x00"})
        assert r.status_code < 500, (p, r.status_code)


def test_every_route_is_documented() -> None:
    """docs/web-api.md names every route of the app (issue 20: /api/corrections was missing)."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "web-api.md").read_text("utf-8")
    app = create_app(Settings(db=None))
    missing = []
    for path in app.openapi()["paths"]:
        if path.startswith("/api/exports/"):
            name = path.rsplit("/", 1)[1]
            if not re.search(rf"/api/exports/\{{[^}}]*\b{name}\b", doc):
                missing.append(path)
            continue
        pattern = re.sub(r"\\\{[^}]*\\\}", r"\\{[^}]+\\}", re.escape(path))
        if not re.search(pattern + r"(?![\w/])", doc):
            missing.append(path)
    assert not missing, missing

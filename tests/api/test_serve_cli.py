"""``rasd serve``: documented options, loopback default, one-line error for a bad archive."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from rasd.cli.serve import serve


def test_help_documents_every_option() -> None:
    out = CliRunner().invoke(serve, ["--help"]).output
    for opt in ("--db", "--host", "--port", "--token", "--max-request-bytes",
                "--max-document-bytes", "--workers"):
        assert opt in out
    assert "127.0.0.1" in out and "RASD_TOKEN" in out and "read-only" in out
    for param in serve.params:
        assert param.name == "help" or getattr(param, "help", None), param.name


def test_unreachable_archive_is_a_one_line_error() -> None:
    r = subprocess.run(
        [sys.executable, "-c", "from rasd.cli import main; main()", "serve",
         "--db", "postgresql://nobody@127.0.0.1:1/nowhere", "--port", "0"],
        capture_output=True, text=True, timeout=120,
    )
    assert r.returncode == 2
    lines = [x for x in r.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: [E4"), r.stderr
    assert "Traceback" not in r.stderr

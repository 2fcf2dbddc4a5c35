"""The core install works without any optional extra; a command that needs one says which
(issue 18.6).  Each case runs the real CLI in a fresh interpreter whose import system refuses
the extras' packages, as a machine with ``pip install rasd`` alone would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from rasd.errors import EXTRA_OF

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"

BLOCKER = """
import importlib.abc, sys
BLOCKED = set(sys.argv[1].split(","))
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None
sys.meta_path.insert(0, Block())
sys.argv = ["rasd", *sys.argv[2:]]
from rasd.cli import main
main()
"""


def run_core(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", BLOCKER, ",".join(EXTRA_OF), *args],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)


@pytest.fixture(scope="module")
def core_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("core") / "core.db"
    files = sorted(SAMPLES.glob("*.txt"))[:4]
    res = run_core("ingest", *map(str, files), "--db", str(db))
    assert res.returncode == 0, res.stderr
    assert "new 4" in res.stdout
    return db


def test_analyse_without_extras() -> None:
    res = run_core("analyze", str(SAMPLES / "alhal-2021-11-01.txt"), "--format", "text")
    assert res.returncode == 0, res.stderr
    assert "دمشق" in res.stdout


def test_archive_search_stories_and_exports_without_extras(core_db: Path) -> None:
    res = run_core("search", "الجيش", "--db", str(core_db))
    assert res.returncode == 0, res.stderr
    res = run_core("stories", "--db", str(core_db))
    assert res.returncode == 0, res.stderr
    # FtM entities are written by hand when followthemoney (which validates them) is absent
    for fmt in ("jsonl", "csv", "geojson", "annotations", "ftm"):
        res = run_core("export", fmt, "--db", str(core_db))
        assert res.returncode == 0, (fmt, res.stderr)
        assert res.stdout.strip(), fmt


@pytest.mark.parametrize(("args", "extra"), [
    (("serve", "--db", "{db}"), "serve"),
    (("export", "network", "--db", "{db}"), "graph"),
    (("batch", str(SAMPLES / "alhal-2021-11-01.txt"), "--out", "{tmp}"), "batch"),
    (("ingest", str(SAMPLES / "alhal-2021-11-01.txt"), "--db", "postgresql://127.0.0.1/test"),
     "postgres"),
])
def test_a_command_needing_an_extra_names_it(core_db: Path, tmp_path: Path,
                                             args: tuple[str, ...], extra: str) -> None:
    res = run_core(*(a.format(db=core_db, tmp=tmp_path / "out") for a in args))
    assert res.returncode == 2
    assert "[E500]" in res.stderr and f"rasd[{extra}]" in res.stderr
    assert "Traceback" not in res.stderr


def test_no_progress_bar_in_a_pipe(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    res = run_core("ingest", str(SAMPLES / "alhal-2021-11-01.txt"), "--db", str(db))
    assert res.returncode == 0, res.stderr
    assert "doc/s" not in res.stderr and "\r" not in res.stderr

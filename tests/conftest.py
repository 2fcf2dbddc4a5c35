"""Shared fixtures: the real seed article and its hand-made gold annotation."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = Path(__file__).resolve().parent / "reference"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (REFERENCE / "alhal-2021-11-01.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads((REFERENCE / "alhal-2021-11-01.gold.json").read_text(encoding="utf-8"))


# The API's Host allow-list (loopback names by default) must also let Starlette's test client
# in: it sends "Host: testserver".  Set before any Settings() is built; the allow-list itself
# is tested with explicit settings in tests/api/test_hardening.py.
os.environ.setdefault("RASD_ALLOWED_HOSTS", "localhost,127.0.0.1,::1,testserver")

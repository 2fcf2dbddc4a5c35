"""Build hook: compile the hottest extractor modules with mypyc when possible.

All metadata is in ``pyproject.toml``; this file only adds the optional extension modules (see
``rasd.native`` for why, and how stale builds are bypassed).  ``RASD_PURE_PYTHON=1`` at install
time skips compilation; a build without a working C compiler falls back to pure Python.
"""

import hashlib
import json
import os
import sys
from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).resolve().parent
PKG = ROOT / "src" / "rasd" / "extract"
# keep in step with rasd.native.COMPILED (setup.py cannot import the package it builds)
COMPILED = (
    "words",
    "boilerplate",
    "times/fold",
    "times/vocab",
    "times/patterns",
    "times/calendars",
    "times/anchors",
    "times/stream",
    "times/cand",
    "times/matching",
    "times/rules_dates",
    "times/rules_hijri",
    "times/rules_relative",
    "times/rules_durations",
    "times/rules_clock",
    "times/rules_periods",
    "times/find",
    "times/pubdate",
    "times/resolve",
    "times/component",
    "places",
    "reader",
    "quote_record",
    "speakers",
    "quote_speaker",
    "quote_content",
    "quote_cues",
    "quotes",
    "events",
    "claims",
)
MANIFEST = PKG / "_compiled.json"


#: setup.py commands that build code; metadata-only calls (egg_info, dist_info, sdist) skip
#: the mypy analysis that mypycify runs as soon as it is called
BUILDS = {"build", "build_ext", "bdist_wheel", "editable_wheel", "develop", "install"}


def ext_modules() -> list:
    if os.environ.get("RASD_PURE_PYTHON") == "1" or not BUILDS & set(sys.argv[1:]):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("rasd: mypyc not available, extractors stay pure Python", file=sys.stderr)
        return []
    paths = [f"src/rasd/extract/{m}.py" for m in COMPILED]
    try:
        # the project's [tool.mypy] section (files = the whole package, strict overrides) is
        # for checking, not for this build: compile the listed modules with mypy's defaults
        exts = mypycify(
            ["--config-file", os.devnull, "--ignore-missing-imports", "--follow-imports=silent",
             *paths], opt_level="3"
        )
    except (SystemExit, Exception) as e:  # noqa: BLE001 - e.g. a newer mypy's stricter checks
        print(f"rasd: mypyc could not compile the extractors ({e!r}); pure Python",
              file=sys.stderr)
        return []
    for ext in exts:
        ext.optional = True  # no C compiler: install anyway, as pure Python
    hashes = {m: hashlib.sha256((PKG / f"{m}.py").read_bytes()).hexdigest() for m in COMPILED}
    MANIFEST.write_text(json.dumps(hashes, indent=1) + "\n", encoding="utf-8")
    return exts


setup(ext_modules=ext_modules())

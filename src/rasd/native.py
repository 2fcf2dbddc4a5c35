"""Compiled (mypyc) builds of the hottest extractor modules, and when not to trust them.

Why: the extractors' per-word loops are plain Python; compiling the same source with mypyc (as
black and mypy ship themselves) makes them 1.3–1.7× faster without a second implementation to
keep in step.  ``setup.py`` compiles :data:`COMPILED` when it can (a C compiler is at hand and
``RASD_PURE_PYTHON`` is not ``1``) and records a hash of each source it compiled in
:data:`MANIFEST`.  Everything also runs as pure Python, with the same results
(``tests/test_native.py`` compares both on the bundled articles).

An editable install keeps the compiled files beside the sources, and Python imports an
extension module before a ``.py`` of the same name: after an edit the old compiled code would
silently keep running.  :func:`guard` (called by ``rasd.extract`` before any of its modules is
imported) therefore loads the sources instead whenever one of them differs from what was
compiled, or when ``RASD_PURE_PYTHON=1`` asks for it.  The modules of one build share a C
library and call each other directly, so they are trusted or bypassed together.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

#: Modules of ``rasd.extract`` compiled by ``setup.py`` (one build, one shared C library), as
#: paths below ``rasd/extract`` without ``.py``: ``times/stream`` is ``rasd.extract.times.stream``.
#: A package's ``__init__`` is never listed (it stays Python: re-exports and registration).
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
#: Written by ``setup.py`` next to the modules: ``{module: sha256 of the compiled source}``.
MANIFEST = "_compiled.json"
PURE_ENV = "RASD_PURE_PYTHON"
#: Where the compiled modules live (``rasd/extract``, beside this file).
EXTRACT = Path(__file__).resolve().parent / "extract"

_status: dict[str, str] = {}


def source_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _has_extension(folder: Path, module: str) -> bool:
    return any((folder / f"{module}{suf}").exists()
               for suf in importlib.machinery.EXTENSION_SUFFIXES)


class _SourceFinder:
    """A meta-path finder that loads the listed modules from their ``.py`` files."""

    def __init__(self, sources: dict[str, Path]) -> None:
        self.sources = sources

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        src = self.sources.get(fullname)
        return importlib.util.spec_from_file_location(fullname, src) if src else None


def decide(folder: str | Path, modules: Sequence[str] = COMPILED) -> dict[str, str]:
    """``{module: "compiled" | "pure" | "stale" | "forced-pure"}`` for the modules in ``folder``.

    Reads files only (no import, no side effect), so :func:`status` can answer without
    importing ``rasd.extract`` (which imports this module: a cycle otherwise).
    """
    folder = Path(folder)
    built = [m for m in modules if _has_extension(folder, m)]
    if not built:
        return dict.fromkeys(modules, "pure")
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    if os.environ.get(PURE_ENV) == "1":
        state = "forced-pure"
    elif any(manifest.get(m) != source_hash(folder / f"{m}.py") for m in built):
        state = "stale"
    else:
        state = "compiled"
    return {m: (state if m in built else "pure") for m in modules}


def guard(package: str, folder: str | Path, modules: Sequence[str] = COMPILED) -> dict[str, str]:
    """Decide, before they are imported, whether ``package``'s compiled modules may be used.

    Returns (and remembers for :func:`status`) ``{module: "compiled" | "pure" | "stale" |
    "forced-pure"}``; for the last two, the sources are what ``import`` will load.
    """
    folder = Path(folder)
    result = decide(folder, modules)
    built = [m for m in modules if _has_extension(folder, m)]
    if built and set(result.values()) & {"stale", "forced-pure"}:
        import sys

        sources = {f"{package}.{m.replace('/', '.')}": folder / f"{m}.py" for m in built}
        sys.meta_path.insert(0, _SourceFinder(sources))  # type: ignore[arg-type]
    _status.update(result)
    return result


def status() -> dict[str, str]:
    """How each module of :data:`COMPILED` runs in this process: benchmarks print it next to
    their figures.  What :func:`guard` decided when ``rasd.extract`` was imported, or else what
    it will decide (the same files give the same answer)."""
    return dict(_status) if _status else decide(EXTRACT)


def describe() -> str:
    """One line for benchmark headers: "compiled (mypyc): times, …" or why not."""
    st = status()
    kinds = sorted(set(st.values()))
    if kinds == ["compiled"]:
        return "extractors compiled with mypyc: " + ", ".join(st)
    if "stale" in kinds:
        return "extractors run as pure Python: sources changed since compiled (make install)"
    if "forced-pure" in kinds:
        return f"extractors run as pure Python ({PURE_ENV}=1)"
    return "extractors run as pure Python (not compiled)"

"""Which analysis produced a stored document's layers.

Stored per document (``documents.analysis_version``) so that, after a model or extractor
upgrade, ``rasd reanalyze`` (or re-ingesting the same texts) re-runs only the documents that
an older pipeline produced — without deleting anything.
"""

from __future__ import annotations

import hashlib
import importlib
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as pkg_version

from rasd.pipeline import COMPONENT_MODULES, Analyzer


def _module_version(module: str) -> str:
    """A component module may declare ``VERSION`` / ``__version__`` (bump it with its model)."""
    if not module:
        return ""
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return "?"
    return str(getattr(mod, "VERSION", getattr(mod, "__version__", "")))


def pipeline_version(pipeline: Analyzer) -> str:
    """``rasd <version>/<hash of component names + their declared versions>``."""
    try:
        rasd_version = pkg_version("rasd")
    except PackageNotFoundError:
        rasd_version = "0"
    parts = []
    for c in pipeline.components:
        parts.append(f"{c.name}={_module_version(COMPONENT_MODULES.get(c.name, ''))}")
    digest = hashlib.sha1(";".join(parts).encode()).hexdigest()[:10]
    return f"rasd-{rasd_version}/{digest}"

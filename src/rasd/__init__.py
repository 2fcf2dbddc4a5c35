"""rasd (رصد): Arabic-first news intelligence.

The public API is small on purpose::

    import rasd
    doc = rasd.analyze(text, rasd.Meta(published="2021-11-01"))
    for span in doc.layer("entities"):
        print(doc.span_text(span), span.label, span.attrs["canonical"])

``analyze`` is the one-shot form of a reusable :class:`Pipeline`; every CLI command is a thin
wrapper over a function of this package (see ``rasd --help``).
"""

from rasd.config import Config
from rasd.doc import Document, Meta, Span
from rasd.errors import RasdError
from rasd.ingest import iter_documents
from rasd.pipeline import Pipeline, analyze

__all__ = [
    "Config",
    "Document",
    "Meta",
    "Pipeline",
    "RasdError",
    "Span",
    "analyze",
    "iter_documents",
]

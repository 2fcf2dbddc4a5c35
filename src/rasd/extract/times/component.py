"""The ``times`` pipeline component: the ``times`` layer, and the publication date from the
text when the metadata has none."""

from __future__ import annotations

from rasd.config import Config
from rasd.doc import Document
from rasd.extract.times.resolve import extract_times
from rasd.extract.times.stream import stream_for
from rasd.pipeline import component


# reads only the text and the tokens layer (through the shared word stream); sets
# meta.published (and published_info) when the document has none and the text gives one
@component("times", requires=("tokens", "sentences"), assigns=("times",), meta=("published",))
def times_component(doc: Document, config: Config) -> None:
    """Pipeline entry: publication date fallback from the text, then the ``times`` layer."""
    spans, found = extract_times(doc.text, doc.meta.published, stream=stream_for(doc))
    if found and not doc.meta.published:
        doc.set_published(found["published"], found["published_info"])
    doc.set_layer("times", spans, "tx")

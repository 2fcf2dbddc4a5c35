"""Text renderings for the terminal — every plain-text view the CLI prints, in one place.

* :mod:`rasd.render.document` — ``rasd analyze --format text``: metadata, then one section
  per layer (:data:`~rasd.render.document.SECTIONS` maps a layer to its renderer);
* :mod:`rasd.render.entities`, :mod:`rasd.render.timeplace`, :mod:`rasd.render.sourcing` —
  the sections of the entity, time/place and quote/event/contradiction layers;
* :mod:`rasd.render.records` — archive records: search hits, an entity's record, stories.

Renderers import only the document model, never the extractors, so printing a stored
document does not load regexes, gazetteers or models.  (HTML views live in :mod:`rasd.web`;
exchange formats in :mod:`rasd.export`.)
"""

from rasd.render.document import render_text

__all__ = ["render_text"]

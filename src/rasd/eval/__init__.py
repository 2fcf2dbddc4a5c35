"""Evaluation: scoring rasd's extractors against gold annotations (``rasd eval …``).

:mod:`rasd.eval.metrics` holds the arithmetic every evaluator shares (P/R/F1, span alignment,
pairwise and B-cubed clustering scores) and imports nothing but the standard library, so any
layer may use it.  The evaluators read gold files and run the extractors:

* :mod:`rasd.eval.quotes` — attributed statements (``rasd eval quotes``);
* :mod:`rasd.eval.times` — time expressions (``rasd eval time``);
* :mod:`rasd.eval.stories` — story clustering (``rasd eval stories``);
* :mod:`rasd.eval.entities` — cross-document entity resolution (``rasd eval entities-xdoc``);
* the entity tagger and place resolution are scored by :mod:`rasd.ner.evaluate` and
  :mod:`rasd.geo.evaluate`, next to the models they measure (training uses them too).

This package imports none of its modules on import: a domain package that needs only the
metrics never pulls in the pipeline.
"""

"""Geography: the offline Arabic gazetteer (:mod:`rasd.geo.gazetteer`) and place-resolution
scoring (:mod:`rasd.geo.evaluate`).  Resolution itself is the ``places`` component
(:mod:`rasd.extract.places`)."""

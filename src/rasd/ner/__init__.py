"""Named-entity recognition: a CRF tagger over clitic-split tokens, gazetteer features, and
in-document coreference of names (see :mod:`rasd.extract.entities` for the pipeline component).
"""

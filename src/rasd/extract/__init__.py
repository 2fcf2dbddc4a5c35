"""Extractors: each module registers one pipeline component."""

from rasd.native import guard

# before any extractor module is imported: compiled builds are used only while they match
# their sources (see rasd.native)
guard(__name__, __path__[0])

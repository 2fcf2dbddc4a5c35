"""Exchange formats built from analysed :class:`~rasd.doc.Document` objects (pure functions)."""

"""Across articles: stories, cross-document entities, profiles, contradictions."""

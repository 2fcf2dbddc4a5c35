"""Extractors: each module registers one pipeline component."""

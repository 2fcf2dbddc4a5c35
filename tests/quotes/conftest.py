"""Helpers for the quotes tests: analyse Arabic text with the components these tests need."""

from __future__ import annotations

import pytest

from rasd.config import Config
from rasd.doc import Document
from rasd.pipeline import Pipeline

#: without NER on purpose: quote extraction must work from the text layer alone
COMPONENTS = ("text", "boilerplate", "quotes", "claims")


@pytest.fixture(scope="session")
def analyse():
    pipe = Pipeline(Config(components=COMPONENTS))

    def run(text: str) -> Document:
        return pipe.analyze(text)

    return run

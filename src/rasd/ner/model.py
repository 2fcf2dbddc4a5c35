"""The shipped CRF entity tagger: load once, tag token sequences into typed spans."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from contextlib import ExitStack
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from rasd.errors import ModelError
from rasd.lang.ar.tokenize import Token
from rasd.ner.corpora import spans
from rasd.ner.features import sentence_features

MODEL_FILE = "ner.crfsuite"


class Tagger:
    """python-crfsuite tagger over :func:`sentence_features`; spans as token index ranges.

    A ``pycrfsuite.Tagger`` keeps the last tagged sequence for ``marginal()``, so one instance
    must never serve two threads at once (Dask thread workers, the API's threadpool): each
    thread gets its own, opened lazily from the same model file (≈0.1 s, once per thread).
    """

    def __init__(self, path: Path | None = None) -> None:
        self._stack = ExitStack()
        if path is None:
            ref = resources.files("rasd.ner") / "data" / MODEL_FILE
            if not ref.is_file():
                raise ModelError(f"NER model missing ({MODEL_FILE}); run `rasd train ner`")
            path = self._stack.enter_context(resources.as_file(ref))
        self.path = Path(path)
        self._local = threading.local()
        _ = self._tagger  # open now in this thread: a missing or corrupt model fails early

    @property
    def _tagger(self) -> pycrfsuite.Tagger:
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            tagger = self._local.tagger = pycrfsuite.Tagger()
            tagger.open(str(self.path))
        return tagger

    def tag(self, tokens: Sequence[Token], domain: str = "news+wojood") -> list[str]:
        """BIO tags; ``domain`` picks the annotation convention(s): "news", "wojood" or both
        joined by "+" (see :mod:`rasd.ner.features`)."""
        if not tokens:
            return []
        return list(self._tagger.tag(sentence_features(tokens, domain)))

    def tag_spans(
        self, tokens: Sequence[Token], domain: str = "news+wojood"
    ) -> list[tuple[int, int, str, float]]:
        """``(i, j, type, confidence)``; confidence = mean marginal of the span's labels."""
        if not tokens:
            return []
        tagger = self._tagger
        tags = list(tagger.tag(sentence_features(tokens, domain)))
        out = []
        for i, j, typ in spans(tags):
            probs = [tagger.marginal(tags[k], k) for k in range(i, j)]
            out.append((i, j, typ, round(sum(probs) / len(probs), 3)))
        return out


@lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    return Tagger()

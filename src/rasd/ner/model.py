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
        #: attributes that carry a weight in this model (see :meth:`usable`)
        self._weighted = frozenset(a for a, _label in self._tagger.info().state_features)
        self._usable: dict[tuple[str, ...], tuple[str, ...]] = {}

    @property
    def _tagger(self) -> pycrfsuite.Tagger:
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            tagger = self._local.tagger = pycrfsuite.Tagger()
            tagger.open(str(self.path))
        return tagger

    def usable(self, static: tuple[str, ...]) -> tuple[str, ...]:
        """The features of ``static`` that carry a weight in this model, in order.

        Why: about a third of the feature strings of news text are unknown to the model or
        were pruned to no weight; crfsuite drops them only after converting and looking up
        each one, for every token.  A token type's static features are filtered once and the
        result is reused.  The tags and marginals cannot change: crfsuite skips an unknown
        attribute, an attribute without state features adds nothing to any score, and the
        remaining attributes keep their order (so every score is summed in the same order).
        """
        hit = self._usable.get(static)
        if hit is None:
            if len(self._usable) >= 200_000:  # as many as the memoized static features
                self._usable.clear()
            weighted = self._weighted
            hit = self._usable[static] = tuple(x for x in static if x in weighted)
        return hit

    def features(self, tokens: Sequence[Token], domain: str) -> list[list[str]]:
        """:func:`sentence_features` with the static part cut to :meth:`usable`."""
        return sentence_features(tokens, domain, keep=self.usable)

    def tag(self, tokens: Sequence[Token], domain: str = "news+wojood") -> list[str]:
        """BIO tags; ``domain`` picks the annotation convention(s): "news", "wojood" or both
        joined by "+" (see :mod:`rasd.ner.features`)."""
        if not tokens:
            return []
        return list(self._tagger.tag(self.features(tokens, domain)))

    def tag_spans(
        self, tokens: Sequence[Token], domain: str = "news+wojood"
    ) -> list[tuple[int, int, str, float]]:
        """``(i, j, type, confidence)``; confidence = mean marginal of the span's labels."""
        if not tokens:
            return []
        tagger = self._tagger
        tags = list(tagger.tag(self.features(tokens, domain)))
        out = []
        for i, j, typ in spans(tags):
            probs = [tagger.marginal(tags[k], k) for k in range(i, j)]
            out.append((i, j, typ, round(sum(probs) / len(probs), 3)))
        return out


@lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    return Tagger()

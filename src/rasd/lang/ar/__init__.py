"""Arabic text layer: offset-preserving normalization, tokenization, sentences."""

from rasd.lang.ar.normalize import Normalized, NormOptions, fold_key, normalize
from rasd.lang.ar.sentences import split_sentences
from rasd.lang.ar.tokenize import Token, segment_word, tokenize

__all__ = [
    "NormOptions",
    "Normalized",
    "Token",
    "fold_key",
    "normalize",
    "segment_word",
    "split_sentences",
    "tokenize",
]

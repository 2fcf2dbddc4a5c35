"""Property tests: offsets always slice the original text, whatever the input.

Random strings mix Arabic letters, diacritics, tatweel, obfuscation marks, digits (ASCII,
Arabic-Indic, Persian), spaces, punctuation, quotes, zero-width/bidi controls and a few
presentation forms — the characters real Arabic web copy is made of.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.config import Config
from rasd.doc import Document
from rasd.extract.boilerplate import mark_boilerplate
from rasd.lang.ar import charsets as cs
from rasd.lang.ar.layer import text_layer
from rasd.lang.ar.sentences import split_sentences
from rasd.lang.ar.tokenize import tokenize

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئةى"
ALPHABET = (
    LETTERS * 3
    + "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u0615"
    + cs.TATWEEL * 4
    + "".join(sorted(cs.OBFUSCATION_MARKS))
    + "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
    + "    \n\n\t\r\u00a0"
    + "،؛؟.!…:«»“”\"()-–"
    + "".join(sorted(cs.CONTROLS))
    + "ﻻﺑﻤﺔیک"
    + "abcXYZ"
)

arabic_text = st.text(alphabet=ALPHABET, max_size=300)


def _check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    prev_end = 0
    for a, b in spans:
        assert 0 <= a < b <= len(text), (a, b)
        assert a >= prev_end, "spans overlap or are out of order"
        assert text[a:b], "empty span"
        prev_end = b


@settings(max_examples=300, deadline=None)
@given(arabic_text)
def test_token_and_sentence_offsets_slice_the_original(text: str):
    doc = Document(text)
    text_layer(doc, Config())
    mark_boilerplate(doc, Config())
    _check_spans(text, [(s.start, s.end) for s in doc.layers["boilerplate"]])
    toks = doc.layers["tokens"]
    _check_spans(text, [(t.start, t.end) for t in toks])
    for t in toks:
        assert not text[t.start : t.end].isspace()
    _check_spans(text, [(s.start, s.end) for s in doc.layers["sentences"]])
    _check_spans(text, [(s.start, s.end) for s in doc.layers["normalized"]])
    for a, b in split_sentences(text):
        assert text[a:b] == text[a:b].strip()


plain_word = st.text(alphabet=LETTERS, min_size=2, max_size=9)
mark = st.sampled_from(
    ["ـ.ـ", "ـ*ـ", "ـ-ـ", "ـ_ـ", "ـ..ـ", "ـ•ـ", "ـ|ـ", "ـ ـ", "ـ", "ـــ", "\u200c", "\u200b",
     "\u064e"]
)


@st.composite
def obfuscated_sentence(draw: st.DrawFn) -> tuple[str, str]:
    words = draw(st.lists(plain_word, min_size=1, max_size=8))
    out = []
    for w in words:
        if draw(st.booleans()):
            i = draw(st.integers(min_value=1, max_value=len(w) - 1))
            w2 = w[:i] + draw(mark) + w[i:]
        else:
            w2 = w
        out.append(w2)
    return " ".join(words), " ".join(out)


@settings(max_examples=300, deadline=None)
@given(obfuscated_sentence())
def test_obfuscated_text_has_the_same_token_keys_as_plain(pair: tuple[str, str]):
    plain, obf = pair
    assert [t.key for t in tokenize(obf)] == [t.key for t in tokenize(plain)]
    doc = Document(obf)
    text_layer(doc, Config())
    assert [s.attrs["key"] for s in doc.layers["tokens"]] == [t.key for t in tokenize(plain)]

"""Arabic word lists are data: every ``rasd/lang/ar/vocab/*.tsv`` is well formed, and no
``.py`` file under ``src/rasd`` keeps a long literal list of Arabic words.

Why: a list inside a Python literal cannot say where a word came from, is hard to review, and
drifts from its twin in another module.  The check reads the source with ``ast``: a set, list,
tuple or dict literal with more than :data:`MAX_WORDS` Arabic strings (of two letters or more;
single-letter tables such as transliteration maps are code), or a string of more than
:data:`MAX_WORDS` Arabic words assigned to a name (a list waiting for ``.split()``), fails.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from rasd.lang.ar import vocab

SRC = Path(__file__).resolve().parent.parent / "src" / "rasd"
MAX_WORDS = 8
_ARABIC = re.compile(r"[\u0621-\u064a]")
#: a vocab word: Arabic letters, marks, spaces and the few signs abbreviations and display
#: labels use ("د.", "جهة / مؤسسة", "في الماضي (غير محدد)")
_WORD = re.compile(r"[\u0621-\u065f\u0670 ./()\-]+")
#: a context list may also hold one punctuation sign, Arabic or not (a time context "،", "(")
_SIGN = re.compile(r"[^\w\s]")

#: Modules whose lists another branch still has to move (path under src/rasd), each with the
#: branch that empties it; none left once the issue-15 branches landed.
ALLOWED_MODULES: frozenset[str] = frozenset()


@pytest.mark.parametrize("name", vocab.names())
def test_vocab_file(name: str) -> None:
    entries = vocab.entries(name)  # raises on a bad header or a short row
    assert entries, f"{name}.tsv is empty"
    seen: set[tuple[str, ...]] = set()
    for e in entries:
        arabic = bool(_WORD.fullmatch(e.word) and _ARABIC.search(e.word))
        assert arabic or _SIGN.fullmatch(e.word), f"{name}.tsv: not Arabic: {e.word!r}"
        assert e.word == e.word.strip(), f"{name}.tsv: spaces around {e.word!r}"
        assert e.category and e.source, f"{name}.tsv: {e.word}: category and source are required"
        # a row is its word as written, its category and its extra values: "شخص" may label
        # two codes of a table, and spelling variants that fold together ("أبريل"/"ابريل") are
        # worth listing, but the same word twice in one list is a slip
        ident = (e.word, e.category, *e.extra.values())
        assert ident not in seen, f"{name}.tsv: duplicate row {e.word!r} ({e.category})"
        seen.add(ident)


def test_vocab_header_written() -> None:
    for path in sorted((SRC / "lang" / "ar" / "vocab").glob("*.tsv")):
        first = next(ln for ln in path.read_text(encoding="utf-8").splitlines()
                     if ln.strip() and not ln.startswith("#"))
        assert first.split("\t")[:3] == list(vocab.REQUIRED), path.name


def _arabic_words(values: list[object]) -> int:
    return sum(1 for v in values
               if isinstance(v, str) and len(_ARABIC.findall(v)) >= 2)


def _literal_lists(tree: ast.AST) -> list[tuple[int, int]]:
    """``(line, Arabic strings)`` of every literal holding more than MAX_WORDS of them."""
    out = []
    for node in ast.walk(tree):
        values: list[object] = []
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            values = [e.value for e in node.elts if isinstance(e, ast.Constant)]
        elif isinstance(node, ast.Dict):
            values = [e.value for e in (*node.keys, *node.values) if isinstance(e, ast.Constant)]
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Constant) \
                and isinstance(node.value.value, str):
            words = node.value.value.split()
            if words and all(_WORD.fullmatch(w) and _ARABIC.search(w) for w in words):
                values = list(words)
        n = _arabic_words(values)
        if n > MAX_WORDS:
            out.append((getattr(node, "lineno", 0), n))
    return out


def test_no_word_lists_in_code() -> None:
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        hits = _literal_lists(ast.parse(path.read_text(encoding="utf-8")))
        if hits:
            found[rel] = hits
    bad = {k: v for k, v in found.items() if k not in ALLOWED_MODULES}
    assert not bad, "Arabic word lists in code (move them to rasd/lang/ar/vocab/*.tsv): " + ", ".join(
        f"{k}:{line} ({n} words)" for k, v in sorted(bad.items()) for line, n in v)
    stale = sorted(ALLOWED_MODULES - set(found))
    assert not stale, f"remove from ALLOWED_MODULES (no lists left): {stale}"

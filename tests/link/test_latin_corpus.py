"""The most frequent people, organisations and places of the shared corpus are found by their
common English names (issue 19.5).

How the expectation was built: :func:`sample` takes every ``STEP``-th article of each day of
``../shared/data/saudinewsnet`` (deterministic), rasd analyses it (text, boilerplate,
entities), stores it and links identities (:func:`rasd.identities.link_identities`); the 10
people (PER), 10 organisations (ORG) and 10 places (GPE/LOC/FAC) named in most articles were
listed
(``python tests/link/test_latin_corpus.py``) and their usual English names written by hand in
``latin_top30.tsv`` (stand-off: the identity's Arabic canonical name and English names only,
no article text).  The test asks the archive for each English name as a reader would
(``Store.entities(name=…)``, what ``rasd entity NAME`` shows first) and counts the queries
whose first answer is that identity.  Skipped when the corpus is absent.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rasd.eval.realgold import article, corpus_dir, day_articles

HERE = Path(__file__).parent
EXPECTED = HERE / "latin_top30.tsv"
STEP = 40  # every 40th article of each day: ~660 articles over the 16 days
#: The three groups, ten identities each: people, organisations, places.
GROUPS = {"PER": ("PER",), "ORG": ("ORG",), "place": ("GPE", "LOC", "FAC")}
PER_GROUP = 10
#: Measured 2026-12-06: 25 of 30 identities found first by their first English name (people
#: 7/10, organisations 8/10, places 10/10); with romanisation alone (no names_en.tsv, no
#: gazetteer, no curated aliases) 16/30.  The floor sits a little below.
FLOOR = 23


def sample(corpus: Path) -> Iterator[Any]:
    for path in sorted(corpus.glob("*.zip")):
        day = path.stem
        for i in range(0, len(day_articles(corpus, day)), STEP):
            yield article(corpus, day, i)


def build_archive(corpus: Path, db: Path) -> Any:
    """The sample analysed, stored and identity-linked; returns the open store."""
    from rasd.config import Config
    from rasd.identities import link_identities
    from rasd.pipeline import Pipeline
    from rasd.store import open_store

    pipe = Pipeline(Config(components=("text", "boilerplate", "entities")))
    store = open_store(str(db))
    for doc in sample(corpus):
        if doc.text.strip():
            store.add(pipe(doc), "latin-test")
    link_identities(store)
    return store


def top_identities(store: Any, n: int = PER_GROUP) -> list[Any]:
    """The ``n`` identities named in most articles of each group (people, organisations,
    places)."""
    out = []
    for labels in GROUPS.values():
        items = [e for label in labels for e in store.entities(label=label, limit=n).items]
        out.extend(sorted(items, key=lambda e: (-e.doc_count, -e.mention_count, e.id))[:n])
    return out


def read_expected() -> list[dict[str, str]]:
    with EXPECTED.open(encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader((ln for ln in f if not ln.startswith("#")),
                                          delimiter="\t")]


def hits(store: Any) -> list[tuple[str, str, bool, list[str]]]:
    """(English query, expected Arabic name, top answer right?, top-3 answers) per query;
    right = the first answer has the expected name and a type of the expected group."""
    from rasd.store.records import name_key

    out = []
    for row in read_expected():
        want, labels = name_key(row["arabic"]), GROUPS[row["group"]]
        for query in row["english"].split("|"):
            found = store.entities(name=query, limit=3).items
            names = [f"{e.name} ({e.label})" for e in found]
            ok = bool(found) and name_key(found[0].name) == want and found[0].label in labels
            out.append((query, row["arabic"], ok, names))
    return out


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    corpus = corpus_dir()
    if corpus is None:
        pytest.skip("SaudiNewsNet corpus not on this machine")
    store = build_archive(corpus, tmp_path_factory.mktemp("latin") / "a.db")
    yield store
    store.close()


@pytest.mark.slow
def test_expected_identities_are_the_most_frequent(archive: Any) -> None:
    """The hand-written list is still the corpus's top 30 (it was not picked by hand)."""
    from rasd.store.records import name_key

    top = {name_key(e.name) for e in top_identities(archive)}
    listed = {name_key(r["arabic"]) for r in read_expected()}
    assert len(listed) == 30
    # the list was written against the tagger before session 7's clubs/NORP rules, which
    # reshuffled the top (23 of 30 still in it at 6fbd332); refresh it when it drifts further
    assert len(top & listed) >= 21, sorted(listed - top)


@pytest.mark.slow
def test_top30_found_by_english_name(archive: Any) -> None:
    rows = hits(archive)
    per_identity: dict[str, bool] = {}
    for _, arabic, ok, _ in rows:  # an identity counts when its first English name works
        per_identity.setdefault(arabic, ok)
    k = sum(per_identity.values())
    missed = [(q, a, names) for q, a, ok, names in rows if not ok]
    assert k >= FLOOR, f"{k}/30 found; misses: {missed}"


if __name__ == "__main__":  # list the top identities / the misses of a fresh sample archive
    import tempfile

    corpus = corpus_dir()
    assert corpus is not None, "corpus missing"
    with tempfile.TemporaryDirectory() as tmp:
        keep = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--db=")), None)
        if keep and Path(keep).exists():  # reuse an archive built before
            from rasd.store import open_store

            store = open_store(keep)
        else:
            store = build_archive(corpus, Path(keep or Path(tmp) / "a.db"))
        for e in top_identities(store, 14):
            print(f"{e.doc_count}\t{e.label}\t{e.name}\t{'; '.join(e.latin)}")
        if EXPECTED.exists() and "--hits" in sys.argv:
            for q, a, ok, names in hits(store):
                print("OK " if ok else "MISS", q, a, names, sep="\t")
        store.close()

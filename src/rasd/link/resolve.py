"""Cross-document entity resolution: one identity for the many ways news names someone.

"كيم جونغ أون", "كيم جونغ اون", "Kim Jong Un" and (in 2021) "زعيم كوريا الشمالية" are one
person.  Resolution works on a *set* of mentions (name, date, type) — an archive, a story, or
the names of an evaluation file — and links two mentions when

1. **key**: their name keys are equal after folding (hamza/yaa/taa marbuta, diacritics,
   tatweel and ".ـ" obfuscation, via :func:`rasd.lang.ar.normalize.normalize_key`), with titles
   and honorifics ("الرئيس", "الشيخ", "الفريق أول" …) and generic organisation heads ("قوات",
   "جماعة" …) removed;
2. **transliteration**: their consonant skeletons are equal — Arabic and Latin names are both
   reduced to a small romanization alphabet (ق/ك/ج/غ/خ ~ q/k/g/j/kh, ش/س/ص ~ sh/s …, vowels,
   weak letters and articles dropped), so "محمد بن سلمان" ~ "Mohammed bin Salman";
3. **containment**: one name is the other plus titles or a descriptor ("رئيس مجلس الوزراء
   محمد شياع السوداني" ⊃ "محمد شياع السوداني"), never across a patronymic ("الحسين بن عبد الله
   الثاني" is not "عبد الله الثاني");
4. **short name**: a single family name ("البرهان", "عفيف") joins the only multi-part person
   name in the set that ends with it — unless it is a common first name ("سعيد", "عبد الرحمن")
   or more than one person carries it;
5. **curated aliases** (``data/aliases.json``): nicknames, other-language names and dated
   descriptors ("الرئيس السوري" is Bashar al-Assad until 2024-12-08, Ahmed al-Sharaa after);
6. **gazetteer**: two place names (LOC/GPE/FAC) the gazetteer resolves to one and the same
   place, and to nothing else, are one place ("مكة" ~ "مكة المكرمة", "السعودية" ~ "المملكة
   العربية السعودية", "جيزان" ~ "جازان"); an ambiguous name ("عمان": Amman or Oman) is not
   joined this way.

User overrides (corrections) force merges or splits on top.  Identity ids are stable: a hash
of the canonical name's key (the curated canonical name when one matched).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from rasd.lang.ar import vocab
from rasd.lang.ar.clitics import drop_article
from rasd.lang.ar.latin import AR_SKELETON
from rasd.lang.ar.normalize import normalize_key

# -- name keys --------------------------------------------------------------------------------

#: Words that precede a name without being part of it (folded forms are compared).
TITLES = vocab.words("titles", "name-title")
#: Heads of organisation names that vary between outlets ("قوات/ميليشيا الدعم السريع").
ORG_HEADS = vocab.words("org_words", "org-head")
#: Common given names: a bare "سعيد" is not "قيس سعيّد".
FIRST_NAMES = vocab.words("name_parts", "first-name")
_CONNECT = vocab.words("name_parts", "connector") | {"bin", "ben", "ibn", "bint"}
#: Words forming one name unit with the next ("عبد الله", "أبو بكر").
_COMPOUND = vocab.words("name_parts", "compound-head")
_LATIN = re.compile(r"[A-Za-z]")
_ABD = re.compile(r"\b(عبد|ابو)(ال\w)")
#: Role nouns: "قائد الجيش السوداني" is a person, not the army that follows the role.
ROLES = vocab.words("titles", "role-noun")


def _units(name: str) -> list[str]:
    """Folded name parts, with compounds kept whole ("عبد الله", "أبو بكر")."""
    words = _ABD.sub(r"\1 \2", normalize_key(name).replace("-", " ")).split()
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in _COMPOUND and i + 1 < len(words):
            out.append(f"{w} {words[i + 1]}")
            i += 2
            continue
        out.append(w)
        i += 1
    return out


def strip_titles(units: Sequence[str]) -> list[str]:
    """Drop leading titles/honorifics (kept if nothing else would remain)."""
    i = 0
    while i < len(units) - 1 and units[i] in TITLES:
        i += 1
    return list(units[i:])


def name_key(name: str) -> str:
    """Folded key of a name without titles: equal keys are the same name."""
    return " ".join(strip_titles(_units(name)))


# -- romanization skeleton ---------------------------------------------------------------------

_LAT_DIGRAPHS = (("kh", "k"), ("gh", "k"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"),
                 ("dj", "j"), ("ph", "f"))  # fmt: skip
_LAT_SKEL = {"b": "b", "p": "b", "t": "t", "d": "d", "r": "r", "z": "z", "s": "s", "f": "f",
             "v": "f", "l": "l", "m": "m", "n": "n", "h": "h", "k": "k", "q": "k", "c": "k",
             "g": "k", "j": "k", "x": "k"}  # fmt: skip
_ROMAN = {e.extra["roman"]: e.word for e in vocab.rows("ordinals") if e.extra["roman"]}
_LAT_TITLES = {"king", "president", "sheikh", "shaikh", "prince", "emir", "dr", "mr", "mrs",
               "general", "gen", "col", "brig", "sultan", "imam", "queen"}  # fmt: skip
_LAT_ARTICLES = {"al", "el", "ul", "il", "an", "ar", "as", "ash", "ad", "at", "az", "ath"}


def _collapse(s: str) -> str:
    out: list[str] = []
    for ch in s:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _ar_word_skeleton(w: str) -> str:
    if w in ("ال", "آل"):
        return ""
    if w.startswith("ال") and len(w) > 3:
        w = w[2:]
    while w and w[-1] in "هح":  # final h-sounds are dropped on both sides (Latin "-ah")
        w = w[:-1]
    return "".join(AR_SKELETON.get(ch, "") for ch in w)


def _lat_word_skeleton(w: str) -> str:
    if w in _LAT_ARTICLES:
        return ""
    for art in ("al-", "el-", "ul-", "as-", "ash-", "ad-", "at-", "az-", "an-", "ar-"):
        if w.startswith(art):
            w = w[len(art) :]
    w = re.sub(r"^abd[aeiou]l", "abd", w)
    w = re.sub(r"^abd[aeiou]?r-?", "abdr", w) if w.startswith("abdur") else w
    w = re.sub(r"h+$", "", w)
    w = _collapse(w)  # Latin doubled letters = Arabic shadda
    for a, b in _LAT_DIGRAPHS:
        w = w.replace(a, b)
    w = re.sub(r"h+$", "", w)
    return "".join(_LAT_SKEL.get(ch, "") for ch in w)


def skeleton(name: str) -> str:
    """Consonant skeleton of a name in a shared Arabic/Latin romanization (titles dropped)."""
    if _LATIN.search(name):
        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
        words = [w for w in re.split(r"[\s'’`]+", plain) if w]
        while len(words) > 1 and words[0].strip(".") in _LAT_TITLES:
            words = words[1:]
        parts = []
        for w in words:
            if w in _ROMAN:
                parts.append(_ar_word_skeleton(normalize_key(_ROMAN[w])))
            elif w in ("bin", "ben", "ibn", "bint"):
                parts.append("bn")
            else:
                parts.extend(_lat_word_skeleton(x) for x in w.split("-") if x)
        return "".join(parts)
    units = strip_titles(_units(name))
    parts = []
    for u in units:
        if u in ("بن", "ابن", "بنت"):
            parts.append("bn")
            continue
        parts.extend(_ar_word_skeleton(w) for w in u.split())
    return "".join(parts)


# -- curated aliases -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Alias:
    entity: str  # canonical name
    type: str
    name: str
    valid_from: str | None = None
    valid_to: str | None = None

    def valid(self, day: str | None) -> bool:
        if self.valid_from is None and self.valid_to is None:
            return True
        if not day:
            return False  # a dated descriptor needs a date to mean anyone
        d = day[:10]
        return (self.valid_from is None or d >= self.valid_from) and (
            self.valid_to is None or d < self.valid_to
        )


@lru_cache(maxsize=4)
def load_aliases(path: str | None = None) -> tuple[Alias, ...]:
    """The curated alias table (``rasd/link/data/aliases.json`` by default)."""
    if path is None:
        raw = (resources.files("rasd.link") / "data" / "aliases.json").read_text("utf-8")
    else:
        with open(path, encoding="utf-8") as f:
            raw = f.read()
    out: list[Alias] = []
    for e in json.loads(raw)["entities"]:
        canon, typ = e["canonical"], e.get("type", "")
        out.append(Alias(canon, typ, canon))
        out.extend(Alias(canon, typ, a) for a in e.get("aliases", []))
        for d in e.get("descriptors", []):
            out.append(Alias(canon, typ, d["name"], d.get("from"), d.get("to")))
    return tuple(out)


def _alias_key(name: str) -> str:
    if _LATIN.search(name) and not re.search(r"[\u0600-\u06FF]", name):
        return "lat:" + " ".join(re.sub(r"[^a-z0-9 ]", " ", name.lower()).split())
    return name_key(name)


# -- resolution ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class NameMention:
    """A name to resolve: surface form, optional ISO date (for descriptors) and type."""

    name: str
    date: str | None = None
    type: str | None = None


@dataclass
class Identity:
    id: str
    canonical: str
    type: str | None
    aliases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "canonical": self.canonical, "type": self.type,
                "aliases": self.aliases}  # fmt: skip


@dataclass(frozen=True)
class Overrides:
    """User corrections: names/keys to merge (pairs) and names to keep on their own."""

    merge: tuple[tuple[str, str], ...] = ()
    split: tuple[str, ...] = ()


class _UF:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, a: int) -> int:
        while self.p[a] != a:
            self.p[a] = self.p[self.p[a]]
            a = self.p[a]
        return a

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


def identity_id(canonical: str) -> str:
    """Stable id of an identity: hash of its canonical name key."""
    return "ent-" + hashlib.sha1(name_key(canonical).encode("utf-8")).hexdigest()[:12]


class Resolver:
    """Resolve name mentions to identities; see the module docstring for the rules."""

    def __init__(self, use_aliases: bool = True, overrides: Overrides | None = None,
                 alias_file: str | None = None) -> None:  # fmt: skip
        self.overrides = overrides or Overrides()
        self.aliases: dict[str, list[Alias]] = {}
        if use_aliases:
            for a in load_aliases(alias_file):
                self.aliases.setdefault(_alias_key(a.name), []).append(a)

    def alias_of(self, m: NameMention) -> Alias | None:
        for a in self.aliases.get(_alias_key(m.name), []):
            if a.valid(m.date) and (not m.type or not a.type or _compatible(m.type, a.type)):
                return a
        units = strip_titles(_units(m.name))
        # a descriptor followed by a name: "الرئيس السوري بشار الأسد" -> the name decides
        for k in range(len(units) - 1, 0, -1):
            head = " ".join(units[:k])
            for a in self.aliases.get(head, []):
                if a.valid_from or a.valid_to:
                    rest = " ".join(units[k:])
                    for b in self.aliases.get(rest, []):
                        return b
        return None

    def resolve(self, mentions: Sequence[NameMention]) -> tuple[list[str], dict[str, Identity]]:
        """Return the identity id of each mention and the identities by id."""
        n = len(mentions)
        uf = _UF(n)
        split = {normalize_key(s) for s in self.overrides.split}
        keys = [name_key(m.name) for m in mentions]
        org_stripped = [False] * n
        core = []
        for i, m in enumerate(mentions):
            u = strip_titles(_units(m.name))
            if len(u) > 1 and u[0] in ORG_HEADS:
                u = u[1:]
                org_stripped[i] = True
            core.append(u)
        skels = [skeleton(" ".join(c)) if not _LATIN.search(m.name) else skeleton(m.name)
                 for c, m in zip(core, mentions, strict=True)]  # fmt: skip
        alias = [self.alias_of(m) for m in mentions]
        locked = [keys[i] in split or normalize_key(mentions[i].name) in split for i in range(n)]

        by: dict[tuple[str, str], int] = {}

        def link(kind: str, value: str, i: int) -> None:
            if not value or locked[i]:
                return
            j = by.setdefault((kind, value), i)
            if j != i:
                uf.union(i, j)

        for i in range(n):
            known = alias[i]
            if known is not None:
                link("alias", known.entity, i)
                if known.valid_from or known.valid_to:
                    continue  # a dated descriptor means whoever held the role then, nothing else
            link("key", keys[i], i)
            link("core", " ".join(core[i]), i)
            sk = skels[i]
            if len(sk) >= 4 or (len(sk) >= 3 and (len(core[i]) >= 2 or len(mentions[i].name.split()) >= 2
                                                   or mentions[i].type in _PLACES)):
                link("skel", sk, i)
            link("core", _drop_patronymic(core[i]), i)
            if mentions[i].type in _PLACES:
                link("geo", _place_id(mentions[i].name), i)
        # containment: a longer name that ends with another multi-part name
        multi = {" ".join(c): i for i, c in enumerate(core) if len(c) >= 2}
        for i, c in enumerate(core):
            if locked[i]:
                continue
            for k in range(1, len(c) - 1):
                if c[k - 1] in _CONNECT or c[k - 1] in ROLES:
                    break
                tail = " ".join(c[k:])
                if tail in multi and not locked[multi[tail]]:
                    uf.union(i, multi[tail])
                    break
            for k in range(len(c) - 1, 1, -1):  # "محمد بن زايد" ⊂ "محمد بن زايد آل نهيان"
                head = " ".join(c[:k])
                if head in multi and not locked[multi[head]]:
                    j = multi[head]
                    rest = self.alias_of(NameMention(" ".join(c[k:]), mentions[i].date))
                    head_alias = alias[j]
                    if c[k] in ("ال", "آل") or (
                        rest is not None and head_alias is not None
                        and rest.entity == head_alias.entity
                    ):
                        uf.union(i, j)
                        break
        # short names: one family name -> the only person in the set carrying it
        last: dict[str, set[int]] = {}
        for i, c in enumerate(core):
            if len(c) >= 2 and not org_stripped[i] and (mentions[i].type in (None, "PER")):
                last.setdefault(drop_article(c[-1]), set()).add(uf.find(i))
        for i, c in enumerate(core):
            if len(c) != 1 or locked[i] or org_stripped[i] or alias[i] is not None:
                continue
            if mentions[i].type not in (None, "PER"):
                continue
            key = drop_article(c[0])
            if key in FIRST_NAMES or c[0] in FIRST_NAMES:
                continue
            if c[0].startswith("ال") and c[0].endswith("ي") and len(_units(mentions[i].name)) > 1:
                continue  # "الرئيس السوري": a title + nisba adjective, not a family name
            owners = {uf.find(x) for x in last.get(key, set())}
            if len(owners) == 1:
                uf.union(i, owners.pop())
        # user merges
        index: dict[str, list[int]] = {}
        for i, m in enumerate(mentions):
            index.setdefault(normalize_key(m.name), []).append(i)
            index.setdefault(keys[i], []).append(i)
        for a, b in self.overrides.merge:
            ia = index.get(normalize_key(a)) or index.get(name_key(a)) or []
            ib = index.get(normalize_key(b)) or index.get(name_key(b)) or []
            if ia and ib:
                uf.union(ia[0], ib[0])
        return self._identities(mentions, uf, alias)

    def _identities(self, mentions: Sequence[NameMention], uf: _UF,
                    alias: list[Alias | None]) -> tuple[list[str], dict[str, Identity]]:  # fmt: skip
        groups: dict[int, list[int]] = {}
        for i in range(len(mentions)):
            groups.setdefault(uf.find(i), []).append(i)
        ids = [""] * len(mentions)
        out: dict[str, Identity] = {}
        for members in groups.values():
            curated = next((alias[i] for i in members if alias[i] is not None), None)
            if curated is not None:
                canon, typ = curated.entity, curated.type or None
            else:
                arabic = [mentions[i].name for i in members if not _LATIN.search(mentions[i].name)]
                pool = arabic or [mentions[i].name for i in members]
                counts = Counter(name_key(n) for n in pool)
                shown = [_display(n) for n in pool]
                canon = max(shown, key=lambda n: (counts[name_key(n)], len(n.split()), n))
                types = Counter(mentions[i].type for i in members if mentions[i].type)
                typ = types.most_common(1)[0][0] if types else None
            ident = identity_id(canon)
            names = sorted({mentions[i].name for i in members})
            if ident in out:
                out[ident].aliases = sorted(set(out[ident].aliases) | set(names))
            else:
                out[ident] = Identity(ident, canon, typ, names)
            for i in members:
                ids[i] = ident
        return ids, out


_PLACES = {"LOC", "GPE", "FAC"}


@lru_cache(maxsize=65536)
def _place_id(name: str) -> str:
    """The gazetteer id of a place name when it names exactly one place ("" otherwise)."""
    from rasd.errors import ModelError
    from rasd.geo.gazetteer import default_gazetteer, key

    try:
        places = default_gazetteer().lookup(key(name))
    except ModelError:
        return ""
    return places[0].id if len(places) == 1 else ""


def _display(name: str) -> str:
    """The name as written, without leading titles ("الفريق أول عبد الفتاح البرهان" → …)."""
    words = name.split()
    while len(words) > 1 and normalize_key(words[0]) in TITLES:
        words = words[1:]
    return " ".join(words)


def _drop_patronymic(units: Sequence[str]) -> str:
    """"مساعد بن محمد العيبان" -> "مساعد العيبان" (not before "آل": that is a dynasty)."""
    if len(units) == 4 and units[1] in _CONNECT and units[3] not in ("آل",):
        return f"{units[0]} {units[3]}"
    return ""


def _compatible(a: str, b: str) -> bool:
    return a == b or (a in _PLACES and b in _PLACES)


def resolve_names(names: Iterable[str | NameMention], **kw: Any) -> list[str]:
    """Identity ids for plain names (convenience for scripts and tests)."""
    ms = [n if isinstance(n, NameMention) else NameMention(n) for n in names]
    return Resolver(**kw).resolve(ms)[0]


def document_mentions(docs: Iterable[Any]) -> list[tuple[str, str, NameMention]]:
    """``(doc id, span id, mention)`` for every non-boilerplate entity span of ``docs``."""
    out = []
    for d in docs:
        for s in d.layer("entities"):
            if s.attrs.get("boilerplate"):
                continue
            name = str(s.attrs.get("canonical") or d.span_text(s))
            out.append((d.id, s.id, NameMention(name, d.meta.published, s.label or None)))
    return out


def resolve_documents(
    docs: Iterable[Any], resolver: Resolver | None = None
) -> tuple[dict[tuple[str, str], str], dict[str, Identity]]:
    """Identity of every entity mention across ``docs``: ``{(doc id, span id): identity id}``."""
    rows = document_mentions(docs)
    ids, idents = (resolver or Resolver()).resolve([m for _, _, m in rows])
    return {(d, s): i for (d, s, _), i in zip(rows, ids, strict=True)}, idents

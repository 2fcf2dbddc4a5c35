"""In-document coreference of names: which mentions are the same real-world entity.

News repeats an entity in short forms: "كيم جونغ أون" … "كيم", "بشار الأسد" … "الأسد",
"كوريا الشمالية" … "بيونغ يانغ" (the capital standing for the state), "سورية" / "سوريا",
"داعش" / "تنظيم الدولة".  Rules, applied in order of reliability:

1. same folded name (article, tatweel and inner "و" ignored) and compatible type → same entity;
2. gazetteer identity: names sharing a gazetteer canonical form or ISO country code;
3. capital for state: a capital whose country is named in the document joins that country;
4. persons: a one- or two-word name contained in exactly one longer person name joins it
   ("الأسد" ⊂ "بشار الأسد", "كيم" ⊂ "كيم جونغ أون"); ambiguous short names stay alone.

The entity's canonical name is the gazetteer canonical if there is one, else the longest
mention.  Output is plain data; :mod:`rasd.extract.entities` turns it into layers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rasd.lang.ar import vocab
from rasd.lang.ar.clitics import drop_article
from rasd.lang.ar.normalize import normalize_key
from rasd.ner.gazetteer import Gazetteer, default_gazetteer, name_keys

#: types that may refer to the same entity (metonymy: a country as actor is tagged ORG too)
FAMILY = {"GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org", "PER": "per"}


@dataclass
class Cluster:
    id: str
    type: str
    canonical: str
    mentions: list[int] = field(default_factory=list)  # indices into the mention list


def _words(canonical: str) -> tuple[str, ...]:
    ws = [w for w in normalize_key(canonical).split() if w not in ("و", "ف")]
    return tuple(drop_article(w) for w in ws)


#: words of a state's formal style: "جمهورية العراق", "سلطنة عمان", "جمهورية إيران الإسلامية"
_STATE_WORDS = vocab.words("places", "state-word")


def _lookup(gaz: Gazetteer, canonical: str) -> tuple[str, str, str] | None:
    """Gazetteer entry of a name, also through a state's formal style ("جمهورية العراق")."""
    keys = name_keys(canonical)
    hit = gaz.lookup(keys)
    if hit is None and len(keys) > 1:
        core = [k for k in keys if k not in _STATE_WORDS]
        if core and len(core) < len(keys):
            inner = gaz.lookup(core)
            if inner and inner[2] and not inner[2].startswith("capital:"):
                return inner
    return hit


def cluster(
    mentions: Sequence[tuple[str, str]],
    gaz: Gazetteer | None = None,
    locative: Sequence[bool] | None = None,
) -> tuple[list[Cluster], list[int]]:
    """Cluster ``(type, canonical)`` mentions; returns clusters and each mention's cluster index.

    ``locative[i]`` marks a mention governed by a place preposition ("في دمشق", "إلى دمشق",
    "بدمشق"): there a capital is the city, not its state, and stays out of the state's entity.
    """
    gaz = gaz or default_gazetteer()
    n = len(mentions)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    words = [_words(c) for _, c in mentions]
    gz = [_lookup(gaz, c) for _, c in mentions]
    # a gazetteer place tagged ORG (a state acting: "روسيا فعلت") is still that place
    fam = [
        "place" if g and g[0] in ("GPE", "LOC") and t == "ORG" else FAMILY.get(t, t)
        for (t, _), g in zip(mentions, gz, strict=True)
    ]
    # 1 + 2: identical names, or one gazetteer identity, within a type family
    by_key: dict[tuple[str, object], int] = {}
    for i in range(n):
        keys: list[object] = [words[i]]
        entry = gz[i]
        if entry:
            _typ, canon, iso = entry
            if canon:
                keys.append(("canon", normalize_key(canon)))
            if iso and not iso.startswith("capital:"):
                keys.append(("iso", iso))
        for k in keys:
            j = by_key.setdefault((fam[i], k), i)
            if j != i:
                union(i, j)
    # 3: capital for state, only when that state is named in the document and the capital is
    # used as an actor ("أعلنت دمشق") at least as often as a place ("وصل إلى دمشق")
    use: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for i in range(n):
        entry = gz[i]
        iso = entry[2] if entry else ""
        if fam[i] == "place" and iso.startswith("capital:"):
            use[i][int(bool(locative and locative[i]))] += 1
    by_root: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for i, (actor, place) in use.items():
        by_root[find(i)][0] += actor
        by_root[find(i)][1] += place
    for i in use:
        actor, place = by_root[find(i)]
        entry = gz[i]
        assert entry is not None  # only capitals found in the gazetteer are in ``use``
        state = by_key.get(("place", ("iso", entry[2].split(":", 1)[1])))
        if state is not None and actor >= place:
            union(i, state)
    # 4: short person names contained in exactly one longer person name
    long_names = {find(i): words[i] for i in range(n) if fam[i] == "per" and len(words[i]) >= 2}
    for i in range(n):
        if fam[i] != "per" or len(words[i]) > 2:
            continue
        hosts = {
            r for r, w in long_names.items()
            if r != find(i) and len(w) > len(words[i]) and set(words[i]) <= set(w)
        }  # fmt: skip
        if len(hosts) == 1:
            union(i, hosts.pop())
    # collect
    roots: dict[int, int] = {}
    clusters: list[Cluster] = []
    assign = [0] * n
    for i in range(n):
        r = find(i)
        if r not in roots:
            roots[r] = len(clusters)
            clusters.append(Cluster(f"e{len(clusters)}", "", ""))
        clusters[roots[r]].mentions.append(i)
        assign[i] = roots[r]
    for c in clusters:
        types = Counter(mentions[i][0] for i in c.mentions)
        c.type = types.most_common(1)[0][0]
        entries = [gz[i] for i in c.mentions]
        canon = next((e[1] for e in entries if e and e[1]), "")
        if not canon:  # a state's usual short name rather than its formal style
            short = [
                mentions[i][1]
                for i, e in zip(c.mentions, entries, strict=True)
                if e and e[2] and not e[2].startswith("capital:")
                and gaz.lookup(name_keys(mentions[i][1])) is not None
            ]  # fmt: skip
            if short:
                canon = Counter(short).most_common(1)[0][0]
        if not canon:
            best = max(c.mentions, key=lambda i: (len(words[i]), len(mentions[i][1]), -i))
            canon = mentions[best][1]
        c.canonical = canon
    return clusters, assign

"""Documents → FollowTheMoney entities (JSON lines) that Aleph can use (``ftm`` / ``alephclient``).

What each analysed layer becomes (property names checked against followthemoney 4.x):

* the document → one ``Article`` (title, body text, publisher, date, URL) whose
  ``addressEntity`` lists the places it names;
* a person / organisation mention → a resolved ``Person`` / ``Organization`` (one per
  cross-document entity id, so the identity layer's merges carry over) and a ``Mention``
  (``document``, ``resolved``, ``name``, ``detectedSchema``).  A title written right before a
  person ("وزير الخارجية الأميركي | جون كيري") becomes that person's ``position``;
* titles are never entities: ``OCC`` mentions (the tagger's label for job titles, "الرئيس",
  "الملك") and person names made only of title words ("الأمير", "ولي") are not exported
  (:func:`title_only`);
* a nationality group (``NORP``: "البريطانيين") → FtM has no group-of-people schema and an
  ``Organization`` claims an incorporated body, so it is a ``Mention`` without ``resolved``
  whose ``contextCountry`` is the country the nationality names when there is exactly one
  ("العرب", "المسلمين": none, the name is still searchable);
* a place (places layer) → an ``Address`` per gazetteer place (``full``/``name``, ``alias`` =
  the English name, ``latitude``, ``longitude``, ``country``); place-type entity mentions
  (GPE/LOC/FAC) → a ``Mention`` with ``detectedSchema`` ``Address`` and ``contextCountry``
  (``Mention.resolved`` ranges over legal entities, not addresses);
* an event → ``Event`` with ``involved`` (the people/organisations whose mentions overlap its
  actor, target or participant arguments), ``addressEntity`` (its place's ``Address``),
  ``location``/``country``, ``date``, ``proof`` (the article);
* a quote → FtM has no quote or statement-of-speech schema.  The closest faithful form is a
  ``Documentation`` — the interval linking a document to an entity it documents — with the
  speaker as ``entity``, the article as ``document``, ``role`` "quoted", the quoted words as
  ``summary`` and the speaker phrase as written in ``namesMentioned``; Aleph shows it on both
  the speaker's and the article's page.  A quote whose speaker is not an exported person or
  organisation (an anonymous "مسؤولون", a title only) is a ``Note`` on the article with the
  same words (``Documentation`` requires an entity).

Entities are built and cleaned with the ``followthemoney`` package when installed (the
``[ftm]`` extra); otherwise the same documented JSON shape (``{"id", "schema", "properties":
{name: [values]}}``) is written by hand.  A person met again with a new position is written
again as a fragment with the same id, which ``ftm aggregate`` and Aleph merge.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TextIO

from rasd.doc import Document
from rasd.lang.ar import vocab
from rasd.lang.ar.normalize import normalize_key
from rasd.store import records

if TYPE_CHECKING:
    from followthemoney import Model

#: Entity labels exported as resolved entities (Mention.resolved ranges over LegalEntity).
SCHEMA_OF_LABEL = {
    "PER": "Person", "PERS": "Person", "PERSON": "Person",
    "ORG": "Organization",
}
#: Labels of place names: Mentions detected as Address, linked to the places layer's Address.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: The tagger's label for titles and offices (rasd.extract.entities).
TITLE_LABELS = frozenset({"OCC"})
#: Nationality / religious / political groups.
GROUP_LABELS = frozenset({"NORP"})
#: Event arguments whose entities take part in the event (FtM ``involved``).
PARTICIPANT_ARGS = ("actors", "agent", "actor", "actor1", "target", "patient", "actor2",
                    "participants")


def _load_model() -> Model | None:
    """The followthemoney schema model, or None without the package (hand-written JSON then)."""
    try:  # pragma: no branch - decided once at import
        from followthemoney import model
    except ImportError:  # pragma: no cover - exercised only without the package
        return None
    return model


_model = _load_model()


def _id(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(["rasd", *parts]).encode("utf-8")).hexdigest()


def _entity(schema: str, key: tuple[str, ...], props: Mapping[str, Any]) -> dict[str, Any]:
    """One FtM entity as a plain dict; cleaned and validated by followthemoney when available."""
    clean = {k: [str(x) for x in (v if isinstance(v, (list, tuple, set)) else [v])
                 if x not in (None, "")]
             for k, v in props.items()}
    clean = {k: sorted(set(v)) if len(v) > 1 else v for k, v in clean.items() if v}
    if _model is not None:
        proxy = _model.make_entity(schema)
        proxy.id = _id(schema, *key)
        for k, vals in clean.items():
            for v in vals:
                proxy.add(k, v)
        return proxy.to_dict()
    return {"id": _id(schema, *key), "schema": schema, "properties": clean}


@cache
def _title_words() -> frozenset[str]:
    """Folded words that are titles or offices, never a name on their own: the titles list
    (rasd/lang/ar/vocab/titles.tsv) and the person titles learnt from NewsFANE, minus the
    nationality adjectives the latter holds ("التركي" is also a family name)."""
    from rasd.extract.places import nationality_country
    from rasd.ner.gazetteer import default_gazetteer

    listed = vocab.words("titles", "title", "name-title", "role-noun", "honorific-pronoun")
    learnt = {w for w in default_gazetteer().titles if nationality_country(w) is None}
    return frozenset(listed | learnt)


def title_only(name: str) -> bool:
    """Is ``name`` made only of title words ("الأمير", "الرئيس", "ولي")?  Such a person
    "name" is an office, not someone Aleph could match."""
    key = normalize_key(name)
    words = key.split()
    titles = _title_words()
    return not words or key in titles or all(w in titles for w in words)


def _country(name: str) -> str | None:
    from rasd.extract.places import nationality_country

    return nationality_country(name)


def _overlaps(row: Mapping[str, Any], a: int, b: int) -> bool:
    return bool(row["start"] < b and a < row["end"])


class _Doc:
    """One document's records with what the FtM mapping needs looked up once."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.flat = records.flatten(doc)
        self.rows = sorted((r for r in self.flat.entities if not r["boilerplate"]),
                           key=lambda r: (r["start"], r["end"]))
        self.place_of_entity: dict[str, dict[str, Any]] = {}
        self.place_attrs: dict[str, Mapping[str, Any]] = {}
        for p in self.flat.places:
            span = records.find_span(doc, p["span_id"], ("places",))
            attrs = span.attrs if span is not None else {}
            self.place_attrs[p["span_id"]] = attrs
            linked = attrs.get("entity")
            if isinstance(linked, str):
                self.place_of_entity[linked] = p

    def schema_of(self, row: Mapping[str, Any]) -> str | None:
        """The resolved schema of an entity mention, None when it is not exported as one."""
        schema = SCHEMA_OF_LABEL.get(row["label"])
        if schema is None:
            return None
        name = self.flat.clusters[row["entity_id"]]["name"]
        if schema == "Person" and title_only(name):  # a mention "الشيخ" of a named cluster stays
            return None
        return schema

    def positions(self) -> dict[str, set[str]]:
        """Titles written right before a person mention (only spaces between), by entity id."""
        text = self.doc.text
        title_at: dict[int, str] = {}
        for r in self.rows:
            if r["label"] in TITLE_LABELS:
                title_at[r["end"]] = str(r.get("canonical") or r["text"])
        out: dict[str, set[str]] = {}
        for r in self.rows:
            if r["label"] not in ("PER", "PERS", "PERSON"):
                continue
            before = text[: r["start"]]
            title = title_at.get(len(before.rstrip()))
            if title is not None and before.rstrip() != before:
                out.setdefault(r["entity_id"], set()).add(title)
        return out


def _address(p: Mapping[str, Any], attrs: Mapping[str, Any]) -> dict[str, Any]:
    return _entity("Address", (p["place_id"],), {
        "full": p["name"], "name": p["name"], "alias": attrs.get("name_en"),
        "latitude": p["lat"], "longitude": p["lon"], "country": p["country"],
    })


def entities(doc: Document, seen: set[str],
             known: dict[str, set[str]] | None = None) -> Iterator[dict[str, Any]]:
    """FtM entities for one document; ``seen`` suppresses repeated resolved entities and
    ``known`` (entity id → positions already written) lets a new position be added later."""
    known = {} if known is None else known
    d = _Doc(doc)
    meta = doc.meta
    day = (meta.published or "")[:10] or None
    article_id = _id("Article", doc.id)
    # places first: the article and the events point to them
    addresses: dict[str, dict[str, Any]] = {}
    for p in d.flat.places:
        if p["place_id"] not in addresses:
            addresses[p["place_id"]] = _address(p, d.place_attrs[p["span_id"]])
    for r in d.rows:
        if r["label"] in PLACE_LABELS and r["span_id"] not in d.place_of_entity:
            # a place name the gazetteer did not resolve: an Address by its name
            name = d.flat.clusters[r["entity_id"]]["name"]
            pid = records.place_id(name)
            if pid not in addresses:
                addresses[pid] = _entity("Address", (pid,), {"full": name, "name": name})
    yield _entity("Article", (doc.id,), {
        "title": meta.title or doc.text[:80],
        "bodyText": doc.text,
        "publisher": meta.outlet,
        "publishedAt": day,
        "sourceUrl": meta.url,
        "author": meta.author,
        "language": "ara",
        "contentHash": hashlib.sha1(doc.text.encode("utf-8")).hexdigest(),
        "fileName": meta.source,
        "addressEntity": [a["id"] for a in addresses.values()],
    })
    for a in addresses.values():
        if a["id"] not in seen:
            seen.add(a["id"])
            yield a
    yield from _entities_and_mentions(d, article_id, seen, known)
    yield from _quotes(d, article_id, day)
    yield from _events(d, article_id, day, addresses)


def _entities_and_mentions(d: _Doc, article_id: str, seen: set[str],
                           known: dict[str, set[str]]) -> Iterator[dict[str, Any]]:
    positions = d.positions()
    mentioned: set[tuple[str, str]] = set()
    for r in d.rows:
        label, name = r["label"], d.flat.clusters[r["entity_id"]]["name"]
        if label in TITLE_LABELS:
            continue
        schema = d.schema_of(r)
        if schema is not None:
            new = positions.get(r["entity_id"], set()) - known.get(r["entity_id"], set())
            ent_id = _id(schema, r["entity_id"])
            if ent_id not in seen or new:
                seen.add(ent_id)
                known.setdefault(r["entity_id"], set()).update(new)
                yield _entity(schema, (r["entity_id"],), {"name": name, "position": new})
            props: dict[str, Any] = {"resolved": ent_id, "detectedSchema": schema}
        elif label in PLACE_LABELS:
            p = d.place_of_entity.get(r["span_id"])
            props = {"detectedSchema": "Address",
                     "contextCountry": p["country"] if p else _country(name)}
        elif label in GROUP_LABELS:
            props = {"contextCountry": _country(name)}
        elif label in SCHEMA_OF_LABEL:  # a person "name" made of titles only
            continue
        else:  # a named event, an unknown label: the name is searchable, not an entity
            props = {}
        if (r["entity_id"], r["text"]) in mentioned:
            continue
        mentioned.add((r["entity_id"], r["text"]))
        yield _entity("Mention", (d.doc.id, r["entity_id"], r["text"]),
                      {"document": article_id, "name": r["text"], **props})


def _exported(d: _Doc) -> dict[str, tuple[str, str]]:
    """Entity id → (FtM schema, FtM id) of the resolved entities this document exports."""
    out = {}
    for r in d.rows:
        schema = d.schema_of(r)
        if schema is not None:
            out[r["entity_id"]] = (schema, _id(schema, r["entity_id"]))
    return out


def _speaker(d: _Doc, q: Mapping[str, Any], exported: Mapping[str, tuple[str, str]]
             ) -> str | None:
    """The entity id of a quote's speaker: the entity the quote extractor linked (its
    ``entity`` names an in-document cluster), else the person named in the speaker phrase
    ("المتحدث باسم الجيش السوداني نبيل عبد الله" is Nabil, not the army), else the
    organisation the archive's quote row found there."""
    span = records.find_span(d.doc, q["span_id"], ("quotes",))
    ref = span.attrs.get("speaker") if span is not None else None
    cluster = ref.get("entity") if isinstance(ref, Mapping) else None
    if isinstance(cluster, str):
        for r in d.rows:
            if r["cluster"] == cluster and r["entity_id"] in exported:
                return str(r["entity_id"])
    a, b = q["speaker_start"], q["speaker_end"]
    if a is not None and b is not None:
        people = [r for r in d.rows if _overlaps(r, a, b) and r["entity_id"] in exported
                  and exported[r["entity_id"]][0] == "Person"]
        if people:
            return str(people[-1]["entity_id"])
    return q["speaker_entity"]  # type: ignore[no-any-return]


def _quotes(d: _Doc, article_id: str, day: str | None) -> Iterator[dict[str, Any]]:
    exported = _exported(d)
    meta = d.doc.meta
    for q in d.flat.quotes:
        speaker = exported.get(_speaker(d, q, exported) or "")
        common = {"summary": q["content"], "namesMentioned": q["speaker"],
                  "publisher": meta.outlet, "sourceUrl": meta.url}
        if speaker is not None:
            yield _entity("Documentation", (d.doc.id, q["span_id"]), {
                **common, "document": article_id, "entity": speaker[1], "role": "quoted",
                "date": day,
            })
        else:
            yield _entity("Note", (d.doc.id, q["span_id"]), {
                **common, "entity": article_id, "proof": article_id,
                "name": f"{q['speaker'] or '—'}: {q['cue'] or ''}".strip(),
                "description": q["content"],
            })


def _participants(d: _Doc, attrs: Mapping[str, Any], exported: Mapping[str, tuple[str, str]]
                  ) -> list[str]:
    """FtM ids of the exported entities whose mentions overlap the event's actor, target or
    participant arguments ("قوات الجيش السوداني" holds the organisation "الجيش السوداني")."""
    ids: list[str] = []
    for k in PARTICIPANT_ARGS:
        v = attrs.get(k)
        for ref in v if isinstance(v, list) else ([v] if v is not None else []):
            _, a, b = records.resolve(d.doc, ref, ("entities",))
            if a is None or b is None:
                continue
            for r in d.rows:
                hit = exported.get(r["entity_id"])
                if hit is not None and _overlaps(r, a, b) and hit[1] not in ids:
                    ids.append(hit[1])
    return ids


def _events(d: _Doc, article_id: str, day: str | None,
            addresses: Mapping[str, Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    exported = _exported(d)
    meta = d.doc.meta
    country_of = {p["place_id"]: p["country"] for p in d.flat.places}
    for r in d.flat.events:
        attrs = json.loads(r["attrs"]) if r["attrs"] else {}
        actors = json.loads(r["actors"]) if r["actors"] else []
        address = addresses.get(r["place_id"] or "")
        place_ref = attrs.get("place")
        country = country_of.get(r["place_id"] or "")
        if country is None and isinstance(place_ref, Mapping):
            country = place_ref.get("country")
        yield _entity("Event", (d.doc.id, r["span_id"]), {
            "name": f"{r['label'] or attrs.get('type') or 'event'}: {' '.join(r['text'].split())}",
            "summary": r["text"],
            "date": r["date"] or day,
            "location": r["place"],
            "addressEntity": address["id"] if address else None,
            "country": country,
            "involved": _participants(d, attrs, exported),
            "namesMentioned": actors,
            "proof": article_id,
            "sourceUrl": meta.url,
            "publisher": meta.outlet,
        })


def write_ftm(docs: Iterable[Document], out: TextIO) -> int:
    seen: set[str] = set()
    known: dict[str, set[str]] = {}
    n = 0
    for doc in docs:
        for ent in entities(doc, seen, known):
            out.write(json.dumps(ent, ensure_ascii=False, sort_keys=True))
            out.write("\n")
            n += 1
    return n

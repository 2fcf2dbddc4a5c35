"""Corrections by people, kept as W3C Web Annotations and re-applied after every analysis.

A reader can **accept**, **reject** or **relabel** any extraction (entity, place, time, quote,
event … any layer) and **merge** or **split** entities.  Each correction is one Web Annotation
(JSON-LD, https://www.w3.org/TR/annotation-model/):

* ``motivation`` — ``assessing`` (accept/reject) or ``editing`` (relabel/merge/split);
* ``target`` — the document (``urn:rasd:doc:<id>``) with a ``TextPositionSelector`` (character
  offsets) *and* a ``TextQuoteSelector`` (exact text + prefix/suffix), plus the layer name.
  Corrections address *what the text says where*, never a span id: ids change when a newer
  model re-analyses the archive, offsets into the immutable text do not (and the quote
  selector re-anchors the correction if the offsets ever stop matching);
* ``body`` — what to do (``rasd:action``, new ``rasd:label`` / ``rasd:attrs``) and a plain
  text description; ``creator`` and ``created`` say who and when.

:func:`apply_corrections` applies them to an analysed document *after* the pipeline ran, so
they survive re-analysis with any model: :class:`CorrectedPipeline` wraps a pipeline to do this
for ``store.reanalyze``, and :func:`reapply` rewrites stored documents so every view and
export (which all read the store) shows the corrected record.  Applied corrections are listed
in ``doc.relations["corrections"]``; rejected spans are removed from their layer but remain
listed there, so nothing disappears silently.  :func:`training_examples` turns corrected
documents into BIO/JSONL training data for the next model.
"""

from __future__ import annotations

import builtins
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as pkg_version
from typing import TYPE_CHECKING, Any, Literal, cast

from rasd.doc import Document, Span
from rasd.errors import InputError

if TYPE_CHECKING:
    from rasd.pipeline import Analyzer
    from rasd.store.sql import SQLStore

Action = Literal["accept", "reject", "relabel", "merge", "split"]
ACTIONS = ("accept", "reject", "relabel", "merge", "split")
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
RASD_NS = "https://rasd.invalid/ns#"
DOC_URN = "urn:rasd:doc:"
ENTITY_URN = "urn:rasd:entity:"
_CTX_CHARS = 32


# -- building annotations ----------------------------------------------------------------------


def timestamp() -> str:
    """An annotation's ``created``/``generated``: UTC date-time to the second (xsd:dateTime)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def software_agent() -> dict[str, Any]:
    """rasd as a W3C ``Software`` agent (the generator of every annotation it writes, and the
    creator of the ones its analysis made), with its version."""
    try:
        version = pkg_version("rasd")
    except PackageNotFoundError:
        version = "0"
    return {"type": "Software", "name": f"rasd {version}",
            "homepage": "https://rasd.invalid/"}


def _ann_id(content: Mapping[str, Any]) -> str:
    raw = json.dumps(content, ensure_ascii=False, sort_keys=True)
    return "urn:rasd:correction:" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def span_target(doc: Document, layer: str, start: int, end: int) -> dict[str, Any]:
    """Target of a span annotation (corrections and exported quotes alike): the rasd document
    as ``source``, offsets + exact quote with context (re-anchorable), the page as ``scope``."""
    if not (0 <= start < end <= len(doc.text)):
        raise InputError(f"offsets {start}:{end} are outside the document ({len(doc.text)} chars)")
    target: dict[str, Any] = {
        "source": DOC_URN + doc.id,
        "rasd:layer": layer,
        "selector": [
            {"type": "TextPositionSelector", "start": start, "end": end},
            {
                "type": "TextQuoteSelector",
                "exact": doc.text[start:end],
                "prefix": doc.text[max(0, start - _CTX_CHARS) : start],
                "suffix": doc.text[end : end + _CTX_CHARS],
            },
        ],
    }
    if doc.meta.url:  # where the text was read from; the offsets count into rasd's text
        target["scope"] = doc.meta.url
    return target


def _require_extraction(doc: Document, layer: str, start: int, end: int) -> None:
    """Reject/relabel must name an extraction that exists, else nothing would change while
    the correction is stored as if it had (an unknown layer name raises [E201])."""
    spans = doc.layer(layer)
    if any(s.start == start and s.end == end for s in spans):
        return
    near = sorted(spans, key=lambda s: abs(s.start - start) + abs(s.end - end))[:3]
    hint = ", ".join(f"{s.start}:{s.end} «{doc.text[s.start:s.end]}»" for s in near)
    raise InputError(f"no {layer} extraction at {start}:{end}"
                     + (f"; nearest: {hint}" if hint else f"; the document has no {layer}"))


def make_correction(
    action: Action,
    creator: str,
    *,
    doc: Document | None = None,
    layer: str | None = None,
    start: int | None = None,
    end: int | None = None,
    label: str | None = None,
    attrs: Mapping[str, Any] | None = None,
    entity: str | None = None,
    other: str | None = None,
    note: str | None = None,
    created: str | None = None,
) -> dict[str, Any]:
    """Build one correction as a Web Annotation.

    Span actions (accept/reject/relabel) need ``doc``, ``layer``, ``start``, ``end``;
    ``merge`` needs ``entity`` and ``other`` (names or identity ids: ``other`` is merged into
    ``entity``); ``split`` needs ``entity`` (a name to keep apart from the identity it joined).
    """
    if action not in ACTIONS:
        raise InputError(f"unknown correction action {action!r}; use one of {ACTIONS}")
    body: dict[str, Any] = {"type": "TextualBody", "format": "text/plain", "rasd:action": action}
    if action in ("accept", "reject", "relabel"):
        if doc is None or layer is None or start is None or end is None:
            raise InputError(f"{action} needs a document, a layer and start/end offsets")
        target: Any = span_target(doc, layer, start, end)
        if action != "accept":  # accept may add what the model missed; the others need a span
            _require_extraction(doc, layer, start, end)
        what = f"{layer} «{doc.text[start:end]}» [{start}:{end}]"
        if label:
            body["rasd:label"] = label
        if attrs:
            body["rasd:attrs"] = dict(attrs)
        desc = {"accept": f"accepted {what}", "reject": f"rejected {what}",
                "relabel": f"relabelled {what}"}[action]  # fmt: skip
        if action == "relabel":
            if not label and not attrs:
                raise InputError("relabel needs a new label or attributes")
            parts = [label or "", json.dumps(attrs, ensure_ascii=False) if attrs else ""]
            desc += " as " + " ".join(p for p in parts if p)
    elif action == "merge":
        if not entity or not other:
            raise InputError("merge needs two entities")
        target = [{"source": ENTITY_URN + entity, "rasd:name": entity},
                  {"source": ENTITY_URN + other, "rasd:name": other}]  # fmt: skip
        desc = f"merged «{other}» into «{entity}»"
    else:  # split
        if not entity:
            raise InputError("split needs an entity name")
        target = {"source": ENTITY_URN + entity, "rasd:name": entity}
        desc = f"split «{entity}» from the identity it had joined"
    body["value"] = desc + (f" — {note}" if note else "")
    body["purpose"] = "assessing" if action in ("accept", "reject") else "editing"
    ann: dict[str, Any] = {
        "@context": [CONTEXT, {"rasd": RASD_NS}],
        "type": "Annotation",
        "motivation": body["purpose"],
        "creator": {"type": "Person", "name": creator},
        "created": created or timestamp(),
        "generator": software_agent(),
        "body": body,
        "target": target,
    }
    ann["id"] = _ann_id(ann)
    return ann


# -- reading annotations -------------------------------------------------------------------------


def action_of(ann: Mapping[str, Any]) -> str:
    return str(ann.get("body", {}).get("rasd:action", ""))


def doc_id_of(ann: Mapping[str, Any]) -> str | None:
    t = ann.get("target")
    if isinstance(t, Mapping) and str(t.get("source", "")).startswith(DOC_URN):
        return str(t["source"])[len(DOC_URN) :]
    return None


def _selectors(target: Mapping[str, Any]) -> tuple[dict, dict]:
    pos, quote = {}, {}
    for s in target.get("selector", []):
        if s.get("type") == "TextPositionSelector":
            pos = s
        elif s.get("type") == "TextQuoteSelector":
            quote = s
    return pos, quote


def anchor(doc: Document, target: Mapping[str, Any]) -> tuple[int, int] | None:
    """Offsets a span target refers to in ``doc``: the position if the quoted text is still
    there, else the best match of exact+prefix+suffix, else None (unanchored)."""
    pos, quote = _selectors(target)
    exact = quote.get("exact")
    if pos:
        a, b = int(pos["start"]), int(pos["end"])
        if exact is None or doc.text[a:b] == exact:
            return a, b
    if not exact:
        return None
    prefix, suffix = quote.get("prefix", ""), quote.get("suffix", "")
    best, best_score = None, -1
    i = doc.text.find(exact)
    while i >= 0:
        score = int(doc.text[max(0, i - len(prefix)) : i] == prefix) + int(
            doc.text[i + len(exact) : i + len(exact) + len(suffix)] == suffix
        )
        if score > best_score:
            best, best_score = (i, i + len(exact)), score
        i = doc.text.find(exact, i + 1)
    return best


# -- applying -----------------------------------------------------------------------------------


def _patch(attrs: Mapping[str, Any], patch: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(attrs)
    for k, v in patch.items():
        if isinstance(v, Mapping) and isinstance(out.get(k), Mapping):
            out[k] = _patch(out[k], v)
        elif v is None:
            out.pop(k, None)
        else:
            out[k] = v
    return out


def _mark(ann: Mapping[str, Any]) -> dict[str, Any]:
    return {"action": action_of(ann), "annotation": ann.get("id"),
            "by": ann.get("creator", {}).get("name"), "at": ann.get("created")}  # fmt: skip


def _entity_name(doc: Document, s: Span) -> str:
    return str(s.attrs.get("entity") or s.attrs.get("canonical") or doc.span_text(s))


def _same_entity(doc: Document, s: Span, name: str) -> bool:
    from rasd.link.resolve import name_key

    key = name_key(name)
    return key in {name_key(_entity_name(doc, s)), name_key(str(s.attrs.get("canonical") or "")),
                   name_key(doc.span_text(s))}  # fmt: skip


def apply_corrections(doc: Document, corrections: Iterable[Mapping[str, Any]]) -> Document:
    """Apply corrections (oldest first; the latest word wins) to an analysed document.

    Span corrections for other documents are ignored; merge/split corrections apply to every
    document.  Returns ``doc`` (changed in place) with ``relations["corrections"]`` listing
    each correction that concerned it and whether it could be anchored.
    """
    applied: list[dict[str, Any]] = []
    for ann in sorted(corrections, key=lambda a: (a.get("created", ""), a.get("id", ""))):
        act = action_of(ann)
        if act in ("merge", "split"):
            n = _apply_entity(doc, ann, act)
            if n:
                applied.append({**_mark(ann), "spans": n})
            continue
        if doc_id_of(ann) != doc.id:
            continue
        target = ann["target"]
        layer = str(target.get("rasd:layer", ""))
        where = anchor(doc, target)
        rec = {**_mark(ann), "layer": layer}
        if where is None:
            applied.append({**rec, "status": "unanchored"})
            continue
        a, b = where
        rec.update(start=a, end=b, text=doc.text[a:b])
        spans = list(doc.layer(layer))
        hit = [i for i, s in enumerate(spans) if (s.start, s.end) == (a, b)]
        body = ann.get("body", {})
        if act == "reject":
            removed = [spans[i] for i in hit]
            spans = [s for i, s in enumerate(spans) if i not in hit]
            rec["removed"] = [s.id for s in removed]
            if removed:
                rec["label"] = removed[0].label
        else:
            new_label = body.get("rasd:label")
            patch = body.get("rasd:attrs") or {}
            if hit:
                for i in hit:
                    s = spans[i]
                    attrs = _patch(s.attrs, patch) if act == "relabel" else dict(s.attrs)
                    attrs["corrected"] = _mark(ann)
                    spans[i] = replace(s, label=new_label or s.label, attrs=attrs)
            else:  # the model missed it: the person's reading is added
                attrs = _patch({}, patch)
                attrs["corrected"] = _mark(ann)
                prefix = layer[:3]
                spans.append(Span(a, b, new_label or "", f"{prefix}c{len(spans)}", attrs))
                rec["added"] = True
        doc.set_layer(layer, sorted(spans, key=lambda s: (s.start, s.end)), as_is=True)
        applied.append({**rec, "status": "applied"})
    if applied:
        doc.set_relation("corrections", applied)
    return doc


def _apply_entity(doc: Document, ann: Mapping[str, Any], act: str) -> int:
    targets = ann["target"] if isinstance(ann["target"], list) else [ann["target"]]
    names = [str(t.get("rasd:name", "")) for t in targets]
    spans = list(doc.layer("entities"))
    n = 0
    for i, s in enumerate(spans):
        if act == "merge" and _same_entity(doc, s, names[1]):
            attrs = {**s.attrs, "entity": names[0], "merged_from": _entity_name(doc, s),
                     "corrected": _mark(ann)}  # fmt: skip
            spans[i] = replace(s, attrs=attrs)
            n += 1
        elif act == "split" and _same_entity(doc, s, names[0]):
            own = str(s.attrs.get("canonical") or doc.span_text(s))
            attrs = {**s.attrs, "entity": own, "split": True, "corrected": _mark(ann)}
            spans[i] = replace(s, attrs=attrs)
            n += 1
    if n:
        doc.set_layer("entities", spans, as_is=True)
    return n


def resolver_overrides(corrections: Iterable[Mapping[str, Any]]) -> Any:
    """Merge/split corrections as :class:`rasd.link.resolve.Overrides`."""
    from rasd.link.resolve import Overrides

    merge, split = [], []
    for ann in corrections:
        t = ann.get("target")
        if action_of(ann) == "merge" and isinstance(t, list) and len(t) == 2:
            merge.append((t[0]["rasd:name"], t[1]["rasd:name"]))
        elif action_of(ann) == "split" and isinstance(t, Mapping):
            split.append(t["rasd:name"])
    return Overrides(tuple(merge), tuple(split))


# -- storage ------------------------------------------------------------------------------------


class CorrectionStore:
    """The corrections of an archive: the ``corrections`` table of its schema
    (:data:`rasd.store.schema.corrections`, created by migration 0004).

    ``target`` is an open store, or a path/URL that is opened (and migrated) here.
    """

    def __init__(self, target: Any) -> None:
        from rasd.store import open_store
        from rasd.store.schema import corrections

        opened = target if hasattr(target, "engine") else open_store(str(target))
        self.store = cast("SQLStore", opened)  # the table lives in the SQL archive
        self.engine = self.store.engine
        self.table = corrections

    def add(self, ann: Mapping[str, Any]) -> str:
        from sqlalchemy import delete, insert

        row = {"id": ann["id"], "doc_id": doc_id_of(ann), "action": action_of(ann),
               "created": ann["created"], "creator": ann.get("creator", {}).get("name"),
               "annotation": json.dumps(ann, ensure_ascii=False)}  # fmt: skip
        with self.store.write() as c:
            c.execute(delete(self.table).where(self.table.c.id == ann["id"]))
            c.execute(insert(self.table).values(**row))
        return str(ann["id"])

    def remove(self, ann_id: str) -> bool:
        from sqlalchemy import delete

        with self.store.write() as c:
            return bool(c.execute(delete(self.table).where(self.table.c.id == ann_id)).rowcount)

    def list(self, doc_id: str | None = None, entity_level: bool = True) -> list[dict[str, Any]]:
        """Corrections for ``doc_id`` (plus merge/split ones when ``entity_level``), or all."""
        from sqlalchemy import or_, select

        t = self.table
        stmt = select(t.c.annotation).order_by(t.c.created, t.c.id)
        if doc_id is not None:
            cond = t.c.doc_id == doc_id.replace("\x00", "")  # PostgreSQL text holds no NUL
            stmt = stmt.where(or_(cond, t.c.doc_id.is_(None)) if entity_level else cond)
        with self.store.read() as c:
            return [json.loads(r[0]) for r in c.execute(stmt)]

    def doc_ids(self) -> builtins.list[str]:
        from sqlalchemy import select

        with self.store.read() as c:
            rows = c.execute(select(self.table.c.doc_id).distinct())
            return sorted(r[0] for r in rows if r[0])

    def has_entity_level(self) -> bool:
        return any(doc_id_of(a) is None for a in self.list())


@dataclass(frozen=True)
class CorrectionSet:
    """Every stored correction, loaded once: what identity linking
    (:func:`rasd.identities.link_identities`) applies before resolving names."""

    annotations: tuple[Mapping[str, Any], ...] = ()

    @classmethod
    def load(cls, store: Any) -> CorrectionSet:
        return cls(tuple(CorrectionStore(store).list()))

    def apply(self, doc: Document) -> Document:
        return apply_corrections(doc, self.annotations)

    def overrides(self) -> Any:
        return resolver_overrides(self.annotations)


class CorrectedPipeline:
    """A pipeline that applies stored corrections after analysing (for ``store.reanalyze``).

    Exposes the wrapped pipeline's ``components``/``config`` so version bookkeeping works.
    """

    def __init__(self, pipeline: Analyzer, corrections: CorrectionStore) -> None:
        self.pipeline = pipeline
        self.components = pipeline.components
        self.config = pipeline.config
        self._all = corrections.list()

    def __call__(self, doc: Document) -> Document:
        self.pipeline(doc)
        return apply_corrections(doc, self._all)


def touched_documents(store: Any, ann: Mapping[str, Any]) -> builtins.list[str]:
    """Ids of the stored documents one correction can change.

    A span correction names its document.  A merge/split addresses entity names: the
    documents with a mention whose entity name (``entity_clusters.name``) or mention text
    folds (:func:`rasd.link.resolve.name_key`, as :func:`apply_corrections` compares them) to
    one of the names.  Found from the archive's tables, without loading any document, so a
    correction on a 10,000-document archive re-stores only the documents it touches.
    """
    doc_id = doc_id_of(ann)
    if doc_id is not None:
        return [doc_id]
    from sqlalchemy import select

    from rasd.link.resolve import name_key
    from rasd.store import schema as S

    targets = ann["target"] if isinstance(ann["target"], list) else [ann["target"]]
    keys = {name_key(str(t.get("rasd:name", ""))) for t in targets} - {""}
    E, C = S.entities, S.entity_clusters
    with store.read() as c:
        ent_ids = [r[0] for r in c.execute(select(C.c.entity_id, C.c.name))
                   if name_key(r[1]) in keys]  # fmt: skip
        texts = [r[0] for r in c.execute(select(E.c.text).distinct()) if name_key(r[0]) in keys]
        found: set[str] = set()
        for i in range(0, len(ent_ids), 500):
            found.update(r[0] for r in c.execute(
                select(E.c.doc_id).distinct().where(E.c.entity_id.in_(ent_ids[i:i + 500]))))
        for i in range(0, len(texts), 500):
            found.update(r[0] for r in c.execute(
                select(E.c.doc_id).distinct().where(E.c.text.in_(texts[i:i + 500]))))
    return sorted(found)


def reapply(store: Any, corrections: CorrectionStore | None = None,
            progress: Callable[[int], None] | None = None,
            only: Mapping[str, Any] | None = None) -> int:  # fmt: skip
    """Write corrected layers back into the archive so all views/exports show them.

    With ``only`` (the correction just recorded) just the documents it can change are
    re-stored (:func:`touched_documents`); every other document already carries the earlier
    corrections.  Without it (``rasd correct apply``, after re-analysis): documents named by
    span corrections, and with merge/split corrections every document.  Every correction is
    applied to each re-stored document.  Returns the number of documents rewritten.
    """
    cs = corrections or CorrectionStore(store)
    anns = cs.list()
    if not anns:
        return 0
    if only is not None:
        ids: Iterable[str] = touched_documents(store, only)
    elif any(doc_id_of(a) is None for a in anns):
        ids = [d.id for d in store.iter_documents()]
    else:
        ids = cs.doc_ids()
    n = 0
    for doc_id in ids:
        try:
            doc = store.get(doc_id)
        except Exception:  # noqa: BLE001 - a correction may name a document since deleted
            continue
        before = json.dumps(doc.to_dict()["layers"], sort_keys=True)
        apply_corrections(doc, anns)
        if json.dumps(doc.to_dict()["layers"], sort_keys=True) != before:
            base = (store.version_of(doc_id) or "unversioned").split("+corr-")[0]
            digest = hashlib.sha1(
                json.dumps([a["id"] for a in anns]).encode()
            ).hexdigest()[:8]
            store.add(doc, f"{base}+corr-{digest}")
            n += 1
        if progress:
            progress(1)
    return n


# -- training data ------------------------------------------------------------------------------


def training_examples(docs: Iterable[Document], fmt: Literal["jsonl", "bio"] = "jsonl",
                      layer: str = "entities") -> Iterator[str]:  # fmt: skip
    """Corrected documents as training data: JSONL (text + spans) or BIO (token<TAB>tag,
    blank line between sentences, the format of ``data/newsfane-gold``)."""
    from rasd.lang.ar.sentences import split_sentences

    for doc in docs:
        spans = [s for s in doc.layer(layer) if not s.attrs.get("boilerplate")]
        if fmt == "jsonl":
            yield json.dumps({
                "id": doc.id, "text": doc.text,
                "spans": [{"start": s.start, "end": s.end, "label": s.label,
                           "text": doc.span_text(s), "corrected": bool(s.attrs.get("corrected"))}
                          for s in spans],
                "corrections": doc.relations.get("corrections", []),
            }, ensure_ascii=False)  # fmt: skip
            continue
        for a, b in split_sentences(doc.text):
            lines = []
            for ws, we in _words(doc.text, a, b):
                tag = "O"
                for s in spans:
                    if s.start < we and ws < s.end and s.label:  # clitics stay in the word
                        tag = ("B-" if ws <= s.start < we else "I-") + s.label
                        break
                lines.append(f"{doc.text[ws:we]}\t{tag}")
            if lines:
                yield "\n".join(lines) + "\n"


def _words(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    i = a
    while i < b:
        while i < b and text[i].isspace():
            i += 1
        j = i
        while j < b and not text[j].isspace():
            j += 1
        if j > i:
            yield i, j
        i = j


def speaker_attrs(text: str, speaker: str) -> dict[str, Any]:
    """A quote speaker given by name: linked to its first occurrence in the text if any.

    Shared by ``rasd correct`` and the API's correction route, so both record the same shape.
    """
    i = text.find(speaker)
    sp: dict[str, Any] = {"text": speaker, "kind": "named_person", "implicit": i < 0}
    if i >= 0:
        sp.update(start=i, end=i + len(speaker))
    return sp

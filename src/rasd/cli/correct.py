"""``rasd correct …``: accept, reject or relabel extractions and merge/split entities."""

from __future__ import annotations

import json
from typing import Any, Literal

import click

from rasd.cli.ingest import DB_HELP
from rasd.cli.output import emit, format_options

_DB = click.option("--db", default=None, metavar="PATH|URL", help=DB_HELP)
_BY = click.option("--by", "creator", default="anonymous", show_default=True,
                   help="Who makes the correction (stored as the annotation's creator).")
_NOTE = click.option("--note", default=None, help="Free-text reason, kept in the annotation.")


def _span_opts(func: Any) -> Any:
    for opt in reversed([
        click.argument("doc_id"),
        click.option("--layer", required=True,
                     help="Layer of the extraction: entities, places, times, quotes, events …"),
        click.option("--start", type=int, required=True, help="Start offset in the text."),
        click.option("--end", type=int, required=True, help="End offset in the text."),
    ]):
        func = opt(func)
    return func


@click.group("correct")
def correct_group() -> None:
    """Correct the analysis by hand; corrections are W3C Web Annotations with author and
    time, stored in the archive and re-applied after every re-analysis."""


def _record(db: str | None, ann: dict, apply: bool = True) -> None:
    from rasd.corrections import CorrectionStore, reapply
    from rasd.store import open_store

    with open_store(db) as store:
        cs = CorrectionStore(store)
        cs.add(ann)
        n = reapply(store, cs, only=ann) if apply else 0
    click.echo(f"{ann['id']}  {ann['body']['value']}  ({n} documents updated)")


def _doc(db: str | None, doc_id: str) -> Any:
    from rasd.store import open_store

    with open_store(db, create=False) as store:
        return store.get(doc_id)


@correct_group.command("accept")
@_span_opts
@_BY
@_NOTE
@_DB
def accept(doc_id: str, layer: str, start: int, end: int, creator: str, note: str | None,
           db: str | None) -> None:
    """Confirm an extraction (or add one the model missed) at START:END of DOC_ID."""
    from rasd.corrections import make_correction

    doc = _doc(db, doc_id)
    _record(db, make_correction("accept", creator, doc=doc, layer=layer, start=start, end=end,
                                note=note))


@correct_group.command("reject")
@_span_opts
@_BY
@_NOTE
@_DB
def reject(doc_id: str, layer: str, start: int, end: int, creator: str, note: str | None,
           db: str | None) -> None:
    """Reject the extraction at START:END of DOC_ID in LAYER (it is removed from views)."""
    from rasd.corrections import make_correction

    doc = _doc(db, doc_id)
    _record(db, make_correction("reject", creator, doc=doc, layer=layer, start=start, end=end,
                                note=note))


@correct_group.command("relabel")
@_span_opts
@click.option("--label", default=None, help="New label (entity type, event type …).")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE",
              help="Set an attribute (VALUE may be JSON); repeatable.")
@click.option("--speaker", default=None,
              help="Quotes: the real speaker, as it appears in the text (first occurrence "
              "is linked by offsets) or a name.")
@_BY
@_NOTE
@_DB
def relabel(doc_id: str, layer: str, start: int, end: int, label: str | None,
            sets: tuple[str, ...], speaker: str | None, creator: str, note: str | None,
            db: str | None) -> None:
    """Change the label or attributes of the extraction at START:END (e.g. a quote's
    speaker)."""
    from rasd.corrections import make_correction, speaker_attrs

    doc = _doc(db, doc_id)
    attrs: dict[str, Any] = {}
    for kv in sets:
        k, _, v = kv.partition("=")
        try:
            attrs[k] = json.loads(v)
        except ValueError:
            attrs[k] = v
    if speaker:
        attrs["speaker"] = speaker_attrs(doc.text, speaker)
    _record(db, make_correction("relabel", creator, doc=doc, layer=layer, start=start, end=end,
                                label=label, attrs=attrs, note=note))


@correct_group.command("merge")
@click.argument("entity")
@click.argument("other")
@_BY
@_NOTE
@_DB
def merge(entity: str, other: str, creator: str, note: str | None, db: str | None) -> None:
    """Merge the entity named OTHER into ENTITY across the whole archive."""
    from rasd.corrections import make_correction

    _record(db, make_correction("merge", creator, entity=entity, other=other, note=note))


@correct_group.command("split")
@click.argument("entity")
@_BY
@_NOTE
@_DB
def split(entity: str, creator: str, note: str | None, db: str | None) -> None:
    """Keep mentions named ENTITY apart from the identity they were resolved into."""
    from rasd.corrections import make_correction

    _record(db, make_correction("split", creator, entity=entity, note=note))


@correct_group.command("list")
@click.option("--doc", "doc_id", default=None, help="Only corrections concerning this document.")
@format_options(help="text; json = one array of the W3C annotations (JSON-LD); jsonl = one "
                     "annotation per line.")
@_DB
def list_cmd(doc_id: str | None, fmt: str, db: str | None) -> None:
    """List corrections, oldest first."""
    from rasd.corrections import CorrectionStore
    from rasd.store import open_store

    with open_store(db) as store:
        anns = CorrectionStore(store).list(doc_id)
    if emit(fmt, anns, anns, indent=None):
        return
    for a in anns:
        click.echo(f"{a['created']}  {a['creator']['name']:<16} {a['body']['value']}")


@correct_group.command("apply")
@click.option("--identities", is_flag=True,
              help="Also resolve entities across the archive (spelling, script and title "
              "variants → one identity, with people's merges/splits) and store the identities.")
@_DB
def apply_cmd(identities: bool, db: str | None) -> None:
    """Re-apply every stored correction to the archive (run after re-analysis/ingest)."""
    from rasd.corrections import reapply
    from rasd.store import open_store

    with open_store(db) as store:
        n = reapply(store)
        click.echo(f"{n} documents updated by corrections")
        if identities:
            from rasd.corrections import CorrectionSet
            from rasd.identities import link_identities

            n = link_identities(store, corrections=CorrectionSet.load(store))
            click.echo(f"{n} documents updated with identities")


@correct_group.command("export")
@click.option("--format", "fmt", type=click.Choice(["annotations", "jsonl", "bio"]),
              default="annotations", show_default=True,
              help="annotations = W3C AnnotationCollection (JSON-LD); jsonl/bio = corrected "
              "documents as training data for the entity tagger.")
@click.option("--all-docs", is_flag=True,
              help="Training data from every document, not only corrected ones.")
@_DB
def export_cmd(fmt: Literal["annotations", "jsonl", "bio"], all_docs: bool, db: str | None) -> None:
    """Export corrections, or the corrected documents as training data."""
    from rasd.corrections import (
        CorrectionStore,
        apply_corrections,
        doc_id_of,
        training_examples,
    )
    from rasd.store import open_store

    with open_store(db, create=False) as store:
        cs = CorrectionStore(store)
        anns = cs.list()
        if fmt == "annotations":
            click.echo(json.dumps({"@context": "http://www.w3.org/ns/anno.jsonld",
                                   "type": "AnnotationCollection", "total": len(anns),
                                   "items": anns}, ensure_ascii=False, indent=1))
            return
        if all_docs or any(doc_id_of(a) is None for a in anns):
            docs = store.iter_documents()
        else:
            docs = (store.get(i) for i in cs.doc_ids())
        for chunk in training_examples((apply_corrections(d, anns) for d in docs), fmt):
            click.echo(chunk)

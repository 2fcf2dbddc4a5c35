"""The export formats, declared once: name, media type, file extension, writer, options.

Both front ends read this table: ``rasd export <name>`` (:mod:`rasd.cli.export`) builds one
command per entry, and the API (:mod:`rasd.api.routes.exports`) mounts one streaming route
``GET /api/exports/<name>`` per entry with ``api=True``.  So a format, its options, its
download name and its media type are wired in one place and cannot drift between the two.

A writer is named as ``"module:function"`` and imported only when used, so this module stays
cheap to import (``rasd --help`` must not load the exporters).  Every writer has the shape
``write(docs: Iterable[Document], out: TextIO, **options) -> int`` — it streams the documents
to ``out`` and returns how many records it wrote.

To add a format: write ``rasd/export/<name>.py`` with such a writer, add an
:class:`Exporter` to :data:`EXPORTERS`, and test it in ``tests/export`` (see
docs/eval-export.md).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TextIO

from rasd.errors import missing_extra

#: ``write(docs, out, **options) -> number of records written``
Writer = Callable[..., int]


@dataclass(frozen=True)
class Option:
    """A per-format option: ``--<name>`` on the command line, ``?<name>=`` on the API.

    With ``choices`` it is a choice (default ``default``); without, a boolean flag.  A flag
    may switch the output to another ``media_type`` / ``extension`` when set, a choice per
    value through ``switches`` (``(value, media type, extension)``: annotations ``--format
    jsonl`` writes JSON Lines instead of one JSON-LD page).  ``prefix`` is written before the
    writer's output when the flag is set and never reaches the writer (``--bom``).
    ``alias_of = (option, value)`` keeps an old flag working: it means that option set to
    that value (hidden on the command line, which prints a deprecation note).
    """

    name: str
    help: str
    choices: tuple[str, ...] = ()
    default: Any = False
    media_type: str | None = None
    extension: str | None = None
    switches: tuple[tuple[str, str, str], ...] = ()
    prefix: str | None = None
    alias_of: tuple[str, str] | None = None


#: The UTF-8 byte order mark Excel needs to read a CSV file as UTF-8 (Arabic text).
BOM = Option("bom", "Start with a UTF-8 byte order mark (Excel then reads Arabic correctly).",
             prefix="\ufeff")


@dataclass(frozen=True)
class Exporter:
    """One export format.

    ``filename`` is the download name without extension and may name options
    (``"rasd-{what}"``); ``counts`` says what the writer's return value counts, for the
    CLI's "N … exported" line, and may name options too.  ``summary`` is the API's one-line
    description, ``help`` the command's help text.  ``api=False`` keeps a format off the HTTP
    API (the network needs the archive's corrections, not only a stream of documents).
    """

    name: str
    writer: str
    media_type: str
    extension: str
    filename: str
    counts: str
    summary: str
    help: str
    options: tuple[Option, ...] = ()
    api: bool = True

    def load_writer(self) -> Writer:
        """Import and return the writer function."""
        module, attr = self.writer.split(":")
        try:
            fn: Writer = getattr(importlib.import_module(module), attr)
        except ImportError as e:
            err = missing_extra(e, f"the {self.name} export")
            if err is None:
                raise
            raise err from e
        return fn

    def resolve(self, options: dict[str, Any]) -> dict[str, Any]:
        """``options`` as the writer takes them: old aliases turned into the option they
        stand for, prefix flags (``bom``) left out."""
        out = dict(options)
        for o in self.options:
            if o.alias_of is not None and out.pop(o.name, False):
                out[o.alias_of[0]] = o.alias_of[1]
        return {k: v for k, v in out.items()
                if not any(o.name == k and (o.prefix or o.alias_of) for o in self.options)}

    def write(self, docs: Iterable[Any], out: TextIO, **options: Any) -> int:
        """Stream ``docs`` to ``out`` in this format; returns the number of records."""
        for o in self.options:
            if o.prefix and options.get(o.name):
                out.write(o.prefix)
        return self.load_writer()(docs, out, **self.resolve(options))

    def _switch(self, options: dict[str, Any]) -> tuple[str | None, str | None]:
        resolved = self.resolve(options)
        for o in self.options:
            if not o.choices and o.media_type and resolved.get(o.name):
                return o.media_type, o.extension
            for value, media, ext in o.switches:
                if resolved.get(o.name) == value:
                    return media, ext
        return None, None

    def media_type_for(self, options: dict[str, Any]) -> str:
        """The media type of the output written with ``options``."""
        return self._switch(options)[0] or self.media_type

    def filename_for(self, options: dict[str, Any]) -> str:
        """The download file name of the output written with ``options``."""
        ext = self._switch(options)[1] or self.extension
        return f"{self.filename.format(**options)}.{ext}"


NDJSON = "application/x-ndjson"
CSV = "text/csv; charset=utf-8"

EXPORTERS: dict[str, Exporter] = {e.name: e for e in (
    Exporter(
        "jsonl", "rasd.export.jsonl:write_jsonl", NDJSON, "jsonl", "rasd", "documents",
        summary="Full documents with every layer, JSON Lines",
        help="Every matching document with all its layers, one JSON object per line "
             "(lossless)."),
    Exporter(
        "csv", "rasd.export.csv:write_csv", CSV, "csv", "rasd-{what}", "{what}",
        summary="Entities, quotes, events, places or times as CSV (one row each)",
        help="One CSV row per entity mention / quote / event of the matching documents.",
        options=(Option("what", "Which records: one row each, with document id and "
                                "character offsets.",
                        choices=("entities", "quotes", "events", "places", "times"),
                        default="entities"), BOM)),
    Exporter(
        "acled", "rasd.export.acled:write_acled", CSV, "csv", "rasd-acled", "events",
        summary="Events as an ACLED-style CSV (time and geo precision codes)",
        help="Events with ACLED's columns and time/geo precision codes (1 = exact … 3 = "
             "coarse).",
        options=(BOM,)),
    Exporter(
        "ftm", "rasd.export.ftm:write_ftm", NDJSON, "jsonl", "rasd-ftm", "entities",
        summary="FollowTheMoney entities (Article, Person, Organization, Address, Mention, "
                "Event; quotes as Documentation/Note), JSON Lines",
        help="FtM entity stream (JSON lines): load with `alephclient write-entities` or "
             "`ftm`."),
    Exporter(
        "annotations", "rasd.export.annotations:write_annotations", "application/ld+json",
        "jsonld", "rasd-annotations", "annotations",
        summary="Quotes as W3C Web Annotations (JSON-LD)",
        help="Each quote as an Annotation with TextQuoteSelector + TextPositionSelector.",
        options=(Option("format", "json = one AnnotationPage (JSON-LD); jsonl = one "
                                  "Annotation per line.", choices=("json", "jsonl"),
                        default="json", switches=(("jsonl", NDJSON, "jsonl"),)),
                 Option("lines", "Deprecated: --format jsonl.", alias_of=("format", "jsonl")))),
    Exporter(
        "geojson", "rasd.export.geojson:write_geojson", "application/geo+json", "geojson",
        "rasd-places", "features",
        summary="Place mentions as an RFC 7946 FeatureCollection (streamed)",
        help="Resolved places as one GeoJSON FeatureCollection."),
    Exporter(
        "network", "rasd.export.network:write_network", "application/xml", "graphml",
        "rasd-network", "entities",
        summary="The entity co-mention network as GraphML or GEXF",
        help="Entities resolved across documents, linked by the articles that mention both.",
        api=False),
)}

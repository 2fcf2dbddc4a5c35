"""Component contracts are true: each component touches only what it declares.

Every component of the default pipeline runs, in order, on real text (the seed article, and
real SaudiNewsNet articles when the shared corpus is present) inside a recording document
that notes every layer read, every layer written, every relation written and every metadata
field changed.  What a component reads must be declared as ``requires`` or ``reads``; what it
writes as ``assigns``, ``relations`` or ``meta`` — and the declared outputs must appear.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from rasd.config import Config
from rasd.doc import Document, Meta, Span
from rasd.pipeline import get_component

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "saudinewsnet"


class _Layers(dict[str, list[Span]]):
    """The ``layers`` dict, noting reads (``get``/``[]``) and direct writes."""

    def __init__(self, data: dict[str, list[Span]], log: dict[str, set[str]]) -> None:
        super().__init__(data)
        self.log = log

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        self.log["read"].add(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> list[Span]:
        self.log["read"].add(key)
        return super().__getitem__(key)

    def __setitem__(self, key: str, value: list[Span]) -> None:
        self.log["direct"].add(key)
        super().__setitem__(key, value)


class _Recording(Document):
    """A document that notes what a component does with it."""

    log: dict[str, set[str]]

    def watch(self) -> dict[str, set[str]]:
        log: dict[str, set[str]] = {k: set() for k in ("read", "wrote", "direct", "relations")}
        object.__setattr__(self, "layers", _Layers(dict(self.layers), log))
        self._watch_log = log
        return log

    def set_layer(self, name: str, spans: Iterable[Span], prefix: str | None = None, *,
                  as_is: bool = False) -> None:
        log = self._watch_log
        direct_before = name in log["direct"]
        log["wrote"].add(name)
        super().set_layer(name, spans, prefix, as_is=as_is)
        if not direct_before:  # Document.set_layer's own store is not a direct write
            log["direct"].discard(name)

    def set_relation(self, name: str, records: Iterable[dict[str, Any]]) -> None:
        self._watch_log["relations"].add(name)
        super().set_relation(name, records)


# Document uses __slots__; the recorder needs one more attribute.
_Recording.__slots__ = ("_watch_log",)  # type: ignore[misc]


def _texts() -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = [
        ((ROOT / "tests/reference/alhal-2021-11-01.txt").read_text("utf-8"), None)]
    if CORPUS.is_dir():
        z = sorted(CORPUS.glob("*.zip"))[-1]
        items = json.loads(zipfile.ZipFile(z).read(z.stem + ".json"))
        out += [(a["content"], None) for a in items[::200][:10]]
    return out


@pytest.mark.parametrize("text,published", _texts()[:1] + _texts()[1:])
def test_every_component_touches_only_what_it_declares(text: str, published: str | None
                                                       ) -> None:
    doc = _Recording(text, Meta(published=published))
    for name in Config().components:
        c = get_component(name)
        log = doc.watch()
        before = doc.meta.to_dict()
        c.func(doc, Config())
        meta_changed = {k for k, v in doc.meta.to_dict().items() if before[k] != v}
        allowed_reads = set(c.requires) | set(c.reads) | set(c.assigns)
        assert log["read"] <= allowed_reads, (name, log["read"] - allowed_reads)
        assert not log["direct"], (name, "writes layers around Document.set_layer",
                                   log["direct"])
        assert log["wrote"] <= set(c.assigns), (name, log["wrote"] - set(c.assigns))
        assert set(c.assigns) <= log["wrote"] | set(doc.layers), name
        assert log["relations"] <= set(c.relations), (name, log["relations"])
        info = {"published_info"} if "published" in c.meta else set()
        assert meta_changed <= {*c.meta, *info}, (name, meta_changed)

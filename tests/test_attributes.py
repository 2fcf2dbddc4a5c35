"""Layer attribute types (``rasd.attributes``), the JSON Schema and real output agree.

The TypedDicts are what Python readers rely on, the schema what outside consumers rely on;
both must describe exactly what the extractors write.  (The schema stays open to attributes a
plug-in adds to a layer; rasd's own components must write only declared ones.)  Checked three ways: the two declare the
same keys (and the same required keys), and every span of real analysed text — the seed
article, the bundled samples and, when the shared corpus is present, 100 real SaudiNewsNet
articles — has all the required keys, no undeclared one, and validates against the schema.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any, get_type_hints, is_typeddict

import pytest

import rasd
from rasd.attributes import LAYER_ATTRS, Extent
from rasd.schema import document_schema, validate_document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "saudinewsnet"


def _attrs_schema(layer: str) -> dict[str, Any]:
    spec = document_schema()["properties"]["layers"]["properties"][layer]["items"]
    for part in spec["allOf"]:
        attrs = part.get("properties", {}).get("attrs")
        if attrs:
            return attrs
    raise AssertionError(f"schema has no attrs for {layer}")


def _keys(td: type) -> tuple[set[str], set[str]]:
    return set(td.__required_keys__), set(td.__required_keys__ | td.__optional_keys__)  # type: ignore[attr-defined]


def _sub_keys(spec: dict[str, Any]) -> tuple[set[str], set[str]]:
    """Declared and required keys of a schema object built as ``allOf: [extent] + properties``."""
    ext = document_schema()["$defs"]["extent"]
    keys = set(spec.get("properties", {}))
    req = set(spec.get("required", []))
    if spec.get("$ref") == "#/$defs/extent" or {"$ref": "#/$defs/extent"} in spec.get("allOf", []):
        keys |= set(ext["properties"])
        req |= set(ext["required"])
    return req, keys


@pytest.mark.parametrize("layer", sorted(LAYER_ATTRS))
def test_typeddict_and_schema_declare_the_same_attributes(layer: str) -> None:
    td = LAYER_ATTRS[layer]
    schema = _attrs_schema(layer)
    req, keys = _keys(td)
    assert keys == set(schema["properties"]), layer
    assert req == set(schema.get("required", [])), layer
    hints = get_type_hints(td)
    for key, hint in hints.items():
        if is_typeddict(hint):  # nested extents: same keys both sides
            sub_req, sub_keys = _keys(hint)
            s_req, s_keys = _sub_keys(schema["properties"][key])
            assert sub_keys == s_keys, f"{layer}.{key}"
            assert sub_req == s_req, f"{layer}.{key}"


def test_extent_is_the_schema_extent() -> None:
    req, keys = _keys(Extent)
    ext = document_schema()["$defs"]["extent"]
    assert keys == set(ext["properties"]) and req == set(ext["required"])


def _texts() -> list[tuple[str, rasd.Meta]]:
    out = [((ROOT / "tests/reference/alhal-2021-11-01.txt").read_text("utf-8"),
            rasd.Meta(published="2021-11-01"))]
    out += [(p.read_text("utf-8"), rasd.Meta()) for p in sorted((ROOT / "samples").glob("*.txt"))]
    if CORPUS.is_dir():
        z = sorted(CORPUS.glob("*.zip"))[0]
        items = json.loads(zipfile.ZipFile(z).read(z.stem + ".json"))
        out += [(a["content"], rasd.Meta(published=z.stem)) for a in items[::25][:100]]
    return out


def _check(value: Any, td: type, where: str) -> None:
    req, keys = _keys(td)
    assert req <= set(value), f"{where}: missing {req - set(value)}"
    assert set(value) <= keys, f"{where}: undeclared {set(value) - keys}"
    for key, hint in get_type_hints(td).items():
        if key in value and is_typeddict(hint):
            _check(value[key], hint, f"{where}.{key}")


def test_real_output_has_exactly_the_declared_attributes() -> None:
    seen: set[str] = set()
    for text, meta in _texts():
        if not text.strip():  # a blank corpus article: rasd.analyze refuses it with [E101]
            continue
        doc = rasd.analyze(text, meta)
        data = doc.to_dict()
        validate_document(data)
        for layer, td in LAYER_ATTRS.items():
            for span in data["layers"].get(layer, []):
                _check(span.get("attrs", {}), td, f"{layer}:{span['id']}")
                seen.add(layer)
    assert seen == set(LAYER_ATTRS)  # every typed layer was exercised

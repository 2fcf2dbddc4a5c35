"""Load an FtM export back with followthemoney's own tools (shared by the FtM tests)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner


def load_back(path: Path) -> dict[str, list[Any]]:
    """Entities of the FtM JSON lines at ``path``, by schema, after followthemoney's checks.

    Every line must be a valid proxy (``model.get_proxy``: unknown schema or property
    raises); ``ftm validate`` (re-parsing every value by its property type) must keep every
    value, so nothing rasd writes is silently dropped by Aleph; every entity reference must
    point to an entity of the stream whose schema is in the property's range; and ``ftm
    aggregate`` merges the fragments (a person written again with a new position) into the
    entities returned.
    """
    from followthemoney import model
    from followthemoney.cli.cli import cli as ftm

    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    proxies = [model.get_proxy(e, cleaned=False) for e in lines]
    runner = CliRunner()
    valid, merged = path.with_suffix(".valid.jsonl"), path.with_suffix(".merged.jsonl")
    res = runner.invoke(ftm, ["validate", "-i", str(path), "-o", str(valid)])
    assert res.exit_code == 0, res.output
    revalidated = [json.loads(x) for x in valid.read_text(encoding="utf-8").splitlines()]
    assert len(revalidated) == len(lines)
    for before, after in zip(proxies, revalidated, strict=True):
        assert before.to_dict()["properties"] == after["properties"], before.schema.name
    schema_of = {p.id: p.schema for p in proxies}
    for p in proxies:
        for prop, value in p.itervalues():
            if prop.type.name == "entity":
                assert value in schema_of, (p.schema.name, prop.name, value)
                assert prop.range is None or schema_of[value].is_a(prop.range), (
                    p.schema.name, prop.name, schema_of[value].name)
    res = runner.invoke(ftm, ["aggregate", "-i", str(path), "-o", str(merged)])
    assert res.exit_code == 0, res.output
    by_schema: dict[str, list[Any]] = {}
    for x in merged.read_text(encoding="utf-8").splitlines():
        proxy = model.get_proxy(json.loads(x))
        by_schema.setdefault(proxy.schema.name, []).append(proxy)
    assert sum(len(v) for v in by_schema.values()) == len(schema_of)
    return by_schema

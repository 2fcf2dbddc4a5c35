"""JSON Schemas of rasd's exchange formats (``document.schema.json``: ``Document.to_dict()``)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def document_schema() -> dict[str, Any]:
    """The Document JSON Schema (draft 2020-12), loaded from the package."""
    text = resources.files(__package__).joinpath("document.schema.json").read_text("utf-8")
    return json.loads(text)


def validate_document(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``data`` is not a valid document JSON."""
    from jsonschema import Draft202012Validator

    Draft202012Validator(document_schema()).validate(data)

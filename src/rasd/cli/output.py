"""The one output convention of the command line (docs/eval-export.md, "One convention").

* ``--format F`` chooses how a command writes its result: ``text`` for people, ``json`` or
  ``jsonl`` for programs (and each export's own formats: ``graphml|gexf``, ``annotations|…``);
* ``--json`` is ``--format json``: the whole result as exactly **one** JSON value;
* ``--jsonl`` is ``--format jsonl``: one JSON value per line — one per item when the result
  is a list (search hits, stories, corrections), the result on one line otherwise;
* an older flag keeps working as a hidden alias and says on stderr what replaces it.

Commands declare it with :func:`format_options` and print with :func:`emit`, so the rule is
written once; ``tests/test_cli_convention.py`` walks every command and checks it.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from typing import Any

import click

F = Callable[..., Any]
TEXT_JSON = ("text", "json")
TEXT_JSON_JSONL = ("text", "json", "jsonl")


def deprecated(old: str, new: str) -> None:
    """Tell the user (on stderr, so pipes stay clean) that ``old`` is now ``new``."""
    click.echo(f"note: {old} is deprecated, use {new}", err=True)


def format_options(formats: tuple[str, ...] = TEXT_JSON_JSONL, default: str = "text",
                   help: str = "", as_json: bool = False) -> Callable[[F], F]:
    """Add ``--format`` (one of ``formats``) and the ``--json``/``--jsonl`` shorthands the
    formats allow; the command receives one ``fmt`` argument (``as_json=True``: a boolean
    ``as_json`` instead, for text-or-JSON commands written before the convention)."""

    def deco(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kw: Any) -> Any:
            fmt = kw.pop("fmt")
            for short in ("json", "jsonl"):
                if kw.pop(f"fmt_{short}", False):
                    fmt = short
            fmt = fmt or default
            if as_json:
                return func(*args, as_json=fmt == "json", **kw)
            return func(*args, fmt=fmt, **kw)

        out: F = wrapper
        for short in ("jsonl", "json"):
            if short in formats:
                what = ("the whole result as one JSON value" if short == "json" else
                        "one JSON value per line (per item of a list)")
                out = click.option(f"--{short}", f"fmt_{short}", is_flag=True,
                                   help=f"Same as --format {short}: {what}.")(out)
        return click.option("--format", "fmt", type=click.Choice(formats), default=None,
                            help=help or f"Output format [default: {default}].")(out)

    return deco


def _dumps(value: Any, indent: int | None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent, default=str)


def emit(fmt: str, value: Any, items: Iterable[Any] | None = None, indent: int | None = 2
         ) -> bool:
    """Write ``value`` as ``json`` (one value) or ``jsonl`` (``items``, one per line — the
    value itself on one line when there are none); False for ``text`` (the caller prints)."""
    if fmt == "json":
        click.echo(_dumps(value, indent))
        return True
    if fmt == "jsonl":
        for item in (items if items is not None else [value]):
            click.echo(_dumps(item, None))
        return True
    return False

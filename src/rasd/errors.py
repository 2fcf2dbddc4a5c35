"""One error hierarchy with coded, one-line messages (spaCy style: "[E101] ...").

The CLI prints ``error: <message>`` and exits with status 2 for any :class:`RasdError`; batch
jobs record the message against the failing item and go on.
"""

from __future__ import annotations


class RasdError(Exception):
    """Base class: a user-facing problem with a stable code."""

    code = "E000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        where = f"{source}: " if source else ""
        super().__init__(f"[{self.code}] {where}{message}")


class InputError(RasdError):
    """The input cannot be read as a document (empty, binary, too large, malformed …)."""

    code = "E100"


class EmptyInput(InputError):
    code = "E101"


class BinaryInput(InputError):
    code = "E102"


class TooLarge(InputError):
    code = "E103"


class DecodeError(InputError):
    code = "E104"


class MalformedInput(InputError):
    code = "E105"


class FetchError(InputError):
    code = "E106"


class InvalidDate(InputError):
    """A date given by the user (``--published``, ``Meta(published=…)``) that is not ISO 8601."""

    code = "E107"


class PipelineError(RasdError):
    """Components are mis-ordered or missing: raised when the pipeline is built."""

    code = "E200"


class UnknownLayer(RasdError, LookupError):
    """``doc.layer(name)`` for a name no component assigns (a typo such as "entity")."""

    code = "E201"


class ModelError(RasdError):
    """A trained model is missing or unreadable."""

    code = "E300"


class MissingExtra(RasdError):
    """An optional part of rasd whose packages are not installed (``pip install 'rasd[x]'``)."""

    code = "E500"


#: The optional extras (pyproject ``[project.optional-dependencies]``) by the top-level module
#: they bring; the core install (analyse, SQLite archive, search, CLI) needs none of them.
EXTRA_OF = {
    "fastapi": "serve", "starlette": "serve", "uvicorn": "serve", "jinja2": "serve",
    "psycopg": "postgres",
    "dask": "batch", "distributed": "batch", "pyarrow": "batch", "pandas": "batch",
    "followthemoney": "ftm",
    "networkx": "graph",
}


def missing_extra(exc: ImportError, what: str) -> MissingExtra | None:
    """The coded error for an ImportError of an optional extra's package, else None (a
    genuinely broken install must not be disguised as a missing extra)."""
    root = (exc.name or "").split(".")[0]
    extra = EXTRA_OF.get(root)
    if extra is None:
        return None
    return MissingExtra(f"{what} needs rasd's optional '{extra}' packages ({root} is not "
                        f"installed): pip install 'rasd[{extra}]'")


class StoreError(RasdError):
    code = "E400"


class StoreBusy(StoreError):
    """Another process held the archive's write lock for longer than the configured wait
    (``RASD_BUSY_TIMEOUT`` seconds, ``open_store(busy_timeout=…)``): retry later."""

    code = "E408"

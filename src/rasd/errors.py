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


class PipelineError(RasdError):
    """Components are mis-ordered or missing: raised when the pipeline is built."""

    code = "E200"


class ModelError(RasdError):
    """A trained model is missing or unreadable."""

    code = "E300"


class StoreError(RasdError):
    code = "E400"


class StoreBusy(StoreError):
    """Another process held the archive's write lock for longer than the configured wait
    (``RASD_BUSY_TIMEOUT`` seconds, ``open_store(busy_timeout=…)``): retry later."""

    code = "E408"

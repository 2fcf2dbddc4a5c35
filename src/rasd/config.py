"""One typed options object used by the CLI, the API and batch jobs alike."""

from __future__ import annotations

from dataclasses import dataclass, field

from rasd.isodate import iso_published
from rasd.lang.ar.normalize import NormOptions

#: Bytes; larger inputs are refused with a clear error instead of exhausting memory.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

DEFAULT_COMPONENTS = (
    "text",
    "boilerplate",
    "entities",
    "times",
    "places",
    "quotes",
    "events",
    "claims",
)


@dataclass(frozen=True)
class Config:
    """Analysis options.  ``published`` (ISO date) set by hand wins over any detected date."""

    components: tuple[str, ...] = DEFAULT_COMPONENTS
    norm: NormOptions = field(default_factory=NormOptions)
    published: str | None = None
    max_bytes: int = MAX_DOCUMENT_BYTES
    #: run the Arabic extractors on documents identified as another language too
    any_language: bool = False

    def __post_init__(self) -> None:
        # the same check as Meta(published=…): a typo must not become a "reliable" date
        object.__setattr__(self, "published", iso_published(self.published))

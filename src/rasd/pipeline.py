"""Component registry and the analysis :class:`Pipeline`.

Each component declares its contract (spaCy's ``requires``/``assigns``, made complete): the
layers it ``requires`` (must exist), the layers it ``reads`` when present (optional inputs such
as entities for quotes), the layers it ``assigns``, the relation records it writes
(``relations``) and the metadata fields it may set (``meta``).  The pipeline checks the chain
when it is built, not halfway through a batch, and ``tests/test_contracts.py`` runs every
component on real text under a recording document to keep the declarations true.  Components live
in the module named in :data:`COMPONENT_MODULES` and register themselves with
:func:`component` on import, so the CLI stays fast and heavy extractors load only when used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from rasd.config import Config
from rasd.doc import Document, Meta, register_layer
from rasd.errors import EmptyInput, PipelineError

ComponentFunc = Callable[[Document, Config], None]

#: Where each component is implemented.
COMPONENT_MODULES: dict[str, str] = {
    "text": "rasd.lang.ar.layer",
    "boilerplate": "rasd.extract.boilerplate",
    "entities": "rasd.extract.entities",
    "times": "rasd.extract.times",
    "places": "rasd.extract.places",
    "quotes": "rasd.extract.quotes",
    "events": "rasd.extract.events",
    "claims": "rasd.extract.claims",
}


@dataclass(frozen=True)
class Component:
    """A registered analysis step and its contract (see the module docstring)."""

    name: str
    func: ComponentFunc
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    reads: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()
    meta: tuple[str, ...] = ()
    #: runs on text in any language (the text layer, boilerplate); every other component is
    #: an Arabic extractor, skipped for a document identified as another language unless
    #: :attr:`Config.any_language` asks for it (its layers stay empty).
    any_language: bool = False


REGISTRY: dict[str, Component] = {}


def component(
    name: str,
    requires: Iterable[str] = (),
    assigns: Iterable[str] = (),
    *,
    reads: Iterable[str] = (),
    relations: Iterable[str] = (),
    meta: Iterable[str] = (),
    any_language: bool = False,
) -> Callable[[ComponentFunc], ComponentFunc]:
    """Register ``func(doc, config)`` as the component ``name`` with its contract."""

    layers = tuple(assigns)
    for layer in layers:
        register_layer(layer)

    def deco(func: ComponentFunc) -> ComponentFunc:
        REGISTRY[name] = Component(name, func, tuple(requires), layers, tuple(reads),
                                   tuple(relations), tuple(meta), any_language)
        return func

    return deco


def get_component(name: str) -> Component:
    if name not in REGISTRY:
        module = COMPONENT_MODULES.get(name)
        if module is None:
            raise PipelineError(f"unknown component {name!r}; known: {sorted(COMPONENT_MODULES)}")
        importlib.import_module(module)
    if name not in REGISTRY:
        raise PipelineError(f"module {COMPONENT_MODULES[name]} did not register {name!r}")
    return REGISTRY[name]


class Analyzer(Protocol):
    """What the archive needs of a pipeline: run it on a document, and know its config and
    components (the analysis version is hashed from them).  A :class:`Pipeline` is one; so is a
    wrapper such as ``rasd.corrections.CorrectedPipeline`` that post-processes its output."""

    @property
    def config(self) -> Config: ...

    @property
    def components(self) -> Sequence[Component]: ...

    def __call__(self, doc: Document) -> Document: ...


@dataclass(frozen=True)
class Selection:
    """What ``rasd analyze --layers`` computes (``components``, in pipeline order) and writes
    (``layers`` and ``relations``: only what was asked for, not the layers computed on the
    way)."""

    components: tuple[str, ...]
    layers: frozenset[str]
    relations: frozenset[str]


def select_layers(names: Iterable[str], available: Iterable[str] | None = None) -> Selection:
    """Resolve layer or component names into the components to run.

    A component name ("entities", "claims", "text") asks for everything it assigns and its
    relations; a layer name ("tokens", "sentences") for that layer alone.  Each chosen
    component brings the components that assign its ``requires``, recursively.  Optional
    inputs (``reads``: e.g. the entities that give quotes their named speakers) are used only
    when they are asked for too — a smaller selection is faster, and may differ from the full
    analysis where a component reads another's layer.
    """
    from rasd.config import DEFAULT_COMPONENTS

    order = list(available or DEFAULT_COMPONENTS)
    comps = {n: get_component(n) for n in order}
    assigner = {layer: c.name for c in comps.values() for layer in c.assigns}
    chosen: set[str] = set()
    layers: set[str] = set()
    relations: set[str] = set()
    for raw in names:
        name = raw.strip()
        if not name:
            continue
        if name in comps:
            chosen.add(name)
            layers.update(comps[name].assigns)
            relations.update(comps[name].relations)
        elif name in assigner:
            chosen.add(assigner[name])
            layers.add(name)
        else:
            known = sorted({*comps, *assigner})
            raise PipelineError(f"unknown layer {name!r}; known: {', '.join(known)}")
    todo = list(chosen)
    while todo:
        for layer in comps[todo.pop()].requires:
            dep = assigner.get(layer)
            if dep is None:
                raise PipelineError(f"no component assigns the required layer {layer!r}")
            if dep not in chosen:
                chosen.add(dep)
                todo.append(dep)
    return Selection(tuple(n for n in order if n in chosen), frozenset(layers),
                     frozenset(relations))


def is_arabic(language: str | None) -> bool:
    """Whether the Arabic extractors run on a document: Arabic, or not identified (``und``,
    or not yet known when a component before the text layer runs)."""
    return language is None or language in ("ar", "und") or language.startswith("ar-")


class Pipeline:
    """An ordered, validated list of components; reusable across many documents."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.components = [get_component(n) for n in self.config.components]
        have: set[str] = set()
        for c in self.components:
            missing = [r for r in c.requires if r not in have]
            if missing:
                raise PipelineError(
                    f"component {c.name!r} needs layers {missing} that no earlier component assigns"
                )
            have.update(c.assigns)

    def __call__(self, doc: Document) -> Document:
        if self.config.published:
            doc.meta.published = self.config.published
            doc.meta.published_info = {"method": "user", "precision": "day", "reliable": True}
        any_language = self.config.any_language
        for c in self.components:
            if not (any_language or c.any_language or is_arabic(doc.meta.language)):
                continue
            c.func(doc, self.config)
        return doc

    def analyze(self, text: str, meta: Meta | None = None) -> Document:
        return self(Document(text, meta))


_DEFAULT: dict[Config, Pipeline] = {}


def analyze(text: str, meta: Meta | None = None, config: Config | None = None) -> Document:
    """One-shot analysis of a text: ``rasd.analyze("...")``.  Pipelines are cached per config.

    An empty or blank text is [E101], as it is for ``rasd analyze`` on the command line (a
    pipeline run over a batch keeps empty items as empty documents instead).
    """
    if isinstance(text, str) and not text.strip():
        raise EmptyInput("the text is empty")
    config = config or Config()
    pipe = _DEFAULT.get(config)
    if pipe is None:
        pipe = _DEFAULT[config] = Pipeline(config)
    return pipe.analyze(text, meta)

"""Import rules of ``src/rasd``, read from the source with ``ast``: no cycles, no private names
across modules, no module over 800 lines, and the package layering of docs/architecture.md.

Why: a cycle or a borrowed ``_private`` helper is how one module quietly starts to depend on the
inside of another; once there, nobody can move either.  The rules are checked on the source
text (not by importing), so an import written inside a function counts as much as one at the
top of the file: it runs all the same, only later.

Known offenders owned by other issue-15 branches are listed in the ``ALLOWED_*`` tables with
the branch that removes them; the lead shrinks the tables as the branches land.  A stale entry
(an allowed offence that no longer occurs) fails too, so the tables cannot rot.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "rasd"
MAX_LINES = 800

# --------------------------------------------------------------------------------------------
# Known offenders, each removed when the named issue-15 branch lands.

#: Import edges (importer, imported) ignored by the cycle check.
ALLOWED_EDGES: frozenset[tuple[str, str]] = frozenset()

#: (importing module, "owner.name") private names used across modules.
ALLOWED_PRIVATE: frozenset[tuple[str, str]] = frozenset()

#: Modules allowed over MAX_LINES.
ALLOWED_LONG: frozenset[str] = frozenset()

#: Imports against the layering (importer module, imported module).
ALLOWED_UPWARD: frozenset[tuple[str, str]] = frozenset()

# --------------------------------------------------------------------------------------------
# The layering (docs/architecture.md), lowest first.  A module belongs to the unit of its longest
# listed prefix; it may import its own unit and the units of *lower* layers only (two units of
# one layer do not import each other).  A few single modules are units of their own where a
# package holds both a library and a step built on top of it (``rasd.lang.ar.layer`` is the
# text component over the ``rasd.lang`` library; ``rasd.geo.evaluate`` runs the pipeline).

LAYERS: tuple[tuple[str, ...], ...] = (
    ("rasd.errors", "rasd.native", "rasd.schema", "rasd.lang", "rasd.eval.metrics", "rasd.paging"),
    ("rasd.isodate",),
    ("rasd.config", "rasd.doc", "rasd.attributes"),
    ("rasd.pipeline", "rasd.docjson", "rasd.parallel", "rasd.sourcing"),
    ("rasd.lang.ar.textview", "rasd.ingest"),
    ("rasd.lang.ar.layer", "rasd.geo"),
    ("rasd.ner",),
    ("rasd.extract",),
    ("rasd.link", "rasd.store", "rasd.geo.evaluate", "rasd.render"),
    ("rasd.corrections", "rasd.batch", "rasd.eval", "rasd.watch"),
    ("rasd.identities",),
    ("rasd.export",),
    ("rasd.web",),
    ("rasd.api",),
    ("rasd.cli",),
    ("rasd", "rasd.__main__"),
)
_UNIT_LAYER = {u: n for n, units in enumerate(LAYERS) for u in units}


def unit_of(module: str) -> str:
    """The layering unit of ``module``: its longest prefix listed in :data:`LAYERS`."""
    parts = module.split(".")
    for k in range(len(parts), 0, -1):
        if ".".join(parts[:k]) in _UNIT_LAYER:
            return ".".join(parts[:k])
    raise KeyError(module)


@dataclass
class Module:
    """One source file: its dotted name, its import edges and its private-name uses."""

    name: str
    path: Path
    is_package: bool
    lines: int
    imports: set[str] = field(default_factory=set)
    private: set[str] = field(default_factory=set)   # "owner.name" of every _name reached


def _module_name(path: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _resolve(mod: Module, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = mod.name.split(".")
    if not mod.is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _scan(paths: list[Path]) -> dict[str, Module]:
    mods: dict[str, Module] = {}
    trees: dict[str, ast.Module] = {}
    for p in paths:
        name, pkg = _module_name(p)
        text = p.read_text(encoding="utf-8")
        mods[name] = Module(name, p, pkg, len(text.splitlines()))
        trees[name] = ast.parse(text, str(p))
    for name, tree in trees.items():
        mod = mods[name]
        aliases: dict[str, str] = {}        # local name bound to a rasd module -> module
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.split(".")[0] != PACKAGE:
                        continue
                    mod.imports.add(a.name)
                    if a.asname:
                        aliases[a.asname] = a.name
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(mod, node)
                if base.split(".")[0] != PACKAGE:
                    continue
                for a in node.names:
                    full = f"{base}.{a.name}"
                    if full in mods:
                        mod.imports.add(full)
                        aliases[a.asname or a.name] = full
                        if _private(a.name):
                            mod.private.add(full)
                    else:
                        mod.imports.add(base)
                        if _private(a.name) and base != name:
                            mod.private.add(full)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and _private(node.attr):
                owner = _dotted(node.value, aliases)
                if owner and owner != name and owner in mods:
                    mod.private.add(f"{owner}.{node.attr}")
    for mod in mods.values():
        mod.imports.discard(mod.name)
        mod.imports = {i for i in mod.imports if i in mods}
    return mods


def _dotted(node: ast.expr, aliases: dict[str, str]) -> str | None:
    """The rasd module an expression like ``words`` or ``rasd.extract.words`` names, if any."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    head = aliases.get(node.id, node.id if node.id == PACKAGE else None)
    if head is None:
        return None
    return ".".join([head, *reversed(parts)])


def _cycles(mods: dict[str, Module], skip: frozenset[tuple[str, str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    graph = {m: sorted(i for i in mods[m].imports if (m, i) not in skip) for m in mods}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(graph[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(graph[w])))
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    if len(comp) > 1:
                        out.append(sorted(comp))
    return out


@pytest.fixture(scope="module")
def modules() -> dict[str, Module]:
    return _scan(sorted((SRC / PACKAGE).rglob("*.py")))


def test_no_import_cycles(modules: dict[str, Module]) -> None:
    cycles = _cycles(modules, ALLOWED_EDGES)
    assert not cycles, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)


def test_allowed_edges_still_exist(modules: dict[str, Module]) -> None:
    stale = sorted(e for e in ALLOWED_EDGES if e[1] not in modules.get(e[0], Module("", SRC, False, 0)).imports)
    assert not stale, f"remove from ALLOWED_EDGES (no longer imported): {stale}"


def test_no_private_names_across_modules(modules: dict[str, Module]) -> None:
    used = {(m.name, p) for m in modules.values() for p in m.private}
    bad = sorted(used - ALLOWED_PRIVATE)
    assert not bad, "private names used across modules:\n" + "\n".join(f"{a}: {b}" for a, b in bad)
    stale = sorted(ALLOWED_PRIVATE - used)
    assert not stale, f"remove from ALLOWED_PRIVATE (no longer used): {stale}"


def test_module_length(modules: dict[str, Module]) -> None:
    long = {m.name: m.lines for m in modules.values() if m.lines > MAX_LINES}
    bad = sorted(set(long) - ALLOWED_LONG)
    assert not bad, f"modules over {MAX_LINES} lines: " + ", ".join(f"{m} ({long[m]})" for m in bad)
    stale = sorted(ALLOWED_LONG - set(long))
    assert not stale, f"remove from ALLOWED_LONG (now short enough): {stale}"


def test_every_module_has_a_layer(modules: dict[str, Module]) -> None:
    """A new top-level package must be placed in :data:`LAYERS` (and docs/architecture.md)."""
    unplaced = sorted(m for m in modules if m != PACKAGE and unit_of(m) == PACKAGE)
    assert not unplaced, f"add to LAYERS: {unplaced}"


def test_layering(modules: dict[str, Module]) -> None:
    bad = []
    for m in modules.values():
        a = unit_of(m.name)
        for i in sorted(m.imports):
            b = unit_of(i)
            if a != b and _UNIT_LAYER[b] >= _UNIT_LAYER[a] and (m.name, i) not in ALLOWED_UPWARD:
                bad.append(f"{m.name} ({a}) -> {i} ({b})")
    assert not bad, "imports against the layering (docs/architecture.md):\n" + "\n".join(bad)
    used = {(m.name, i) for m in modules.values() for i in m.imports}
    stale = sorted(ALLOWED_UPWARD - used)
    assert not stale, f"remove from ALLOWED_UPWARD (no longer imported): {stale}"

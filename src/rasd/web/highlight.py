"""Turn stand-off spans into a properly nested tree the article template can render.

Why a tree and not HTML strings: the page must never build markup from document text.  This
module only cuts the original text at span offsets and returns plain Python objects
(:class:`TextNode`, :class:`MarkNode`); the Jinja template walks the tree and autoescapes every
piece of text and every attribute.  No ``Markup``/``|safe`` is ever applied to document content.

Spans of different layers overlap (an entity inside a quote, a place that is also an entity, an
event crossing a quote boundary).  HTML needs strict nesting, so the text is cut at every span
boundary and each elementary piece is wrapped in the marks active over it, outer layers first;
a mark that crosses another is split into several fragments (``continued`` is set on all but
the first so the page can give only the first one an anchor).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

#: Nesting order: lower numbers wrap higher ones when both cover the same characters.
LAYER_DEPTH = {
    "boilerplate": 0,
    "quotes": 1,
    "quote-speaker": 2,
    "quote-content": 2,
    "quote-cue": 2,  # cue verb, speaker and content of one quote never overlap each other
    "events": 3,
    "entities": 4,
    "places": 5,
    "times": 6,
}


@dataclass(frozen=True)
class Mark:
    """One highlight: ``text[start:end]`` shown with a CSS class, a tooltip and maybe a link.

    ``href`` is only ever an internal path built by the web layer from ids (never taken from a
    document), ``ref`` names the span id so the sourcing/event tables can point at it.
    """

    start: int
    end: int
    layer: str
    css: str
    title: str = ""
    href: str | None = None
    ref: str = ""

    @property
    def depth(self) -> int:
        return LAYER_DEPTH.get(self.layer, 9)


@dataclass
class TextNode:
    text: str


@dataclass
class MarkNode:
    mark: Mark
    children: list[TextNode | MarkNode] = field(default_factory=list)
    continued: bool = False
    #: True when an enclosing node is already a link: ``<a>`` must not nest in ``<a>``, so
    #: this mark is drawn but not clickable (the enclosing link wins, e.g. entity over place).
    inside_link: bool = False

    @property
    def is_link(self) -> bool:
        return bool(self.mark.href) and not self.inside_link


Node = TextNode | MarkNode


def _order(m: Mark) -> tuple[int, int, int, str]:
    return (m.depth, m.start, -m.end, m.ref)


def nest(text: str, marks: Iterable[Mark]) -> list[Node]:
    """Cut ``text`` at every mark boundary and return the nested node list.

    Marks outside the text or empty are dropped (a bad span must not break the page).
    The concatenation of all text nodes is always exactly ``text``.
    """
    n = len(text)
    good = sorted(
        {m for m in marks if 0 <= m.start < m.end <= n},
        key=_order,
    )
    if not good:
        return [TextNode(text)] if text else []
    cuts = sorted({0, n, *(m.start for m in good), *(m.end for m in good)})
    root: list[Node] = []
    # stack of (mark, node); the node list being filled is the top node's children
    stack: list[tuple[Mark, MarkNode]] = []
    started: set[Mark] = set()
    # Sweep with a moving window of active marks; ``good`` is sorted by depth so we need a
    # per-piece filter; pieces are few (≤ 2 × spans) so the O(pieces × active) cost is fine.
    by_start = sorted(good, key=lambda m: m.start)
    active: list[Mark] = []
    j = 0
    for a, b in zip(cuts, cuts[1:], strict=False):
        while j < len(by_start) and by_start[j].start <= a:
            active.append(by_start[j])
            j += 1
        active = [m for m in active if m.end > a]
        want = sorted((m for m in active if m.start <= a and m.end >= b), key=_order)
        # keep the common prefix of the open stack, close the rest
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep][0] == want[keep]:
            keep += 1
        del stack[keep:]
        for m in want[keep:]:
            parent_children = stack[-1][1].children if stack else root
            inside_link = any(s[1].is_link for s in stack)
            node = MarkNode(m, continued=m in started, inside_link=inside_link)
            started.add(m)
            parent_children.append(node)
            stack.append((m, node))
        target = stack[-1][1].children if stack else root
        target.append(TextNode(text[a:b]))
    return root


def plain_text(nodes: Sequence[Node]) -> str:
    """Concatenate the text of a node tree (used by tests: must equal the original)."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, TextNode):
            out.append(node.text)
        else:
            out.append(plain_text(node.children))
    return "".join(out)


def attr_text(attrs: Any, *keys: str) -> str:
    """First non-empty scalar among ``attrs[key]`` for tooltips; tolerant of missing layers."""
    if not isinstance(attrs, dict):
        try:
            attrs = dict(attrs)
        except (TypeError, ValueError):
            return ""
    for k in keys:
        v = attrs.get(k)
        if v not in (None, "", [], {}):
            return str(v)
    return ""

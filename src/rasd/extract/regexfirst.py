"""The characters a regex match can start with, read off the pattern's parse tree.

Why: the time rules try their (large) patterns at every word start near an anchor, and most
tries fail at once, after the regex engine has paid its fixed cost for the try.  Knowing the
possible first characters lets the caller skip a word that cannot start a match with one set
lookup.  The analysis is conservative: zero-width assertions add nothing and are skipped
over, anything it does not understand (``.``, negated classes, back-references, wide ranges)
gives None, meaning "no filter".  It uses the parser of Python's own ``re`` (``re._parser``),
so it reads exactly what the engine will run; on a Python whose parser differs it returns
None and nothing is filtered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

try:  # CPython 3.11+: the parser behind ``re.compile``
    from re import _constants as _C  # type: ignore[attr-defined]
    from re import _parser as _P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another implementation
    _C = _P = None  # type: ignore[assignment]


@dataclass(frozen=True)
class FirstChars:
    """A match starts with one of ``chars``, or with a decimal digit when ``digits``."""

    chars: frozenset[str]
    digits: bool

    def admits(self, c: str) -> bool:
        return c in self.chars or (self.digits and c.isdecimal())


class _Unknown(Exception):
    pass


_MAX_RANGE = 256  # wider character ranges are not expanded: no filter


def first_chars(pattern: re.Pattern[str]) -> FirstChars | None:
    """Possible first characters of a non-empty match of ``pattern``, or None if unknown (or
    if the pattern can match the empty string)."""
    if _P is None or pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    try:
        chars, digits, nullable = _seq(list(_P.parse(pattern.pattern, pattern.flags)))
    except Exception:  # noqa: BLE001 - _Unknown, or a tree this reader did not expect
        return None
    if nullable:
        return None
    return FirstChars(frozenset(chars), digits)


def _seq(items: list) -> tuple[set[str], bool, bool]:
    chars: set[str] = set()
    digits = False
    for op, av in items:
        c, d, nullable = _item(op, av)
        chars |= c
        digits = digits or d
        if not nullable:
            return chars, digits, False
    return chars, digits, True


def _item(op, av) -> tuple[set[str], bool, bool]:  # noqa: ANN001 - re._parser's own tuples
    if op is _C.LITERAL:
        return {chr(av)}, False, False
    if op is _C.IN:
        chars: set[str] = set()
        digits = False
        for o, a in av:
            if o is _C.LITERAL:
                chars.add(chr(a))
            elif o is _C.RANGE and a[1] - a[0] < _MAX_RANGE:
                chars.update(chr(x) for x in range(a[0], a[1] + 1))
            elif o is _C.CATEGORY and a in (_C.CATEGORY_DIGIT, _C.CATEGORY_UNI_DIGIT):
                digits = True
            else:
                raise _Unknown(o)
        return chars, digits, False
    if op is _C.SUBPATTERN:
        return _seq(list(av[3]))
    if op is _C.ATOMIC_GROUP:
        return _seq(list(av))
    if op is _C.BRANCH:
        chars = set()
        digits = False
        nullable = False
        for branch in av[1]:
            c, d, n = _seq(list(branch))
            chars |= c
            digits = digits or d
            nullable = nullable or n
        return chars, digits, nullable
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
        lo, _hi, sub = av
        c, d, n = _seq(list(sub))
        return c, d, n or lo == 0
    if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
        return set(), False, True  # zero-width: it can only narrow the match, never widen it
    raise _Unknown(op)

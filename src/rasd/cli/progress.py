"""Progress bars and chatter only where a person is watching.

A bar written into a pipe or a log file is noise that tools downstream must strip, so every
command's bar goes through :func:`progress_bar`: shown only when stderr is a terminal and
``rasd --quiet`` was not given, with a total (and so an ETA) when the command knows one.
``--quiet`` also silences per-item warnings; errors and the command's output stay.
"""

from __future__ import annotations

import sys

from tqdm import tqdm

_QUIET = [False]


def set_quiet(quiet: bool) -> None:
    """``rasd --quiet``: no progress bars, no warnings on stderr (errors still print)."""
    _QUIET[0] = quiet


def quiet() -> bool:
    return _QUIET[0]


def on_terminal() -> bool:
    return sys.stderr.isatty()


def progress_bar(desc: str, *, enabled: bool = True, total: int | None = None,
                 leave: bool = False) -> tqdm:  # type: ignore[type-arg]
    """A tqdm bar on stderr, disabled unless ``enabled``, not quiet and on a terminal."""
    show = enabled and not quiet() and on_terminal()
    return tqdm(total=total, unit="doc", desc=desc, disable=not show, leave=leave,
                file=sys.stderr, dynamic_ncols=True)

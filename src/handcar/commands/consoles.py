"""The commands' rich consoles, one for stdout and one for stderr, made when first used: rich
is imported only by a command that prints with it (tables, the progress line), not by every
start of ``handcar``."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


@cache
def stdout() -> Console:
    """The console for a command's output (no automatic highlighting); written to a file or a
    pipe (a CI log), a line is not broken at 80 columns."""
    return _console(stderr=False)


@cache
def stderr() -> Console:
    """The console for progress and status lines (no automatic highlighting), not broken at
    80 columns when written to a file or a pipe."""
    return _console(stderr=True)


def _console(*, stderr: bool) -> Console:
    from rich.console import Console

    console = Console(stderr=stderr, highlight=False)
    console.soft_wrap = not console.is_terminal  # a file or a pipe: lines as long as they are
    return console

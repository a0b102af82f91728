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
    """The console for a command's output (no automatic highlighting)."""
    from rich.console import Console

    return Console(highlight=False)


@cache
def stderr() -> Console:
    """The console for progress and status lines (no automatic highlighting)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)

"""How ``handcar query`` says that a query cannot run: its errors, and where the query came from.

Every message names the query's origin: ``the query`` (given on the command line), ``the query
from stdin``, or the query file's path.
"""

from __future__ import annotations

from handcar import limits
from handcar.errors import LimitError

INLINE_ORIGIN = "the query"
STDIN_ORIGIN = "the query from stdin"


class QueryError(Exception):
    """A query that cannot run: no release, a syntax error, an unknown graph, a wrong format.
    The CLI prints it and exits with status 2."""


class QueryRefused(QueryError):
    """A query handcar will not run: one that would make a request (``SERVICE``) or an update."""


def where(origin: str) -> str:
    """``file: `` before a message about a query file; nothing for a query given as text."""
    return "" if origin in (INLINE_ORIGIN, STDIN_ORIGIN) else f"{origin}: "


def over_limit(
    limit: limits.Limit, origin: str, amount: str, value: float | None, option: str | None = None
) -> LimitError:
    """The error for a query over ``limit``: which limit, its value, and how to raise it."""
    shown = limit.value() if value is None else value
    if limit.unit == "bytes":
        size = f"{shown / limits.MiB:g} MiB" if shown >= limits.MiB else f"{shown:g} bytes"
    else:
        size = f"{shown:g} {limit.unit}"
    how = f"{option} or {limit.env}" if option else limit.env
    return LimitError(
        origin,
        None,
        f"over the limit on {limit.name} ({amount}): the limit is {size}; raise it with {how}",
    )

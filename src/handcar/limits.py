"""Resource limits on every input, in one place: documented defaults, overridable.

Each limit has a default and an environment variable that overrides it (commands may also take
an option for it). A limit that is hit raises :class:`~handcar.errors.LimitError` (exit 2) whose
message names the limit, its value and how to raise it.

| limit | default | environment variable |
|---|---:|---|
| size of one ``annotation.yaml`` / ``enrichment.yaml`` | 1 MiB | ``HANDCAR_MAX_YAML_BYTES`` |
| nesting depth of YAML | 50 | ``HANDCAR_MAX_YAML_DEPTH`` |
| YAML aliases (``*ref``) in one file | 100 | ``HANDCAR_MAX_YAML_ALIASES`` |
| YAML nodes in one file, aliases expanded | 1 000 000 | ``HANDCAR_MAX_YAML_NODES`` |
| size of one ``article.md`` | 4 MiB | ``HANDCAR_MAX_ARTICLE_BYTES`` |
| RDF input to ``validate`` | 64 MiB | ``HANDCAR_MAX_RDF_BYTES`` (``--max-input-size``) |
| nesting depth of JSON-LD input | 64 | ``HANDCAR_MAX_JSON_DEPTH`` |
| ``query`` time | 30 s | ``HANDCAR_QUERY_TIMEOUT`` (``--timeout``) |
| ``query`` result rows / triples | 100 000 | ``HANDCAR_QUERY_MAX_RESULTS`` (``--max-results``) |
| ``query`` text size | 1 MiB | ``HANDCAR_QUERY_MAX_BYTES`` |
| ``query`` memory (its process; also its result's size) | 2 GiB | ``HANDCAR_QUERY_MAX_MEMORY`` |
| ``load`` total time | 600 s | ``HANDCAR_LOAD_DEADLINE`` (``--deadline``) |
| ``new``: time to draft one article | 300 s | ``HANDCAR_DRAFT_TIMEOUT`` |
| ``serve``: size of a request body | 4 MiB | ``HANDCAR_SERVE_MAX_REQUEST_BYTES`` |
| ``serve``: time of one ``/sparql`` query | 10 s | ``HANDCAR_SERVE_QUERY_TIMEOUT`` |
| ``serve``: rows / triples of a ``/sparql`` result | 10 000 | ``HANDCAR_SERVE_QUERY_MAX_RESULTS`` |
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from handcar.errors import LimitError

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limit:
    """One limit: its name (for messages), default value and overriding environment variable."""

    name: str
    default: float
    env: str
    unit: str = ""

    def value(self) -> float:
        """The limit in force: the environment variable if set (a number), else the default."""
        raw = os.environ.get(self.env, "").strip()
        if not raw:
            return self.default
        try:
            number = float(raw)
        except ValueError:
            raise LimitError(self.env, None, f"not a number: {raw!r}") from None
        if number <= 0:
            raise LimitError(self.env, None, f"must be positive, not {raw!r}")
        return number

    def exceeded(self, path: object, line: int | None, amount: object = None) -> LimitError:
        """The error for input at ``path`` that goes over this limit."""
        got = f" ({amount})" if amount is not None else ""
        return LimitError(
            str(path),
            line,
            f"over the limit on {self.name}{got}: the limit is {_show(self.value(), self.unit)};"
            f" set {self.env} to raise it",
        )


def _show(value: float, unit: str) -> str:
    if unit == "bytes":
        return f"{value / MiB:g} MiB" if value >= MiB else f"{value:g} bytes"
    return f"{value:.15g}{(' ' + unit) if unit else ''}"


YAML_BYTES = Limit("the size of a YAML file", 1 * MiB, "HANDCAR_MAX_YAML_BYTES", "bytes")
YAML_DEPTH = Limit("YAML nesting depth", 50, "HANDCAR_MAX_YAML_DEPTH", "levels")
YAML_ALIASES = Limit("YAML aliases in one file", 100, "HANDCAR_MAX_YAML_ALIASES", "aliases")
YAML_NODES = Limit(
    "YAML nodes in one file, aliases expanded", 1_000_000, "HANDCAR_MAX_YAML_NODES", "nodes"
)
ARTICLE_BYTES = Limit("the size of an article", 4 * MiB, "HANDCAR_MAX_ARTICLE_BYTES", "bytes")
RDF_BYTES = Limit("the size of RDF input", 64 * MiB, "HANDCAR_MAX_RDF_BYTES", "bytes")
JSON_DEPTH = Limit("JSON-LD nesting depth", 64, "HANDCAR_MAX_JSON_DEPTH", "levels")
QUERY_TIMEOUT = Limit("query time", 30, "HANDCAR_QUERY_TIMEOUT", "s")
QUERY_RESULTS = Limit("query results", 100_000, "HANDCAR_QUERY_MAX_RESULTS", "rows")
QUERY_BYTES = Limit("the size of a query", 1 * MiB, "HANDCAR_QUERY_MAX_BYTES", "bytes")
QUERY_MEMORY = Limit("query memory", 2048 * MiB, "HANDCAR_QUERY_MAX_MEMORY", "bytes")
LOAD_DEADLINE = Limit("load time", 600, "HANDCAR_LOAD_DEADLINE", "s")
DRAFT_TIME = Limit("the time to draft an article", 300, "HANDCAR_DRAFT_TIMEOUT", "s")
SERVE_REQUEST_BYTES = Limit(
    "the size of a request body", 4 * MiB, "HANDCAR_SERVE_MAX_REQUEST_BYTES", "bytes"
)
SERVE_QUERY_TIMEOUT = Limit("query time", 10, "HANDCAR_SERVE_QUERY_TIMEOUT", "s")
SERVE_QUERY_RESULTS = Limit("query results", 10_000, "HANDCAR_SERVE_QUERY_MAX_RESULTS", "rows")

ALL: tuple[Limit, ...] = (
    YAML_BYTES,
    YAML_DEPTH,
    YAML_ALIASES,
    YAML_NODES,
    ARTICLE_BYTES,
    RDF_BYTES,
    JSON_DEPTH,
    QUERY_TIMEOUT,
    QUERY_RESULTS,
    QUERY_BYTES,
    QUERY_MEMORY,
    LOAD_DEADLINE,
    DRAFT_TIME,
    SERVE_REQUEST_BYTES,
    SERVE_QUERY_TIMEOUT,
    SERVE_QUERY_RESULTS,
)


def read_regular_file(
    path: os.PathLike[str] | str,
    limit: Limit,
    *,
    cap: int | None = None,
    exceeded: Callable[[Path, str], LimitError] | None = None,
) -> bytes:
    """The bytes of ``path``, which must be a regular file no larger than ``limit``.

    A FIFO, a device or a folder is refused before it is opened (opening a FIFO blocks);
    the size is checked before reading and again while reading (a file may grow). ``cap``
    replaces the limit's value and ``exceeded`` its error, for a command that overrides it
    (``validate --max-input-size``). Other failures of the system are raised as they are."""
    import stat

    p = Path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise LimitError(p, None, "no such file") from None
    except NotADirectoryError:
        raise LimitError(p, None, "no such file (a parent is not a folder)") from None
    if stat.S_ISDIR(st.st_mode):
        raise LimitError(p, None, "is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise LimitError(p, None, "not a regular file (a FIFO, socket or device is refused)")
    cap = int(limit.value()) if cap is None else cap
    over = exceeded or (lambda where, amount: limit.exceeded(where, None, amount))
    if st.st_size > cap:
        raise over(p, f"{st.st_size} bytes")
    with open(p, "rb") as handle:
        data = read_capped(handle, cap)
    if len(data) > cap:
        raise over(p, f"more than {cap} bytes")
    return data


def read_capped(handle: BinaryIO, cap: int) -> bytes:
    """At most ``cap + 1`` bytes of ``handle`` (one more than allowed shows it is over), read in
    chunks, so a huge ``cap`` allocates only what the file holds."""
    chunks: list[bytes] = []
    total = 0
    while total <= cap:
        chunk = handle.read(min(1 << 24, cap + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)

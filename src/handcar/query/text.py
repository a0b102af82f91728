"""Reading a query: inline text, a file, or stdin, told apart by the argument's text alone."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import BinaryIO

from handcar import limits
from handcar.errors import IOFailure
from handcar.query.check import check_size
from handcar.query.errors import INLINE_ORIGIN, STDIN_ORIGIN, QueryError, over_limit

STDIN = "-"
"""The argument that means: read the query from standard input."""


def is_inline(argument: str) -> bool:
    """Whether ``handcar query ARGUMENT`` is the query text itself rather than a file name.

    The rule, decided on the text alone (it is never handed to the file system to find out):
    text with whitespace (a space, tab or newline) or a ``{`` is a query; anything else is the
    path of a query file. Every SPARQL query that selects something needs one or the other; a
    file whose name has a space is read with ``- < 'my query.rq'``."""
    return "{" in argument or any(char.isspace() for char in argument)


def read_query(argument: str, stdin: BinaryIO | None = None) -> tuple[str, str]:
    """The SPARQL text of ``argument`` and where it came from (for messages): ``-`` reads
    ``stdin``, inline text (:func:`is_inline`) is the query, anything else is a query file, which
    must be a regular file within :data:`~handcar.limits.QUERY_BYTES`."""
    cap = int(limits.QUERY_BYTES.value())
    if argument == STDIN:
        origin = STDIN_ORIGIN
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(cap + 1)
        if len(data) > cap:
            raise over_limit(limits.QUERY_BYTES, origin, f"more than {cap} bytes", cap)
        return _decode(data, origin), origin
    if is_inline(argument):
        check_size(argument, INLINE_ORIGIN)
        return argument, INLINE_ORIGIN
    if not argument:
        raise QueryError("the query is empty: give a query, a query file, or - to read stdin")
    path = Path(argument)
    if not os.path.lexists(path):
        path = competency_question(argument) or path
    if not os.path.lexists(path):
        raise QueryError(
            f"{path}: no such query file (a query given on the command line needs a space or "
            f"a '{{'; {STDIN} reads it from stdin; a competency question by its name: "
            f"{_names()})"
        )
    try:
        data = limits.read_regular_file(path, limits.QUERY_BYTES)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENAMETOOLONG, errno.EISDIR):
            raise QueryError(f"{path}: {exc.strerror}") from None
        raise IOFailure(path, exc) from None
    return _decode(data, str(path)), str(path)


def competency_question(name: str) -> Path | None:
    """The file of handcar's competency question ``name`` (``cq13``, ``cq13-evidence-for-a-fact``
    or its file name), or None: a name without a folder, for a query file that is not here."""
    if not name or os.sep in name or "/" in name:
        return None
    stem = name.removesuffix(".rq").lower()
    if stem[:2] == "cq" and stem[2:].isdecimal():  # "cq5" is cq05
        stem = f"cq{int(stem[2:]):02d}"
    found = [p for p in _questions() if p.stem == stem or p.stem.startswith(stem + "-")]
    return found[0] if len(found) == 1 else None


def _questions() -> list[Path]:
    from handcar.resources import queries_dir

    return sorted(queries_dir().glob("cq*.rq"))


def _names() -> str:
    names = [p.stem.split("-", 1)[0] for p in _questions()]
    return f"{names[0]} … {names[-1]}" if names else "none installed"


def _decode(data: bytes, origin: str) -> str:
    try:
        return data.decode("utf-8-sig")  # a byte-order mark is no part of the query
    except UnicodeDecodeError as exc:
        raise QueryError(f"{origin}: not UTF-8 text (byte {exc.start})") from None

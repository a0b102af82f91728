"""SPARQL over a handcar release, with an embedded store: no server needed.

The release's ``dataset.nq`` (every named graph of ``out/``) is bulk-loaded into an in-memory
Oxigraph store (pyoxigraph). SPARQL from outside is never trusted. The modules, in the order a
query goes through them:

- :mod:`.text` — :func:`read_query` tells inline text from a file name by the text alone;
- :mod:`.check` — :func:`check_query` refuses updates and ``SERVICE`` on the parsed query;
- :mod:`.release` — :func:`open_release`, the store and its named graphs by short name;
- :mod:`.sandbox` — :func:`run` evaluates in a forked child process with a deadline, a result
  cap, a memory cap and no way to open a socket (:mod:`handcar.limits`);
- :mod:`.output` — :func:`render` writes the result in the formats ``handcar query`` offers;
- :mod:`.errors` — :class:`QueryError`, :class:`QueryRefused` and their messages.

SPARQL 1.1 Query: https://www.w3.org/TR/sparql11-query/
"""

from __future__ import annotations

from handcar.query.check import READ_ONLY, SERVICE_REFUSED, check_query, check_size
from handcar.query.errors import INLINE_ORIGIN, STDIN_ORIGIN, QueryError, QueryRefused
from handcar.query.output import FORMATS, default_format, render, shorten, shorten_iri
from handcar.query.release import RELEASE_FILE, Release, open_release, release_graphs
from handcar.query.sandbox import FORK_LOCK, Result, kind, run
from handcar.query.text import STDIN, is_inline, read_query

__all__ = [
    "FORK_LOCK",
    "FORMATS",
    "INLINE_ORIGIN",
    "READ_ONLY",
    "RELEASE_FILE",
    "SERVICE_REFUSED",
    "STDIN",
    "STDIN_ORIGIN",
    "QueryError",
    "QueryRefused",
    "Release",
    "Result",
    "check_query",
    "check_size",
    "default_format",
    "is_inline",
    "kind",
    "open_release",
    "read_query",
    "release_graphs",
    "render",
    "run",
    "shorten",
    "shorten_iri",
]

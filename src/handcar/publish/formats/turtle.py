"""Turtle (https://www.w3.org/TR/turtle/): the union of all graphs, for people to read.

pyoxigraph's Turtle serialiser writes the file (escaping, prefixed names, short forms of
numbers and booleans). It groups consecutive triples of one subject with ``;`` and of one
predicate with ``,``, so it is given the union's triples in handcar's sorted order
(:attr:`handcar.publish.rdf.Quads.triples`): one block per subject, subjects in N-Triples order,
``a`` first and then the predicates in IRI order. Only the prefixes the file uses are declared;
pyoxigraph writes them in an order of its own that depends only on the prefixes (longest
namespace first). IRIs are written whole or as prefixed names, never relative to an ``@base``:
pyoxigraph would make the prefix IRIs relative to the base too. :mod:`.trig` writes the named
graphs the same way.

The only text added here is the header: the caller's comment lines (``# …``), then a blank
line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from handcar.publish.formats import WriteOptions
from handcar.publish.rdf import Quads
from handcar.rdfterms import used_prefixes


def comments(lines: Iterable[str]) -> str:
    """``lines`` as Turtle comment lines followed by a blank line ("" if there are none)."""
    text = [f"# {line}".rstrip() for entry in lines for line in entry.splitlines() or [""]]
    return "\n".join(text) + "\n\n" if text else ""


def serialize(
    statements: Iterable[ox.Triple] | Iterable[ox.Quad],
    fmt: ox.RdfFormat,
    prefixes: Mapping[str, str],
    header: Iterable[str] = (),
) -> bytes:
    """``statements`` (sorted) serialised by pyoxigraph in ``fmt`` with the prefixes they use,
    after the ``header`` comment lines."""
    statements = list(statements)
    body = ox.serialize(statements, format=fmt, prefixes=used_prefixes(statements, prefixes))
    return comments(header).encode("utf-8") + body


def write(data: Quads, options: WriteOptions) -> bytes:
    return serialize(data.triples, ox.RdfFormat.TURTLE, options.prefixes, options.header)

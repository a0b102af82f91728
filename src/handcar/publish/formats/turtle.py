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

from handcar.namespaces import splitter
from handcar.publish.formats import WriteOptions
from handcar.publish.rdf import RDF_TYPE, Quads
from handcar.rdfterms import XSD_STRING


def used_prefixes(
    statements: Iterable[ox.Triple | ox.Quad], prefixes: Mapping[str, str]
) -> dict[str, str]:
    """The entries of ``prefixes`` whose namespace is the longest match of an IRI that Turtle
    may write of ``statements``: subjects, predicates (but ``rdf:type``, written ``a``), objects,
    graph names and datatypes (but those of plain and language-tagged strings). A prefix may
    still go unused, when pyoxigraph writes a number in short form or an IRI whole."""
    split = splitter(prefixes).split
    iris: set[str] = set()
    for statement in statements:
        terms = [statement.subject, statement.object, getattr(statement, "graph_name", None)]
        if statement.predicate.value != RDF_TYPE:
            terms.append(statement.predicate)
        for term in terms:
            if isinstance(term, ox.NamedNode):
                iris.add(term.value)
            elif isinstance(term, ox.Literal) and not term.language:
                iris.add(term.datatype.value)
    iris.discard(XSD_STRING)
    used = {found[0] for found in map(split, iris) if found}
    return {name: prefixes[name] for name in sorted(used)}


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

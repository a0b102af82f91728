"""Converting RDF terms between rdflib and pyoxigraph, keeping every literal's lexical form.

The one place handcar converts terms, for publishing (:class:`handcar.publish.rdf.Quads`), the
validator's Oxigraph mirror and the reading of validation inputs. pyoxigraph refuses IRIs that
are not IRIs (RFC 3987) and malformed language tags: :class:`TermError` says which. With
``strict=True`` text holding a Unicode noncharacter is refused too: pyoxigraph takes it, but
other RDF tools (rapper) do not, so files meant to parse everywhere must not hold it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib import term as rdflib_term
from rdflib.graph import Dataset, Graph
from rdflib.term import Node

from handcar.namespaces import XSD, splitter

XSD_STRING = str(XSD.string)
RDFLIB_DEFAULT_GRAPH = "urn:x-rdflib:default"
"""The name rdflib gives a Dataset's default graph."""

Term = ox.NamedNode | ox.BlankNode | ox.Literal
GraphName = ox.NamedNode | ox.BlankNode | ox.DefaultGraph


class TermError(ValueError):
    """A value that cannot be an RDF term: an IRI that is not an IRI, a bad language tag, or (in
    strict mode) text with a Unicode noncharacter."""


class UnsupportedTerm(TypeError):
    """Something that is no RDF 1.1 term at all (a variable, a quoted graph: RDF-star)."""

    def __init__(self, term: object, message: str) -> None:
        super().__init__(message)
        self.term = term


NONCHARACTERS = re.compile("[\ufdd0-\ufdef\ufffe\uffff\U0001fffe\U0001ffff\U0002fffe"
                           "\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff\U0005fffe"
                           "\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe"
                           "\U0008ffff\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe"
                           "\U000bffff\U000cfffe\U000cffff\U000dfffe\U000dffff\U000efffe"
                           "\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]")
"""Unicode noncharacters: not text, and refused in literals by rapper (U+FFFE, U+FFFF)."""


def named_node(value: str) -> ox.NamedNode:
    """The pyoxigraph IRI ``value``, or :class:`TermError` when it is not a valid IRI."""
    try:
        return ox.NamedNode(value)
    except ValueError as exc:
        raise TermError(f"not a valid IRI: <{value}> ({exc})") from None


def _text(value: str) -> str:
    match = NONCHARACTERS.search(value)
    if match:
        raise TermError(
            f"text holds the Unicode noncharacter U+{ord(match.group()):04X}, which is not "
            f"text and which RDF tools refuse: {value[:60]!r}"
        )
    return value


def to_oxigraph(node: object, *, strict: bool = False) -> Term:
    """The pyoxigraph term for an rdflib IRI, blank node or literal (``xsd:string`` literals as
    plain literals). ``strict``: refuse noncharacters in text."""
    if isinstance(node, URIRef):
        return named_node(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, Literal):
        value = _text(str(node)) if strict else str(node)
        if node.language:
            try:
                return ox.Literal(value, language=node.language)
            except ValueError as exc:
                raise TermError(f"bad language tag {node.language!r}: {exc}") from None
        datatype = node.datatype
        if datatype is None or str(datatype) == XSD_STRING:
            return ox.Literal(value)
        return ox.Literal(value, datatype=named_node(str(datatype)))
    raise UnsupportedTerm(node, f"cannot copy {node!r} to Oxigraph")


def to_oxigraph_quads(source: Dataset | Graph, *, strict: bool = False) -> Iterator[ox.Quad]:
    """The quads of an rdflib Dataset (named graphs kept) or Graph (as the default graph) in
    pyoxigraph terms, each distinct term converted once."""
    cache: dict[object, Term] = {}

    def conv(term: object) -> Term:
        found = cache.get(term)
        if found is None:
            found = cache[term] = to_oxigraph(term, strict=strict)
        return found

    if isinstance(source, Dataset):
        for s, p, o, g in source.quads((None, None, None, None)):
            name = g.identifier if isinstance(g, Graph) else g
            if name is None or str(name) == RDFLIB_DEFAULT_GRAPH:
                graph: GraphName = ox.DefaultGraph()
            else:
                graph = conv(name)  # type: ignore[assignment]
            yield ox.Quad(conv(s), conv(p), conv(o), graph)  # type: ignore[arg-type]
    else:
        for s, p, o in source:
            yield ox.Quad(conv(s), conv(p), conv(o))  # type: ignore[arg-type]


def to_rdflib(term: object, blank_prefix: str = "") -> Node:
    """The rdflib term for a pyoxigraph term; blank node ids get ``blank_prefix`` (to keep the
    blank nodes of different files apart). Raises TypeError for anything else (RDF-star)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(blank_prefix + term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value), normalize=False)
    raise TypeError(f"unsupported RDF term {term!r} (RDF-star is not supported)")


@contextmanager
def standard_literals() -> Iterator[None]:
    """Within the block, rdflib turns lexical forms into values with its own standard table
    (``rdflib.term.XSDToPython``), whatever another library in the process bound before (owlrl's
    ``DeductiveClosure`` leaves its converters for ``xsd:gDay``, ``xsd:gMonth``… behind, after
    which valid data fails SHACL datatype checks); the caller's table is put back on exit."""
    table = rdflib_term._toPythonMapping
    saved = dict(table)
    table.clear()
    table.update(rdflib_term.XSDToPython)
    try:
        yield
    finally:
        table.clear()
        table.update(saved)


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


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
        if statement.predicate.value != _RDF_TYPE:
            terms.append(statement.predicate)
        for term in terms:
            if isinstance(term, ox.NamedNode):
                iris.add(term.value)
            elif isinstance(term, ox.Literal) and not term.language:
                iris.add(term.datatype.value)
    iris.discard(XSD_STRING)
    used = {found[0] for found in map(split, iris) if found}
    return {name: prefixes[name] for name in sorted(used)}

"""RDF/XML (https://www.w3.org/TR/rdf-syntax-grammar/): the union of all graphs, for the tools
that read it best or only (OWL 2's one exchange syntax every tool must read: Protégé, the OWL
API; older RDF libraries).

pyoxigraph's RDF/XML serialiser writes the file (the XML escaping, the namespace declarations
of the prefixes the file uses); it is given the union's triples in handcar's sorted order
(:attr:`handcar.publish.rdf.Quads.triples`), so the bytes depend only on the RDF. The file has
no header comments (a Turtle header's text need not be a valid XML comment).

RDF/XML cannot hold every graph: most C0 control characters are not XML characters, an XML
parser reads a carriage return as a line feed, and a property is an element name, so its IRI
must end in an XML name (``…/a/1`` cannot be written). handcar's inputs refuse those characters
and its properties are all such names, so a release always can be written; other data with one
is refused here (:func:`problem`), never written as a file that does not parse or that reads
back as other data.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from handcar.chars import describe
from handcar.publish.formats import WriteOptions
from handcar.publish.rdf import Quads
from handcar.rdfterms import used_prefixes

#: https://www.w3.org/TR/xml/#charsets, and U+000D, which XML parsers normalise to U+000A
NOT_IN_XML = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")
#: the end of a property IRI that RDF/XML can write as an element name (an NCName; ASCII, as
#: every property handcar publishes has, and every XML parser reads)
_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*$")


def _element_name(iri: str) -> bool:
    """Whether pyoxigraph writes property ``iri`` as an element every XML parser reads: it
    splits off the longest end of the IRI that XML 1.0 (fifth edition) allows in a name, which
    may hold characters older parsers (expat) refuse, so that whole end must be ASCII."""
    start = len(iri)
    while start and (iri[start - 1].isalnum() or iri[start - 1] in "-._"
                     or ord(iri[start - 1]) > 0x7F):
        start -= 1
    end = iri[start:]
    return end.isascii() and _LOCAL_NAME.search(end) is not None
#: a blank node label RDF/XML can write as ``rdf:nodeID`` (an NCName)
_NODE_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


def problem(triple: ox.Triple) -> str | None:
    """Why RDF/XML cannot hold ``triple`` (None: it can)."""
    for term in (triple.subject, triple.predicate, triple.object):
        found = NOT_IN_XML.search(term.value)
        if found:
            return f"RDF/XML cannot hold {describe(found.group())}, in {term}"
        if isinstance(term, ox.BlankNode) and not _NODE_ID.fullmatch(term.value):
            return f"RDF/XML cannot name the blank node {term} (rdf:nodeID is an XML name)"
    if not _element_name(triple.predicate.value):
        return (f"RDF/XML cannot write the property {triple.predicate}: its IRI does not end in"
                " an XML name")
    return None


def write(data: Quads, options: WriteOptions) -> bytes:
    triples = list(data.triples)
    for triple in triples:
        refused = problem(triple)
        if refused:
            raise ValueError(refused)
    return ox.serialize(triples, format=ox.RdfFormat.RDF_XML,
                        prefixes=used_prefixes(triples, options.prefixes))

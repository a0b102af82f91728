"""Writing a query's result: the formats ``handcar query`` offers, and terms as people read them.

SELECT and ASK give solutions (SPARQL results: https://www.w3.org/TR/sparql11-results-json/,
https://www.w3.org/TR/sparql11-results-csv-tsv/); CONSTRUCT and DESCRIBE give triples (Turtle,
N-Triples, RDF/XML, or JSON-LD compacted with handcar's context by the release's writer).
``table`` is drawn by the CLI from :func:`shorten`.
"""

from __future__ import annotations

import io

import pyoxigraph as ox

from handcar import namespaces
from handcar.formats import RDF_FORMATS, RESULT_FORMATS
from handcar.namespaces import PREFIXES
from handcar.query.errors import QueryError
from handcar.query.sandbox import kind
from handcar.rdfterms import used_prefixes

_RESULTS_FORMATS = {name: fmt.oxigraph for name, fmt in RESULT_FORMATS.items()}
_RDF_FORMATS = {name: RDF_FORMATS[name].oxigraph for name in ("turtle", "ntriples", "xml")}

SOLUTION_FORMATS = ("table", *_RESULTS_FORMATS)
"""Formats for SELECT/ASK results (``xml``: SPARQL XML results)."""
GRAPH_FORMATS = ("table", *_RDF_FORMATS, "jsonld")
"""Formats for CONSTRUCT/DESCRIBE results (``xml``: RDF/XML)."""
FORMATS = tuple(dict.fromkeys(SOLUTION_FORMATS + GRAPH_FORMATS))
"""What ``--format`` accepts."""


def default_format(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> str:
    return "turtle" if kind(result) == "triples" else "table"


def render(
    result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples,
    fmt: str,
    *,
    base: str | None = None,
) -> bytes:
    """The result serialised in ``fmt``: csv, tsv, json or xml for solutions; turtle, ntriples,
    xml (RDF/XML) or jsonld for triples, sorted, Turtle with the handcar prefixes it uses.
    ``table`` is drawn by the CLI (:func:`shorten` gives its cells)."""
    what = kind(result)
    if what == "triples":
        if fmt not in GRAPH_FORMATS or fmt == "table":
            raise QueryError(
                f"--format {fmt} is for SELECT/ASK; CONSTRUCT/DESCRIBE give RDF: "
                "use turtle, ntriples, xml or jsonld"
            )
        triples = sorted(result, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        if fmt == "jsonld":  # the release's JSON-LD writer: compacted with handcar's context
            from handcar.publish.formats import write
            from handcar.publish.rdf import Quads

            return write("jsonld", Quads.of(ox.Quad(t.subject, t.predicate, t.object)
                                            for t in triples))
        if fmt == "turtle":
            return ox.serialize(
                triples, format=_RDF_FORMATS[fmt], prefixes=used_prefixes(triples, PREFIXES)
            )
        if fmt == "xml":  # what RDF/XML cannot hold is refused, as the release's writer does
            from handcar.publish.formats.rdfxml import problem

            refused = next(filter(None, map(problem, triples)), None)
            if refused:
                raise QueryError(f"{refused}; use --format turtle or ntriples")
        return ox.serialize(triples, format=_RDF_FORMATS[fmt])
    if fmt not in _RESULTS_FORMATS:
        raise QueryError(
            f"--format {fmt} is for CONSTRUCT/DESCRIBE; SELECT/ASK give solutions: "
            "use table, csv, tsv, json or xml"
        )
    buffer = io.BytesIO()
    result.serialize(buffer, format=_RESULTS_FORMATS[fmt])
    return buffer.getvalue()


def shorten(term: ox.NamedNode | ox.BlankNode | ox.Literal | None, base: str | None) -> str:
    """A term as a person reads it in a table: prefixed IRIs (``id:`` for the data's base),
    literals by their lexical form with a language tag after ``@``."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten_iri(term.value, base)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return f"{term.value} @{term.language}" if term.language else term.value
    return str(term)


def shorten_iri(iri: str, base: str | None = None) -> str:
    """``djo:TrainLeg`` for ``https://w3id.org/djo#TrainLeg``; ``id:place/pyongyang`` under
    the data's base; otherwise the IRI in angle brackets."""
    return namespaces.shorten(iri, base=base) or f"<{iri}>"

"""The file formats handcar reads and writes, in one table, named as rdflib's plugin registry
names them (``turtle``, ``trig``, ``nquads``, ``xml`` for RDF/XML…; result formats ``csv``,
``tsv``, ``json``, ``xml``).

An :class:`RdfFormat` is a format's name, file extension (and the other suffixes read as it),
IANA media type, W3C format IRI, how pyoxigraph reads and writes it, and whether it keeps named
graphs. The formats the release publishes as ``dataset.<extension>`` also name their writer (a
module of :mod:`handcar.publish.formats`, imported only by publishing) and what the file is for
(``purpose``: ``out/README.md`` and the metadata show it). A published format without a purpose,
or a purpose without a writer, is an error when this module is imported, never a file silently
left out of the release. :data:`RESULT_FORMATS` lists the SPARQL result formats likewise.

Used by publishing (which dataset files, their media types and purposes), ``handcar validate``'s
inputs (file suffix → parser), ``handcar query``'s output, ``handcar load`` and the README
template. Adding a format is one line here (and, for a published one, one writer module).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from handcar.namespaces import W3C_FORMATS


class FormatError(ValueError):
    """A format table entry that contradicts itself (a published format without a purpose)."""


@dataclass(frozen=True)
class RdfFormat:
    """One RDF serialisation."""

    name: str
    extension: str
    media_type: str
    """The IANA-registered media type."""
    oxigraph: ox.RdfFormat
    """How pyoxigraph parses and serialises it (the reader)."""
    w3c_format: str | None
    """The format's IRI under http://www.w3.org/ns/formats/ (for ``dcterms:format``)."""
    named_graphs: bool
    """Whether the format keeps named graphs (N-Quads, TriG, JSON-LD) or holds one graph."""
    writer: str | None = None
    """The module of :mod:`handcar.publish.formats` that writes the release's dataset file."""
    purpose: str | None = None
    """What the release's ``dataset.<extension>`` is for (README, metadata)."""
    suffixes: tuple[str, ...] = field(default=())
    """File suffixes read as this format besides ``.<extension>``."""

    def __post_init__(self) -> None:
        if (self.writer is None) != (self.purpose is None):
            raise FormatError(
                f"format {self.name!r}: a published format needs both a writer and a purpose "
                f"(writer={self.writer!r}, purpose={self.purpose!r})"
            )

    @property
    def published(self) -> bool:
        """Whether the release holds the dataset in this format."""
        return self.writer is not None

    @property
    def dataset_file(self) -> str:
        """The release's file of the dataset in this format: ``dataset.<extension>``."""
        return f"dataset.{self.extension}"


@dataclass(frozen=True)
class ResultFormat:
    """One serialisation of SPARQL SELECT/ASK results."""

    name: str
    oxigraph: ox.QueryResultsFormat

    @property
    def media_type(self) -> str:
        return self.oxigraph.media_type

    @property
    def extension(self) -> str:
        return self.oxigraph.file_extension


def _w3c(name: str) -> str:
    return str(W3C_FORMATS[name])


RDF_FORMATS: dict[str, RdfFormat] = {
    f.name: f
    for f in (
        RdfFormat(
            "turtle", "ttl", "text/turtle", ox.RdfFormat.TURTLE, _w3c("Turtle"), False,
            writer="turtle", suffixes=(".turtle",),
            purpose="The whole knowledge graph as one graph (the union of the named graphs) in "
            "readable Turtle: to read it, or to load it where named graphs do not matter.",
        ),
        RdfFormat(
            "trig", "trig", "application/trig", ox.RdfFormat.TRIG, _w3c("TriG"), True,
            writer="trig",
            purpose="The named graphs in readable TriG: to load into a quad store keeping each "
            "graph apart, or to read one graph at a time.",
        ),
        RdfFormat(
            "ntriples", "nt", "application/n-triples", ox.RdfFormat.N_TRIPLES,
            _w3c("N-Triples"), False,
            writer="ntriples",
            purpose="The union graph, one triple a line: streaming tools, grep, line diffs.",
        ),
        RdfFormat(
            "nquads", "nq", "application/n-quads", ox.RdfFormat.N_QUADS, _w3c("N-Quads"), True,
            writer="nquads",
            purpose="The named graphs, one quad a line, canonical (RDFC-1.0): bulk loading "
            "(Oxigraph, Virtuoso, Jena TDB), line diffs, hashing.",
        ),
        RdfFormat(
            "jsonld", "jsonld", "application/ld+json", ox.RdfFormat.JSON_LD, _w3c("JSON-LD"),
            True,
            writer="jsonld",
            purpose="The named graphs as JSON-LD compacted with context.jsonld: JSON tools and "
            "web applications that read linked data.",
        ),
        RdfFormat(
            "xml", "rdf", "application/rdf+xml", ox.RdfFormat.RDF_XML, _w3c("RDF_XML"), False,
            writer="rdfxml",
            purpose="The union graph in RDF/XML: OWL tools (Protégé, the OWL API: the one "
            "syntax every OWL 2 tool reads) and RDF libraries that read nothing newer.",
            suffixes=(".owl", ".xml"),
        ),
    )
}
"""Every RDF format handcar reads or writes, by name."""

RESULT_FORMATS: dict[str, ResultFormat] = {
    f.name: f
    for f in (
        ResultFormat("csv", ox.QueryResultsFormat.CSV),
        ResultFormat("tsv", ox.QueryResultsFormat.TSV),
        ResultFormat("json", ox.QueryResultsFormat.JSON),
        ResultFormat("xml", ox.QueryResultsFormat.XML),
    )
}
"""The SPARQL results formats (https://www.w3.org/TR/sparql11-results-json/ and its siblings)."""

SUFFIXES: dict[str, RdfFormat] = {
    suffix: f
    for f in RDF_FORMATS.values()
    for suffix in (f".{f.extension}", *f.suffixes)
}
"""The RDF format of a file, by its suffix (lower case, with the dot)."""


def published() -> list[RdfFormat]:
    """The formats the release holds the dataset in, in table order."""
    return [f for f in RDF_FORMATS.values() if f.published]

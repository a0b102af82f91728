"""The serialisations a release can write: a small registry, one module per format.

The serialising itself is done by libraries: pyoxigraph writes Turtle, TriG, N-Triples and
N-Quads, PyLD the JSON-LD; the modules here choose what to give them (sorted, canonical quads;
the prefixes) and add nothing but comment lines and, for JSON-LD, a sort of the output.

Like rdflib's plugins, each format lives in its own module under this package and is imported only
when used; the registry maps a name to a :class:`Format` (file extension, registered media type,
W3C format IRI, module). Every writer has the same signature::

    def write(data: Quads, options: WriteOptions) -> bytes

and returns the file's exact bytes: UTF-8, ``\\n`` line ends, a final newline, and an order that
depends only on the RDF (the input is already canonical and sorted, see
:class:`handcar.publish.rdf.Quads`). Adding a format is one new module and one line here.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from handcar.namespaces import W3C_FORMATS
from handcar.publish.rdf import PUBLISHED_PREFIXES, Quads

CONTEXT_URL = "https://w3id.org/djo/context.jsonld"
"""Where handcar's JSON-LD context is served (``out/context.jsonld``); JSON-LD files name it by
this URL, and every reader in handcar's own code and tests maps it to the local file."""


@dataclass(frozen=True)
class WriteOptions:
    """What a writer may use besides the quads."""

    prefixes: Mapping[str, str] = field(default_factory=lambda: PUBLISHED_PREFIXES)
    """Turtle/TriG: the prefixes a file may declare (it declares those it uses); JSON-LD: the
    context compacted with."""
    context_url: str = CONTEXT_URL
    """JSON-LD: the ``@context`` reference written into the document."""
    header: tuple[str, ...] = ()
    """Turtle/TriG: comment lines at the top of the file."""
    graph_comments: Mapping[str, str] = field(default_factory=dict)
    """TriG: what each named graph holds, by graph IRI, listed in the header comments."""


@dataclass(frozen=True)
class Format:
    """One serialisation: how to name, label and write it."""

    name: str
    extension: str
    media_type: str
    """The IANA-registered media type."""
    w3c_format: str | None
    """The format's IRI under http://www.w3.org/ns/formats/ (for ``dcterms:format``)."""
    module: str
    named_graphs: bool
    """Whether the format keeps named graphs (N-Quads, TriG, JSON-LD) or writes their union."""

    def write(self, data: Quads, options: WriteOptions | None = None) -> bytes:
        writer = importlib.import_module(f"{__name__}.{self.module}").write
        return writer(data, options or WriteOptions())


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("turtle", "ttl", "text/turtle", str(W3C_FORMATS["Turtle"]),
               "turtle", False),
        Format("trig", "trig", "application/trig", str(W3C_FORMATS["TriG"]),
               "trig", True),
        Format("ntriples", "nt", "application/n-triples", str(W3C_FORMATS["N-Triples"]),
               "ntriples", False),
        Format("nquads", "nq", "application/n-quads", str(W3C_FORMATS["N-Quads"]),
               "nquads", True),
        Format("jsonld", "jsonld", "application/ld+json", str(W3C_FORMATS["JSON-LD"]),
               "jsonld", True),
    )
}


def get(name: str) -> Format:
    """The format called ``name`` (``turtle``, ``trig``, ``ntriples``, ``nquads``, ``jsonld``)."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; known: {', '.join(FORMATS)}") from None


def write(name: str, data: Quads, options: WriteOptions | None = None) -> bytes:
    """The bytes of ``data`` in format ``name``."""
    return get(name).write(data, options)

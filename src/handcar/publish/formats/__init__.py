"""The serialisations a release can write: a small registry, one module per format.

The serialising itself is done by libraries: pyoxigraph writes Turtle, TriG, N-Triples and
N-Quads, PyLD the JSON-LD; the modules here choose what to give them (sorted, canonical quads;
the prefixes) and add nothing but comment lines and, for JSON-LD, a sort of the output.

Like rdflib's plugins, each format lives in its own module under this package and is imported only
when used; the registry is :data:`handcar.formats.RDF_FORMATS` (name, file extension, registered
media type, W3C format IRI, writer module, purpose), and :data:`FORMATS` holds those with a
writer. Every writer has the same signature::

    def write(data: Quads, options: WriteOptions) -> bytes

and returns the file's exact bytes: UTF-8, ``\\n`` line ends, a final newline, and an order that
depends only on the RDF (the input is already canonical and sorted, see
:class:`handcar.publish.rdf.Quads`). Adding a format is one new module and one line in
:mod:`handcar.formats`. A writer of a line format also has ``stream(data, options) ->
Iterator[bytes]``, the same bytes in chunks, which the release spools to disk instead of
holding them (:mod:`handcar.publish.spool`).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import ModuleType

from handcar.formats import RdfFormat, published
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


FORMATS: dict[str, RdfFormat] = {f.name: f for f in published()}
"""The formats the release is written in (:data:`handcar.formats.RDF_FORMATS` with a writer)."""


def get(name: str) -> RdfFormat:
    """The format called ``name`` (``turtle``, ``trig``, ``ntriples``, ``nquads``, ``jsonld``)."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; known: {', '.join(FORMATS)}") from None


def _writer(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{get(name).writer}")


def write(name: str, data: Quads, options: WriteOptions | None = None) -> bytes:
    """The bytes of ``data`` in format ``name``, by the format's writer module."""
    return _writer(name).write(data, options or WriteOptions())


def streams(name: str) -> bool:
    """Whether the writer of format ``name`` can give its bytes in chunks (:func:`stream`)."""
    return hasattr(_writer(name), "stream")


def stream(name: str, data: Quads, options: WriteOptions | None = None) -> Iterator[bytes]:
    """The bytes of ``data`` in format ``name`` in chunks (one chunk when the writer does not
    stream)."""
    writer = _writer(name)
    if hasattr(writer, "stream"):
        return writer.stream(data, options or WriteOptions())
    return iter([writer.write(data, options or WriteOptions())])

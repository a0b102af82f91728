"""N-Triples (https://www.w3.org/TR/n-triples/): the union of all graphs, one triple a line.

Differs from :mod:`.nquads` only in dropping the graph name (a triple stated in two graphs is
written once). Lines are sorted by code point and terms use the canonical N-Triples escapes
(pyoxigraph's: ``\\n``, ``\\"``, ``\\u0000``…), so the file is canonical N-Triples when the data
has no blank nodes.
"""

from __future__ import annotations

from collections.abc import Iterator

from handcar.publish.formats import WriteOptions
from handcar.publish.rdf import Quads, chunked


def stream(data: Quads, options: WriteOptions) -> Iterator[bytes]:
    return chunked(sorted({f"{triple} .\n" for triple in data.triples}))


def write(data: Quads, options: WriteOptions) -> bytes:
    return b"".join(stream(data, options))

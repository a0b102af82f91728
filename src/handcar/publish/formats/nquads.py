"""N-Quads (https://www.w3.org/TR/n-quads/): every quad, one a line, with its graph name.

The file *is* the canonical N-Quads document of RDFC-1.0 (blank nodes relabelled ``_:c14n…``,
lines sorted by code point), so its SHA-256 is the dataset's canonical hash.
"""

from __future__ import annotations

from collections.abc import Iterator

from handcar.publish.formats import WriteOptions
from handcar.publish.rdf import Quads


def stream(data: Quads, options: WriteOptions) -> Iterator[bytes]:
    return data.canonical_chunks()


def write(data: Quads, options: WriteOptions) -> bytes:
    return b"".join(stream(data, options))

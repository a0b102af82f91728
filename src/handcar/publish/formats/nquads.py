"""N-Quads (https://www.w3.org/TR/n-quads/): every quad, one a line, with its graph name.

The file *is* the canonical N-Quads document of RDFC-1.0 (blank nodes relabelled ``_:c14n…``,
lines sorted by code point), so its SHA-256 is the dataset's canonical hash.
"""

from __future__ import annotations

from handcar.publish.formats import WriteOptions
from handcar.publish.rdf import Quads


def write(data: Quads, options: WriteOptions) -> bytes:
    return data.canonical_nquads

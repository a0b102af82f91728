"""Reading release files back with several parsers, without the network, as comparable bytes.

Every reader returns the *canonical N-Quads* (RDFC-1.0, sorted; see
:class:`handcar.publish.rdf.Quads`) of what it parsed, so "these files hold the same RDF" is a
byte comparison. Triple formats (Turtle, N-Triples) parse into the default graph: compare them
with :func:`union` of a dataset.

JSON-LD files name handcar's context by URL; the readers here serve it from the local file and
refuse every other remote document: PyLD through a document loader, rdflib and pyoxigraph by
putting the context object in place of the URL before parsing (rdflib would fetch it otherwise).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib

from handcar.publish.formats import CONTEXT_URL
from handcar.publish.rdf import Quads

OX_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
}
RDFLIB_FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig",
                  ".jsonld": "json-ld", ".rdf": "xml"}
RAPPER_SYNTAX = {".ttl": "turtle", ".nt": "ntriples", ".nq": "nquads", ".trig": "trig",
                 ".rdf": "rdfxml"}


def suffix(path: Path) -> str:
    return path.suffix


def inline_context(document: Any, contexts: Mapping[str, Path]) -> Any:
    """``document`` with every ``"@context": URL`` replaced by that context's local object;
    an unmapped remote context raises."""
    if isinstance(document, list):
        return [inline_context(item, contexts) for item in document]
    if not isinstance(document, dict):
        return document
    out = {}
    for key, value in document.items():
        if key == "@context":
            out[key] = _resolve_context(value, contexts)
        else:
            out[key] = inline_context(value, contexts)
    return out


def _resolve_context(value: Any, contexts: Mapping[str, Path]) -> Any:
    if isinstance(value, list):
        return [_resolve_context(v, contexts) for v in value]
    if isinstance(value, str):
        if value not in contexts:
            raise AssertionError(f"refusing to fetch remote context {value}")
        return json.loads(Path(contexts[value]).read_text(encoding="utf-8"))["@context"]
    return value


def pyld_loader(contexts: Mapping[str, Path]):
    """A PyLD document loader that serves ``contexts`` (URL → local file) and refuses the rest."""

    def load(url: str, options: Any = None) -> dict[str, Any]:
        if url not in contexts:
            raise AssertionError(f"PyLD tried to fetch {url}")
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": json.loads(Path(contexts[url]).read_text(encoding="utf-8")),
        }

    return load


def canonical(quads) -> bytes:
    return Quads.of(ox.Dataset(quads)).canonical_nquads


def union(nquads: bytes) -> bytes:
    """The canonical N-Triples of the union of the graphs of an N-Quads document."""
    quads = ox.parse(nquads, format=ox.RdfFormat.N_QUADS)
    return canonical(ox.Quad(q.subject, q.predicate, q.object) for q in quads)


def read_oxigraph(path: Path, contexts: Mapping[str, Path]) -> bytes:
    """pyoxigraph's reading of ``path`` (JSON-LD with the context inlined)."""
    fmt = OX_FORMATS[suffix(path)]
    if fmt == ox.RdfFormat.JSON_LD:
        document = inline_context(json.loads(path.read_text(encoding="utf-8")), contexts)
        return canonical(ox.parse(json.dumps(document).encode(), format=fmt))
    return canonical(ox.parse(path=str(path), format=fmt))


def read_rdflib(path: Path, contexts: Mapping[str, Path]) -> rdflib.Dataset:
    """rdflib's reading of ``path`` into a Dataset (JSON-LD with the context inlined)."""
    dataset = rdflib.Dataset()
    fmt = RDFLIB_FORMATS[suffix(path)]
    if fmt == "json-ld":
        document = inline_context(json.loads(path.read_text(encoding="utf-8")), contexts)
        dataset.parse(data=json.dumps(document), format=fmt)
    elif fmt in ("turtle", "nt"):
        dataset.default_graph.parse(path, format=fmt)
    else:
        dataset.parse(path, format=fmt)
    return dataset


def rdflib_canonical(dataset: rdflib.Dataset) -> bytes:
    """Canonical N-Quads of an rdflib Dataset (rdflib's own lexical forms)."""
    return Quads.of(dataset).canonical_nquads


def read_pyld(path: Path, contexts: Mapping[str, Path]) -> bytes:
    """PyLD's toRdf of ``path`` (its document loader serves only ``contexts``)."""
    from pyld import jsonld

    document = json.loads(path.read_text(encoding="utf-8"))
    nquads = jsonld.to_rdf(
        document,
        {"format": "application/n-quads", "documentLoader": pyld_loader(contexts)},
    )
    return canonical(ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS))


def expanded_to_canonical(expanded: Any) -> bytes:
    """Canonical N-Quads of an expanded JSON-LD document (e.g. jsonld.js's output), read by
    pyoxigraph."""
    return canonical(ox.parse(json.dumps(expanded).encode(), format=ox.RdfFormat.JSON_LD))


def local_contexts(release: Path) -> dict[str, Path]:
    return {CONTEXT_URL: release / "context.jsonld"}

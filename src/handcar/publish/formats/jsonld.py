"""JSON-LD (https://www.w3.org/TR/json-ld11/), compacted with handcar's own context.

The document names its context by URL (``"@context": "https://w3id.org/djo/context.jsonld"``,
the file ``out/context.jsonld``); nothing here or in the tests ever fetches it. The context holds
only prefixes, so the compacted form follows from the JSON-LD 1.1 compaction algorithm in a few
rules, applied here directly (PyLD's compaction of the whole seed takes half a second; the tests
check that PyLD produces the same document):

- keys, ``@type`` values and ``@id`` values become compact IRIs ``prefix:local`` when a prefix
  matches (the longest namespace; ties go to the shorter prefix name), else stay absolute;
- ``rdf:type`` with an IRI or blank node object becomes ``@type``;
- an ``xsd:string`` literal becomes a JSON string; other literals stay value objects
  (``{"@value", "@type"}`` or ``{"@value", "@language"}``) with their exact lexical form; no
  native numbers or booleans, which would lose ``"0.0"`` vs ``"0"``;
- single values are not wrapped in arrays; named graphs are ``{"@id": g, "@graph": [...]}``.

The same context works as JSON-LD 1.0 (Jena riot reads the files with ``--syntax=jsonld10``).
Nodes come in subject order with ``@id`` and ``@type`` first and then the predicates in IRI
order (as in the Turtle files), so the bytes depend only on the RDF.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import orjson
import pyoxigraph as ox

from handcar.publish.formats import WriteOptions
from handcar.publish.rdf import RDF_TYPE, XSD_STRING, Quads, splitter


class Compactor:
    """IRI and value compaction against a prefix-only context."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.prefixes = prefixes
        self._split = splitter(prefixes).split
        self._cache: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        found = self._cache.get(iri)
        if found is None:
            split = self._split(iri)
            # a suffix starting with "//" would read back as an absolute IRI
            found = f"{split[0]}:{split[1]}" if split and not split[1].startswith("//") else iri
            self._cache[iri] = found
        return found

    def node_id(self, term: ox.NamedNode | ox.BlankNode) -> str:
        return self.iri(term.value) if isinstance(term, ox.NamedNode) else str(term)

    def value(self, term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Any:
        if isinstance(term, ox.Literal):
            if term.language:
                return {"@language": term.language, "@value": term.value}
            datatype = term.datatype.value
            if datatype == XSD_STRING:
                return term.value
            return {"@type": self.iri(datatype), "@value": term.value}
        return {"@id": self.node_id(term)}


def nodes(quads: Iterable[ox.Quad | ox.Triple], compactor: Compactor) -> list[dict[str, Any]]:
    """Node objects, one per subject, in the (sorted) order of ``quads``."""
    out: list[dict[str, Any]] = []
    node: dict[str, Any] | None = None
    subject = None
    for quad in quads:
        if quad.subject != subject:
            subject = quad.subject
            node = {"@id": compactor.node_id(subject)}
            out.append(node)
        assert node is not None
        obj = quad.object
        if quad.predicate.value == RDF_TYPE and not isinstance(obj, ox.Literal):
            node.setdefault("@type", []).append(compactor.node_id(obj))
        else:
            key = compactor.iri(quad.predicate.value)
            node.setdefault(key, []).append(compactor.value(obj))
    for item in out:
        for key, values in item.items():
            if isinstance(values, list) and len(values) == 1:
                item[key] = values[0]
    return out


def document(data: Quads, options: WriteOptions) -> dict[str, Any]:
    """The compacted JSON-LD document of ``data`` as a JSON value."""
    compactor = Compactor(options.prefixes)
    top: list[dict[str, Any]] = []
    for graph, quads in data.graphs().items():
        if not graph:
            top += nodes(quads, compactor)
        else:
            name = quads[0].graph_name
            top.append({"@id": compactor.node_id(name), "@graph": nodes(quads, compactor)})
    return {"@context": options.context_url, "@graph": top}


def dumps(value: Any, *, sort_keys: bool = True) -> bytes:
    """handcar's JSON layout: two-space indent, UTF-8 (``\\u`` escapes only for control
    characters), final newline; keys sorted, or in insertion order when the caller built them
    in a fixed order. orjson writes exactly what ``json.dumps(value, indent=2,
    ensure_ascii=False, sort_keys=...)`` would, 20 times faster (tested)."""
    option = orjson.OPT_INDENT_2 | (orjson.OPT_SORT_KEYS if sort_keys else 0)
    return orjson.dumps(value, option=option) + b"\n"


def write(data: Quads, options: WriteOptions) -> bytes:
    # keys in a fixed order: "@id", "@type", then predicates in IRI order (as in Turtle), and
    # a named graph's "@id" before its "@graph"
    return dumps(document(data, options), sort_keys=False)


def context(prefixes: Mapping[str, str]) -> dict[str, Any]:
    """The context document: ``{"@context": {prefix: namespace, …}}`` (JSON-LD 1.0 and 1.1)."""
    return {"@context": dict(sorted(prefixes.items()))}

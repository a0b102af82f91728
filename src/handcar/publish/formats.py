"""One function per published serialisation; each returns the file's exact bytes.

Line-based formats (N-Triples, N-Quads) are sorted so the bytes depend only on the triples.
Turtle and TriG come from rdflib's pretty serialisers (grouped subjects, prefixes); JSON-LD is
compacted with handcar's own context (``context.jsonld``), never fetched from the network.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable

from rdflib import Dataset, Graph
from rdflib.plugins.serializers.trig import TrigSerializer

from handcar.namespaces import PREFIXES

CONTEXT_FILE = "context.jsonld"


def union_graph(dataset: Dataset) -> Graph:
    """All triples of all named graphs, as one graph with handcar's prefixes."""
    union = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        union.bind(prefix, namespace)
    for graph in dataset.graphs():
        for triple in graph:
            union.add(triple)
    return union


def _sorted_lines(text: str) -> bytes:
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8")


def ntriples(dataset: Dataset) -> bytes:
    return _sorted_lines(union_graph(dataset).serialize(format="nt11", encoding="utf-8").decode())


def nquads(dataset: Dataset) -> bytes:
    return _sorted_lines(dataset.serialize(format="nquads", encoding="utf-8").decode())


def turtle(dataset: Dataset) -> bytes:
    return union_graph(dataset).serialize(format="turtle", encoding="utf-8")


def trig(dataset: Dataset) -> bytes:
    """TriG with the named graphs in IRI order (rdflib's own order follows the hash seed)."""
    serializer = TrigSerializer(dataset)
    serializer.contexts = sorted(serializer.contexts, key=lambda graph: str(graph.identifier))
    stream = io.BytesIO()
    serializer.serialize(stream, encoding="utf-8")
    return stream.getvalue()


def context() -> dict:
    """The JSON-LD context: handcar's prefixes, in a fixed order."""
    return {"@context": dict(sorted(PREFIXES.items()))}


def context_bytes() -> bytes:
    return (json.dumps(context(), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def jsonld(dataset: Dataset) -> bytes:
    text = dataset.serialize(format="json-ld", context=context()["@context"], auto_compact=True)
    document = _canonical_order(json.loads(text))
    document["@context"] = CONTEXT_FILE
    text = json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True)
    return (text + "\n").encode("utf-8")


def _canonical_order(node):
    """Sort JSON-LD arrays (sets in JSON-LD, except @list) so bytes do not depend on hashing."""
    if isinstance(node, dict):
        return {k: (v if k == "@list" else _canonical_order(v)) for k, v in node.items()}
    if isinstance(node, list):
        items = [_canonical_order(item) for item in node]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return node


DATASET_FILES: dict[str, Callable[[Dataset], bytes]] = {
    "dataset.ttl": turtle,
    "dataset.nt": ntriples,
    "dataset.nq": nquads,
    "dataset.trig": trig,
    "dataset.jsonld": jsonld,
}

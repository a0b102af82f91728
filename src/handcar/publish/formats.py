"""One function per published serialisation; each returns the file's exact bytes.

Line-based formats (N-Triples, N-Quads) are sorted so the bytes depend only on the triples.
Turtle and TriG come from rdflib's pretty serialisers (grouped subjects, prefixes); JSON-LD is
compacted with handcar's own context (``context.jsonld``), never fetched from the network.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from rdflib import Dataset, Graph

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
    return dataset.serialize(format="trig", encoding="utf-8")


def context() -> dict:
    """The JSON-LD context: handcar's prefixes, in a fixed order."""
    return {"@context": dict(sorted(PREFIXES.items()))}


def context_bytes() -> bytes:
    return (json.dumps(context(), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def jsonld(dataset: Dataset) -> bytes:
    text = dataset.serialize(format="json-ld", context=context()["@context"], auto_compact=True)
    document = json.loads(text)
    document["@context"] = CONTEXT_FILE
    return (json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


DATASET_FILES: dict[str, Callable[[Dataset], bytes]] = {
    "dataset.ttl": turtle,
    "dataset.nt": ntriples,
    "dataset.nq": nquads,
    "dataset.trig": trig,
    "dataset.jsonld": jsonld,
}

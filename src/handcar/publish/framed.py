"""Framed JSON-LD (https://www.w3.org/TR/json-ld11-framing/): one nested tree per journey.

For application developers who want to walk a journey rather than join triples: PyLD frames the
``asserted`` and ``enrichment`` graphs (merged) once per journey (``{"@id": journey}``, default
``@embed: @once``), so each tree is self-contained: the journey, its legs, places, travellers,
vehicles, durations and distances, each node written in full at its first occurrence inside
that tree and as ``{"@id": …}`` after. The legs are all written in full under ``djo:hasLeg``
(in IRI order), with ``djo:nextLeg`` as a reference. What no journey reaches (the article's
other events, the evidence and provenance) is not in this file: take ``dataset.jsonld`` or
``dataset.trig``.

PyLD's ``from_rdf`` gives the expanded input (the union of the two graphs, each triple once),
and PyLD frames it. Each journey is framed over only the triples it reaches (:func:`reached`):
a frame rooted at one ``@id`` embeds nothing else, so the tree is the same, and the work is
linear in the number of journeys instead of quadratic (framing walks every node it is given).
The frame's context is handcar's own (given inline, so PyLD never loads a document: its loader
refuses everything); the written document names it by URL like every other JSON-LD file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pyoxigraph as ox

from handcar.publish.formats import CONTEXT_URL
from handcar.publish.formats.jsonld import dumps, expanded, refuse
from handcar.publish.rdf import Quads

LEGS = {
    "djo:hasLeg": {
        "@type": {},  # any leg: a frame whose only property has a default matches nothing
        "djo:nextLeg": {"@embed": "@never", "@default": "@null"},
    }
}
"""Every leg in full under the journey's ``djo:hasLeg``, not nested in the previous leg's
``djo:nextLeg``, which stays a reference (the last leg has none). ``@embed: @always`` here would
be inherited by everything under the legs and repeat the places and people in every leg."""


def _prune(value: Any) -> Any:
    """Drop the ``null`` values PyLD leaves for ``"@default": "@null"`` (JSON-LD 1.1 Framing,
    "remove @null"); a null would mean nothing, and jsonld.js's safe mode refuses it."""
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_prune(v) for v in value if v is not None]
    return value


def reached(triples: Iterable[ox.Triple], roots: Iterable[str]) -> dict[str, list[ox.Triple]]:
    """For each root IRI, the triples whose subject the root reaches by following objects
    (the root's own included), in the order given: one index of subjects, one walk per root."""
    by_subject: dict[ox.NamedNode | ox.BlankNode, list[ox.Triple]] = {}
    for triple in triples:
        by_subject.setdefault(triple.subject, []).append(triple)
    found: dict[str, list[ox.Triple]] = {}
    for root in roots:
        start = ox.NamedNode(root)
        seen = {start}
        todo = [start]
        kept: list[ox.Triple] = []
        while todo:
            for triple in by_subject.get(todo.pop(), ()):
                kept.append(triple)
                node = triple.object
                if not isinstance(node, ox.Literal) and node not in seen:
                    seen.add(node)
                    todo.append(node)
        found[root] = kept
    return found


def trees(
    data: Quads, roots: Iterable[str], context: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """One framed tree per root IRI (in the order given), compacted with ``context``."""
    from pyld import jsonld

    out: list[dict[str, Any]] = []
    for root, triples in reached(data.triples, roots).items():
        nodes = expanded(triples)  # PyLD from_rdf, the graphs merged
        frame = {"@context": dict(context), "@id": root, **LEGS}
        framed = jsonld.frame(
            nodes,
            frame,
            options={"documentLoader": refuse, "processingMode": "json-ld-1.1"},
        )
        framed.pop("@context", None)
        found = framed.pop("@graph", [framed] if framed else [])
        for tree in found:
            tree = _prune(tree)
            legs = tree.get("djo:hasLeg")
            if isinstance(legs, dict):  # always a list, even with one leg (valid JSON-LD)
                tree["djo:hasLeg"] = [legs]
            out.append(tree)
    return out


def write(
    data: Quads,
    roots: Iterable[str],
    context: Mapping[str, Any],
    context_url: str = CONTEXT_URL,
) -> bytes:
    """The framed document: ``{"@context": URL, "@graph": [tree, …]}``."""
    return dumps({"@context": context_url, "@graph": trees(data, roots, context)})

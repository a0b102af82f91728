"""Lint check ``vocabulary``: every ``sh:`` IRI in the shapes is a SHACL Core or SHACL-SPARQL term.

Engines silently ignore a misspelt SHACL term (``sh:minlength``), so its constraint never runs.
The accepted terms are :mod:`handcar.validate.shacl_terms`, written from the W3C vocabulary
(https://www.w3.org/ns/shacl#). Nodes of data kept in the shapes file (as the W3C test suite
does) are skipped.
"""

from __future__ import annotations

from rdflib import RDF, Graph, URIRef
from rdflib.term import Node

from handcar.validate.lint.context import LintContext, sh
from handcar.validate.shacl_terms import SH, is_shacl_term


def check_vocabulary(ctx: LintContext) -> None:
    seen: set[URIRef] = set()
    data: dict[Node, bool] = {}  # subject -> whether it is data (decided once per subject)
    for triple in ctx.graph:
        subject = triple[0]
        is_data = data.get(subject)
        if is_data is None:
            is_data = data[subject] = _is_data(ctx.graph, subject)
        if is_data:
            continue
        for position, term in zip(("subject", "predicate", "object"), triple, strict=True):
            if (isinstance(term, URIRef) and str(term).startswith(SH) and term not in seen
                    and not is_shacl_term(str(term))):
                seen.add(term)
                owner = ctx.name(ctx.owner(triple[0]))
                ctx.add(f"{ctx.name(term)} (used as {position} of {owner}) is not a SHACL Core "
                        "or SHACL-SPARQL term", triple[0])


_POINTING_AT_DATA = frozenset({sh("targetNode"), sh("focusNode"), sh("value")})


def _is_data(graph: Graph, node: Node) -> bool:
    """True for a node of the data kept in the same file as the shapes (the W3C suite does
    this): typed, by classes outside SHACL only, with no SHACL term of its own, and the value
    of no SHACL property but a target or a report's focus node or value."""
    types = list(graph.objects(node, RDF.type))
    if not types or any(str(t).startswith(SH) for t in types):
        return False
    if any(is_shacl_term(str(p)) for p in graph.predicates(node, None)):
        return False
    return not any(str(p).startswith(SH) and p not in _POINTING_AT_DATA
                   for p in graph.predicates(None, node))

"""owlrl inference for tests (RDFS, OWL 2 RL), without its side effect on the rest of the process.

owlrl's ``DeductiveClosure`` (with its default ``improved_datatypes=True``) registers its own
lexical-to-Python converters in rdflib's process-wide table and, when it is done, restores only
the entries rdflib itself ships: its converters for ``xsd:gDay``, ``xsd:gMonth``, ``xsd:gYear``…
stay, and every literal of those types parsed afterwards in the same process gets a different
value, so valid data fails SHACL datatype checks. :func:`rdfs_closure` puts the table back as it
was, whatever owlrl did; every use of owlrl in the tests goes through it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import owlrl
from rdflib import Graph
from rdflib import term as rdflib_term


@contextmanager
def rdflib_literals_restored() -> Iterator[None]:
    """Restore rdflib's lexical-to-Python table on exit, exactly as it was on entry."""
    table = rdflib_term._toPythonMapping
    saved = dict(table)
    try:
        yield
    finally:
        table.clear()
        table.update(saved)


def rdfs_closure(*graphs: Graph, improved_datatypes: bool = True) -> Graph:
    """A new graph: the union of ``graphs`` with owlrl's RDFS closure added."""
    closure = Graph(bind_namespaces="none")
    for graph in graphs:
        closure += graph
    with rdflib_literals_restored():
        semantics = owlrl.DeductiveClosure(
            owlrl.RDFS_Semantics, improved_datatypes=improved_datatypes
        )
        semantics.expand(closure)
    return closure


def owl_rl_closure(*graphs: Graph) -> Graph:
    """A new graph: the union of ``graphs`` with owlrl's OWL 2 RL closure added.

    Unlike :func:`rdfs_closure` this applies the OWL axioms (transitive, symmetric and inverse
    properties, property chains, disjointness), so it shows what a rule reasoner would conclude.
    """
    closure = Graph(bind_namespaces="none")
    for graph in graphs:
        closure += graph
    with rdflib_literals_restored():
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    return closure

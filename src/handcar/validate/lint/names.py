"""Lint check ``class``: the classes and properties the shapes name are the ontology's.

A shape whose ``sh:targetClass`` is misspelt selects nothing, and a misspelt ``sh:class`` or
``sh:path`` finds no value: validation passes without checking. Every ``sh:targetClass`` and
``sh:class`` must be a class the ontology declares or one of a few standard classes
(:data:`STANDARD_CLASSES`); every property in ``sh:path`` (SHACL property paths, section 2.3.1),
``sh:targetSubjectsOf``/``sh:targetObjectsOf`` and the property-pair constraints a property the
ontology declares or a standard one (:data:`STANDARD_PROPERTIES`). What names are checked against
(DJO, ``--ontology`` files, the data's own terms) is :mod:`handcar.validate.check`'s choice; the
check runs only when there is one.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from handcar.validate.lint.context import LintContext, sh

#: standard classes a shape may target or require without the ontology declaring them
STANDARD_CLASSES = frozenset({RDF.Statement, RDF.Property, RDFS.Resource, RDFS.Class, OWL.Thing})
#: standard properties a shape may use without the ontology declaring them
STANDARD_PROPERTIES = frozenset({
    RDF.type, RDF.subject, RDF.predicate, RDF.object, RDF.value,
    RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.subClassOf, OWL.sameAs,
})
PAIR_CONSTRAINTS = (sh("equals"), sh("disjoint"), sh("lessThan"), sh("lessThanOrEquals"))
PATH_KEYS = (sh("inversePath"), sh("zeroOrMorePath"), sh("oneOrMorePath"), sh("zeroOrOnePath"))


def check_names(ctx: LintContext) -> None:
    assert ctx.ontology is not None  # the registry runs this check only with an ontology
    classes = {URIRef(c) for c in ctx.ontology.classes} | STANDARD_CLASSES
    properties = {URIRef(p) for p in ctx.ontology.properties} | STANDARD_PROPERTIES
    for predicate in (sh("targetClass"), sh("class")):
        for shape, cls in ctx.graph.subject_objects(predicate):
            if cls not in classes:
                ctx.add(f"{ctx.name(ctx.owner(shape))}: {ctx.name(predicate)} "
                        f"{ctx.name(cls)} is not a class of the ontology", shape)
    used: list[tuple[Node, Node]] = []
    for predicate in (sh("targetSubjectsOf"), sh("targetObjectsOf"), *PAIR_CONSTRAINTS):
        used += [(shape, prop) for shape, prop in ctx.graph.subject_objects(predicate)]
    for shape, path in ctx.graph.subject_objects(sh("path")):
        used += [(shape, prop) for prop in _path_properties(ctx.graph, path)]
    for shape, prop in used:
        if isinstance(prop, URIRef) and prop not in properties:
            ctx.add(f"{ctx.name(ctx.owner(shape))}: {ctx.name(prop)} is not a property "
                    "of the ontology", shape)


def _path_properties(graph: Graph, path: Node) -> Iterable[Node]:
    if isinstance(path, URIRef):
        yield path
        return
    for key in PATH_KEYS:
        inner = graph.value(path, key)
        if inner is not None:
            yield from _path_properties(graph, inner)
            return
    alternatives = graph.value(path, sh("alternativePath"))
    if alternatives is not None:
        for item in Collection(graph, alternatives):
            yield from _path_properties(graph, item)
        return
    if graph.value(path, RDF.first) is not None:
        for item in Collection(graph, path):
            yield from _path_properties(graph, item)

"""Lint check ``focus``: every shape with a target selects at least one focus node in the data.

pySHACL (like other engines) reports ``Conforms: True`` for a shape whose target selects nothing
(https://www.w3.org/TR/shacl/#targets). Run against reference data, every targeted shape must
select a focus node (class targets count instances of the subclasses the data declares), unless
``intentionally-empty.txt`` lists it with a reason; a listed shape that does select nodes, or a
listed IRI that is not a shape, is a problem too (the list stays honest). When no targeted shape
selects anything the problem is ``vacuous``: an error even where single empty shapes are only
warnings (:func:`handcar.validate.lint.registry.split_problems`).
"""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, Graph
from rdflib.term import Node

from handcar.validate.lint.context import LintContext, sh

TARGETS = (sh("targetClass"), sh("targetNode"), sh("targetSubjectsOf"), sh("targetObjectsOf"))


def focus_nodes(graph: Graph, shape: Node, data: Graph) -> set[Node]:
    """The focus nodes ``shape``'s targets select in ``data``: as SHACL defines class targets,
    the instances of the class and of its ``rdfs:subClassOf`` descendants in the data."""
    found: set[Node] = set()
    for node in graph.objects(shape, sh("targetNode")):
        if (node, None, None) in data or (None, None, node) in data:
            found.add(node)
    classes = list(graph.objects(shape, sh("targetClass")))
    if (shape, RDF.type, RDFS.Class) in graph or (shape, RDF.type, OWL.Class) in graph:
        classes.append(shape)
    for cls in classes:
        for sub in data.transitive_subjects(RDFS.subClassOf, cls):  # cls itself first
            found.update(data.subjects(RDF.type, sub))
    for prop in graph.objects(shape, sh("targetSubjectsOf")):
        found.update(data.subjects(prop, None))
    for prop in graph.objects(shape, sh("targetObjectsOf")):
        found.update(data.objects(None, prop))
    return found


def targeted_shapes(graph: Graph) -> set[Node]:
    shapes = {s for predicate in TARGETS for s in graph.subjects(predicate, None)}
    shapes |= {s for s in graph.subjects(RDF.type, sh("NodeShape"))
               if (s, RDF.type, RDFS.Class) in graph or (s, RDF.type, OWL.Class) in graph}
    return shapes


def check_focus(ctx: LintContext) -> None:
    assert ctx.data is not None  # the registry runs this check only with reference data
    empty_ok = ctx.shapes.intentionally_empty
    targeted = targeted_shapes(ctx.graph)
    selected = {shape: focus_nodes(ctx.graph, shape, ctx.data) for shape in targeted}
    expected = [shape for shape in targeted if shape not in empty_ok]
    if expected and not any(selected[shape] for shape in expected):
        ctx.add(f"none of the {len(expected)} shape(s) with a target selects a focus node in the "
                "data: the validation would pass without checking anything", vacuous=True)
    for shape in sorted(targeted, key=str):
        if not selected[shape] and shape not in empty_ok:
            ctx.add(f"{ctx.name(shape)} selects no focus node in the data: a misspelt "
                    "target, or list it in intentionally-empty.txt with the reason", shape)
        elif selected[shape] and shape in empty_ok:
            ctx.add(f"{ctx.name(shape)} is listed as intentionally empty but selects "
                    f"{len(selected[shape])} focus node(s): remove it from "
                    "intentionally-empty.txt", shape)
    for shape in sorted(set(empty_ok) - targeted, key=str):
        ctx.add(f"{ctx.name(shape)} is listed in intentionally-empty.txt but is not a "
                "shape with a target")

"""The shapes are documented and their severities chosen: every constraint that can produce a
result has sh:name, sh:description, sh:message and an explicit sh:severity."""

from __future__ import annotations

from rdflib import RDF, URIRef
from rdflib.term import Node
from validate_harness import PARAMETERS

from handcar.validate.shapes import Shapes

SH = "http://www.w3.org/ns/shacl#"


def sh(local: str) -> URIRef:
    return URIRef(SH + local)


def _reportable(shapes: Shapes) -> dict[Node, str]:
    """Shapes and SPARQL constraints whose results pySHACL reports, with why."""
    graph = shapes.graph
    found: dict[Node, str] = {}
    targeted = {s for t in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")
                for s in graph.subjects(sh(t), None)}
    todo = list(targeted)
    seen: set[Node] = set()
    while todo:
        shape = todo.pop()
        if shape in seen:
            continue
        seen.add(shape)
        if any((shape, sh(p), None) in graph for p in PARAMETERS):
            found[shape] = "has constraints"
        for prop in graph.objects(shape, sh("property")):
            found[prop] = "property shape"
            todo += [n for n in graph.objects(prop, sh("node")) if isinstance(n, URIRef)]
        for constraint in graph.objects(shape, sh("sparql")):
            found[constraint] = "SPARQL constraint"
    return found


def _name(shapes: Shapes, node: Node) -> str:
    label = shapes.graph.value(node, sh("name"))
    return f"{node} ({label})"


def test_every_constraint_is_named_described_and_has_a_message(shapes: Shapes) -> None:
    missing = []
    for node, why in _reportable(shapes).items():
        for term in ("name", "description", "message"):
            if (node, sh(term), None) not in shapes.graph:
                missing.append(f"{_name(shapes, node)} [{why}]: no sh:{term}")
    assert not missing, "\n".join(missing)


def test_every_severity_is_deliberate(shapes: Shapes) -> None:
    graph = shapes.graph
    missing = []
    for node, why in _reportable(shapes).items():
        if why == "SPARQL constraint":
            owner = next(graph.subjects(sh("sparql"), node))
            if (owner, sh("severity"), None) not in graph:
                missing.append(f"{_name(shapes, owner)}: no sh:severity for its SPARQL rules")
        elif (node, sh("severity"), None) not in graph:
            missing.append(f"{_name(shapes, node)} [{why}]: no sh:severity")
    assert not missing, "\n".join(missing)
    used = set(graph.objects(None, sh("severity")))
    assert used == {sh("Violation"), sh("Warning"), sh("Info")}


def test_every_targeted_shape_is_named_and_described(shapes: Shapes) -> None:
    graph = shapes.graph
    for shape in set(graph.subjects(RDF.type, sh("NodeShape"))):
        if any((shape, sh(t), None) in graph for t in ("targetClass", "targetSubjectsOf",
                                                        "targetObjectsOf", "targetNode")):
            assert (shape, sh("name"), None) in graph, shape
            assert (shape, sh("description"), None) in graph, shape


def test_every_pattern_is_an_xpath_regular_expression(shapes: Shapes) -> None:
    """SHACL's sh:pattern is an XPath ``fn:matches`` regular expression: no look-ahead or
    look-behind and no non-capturing groups (``(?…``), which Python, Java and JavaScript accept
    but XPath engines refuse (the ``shacl`` and rudof engines refused DJO's duration pattern)."""
    patterns = [str(o) for o in shapes.graph.objects(None, URIRef(SH + "pattern"))]
    assert patterns
    assert [p for p in patterns if "(?" in p] == []

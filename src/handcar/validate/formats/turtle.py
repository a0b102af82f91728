"""A W3C SHACL validation report in Turtle (https://www.w3.org/TR/shacl/#validation-report).

Differs from pySHACL's own report graph: prefixes are handcar's, results are sorted, blank
source shapes and paths are copied from the shapes graph, and ``sh:conforms`` follows the SHACL
definition (true only when there is no result at any severity); ``--fail-on`` only decides the
exit status. Results that explain a result are its ``sh:detail`` (SHACL 3.6.2), not results of
the report.
"""

from __future__ import annotations

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from handcar.namespaces import PREFIXES
from handcar.validate.report import SH, Report, Result, Severity


def _sh(local: str) -> URIRef:
    return URIRef(SH + local)


def render(report: Report, threshold: Severity) -> str:
    graph = Graph(bind_namespaces="none")
    graph.bind("sh", SH)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for prefix, namespace in report.shapes.namespaces():
        if prefix and prefix not in PREFIXES:
            graph.bind(prefix, namespace)
    root = BNode("report")
    graph.add((root, RDF.type, _sh("ValidationReport")))
    graph.add((root, _sh("conforms"), Literal(not report.results)))
    for number, result in enumerate(report.sorted_results(), start=1):
        node = BNode(f"result{number}")
        graph.add((root, _sh("result"), node))
        _add_result(graph, report, node, result)
    return graph.serialize(format="turtle")


def _add_result(graph: Graph, report: Report, node: BNode, result: Result) -> None:
    """``node`` as a ``sh:ValidationResult`` for ``result``, with its details under
    ``sh:detail`` (not ``sh:result`` of the report: SHACL counts them as part of their parent)."""
    graph.add((node, RDF.type, _sh("ValidationResult")))
    graph.add((node, _sh("focusNode"), result.focus))
    graph.add((node, _sh("resultSeverity"), result.severity.iri))
    graph.add((node, _sh("sourceConstraintComponent"), result.component))
    graph.add((node, _sh("sourceShape"), _copy(report.shapes, result.shape, graph)))
    if result.constraint is not None:
        graph.add((node, _sh("sourceConstraint"), _copy(report.shapes, result.constraint, graph)))
    if result.path_node is not None:
        graph.add((node, _sh("resultPath"), _copy(report.shapes, result.path_node, graph)))
    if result.value is not None:
        graph.add((node, _sh("value"), result.value))
    for message in result.messages:
        graph.add((node, _sh("resultMessage"), Literal(message)))
    for number, detail in enumerate(report.sorted_details(result), start=1):
        child = BNode(f"{node}-detail{number}")
        graph.add((node, _sh("detail"), child))
        _add_result(graph, report, child, detail)


def _copy(source: Graph, node: Node, target: Graph) -> Node:
    """Copy a blank node (a property shape, a SPARQL constraint, a path) and everything it points
    to, so the report says which shape a result comes from; IRIs are left as references."""
    if not isinstance(node, BNode):
        return node
    for predicate, value in source.predicate_objects(node):
        target.add((node, predicate, _copy(source, value, target)))
    return node

"""JUnit XML for CI test reports: every node shape is a test case; its results are the failure.

Differs from the other formats in counting shapes, not results: a shape with no result at or above
``--fail-on`` passes (results below the threshold go to ``<system-out>``), so CI dashboards show
which constraints hold. Written with :mod:`xml.etree.ElementTree` (escaping is the library's).
The schema followed is the common Ant/Jenkins one (testsuites > testsuite > testcase > failure).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from rdflib import RDF, URIRef
from rdflib.term import Node

from handcar.validate.formats.common import headline, location
from handcar.validate.report import SH, Report, Result, Severity, qname


def _node_shapes(report: Report) -> list[Node]:
    """Every shape with a target (the ones that are run on their own)."""
    targets = [
        URIRef(SH + t) for t in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")
    ]
    return sorted({s for t in targets for s in report.shapes.subjects(t, None)}, key=str)


def _owner(report: Report, result: Result) -> Node:
    """The targeted node shape a result belongs to (climbing from property shapes)."""
    node: Node = result.shape
    for _ in range(20):
        if any(
            (node, URIRef(SH + t), None) in report.shapes
            for t in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")
        ):
            return node
        parent = next(report.shapes.subjects(None, node), None)
        while parent is not None and (parent, RDF.first, node) in report.shapes:
            # inside an RDF list: climb to the list head's owner
            head = parent
            while True:
                before = report.shapes.value(predicate=RDF.rest, object=head)
                if before is None:
                    break
                head = before
            parent = next(report.shapes.subjects(None, head), None)
        if parent is None:
            return node
        node = parent
    return node


def render(report: Report, threshold: Severity) -> str:
    by_shape: dict[Node, list[Result]] = defaultdict(list)
    for result in report.sorted_results():
        by_shape[_owner(report, result)].append(result)
    shapes = _node_shapes(report)
    shapes += sorted((s for s in by_shape if s not in shapes), key=str)
    failing = sum(1 for s in shapes if any(r.severity >= threshold for r in by_shape.get(s, [])))
    root = ET.Element(
        "testsuites",
        name="handcar validate",
        tests=str(len(shapes)),
        failures=str(failing),
        errors="0",
        time=f"{report.seconds:.3f}",
    )
    suite = ET.SubElement(
        root,
        "testsuite",
        name="DJO shapes",
        tests=str(len(shapes)),
        failures=str(failing),
        errors="0",
        skipped="0",
        time=f"{report.seconds:.3f}",
    )
    for shape in shapes:
        results = by_shape.get(shape, [])
        name = str(report.shapes.value(shape, URIRef(SH + "name")) or shape)
        case = ET.SubElement(
            suite, "testcase", classname=_compact(report, shape), name=name, time="0"
        )
        above = [r for r in results if r.severity >= threshold]
        below = [r for r in results if r.severity < threshold]
        if above:
            failure = ET.SubElement(
                case,
                "failure",
                type=above[0].severity.label,
                message=f"{len(above)} result(s): {headline(report, above[0])}",
            )
            failure.text = "\n".join(_line(report, r) for r in above)
        if below:
            ET.SubElement(case, "system-out").text = "\n".join(_line(report, r) for r in below)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _compact(report: Report, node: Node) -> str:
    return qname(report.shapes, node) or str(node)


def _line(report: Report, result: Result) -> str:
    file, line = location(report, result)
    where = f"{file}:{line}: " if file and line else ""
    label = report.label(result.focus)
    return f"{where}{result.severity.label}: {label}: {headline(report, result)}"

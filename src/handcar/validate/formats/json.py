"""JSON for scripts: the verdict, counts per severity, and one object per result.

Differs from ``turtle`` in being flat and self-describing: each result carries its node's label,
its file and line, and the shape's name next to the IRIs.
"""

from __future__ import annotations

import json

from rdflib import Literal
from rdflib.term import Node

from handcar.validate.formats.common import location, relative
from handcar.validate.report import Report, Severity


def _term(node: Node | None) -> str | None:
    if node is None:
        return None
    return str(node) if not isinstance(node, Literal) else node.n3()


def render(report: Report, threshold: Severity) -> str:
    results = []
    for result in report.sorted_results():
        file, line = location(report, result)
        results.append({
            "severity": result.severity.label,
            "focusNode": _term(result.focus),
            "focusLabel": report.label(result.focus),
            "path": result.path,
            "value": _term(result.value),
            "valueLabel": report.label(result.value) if result.value is not None else None,
            "shape": report.shape_id(result),
            "shapeName": report.shape_name(result),
            "constraintComponent": "sh:" + result.component_name,
            "message": report.message(result),
            "file": file,
            "line": line,
        })
    document = {
        "conforms": report.conforms(threshold),
        "failOn": threshold.label,
        "counts": report.counts(),
        "files": [relative(f) for f in report.files],
        "triples": len(report.data),
        "results": results,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

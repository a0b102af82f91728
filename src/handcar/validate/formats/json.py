"""JSON for scripts: the verdict, counts per severity, and one object per result.

Differs from ``turtle`` in being flat and self-describing: each result carries its node's label,
its file and line, and the shape's name next to the IRIs. The results that explain a result
(``sh:detail``, e.g. why a value fails its ``sh:node`` shape) are in its ``details``, in the same
form; ``counts`` counts top-level results only, as SHACL does.
"""

from __future__ import annotations

import json
from typing import Any

from rdflib import Literal
from rdflib.term import Node

from handcar.validate.formats.common import location, relative
from handcar.validate.report import Report, Result, Severity


def _term(node: Node | None) -> str | None:
    if node is None:
        return None
    return str(node) if not isinstance(node, Literal) else node.n3()


def _result(report: Report, result: Result) -> dict[str, Any]:
    file, line = location(report, result)
    return {
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
        "details": [_result(report, detail) for detail in report.sorted_details(result)],
    }


def render(report: Report, threshold: Severity) -> str:
    document = {
        "conforms": report.conforms(threshold),
        "failOn": threshold.label,
        "counts": report.counts(),
        "files": [relative(f) for f in report.files],
        "triples": len(report.data),
        "results": [_result(report, result) for result in report.sorted_results()],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

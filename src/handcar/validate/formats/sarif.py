"""SARIF 2.1.0 for code-scanning UIs (GitHub code scanning, Azure DevOps, VS Code SARIF viewer).

Differs from ``json`` in following the OASIS SARIF 2.1.0 schema
(https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html): one rule per shape (or SPARQL
constraint) with its sh:name and sh:description, one result per validation result with level
error/warning/note, a physical location (file and line of the focus node) and a logical location
(the focus node's IRI).
"""

from __future__ import annotations

import json

from handcar import __version__
from handcar.validate.formats.common import location
from handcar.validate.report import Report, Severity

LEVEL = {Severity.VIOLATION: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(report: Report, threshold: Severity) -> str:
    rules: dict[str, dict] = {}
    results = []
    for result in report.sorted_results():
        rule_id = report.shape_id(result)
        if rule_id not in rules:
            rule = {
                "id": rule_id,
                "name": report.shape_name(result),
                "shortDescription": {"text": report.shape_name(result)},
                "defaultConfiguration": {"level": LEVEL[result.severity]},
                "properties": {"constraintComponent": "sh:" + result.component_name},
            }
            description = report.description(result)
            if description:
                rule["fullDescription"] = {"text": description}
            rules[rule_id] = rule
        file, line = location(report, result)
        entry: dict = {
            "ruleId": rule_id,
            "level": LEVEL[result.severity],
            "message": {"text": f"{report.label(result.focus)}: {report.message(result)}"},
            "logicalLocations": [{"fullyQualifiedName": str(result.focus),
                                  "kind": "object"}],
        }
        if file:
            physical: dict = {"artifactLocation": {"uri": file}}
            if line:
                physical["region"] = {"startLine": line}
            entry["locations"] = [{"physicalLocation": physical}]
        results.append(entry)
    ordered = [rules[key] for key in sorted(rules)]
    index = {rule["id"]: i for i, rule in enumerate(ordered)}
    for entry in results:
        entry["ruleIndex"] = index[entry["ruleId"]]
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "handcar validate",
                "informationUri": "https://w3id.org/djo",
                "version": __version__,
                "rules": ordered,
            }},
            "results": results,
        }],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

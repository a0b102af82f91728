"""SARIF 2.1.0 for code-scanning UIs (GitHub code scanning, Azure DevOps, VS Code SARIF viewer).

Differs from ``json`` in following the OASIS SARIF 2.1.0 schema
(https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html; the test suite validates
against it): one rule per shape (or SPARQL constraint) with its sh:name and sh:description, one
result per top-level validation result with level error/warning/note, and one location holding
the physical location (file and line of the focus node) and the logical location (the focus
node's IRI). Artifact URIs are relative, never absolute paths (SARIF 3.4.4): files below the
working folder are relative to ``%SRCROOT%`` (the repository root in CI), other files to a base
``INPUTn`` per folder, declared in the run's ``originalUriBaseIds``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from handcar import __version__
from handcar.namespaces import DJO_ONTOLOGY
from handcar.validate.report import Report, Result, Severity

LEVEL = {Severity.VIOLATION: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"


class _Artifacts:
    """Relative artifact locations, and the base folders outside the working folder."""

    def __init__(self) -> None:
        self.cwd = Path.cwd()
        self.bases: dict[str, str] = {}  # folder URI -> base id

    def location(self, path: Path) -> dict[str, str]:
        absolute = Path(os.path.abspath(path))
        if absolute.is_relative_to(self.cwd):
            return {"uri": quote(absolute.relative_to(self.cwd).as_posix()), "uriBaseId": SRCROOT}
        folder = absolute.parent.as_uri().rstrip("/") + "/"
        base = self.bases.setdefault(folder, f"INPUT{len(self.bases) + 1}")
        return {"uri": quote(absolute.name), "uriBaseId": base}

    def original_bases(self) -> dict[str, dict[str, str]]:
        return {base: {"uri": folder} for folder, base in self.bases.items()}


def _location(report: Report, result: Result, artifacts: _Artifacts) -> dict:
    location: dict = {}
    found = report.location(result.focus)
    if found:
        path, line = found
        physical: dict = {"artifactLocation": artifacts.location(path)}
        if line:
            physical["region"] = {"startLine": line}
        location["physicalLocation"] = physical
    location["logicalLocations"] = [{"fullyQualifiedName": str(result.focus), "kind": "object"}]
    return location


def render(report: Report, threshold: Severity) -> str:
    rules: dict[str, dict] = {}
    results = []
    artifacts = _Artifacts()
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
        results.append(
            {
                "ruleId": rule_id,
                "level": LEVEL[result.severity],
                "message": {"text": f"{report.label(result.focus)}: {report.message(result)}"},
                "locations": [_location(report, result, artifacts)],
            }
        )
    ordered = [rules[key] for key in sorted(rules)]
    index = {rule["id"]: i for i, rule in enumerate(ordered)}
    for entry in results:
        entry["ruleIndex"] = index[entry["ruleId"]]
    run: dict = {
        "tool": {
            "driver": {
                "name": "handcar validate",
                "informationUri": str(DJO_ONTOLOGY),
                "version": __version__,
                "rules": ordered,
            }
        },
        "results": results,
    }
    if artifacts.bases:
        run["originalUriBaseIds"] = artifacts.original_bases()
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

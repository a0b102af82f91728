"""Plain text for people: results grouped by focus node, each node shown by its label.

Differs from the other formats in being for reading only: nodes appear as their ``rdfs:label`` or
``schema:name`` (or a description such as "the time:ProperInterval of ‘…’"), vocabulary terms as
compact names, and each group starts with the node's kind and where it is written.
"""

from __future__ import annotations

from handcar.validate.formats.common import location, relative, summary
from handcar.validate.report import Report, Result, Severity

MARK = {Severity.VIOLATION: "violation", Severity.WARNING: "warning", Severity.INFO: "info"}


def render(report: Report, threshold: Severity) -> str:
    files = ", ".join(relative(f) for f in report.files) or "(graph)"
    lines = [f"handcar validate {files}: {len(report.data)} triples, {report.seconds:.2f} s", ""]
    for focus, results in report.by_focus():
        kind = report.kind(focus)
        head = report.label(focus) + (f"  [{kind}]" if kind else "")
        file, line = location(report, results[0])
        where = f"{file}:{line}" if file and line else (file or "")
        lines.append(head + (f"  ({where})" if where else ""))
        for result in results:
            on = f" ({result.path})" if result.path else ""
            value = ""
            if result.value is not None and result.value != result.focus:
                value = f": {report.label(result.value)}"
            lines.append(f"  {MARK[result.severity]:9}  {report.shape_name(result)}{on}{value}")
            lines.append(f"{'':13}{report.message(result)}")
            lines += _details(report, result, depth=1)
        lines.append("")
    lines.append(summary(report, threshold))
    return "\n".join(lines) + "\n"


def _details(report: Report, result: Result, depth: int) -> list[str]:
    """The results under ``result`` (``sh:detail``), indented beneath it."""
    lines = []
    indent = " " * (13 + 2 * depth)
    for detail in report.sorted_details(result):
        on = f" ({detail.path})" if detail.path else ""
        lines.append(f"{indent}because: {report.label(detail.focus)}{on}: {report.message(detail)}")
        lines += _details(report, detail, depth + 1)
    return lines

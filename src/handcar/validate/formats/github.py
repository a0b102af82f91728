"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per result.

Differs from the other formats in being read by the Actions runner, which turns each line into an
annotation on the file and line (https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions).
Property values escape ``%``, CR, LF, ``:`` and ``,``; messages escape ``%``, CR and LF.
"""

from __future__ import annotations

from handcar.validate.formats.common import location, summary
from handcar.validate.report import Report, Severity

COMMAND = {Severity.VIOLATION: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, threshold: Severity) -> str:
    lines = []
    for result in report.sorted_results():
        file, line = location(report, result)
        props = []
        if file:
            props.append(f"file={_property(file)}")
            if line:
                props.append(f"line={line}")
        props.append(f"title={_property(report.shape_name(result))}")
        message = f"{report.label(result.focus)}: {report.message(result)}"
        lines.append(f"::{COMMAND[result.severity]} {','.join(props)}::{_data(message)}")
    lines.append(f"handcar validate: {summary(report, threshold)}")
    return "\n".join(lines) + "\n"

"""Helpers the formats share: where a result is, and a one-line summary."""

from __future__ import annotations

import os
from pathlib import Path

from handcar.validate.report import Report, Result, Severity


def relative(path: Path) -> str:
    """``path`` relative to the working directory when it lies below it (CI wants repo paths)."""
    try:
        rel = Path(os.path.relpath(path))
    except ValueError:  # another drive (Windows)
        return path.as_posix()
    return path.as_posix() if rel.as_posix().startswith("..") else rel.as_posix()


def location(report: Report, result: Result) -> tuple[str | None, int | None]:
    """File (relative) and line of the result's focus node, as far as known."""
    found = report.location(result.focus)
    if not found:
        return None, None
    path, line = found
    return relative(path), line


def summary(report: Report, threshold: Severity) -> str:
    counts = report.counts()
    parts = [f"{n} {name}{'s' if n != 1 else ''}" for name, n in counts.items()]
    verdict = "conforms" if report.conforms(threshold) else "does not conform"
    return f"{verdict} (fail on {threshold.label}): {', '.join(parts)}"


def headline(report: Report, result: Result) -> str:
    """``shape name: message`` for one result."""
    return f"{report.shape_name(result)}: {report.message(result)}"

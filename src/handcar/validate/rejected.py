"""The error of a release the shapes reject: light, so that catching it imports no validator."""

from __future__ import annotations

from pathlib import Path

from handcar.publish.release import Rejected
from handcar.validate.report import Report, Severity


class ReleaseRejected(Rejected):
    """The staged release does not conform to the shapes (Violations)."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.count = len(report.at_or_above(Severity.VIOLATION))
        super().__init__(f"the dataset has {self.count} SHACL violation(s); nothing was published")

    def moved(self, staging: Path, kept: Path) -> None:
        """Point the report's files (and so its lines) at the kept copy of the release."""
        super().moved(staging, kept)
        self.report.files = [
            kept / f.relative_to(staging) if f.is_relative_to(staging) else f
            for f in self.report.files
        ]
        self.report._locator = None  # found again, lazily, in the kept files

    def __str__(self) -> str:
        text = super().__str__()
        if self.kept is not None:
            text += f"; the rejected release is kept in {self.kept}/ for inspection"
        return text

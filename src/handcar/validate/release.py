"""The check ``handcar build`` runs on a staged release before it replaces ``out/``.

The release is read back from the staged files (what will be published, not the in-memory
dataset), the shapes are linted (vocabulary, classes, SHACL-for-SHACL, SPARQL; the focus check
needs reference data and is left to ``handcar validate`` and the tests), and any Violation stops the
build: :class:`ReleaseRejected` carries the report. Warnings and infos do not block a release.
"""

from __future__ import annotations

from pathlib import Path

from handcar.validate.engine import read_data, run
from handcar.validate.lint import LintError, lint
from handcar.validate.locate import Locator, PinnedLocator
from handcar.validate.ontology import load_ontology
from handcar.validate.report import Report, Severity
from handcar.validate.shapes import load_shapes


class ReleaseRejected(Exception):
    """The staged release does not conform to the shapes (Violations)."""

    def __init__(self, report: Report) -> None:
        self.report = report
        count = len(report.at_or_above(Severity.VIOLATION))
        super().__init__(f"the dataset has {count} SHACL violation(s); nothing was published")


def check_release(folder: Path) -> Report:
    """Validate the release staged in ``folder``; raise :class:`ReleaseRejected` on Violations
    and :class:`~handcar.validate.lint.LintError` on broken shapes."""
    ontology = load_ontology()
    shapes = load_shapes()
    problems = lint(shapes, ontology)
    if problems:
        raise LintError(problems)
    data, files = read_data([folder])
    report = run(data, shapes, ontology, files)
    if not report.conforms(Severity.VIOLATION):
        _pin_locations(report, folder, _final_folder(folder))
        raise ReleaseRejected(report)
    return report


def _final_folder(staging: Path) -> Path:
    """``out`` for the staging folder ``.out.new-XXXX`` that publishing writes next to it."""
    name = staging.name
    if name.startswith(".") and ".new-" in name:
        return staging.parent / name[1:].split(".new-", 1)[0]
    return staging


def _pin_locations(report: Report, staging: Path, final: Path) -> None:
    """Find every result's line now (the staging folder is deleted when the release is refused)
    and show the paths the files would have had in ``final``."""
    locator = Locator(report.files)
    found = {}
    for result in report.results:
        where = locator.find(result.focus)
        found[result.focus] = None if where is None else (
            final / where[0].relative_to(staging), where[1])
    report._locator = PinnedLocator(found)
    report.files = [final / f.relative_to(staging) for f in report.files]

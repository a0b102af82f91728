"""The check ``handcar build`` runs on a staged release before it replaces ``out/``.

It is the validation pipeline (:func:`handcar.validate.check.validate_files`) with the settings
:data:`RELEASE`: handcar's shapes, names checked against DJO, DJO's inference, a strict lint
without the focus check (it needs reference data and is left to ``handcar validate`` and the
tests). The release is read back from the staged files (what will be published, not the
in-memory dataset), with no size limit (:data:`UNLIMITED`), and any Violation stops the build:
:class:`ReleaseRejected` carries the report. Warnings and infos do not block a release. The
rejected release is kept (``.out.rejected/``, see :mod:`handcar.publish.release`), and the
report's files and lines point into it, where the cited lines can be read.

:func:`check_dataset` is the same check on the dataset in memory, which
:mod:`handcar.validate.background` runs while the release files are written.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from handcar.validate.check import Settings, validate_files, validate_graph
from handcar.validate.engine import DataGraph
from handcar.validate.inputs import input_size_limit
from handcar.validate.rejected import ReleaseRejected
from handcar.validate.report import Report, Severity

__all__ = ["RELEASE", "UNLIMITED", "ReleaseRejected", "check_dataset", "check_release"]

UNLIMITED = 1 << 60  # bytes

RELEASE = Settings(coverage=False)
"""handcar's shapes and ontology, the lint strict but without the focus check."""


def check_release(folder: Path) -> Report:
    """Validate the release staged in ``folder``; raise :class:`ReleaseRejected` on Violations
    and :class:`~handcar.validate.lint.LintError` on broken shapes. The size limit on RDF input
    (:data:`~handcar.limits.RDF_BYTES`) is for what users hand to ``validate``, not for handcar's
    own shapes and staged release (a corpus may be far larger)."""
    with input_size_limit(UNLIMITED):
        report = validate_files([folder], RELEASE)
    if not report.conforms(Severity.VIOLATION):
        raise ReleaseRejected(report)
    return report


def check_dataset(dataset: Dataset, quads: list[ox.Quad] | None = None) -> Report:
    """The report of :func:`check_release`'s validation for the built ``dataset`` in memory
    (its results name no file or line); ``quads``: the same dataset in pyoxigraph terms, when
    the build has converted it already (the SPARQL constraints run there). Raises
    :class:`~handcar.validate.lint.LintError` on broken shapes, never :class:`ReleaseRejected`."""
    with input_size_limit(UNLIMITED):
        return validate_graph(DataGraph.of(dataset, quads), RELEASE)

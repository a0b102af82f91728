"""Validates the built dataset in a forked process while the release files are being written.

On two cores this hides most of SHACL validation behind serialisation. The child runs the
release check on the in-memory dataset (:func:`handcar.validate.release.check_dataset`: the
writers are deterministic functions of it, and the publishing tests prove every file isomorphic
to it) and only reports whether it conforms at Violation level (and, when it does, how many
results of each severity it found). When it does not, the parent
validates the staged release itself (:func:`~handcar.validate.release.check_release`), so the
error names files and lines. Whether to validate here or inline is the build command's choice
(:mod:`handcar.commands.build`); this needs ``fork`` (:func:`can_fork`: Linux, macOS).
"""

from __future__ import annotations

import multiprocessing
import traceback
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset


def can_fork() -> bool:
    """True where a validation process can be forked."""
    return "fork" in multiprocessing.get_all_start_methods()


class BackgroundValidation:
    """``with BackgroundValidation(dataset, quads) as validation:`` starts the child (and stops
    it on the way out); :meth:`check` is the release's ``check``. ``quads``: the dataset in
    pyoxigraph terms (the child's SPARQL copy), if the build has converted it."""

    def __init__(self, dataset: Dataset, quads: list[ox.Quad] | None = None) -> None:
        self.dataset = dataset
        self.quads = quads
        self._process: multiprocessing.process.BaseProcess | None = None
        self._pipe: Connection | None = None
        #: the checked release's results by severity (:meth:`Report.counts`), once checked
        self.counts: dict[str, int] = {}

    def __enter__(self) -> BackgroundValidation:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.cancel()

    def start(self) -> BackgroundValidation:
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_child, args=(self.dataset, self.quads, send), daemon=True)
        self._process.start()
        send.close()
        self._pipe = receive
        return self

    def check(self, folder: Path) -> None:
        """Raise as :func:`handcar.validate.release.check_release` would, for ``folder``. The
        validator is imported here only when this process validates (the child imports it
        while this one writes the files)."""
        if self._process is None or self._pipe is None:  # not started: validate here
            self.counts = _check_release(folder)
            return
        try:
            verdict = self._pipe.recv()
        except EOFError:
            verdict = "the validation process ended without a verdict"
        except BaseException:  # Ctrl-C while waiting: do not wait for the child to finish
            self.cancel()
            raise
        finally:
            self._process.join()
        if isinstance(verdict, dict):  # conforms: the results by severity
            self.counts = verdict
        else:
            # raises with a located report (or lint errors); if the child failed for another
            # reason (its verdict is then a traceback), this validation in the open decides
            self.counts = _check_release(folder)

    def cancel(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()


def _check_release(folder: Path) -> dict[str, int]:
    from handcar.validate.release import check_release

    return check_release(folder).counts()


def _child(dataset: Dataset, quads: list[ox.Quad] | None, send: Connection) -> None:
    try:
        send.send(_verdict(dataset, quads))
    except BaseException:  # report anything; the parent re-validates in the open
        send.send(traceback.format_exc(limit=5))
    finally:
        send.close()


def _verdict(dataset: Dataset, quads: list[ox.Quad] | None) -> dict[str, int] | str:
    """The results by severity when the dataset conforms, else why not."""
    from handcar.validate.lint import LintError
    from handcar.validate.release import check_dataset
    from handcar.validate.report import Severity

    try:
        report = check_dataset(dataset, quads)
    except LintError:
        return "lint"
    return report.counts() if report.conforms(Severity.VIOLATION) else "violations"

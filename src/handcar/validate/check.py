"""The validation pipeline, one for every caller: read, lint, (infer,) validate.

:func:`validate_files` reads the RDF (:func:`~handcar.validate.engine.read_data`) and hands it to
:func:`validate_graph`: load the shapes, choose what names are checked against, add the
ontology's closure (:func:`~handcar.validate.engine.prepare`), lint the shapes
(:mod:`~handcar.validate.lint`), run pySHACL (:func:`~handcar.validate.engine.run`, in forked
workers on large data: :mod:`~handcar.validate.partition`). Its callers:
``handcar validate`` (:mod:`handcar.commands.validate`), the W3C suite runner (``tests/w3c/``),
and the build's release check, on the staged files or in the background on the dataset in memory
(:mod:`handcar.validate.release`, :mod:`handcar.validate.background`): only their
:class:`Settings` and where the data comes from differ.

Two modes, chosen by whether ``--shapes`` is given:

- **handcar's shapes** (no ``--shapes``): names are checked against DJO (``ontology/``) and the
  data first gets DJO's subclass closure and disjoint pairs (:func:`~handcar.validate.engine.
  prepare`), exactly as handcar validates its own release.
- **general mode** (``--shapes``): any data against any shapes, as standard SHACL: no inference
  unless asked for (``inference=True``, with the ``--ontology`` files, else DJO). Names are
  checked against the ``--ontology`` files when given, against the classes and properties the
  data and shapes themselves use with ``vocabulary="data"``, against DJO with ``"djo"``, or not at
  all (``"none"``, the default without ``--ontology``): the focus check still catches a misspelt
  target, since it selects nothing.

Errors are exceptions (the CLI maps them to exit status 2).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from handcar.errors import UsageError
from handcar.namespaces import RDF, RDFS
from handcar.ontology import CLASS_TYPES, PROPERTY_TYPES, Ontology, load_ontology, read_ontology
from handcar.rdfterms import standard_literals
from handcar.validate.engine import DataGraph, prepare, read_data, run
from handcar.validate.lint import LintError, lint, split_problems
from handcar.validate.partition import default_jobs
from handcar.validate.report import Report
from handcar.validate.shapes import load_shapes

VOCABULARIES = ("djo", "ontology", "data", "none")


@dataclass
class Settings:
    """What ``handcar validate`` was asked to do; None means "the mode's default"."""

    shapes: list[Path] = field(default_factory=list)
    ontology: list[Path] = field(default_factory=list)
    vocabulary: str | None = None
    inference: bool | None = None
    coverage: bool | None = None
    strict: bool | None = None
    jobs: int | None = None  # forked pySHACL workers; None: one per processor on large data

    @property
    def general(self) -> bool:
        """True for your own shapes (``--shapes``), False for handcar's."""
        return bool(self.shapes)


def validate_files(
    files: Sequence[Path], settings: Settings, *, own_release: bool = False
) -> Report:
    """Validate the RDF ``files`` as ``settings`` say. Raises
    :class:`~handcar.errors.InputError` (unreadable input),
    :class:`~handcar.errors.UsageError` (options that do not fit),
    :class:`~handcar.validate.lint.LintError` (the shapes fail the lint) and
    :class:`~handcar.validate.engine.EngineError` (pySHACL refused the shapes)."""
    with standard_literals():  # literals get their values as they are parsed
        data, read = read_data(files)
        return validate_graph(data, settings, read, own_release=own_release)


def validate_graph(
    data: DataGraph, settings: Settings, files: Sequence[Path] = (), *, own_release: bool = False
) -> Report:
    """Validate ``data``, already read (from ``files``, which the report's lines point into), as
    ``settings`` say; raises as :func:`validate_files` does. ``data`` gets the inferred triples
    in place."""
    with standard_literals():
        return _validate_graph(data, settings, files, own_release=own_release)


def _validate_graph(
    data: DataGraph, settings: Settings, files: Sequence[Path], *, own_release: bool
) -> Report:
    shapes = load_shapes(settings.shapes or None)
    given = read_ontology(settings.ontology) if settings.ontology else None
    vocabulary = settings.vocabulary or (
        "ontology" if given else "none" if settings.general else "djo"
    )
    if vocabulary not in VOCABULARIES:
        raise UsageError(f"--vocabulary {vocabulary}: choose one of {', '.join(VOCABULARIES)}")
    if vocabulary == "ontology" and given is None:
        raise UsageError("--vocabulary ontology needs --ontology FILE")
    names: Ontology | None = None
    if vocabulary == "djo":
        names = load_ontology()
    elif vocabulary == "ontology":
        names = given
    elif vocabulary == "data":
        names = _merge(used_vocabulary(data, shapes.graph), given)
    inference = settings.inference if settings.inference is not None else not settings.general
    ontology = (given or load_ontology()) if inference else None
    if ontology is not None:
        prepare(data, ontology)
    coverage = (
        settings.coverage if settings.coverage is not None else (own_release or settings.general)
    )
    problems = lint(shapes, names, data if coverage else None)
    strict = settings.strict if settings.strict is not None else not settings.general
    errors, warnings = split_problems(problems, strict)
    if errors:
        raise LintError(errors)
    jobs = settings.jobs if settings.jobs is not None else default_jobs(len(data))
    report = run(data, shapes, ontology, files, prepared=True, inference=ontology is not None,
                 jobs=jobs)
    report.warnings = [str(w) for w in warnings]
    return report


def used_vocabulary(*graphs: Graph) -> Ontology:
    """The classes and properties ``graphs`` themselves use (``--vocabulary data``): every
    ``rdf:type`` object, both ends of ``rdfs:subClassOf``, every IRI typed as a class or a
    property, and every predicate. Checks names against what the data really says, for data
    that comes without an ontology."""
    classes: set[str] = set()
    properties: set[str] = set()
    for graph in graphs:
        for s, p, o in graph:
            properties.add(str(p))
            if p == RDF.type and isinstance(o, URIRef):
                classes.add(str(o))
                if str(o) in CLASS_TYPES and isinstance(s, URIRef):
                    classes.add(str(s))
                elif str(o) in PROPERTY_TYPES and isinstance(s, URIRef):
                    properties.add(str(s))
            elif p == RDFS.subClassOf:
                classes.update(str(t) for t in (s, o) if isinstance(t, URIRef))
    return Ontology(classes=frozenset(classes), properties=frozenset(properties))


def _merge(used: Ontology, ontology: Ontology | None) -> Ontology:
    if ontology is None:
        return used
    return Ontology(classes=used.classes | ontology.classes,
                    properties=used.properties | ontology.properties)

"""``handcar validate``: check RDF against SHACL shapes, with exit codes and reports for CI.

Exit status: 0 the data conforms (no result at or above ``--fail-on``), 1 it does not, 2 usage or
input error (missing file, RDF syntax error with file and line, shapes that fail the lint, shapes
the SHACL engine refuses), 3 an I/O failure (an unreadable input, the report cannot be written).
The pipeline is :func:`handcar.validate.check.validate_files`.
"""

from __future__ import annotations

import logging
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from handcar.commands import shortlived
from handcar.errors import (
    EXIT_INPUT,
    EXIT_IO,
    EXIT_NONCONFORMING,
    InputError,
    IOFailure,
    UsageError,
)
from handcar.files import write_atomically


class Format(StrEnum):
    text = "text"
    turtle = "turtle"
    json = "json"
    junit = "junit"
    sarif = "sarif"
    github = "github"


class Vocabulary(StrEnum):
    djo = "djo"
    ontology = "ontology"
    data = "data"
    none = "none"


class FailOn(StrEnum):
    violation = "violation"
    warning = "warning"
    info = "info"


DEFAULT_RELEASE = Path("out")


def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILE|FOLDER",
            help="RDF files (.trig .nq .ttl .nt .jsonld .rdf) or release folders. "
            "Default: handcar's release in out/.",
            show_default=False,
            readable=False,
        ),  # handcar checks, so unreadable is exit 3
    ] = None,
    shapes: Annotated[
        list[Path] | None,
        typer.Option(
            "--shapes",
            "-s",
            help="Shapes files or folders (repeatable): general "
            "mode, any data against any shapes. Default: handcar's shapes/.",
            show_default=False,
            readable=False,
        ),
    ] = None,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="Report format.")
    ] = Format.text,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Lowest severity that fails.")
    ] = FailOn.violation,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to this file.", readable=False),
    ] = None,
    coverage: Annotated[
        bool | None,
        typer.Option(
            "--coverage/--no-coverage",
            help="Lint: every shape must select a focus node in the data (unless "
            "listed in intentionally-empty.txt). Default: on for handcar's release or "
            "your own --shapes, off for your data against handcar's shapes.",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool | None,
        typer.Option(
            "--strict/--lenient",
            help="Every lint finding stops the run (exit 2). Default: strict for "
            "handcar's shapes; with --shapes, shapes failing SHACL-for-SHACL and single "
            "shapes that select nothing are warnings (none selecting anything is an "
            "error).",
            show_default=False,
        ),
    ] = None,
    ontology: Annotated[
        list[Path] | None,
        typer.Option(
            "--ontology",
            help="Ontology files (any RDF format, by suffix, as for the data; else Turtle; "
            "repeatable): the lint checks class and property names against them, and "
            "--inference uses their subclass axioms.",
            show_default=False,
            readable=False,
        ),
    ] = None,
    vocabulary: Annotated[
        Vocabulary | None,
        typer.Option(
            "--vocabulary",
            help="What the lint checks class and property names "
            "against: djo, ontology (the --ontology files), data (the terms the data "
            "and shapes use), none. Default: djo for handcar's shapes, ontology with "
            "--ontology, else none.",
            show_default=False,
        ),
    ] = None,
    inference: Annotated[
        bool | None,
        typer.Option(
            "--inference/--no-inference",
            help="Add the rdf:type triples the ontology's subClassOf axioms imply (and "
            "its disjoint pairs) before validating. Default: on for handcar's shapes, "
            "off with --shapes (standard SHACL).",
            show_default=False,
        ),
    ] = None,
    max_input_size: Annotated[
        str | None,
        typer.Option(
            "--max-input-size",
            help="Largest RDF input read, in bytes or with a unit "
            "(200MiB, 1GiB). Default: HANDCAR_MAX_RDF_BYTES, else 64 MiB.",
            show_default=False,
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Processes that share the focus nodes (the report is the same). Default: "
            "one per processor (at most 4) from 20,000 triples on, else 1.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Lint the shapes, then validate RDF against them (handcar's, or yours with --shapes).

    Exit status: 0 conforms, 1 a result at or above --fail-on, 2 bad input, options or shapes,
    3 a file that cannot be read or written."""
    from handcar.validate.check import Settings, validate_files
    from handcar.validate.engine import EngineError
    from handcar.validate.formats import renderer
    from handcar.validate.inputs import input_size_limit, parse_size
    from handcar.validate.lint import LintError
    from handcar.validate.report import Severity

    logging.getLogger("rdflib").setLevel(logging.ERROR)  # ill-typed literals are SHACL's to report
    shortlived.end_quickly()  # its one file, the report, is written (atomically) before the end
    own_release = not files
    settings = Settings(
        shapes=list(shapes or []),
        ontology=list(ontology or []),
        vocabulary=vocabulary.value if vocabulary else None,
        inference=inference,
        coverage=coverage,
        strict=strict,
        jobs=jobs,
    )
    try:
        with input_size_limit(parse_size(max_input_size)), shortlived.collector_paused():
            report = validate_files(files or [DEFAULT_RELEASE], settings, own_release=own_release)
    except InputError as exc:
        first = own_release and exc.path == DEFAULT_RELEASE
        hint = "  (run 'handcar build' first)" if first else ""
        typer.echo(f"error: {exc}{hint}", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    except UsageError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    except IOFailure as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_IO) from None
    except LintError as exc:
        typer.echo(f"error: the shapes fail the lint ({len(exc.problems)} problem(s)):", err=True)
        for problem in exc.problems:
            typer.echo(f"  {problem}", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    except EngineError as exc:
        typer.echo(f"error: the SHACL engine cannot validate with these shapes: {exc}", err=True)
        raise typer.Exit(EXIT_INPUT) from None
    for warning in report.warnings:
        typer.echo(f"warning: {warning}", err=True)
    threshold = Severity.parse(fail_on.value)
    text = renderer(output_format.value)(report, threshold)
    if output is not None:
        try:
            write_atomically(output, text)
        except IOFailure as exc:
            typer.echo(f"error: cannot write the report: {exc}", err=True)
            raise typer.Exit(EXIT_IO) from None
    else:
        sys.stdout.write(text)
    raise typer.Exit(0 if report.conforms(threshold) else EXIT_NONCONFORMING)

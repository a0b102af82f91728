"""``handcar validate``: check RDF against the DJO shapes, with exit codes and reports for CI.

Exit status: 0 the data conforms (no result at or above ``--fail-on``), 1 it does not, 2 usage or
input error (missing file, RDF syntax error with file and line, shapes that fail the lint).
"""

from __future__ import annotations

import logging
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from handcar.errors import InputError


class Format(StrEnum):
    text = "text"
    turtle = "turtle"
    json = "json"
    junit = "junit"
    sarif = "sarif"
    github = "github"


class FailOn(StrEnum):
    violation = "violation"
    warning = "warning"
    info = "info"


DEFAULT_RELEASE = Path("out")


def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="RDF files (.trig .nq .ttl .nt .jsonld .rdf) or release folders. "
                       "Default: handcar's release in out/.", show_default=False),
    ] = None,
    shapes: Annotated[
        list[Path] | None,
        typer.Option("--shapes", "-s", help="Shapes files or folders (repeatable). "
                     "Default: handcar's shapes/.", show_default=False),
    ] = None,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="Report format.")
    ] = Format.text,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Lowest severity that fails.")
    ] = FailOn.violation,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    coverage: Annotated[
        bool | None,
        typer.Option("--coverage/--no-coverage",
                     help="Lint: every shape must select a focus node in the data (unless "
                     "listed in intentionally-empty.txt). Default: on for handcar's release or "
                     "your own --shapes, off for your data against handcar's shapes.",
                     show_default=False),
    ] = None,
    max_input_size: Annotated[
        str | None,
        typer.Option("--max-input-size", help="Largest RDF input read, in bytes or with a unit "
                     "(200MiB, 1GiB). Default: HANDCAR_MAX_RDF_BYTES, else 64 MiB.",
                     show_default=False),
    ] = None,
) -> None:
    """Validate RDF against the DJO SHACL shapes (after linting the shapes)."""
    from handcar.validate.engine import read_data, run
    from handcar.validate.formats import renderer
    from handcar.validate.lint import lint
    from handcar.validate.ontology import load_ontology
    from handcar.validate.report import Severity
    from handcar.validate.shapes import load_shapes

    logging.getLogger("rdflib").setLevel(logging.ERROR)  # ill-typed literals are SHACL's to report
    own_release = not files
    try:
        from handcar.validate.inputs import input_size_limit, parse_size

        with input_size_limit(parse_size(max_input_size)):
            data, read = read_data(files or [DEFAULT_RELEASE])
        shape_set = load_shapes(shapes)
        ontology = load_ontology()
    except InputError as exc:
        first = own_release and exc.path == DEFAULT_RELEASE
        hint = "  (run 'handcar build' first)" if first else ""
        typer.echo(f"error: {exc}{hint}", err=True)
        raise typer.Exit(2) from None
    from handcar.validate.engine import prepare

    prepare(data, ontology)
    check_focus = coverage if coverage is not None else (own_release or bool(shapes))
    problems = lint(shape_set, ontology, data if check_focus else None)
    if problems:
        typer.echo(f"error: the shapes fail the lint ({len(problems)} problem(s)):", err=True)
        for problem in problems:
            typer.echo(f"  {problem}", err=True)
        raise typer.Exit(2)
    report = run(data, shape_set, ontology, read, prepared=True)
    threshold = Severity.parse(fail_on.value)
    text = renderer(output_format.value)(report, threshold)
    if output is not None:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            typer.echo(f"error: cannot write {output}: {exc.strerror}", err=True)
            raise typer.Exit(2) from None
    else:
        sys.stdout.write(text)
    raise typer.Exit(0 if report.conforms(threshold) else 1)

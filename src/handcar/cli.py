"""The ``handcar`` command: a thin layer; each sub-command lives in ``handcar.commands``."""

from __future__ import annotations

from typing import Annotated

import typer

from handcar import __version__
from handcar.commands import build as build_command
from handcar.commands import curate as curate_command
from handcar.commands import load as load_command
from handcar.commands import query as query_command
from handcar.commands import serve as serve_command
from handcar.commands import shortlived
from handcar.commands import validate as validate_command

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="markdown")


def _print_version(wanted: bool) -> None:
    if wanted:
        typer.echo(f"handcar {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option(
        "--version", is_eager=True, callback=_print_version,
        help="Print handcar's version and exit.")] = False,
) -> None:
    """handcar: a news article and its evidence-anchored annotation, published as linked data."""


app.command("build")(build_command.build)
app.command("query")(query_command.query)
app.command("load")(load_command.load)
app.command("validate")(validate_command.validate)
app.command("new")(curate_command.new)
app.command("check")(curate_command.check)
app.command("schema")(curate_command.schema)
app.command("serve")(serve_command.serve)


def run() -> None:
    """The ``handcar`` console script: :data:`app`; a short command that asked for it ends
    without Python's teardown (:mod:`handcar.commands.shortlived`)."""
    try:
        app()
    except SystemExit as done:
        if not shortlived.ending_quickly():
            raise
        shortlived.leave(done.code)

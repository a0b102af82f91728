"""``handcar query``: answer SPARQL from the release in ``out/`` with an embedded store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

err = Console(stderr=True, highlight=False)


def query(
    sparql: Annotated[
        str,
        typer.Argument(
            metavar="QUERY.rq|'SPARQL…'|-",
            help="A query file (.rq), the query text itself, or - to read it from stdin.",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="table, csv, tsv, json or xml for SELECT/ASK; turtle, ntriples, xml or table "
            "for CONSTRUCT/DESCRIBE. Default: table, or turtle for CONSTRUCT/DESCRIBE.",
            show_default=False,
        ),
    ] = None,
    graph: Annotated[
        str | None,
        typer.Option(
            help="Query one named graph (asserted, enrichment, text, provenance, entailed, or an "
            "IRI) instead of the union of all of them.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[Path, typer.Option(help="The release folder to load.")] = Path("out"),
) -> None:
    """Run a SPARQL query over the dataset in OUT (no server needed)."""
    from handcar.query import FORMATS, QueryError, default_format, kind, open_release, read_query
    from handcar.query import render as render_result

    if fmt is not None and fmt not in FORMATS:
        _fail(f"unknown --format {fmt!r}; one of: {', '.join(FORMATS)}")
    try:
        if sparql == "-":
            text, origin = sys.stdin.read(), "the query from stdin"
        else:
            text, origin = read_query(sparql)
        release = open_release(out)
        result = _run(release, text, graph, origin)
        chosen = fmt or default_format(result)
        if chosen == "table":
            _table(result, kind(result), release.base)
            return
        data = render_result(result, chosen, base=release.base)
    except QueryError as exc:
        _fail(str(exc))
    sys.stdout.buffer.write(data if data.endswith(b"\n") or not data else data + b"\n")
    sys.stdout.flush()


def _run(release, text: str, graph: str | None, origin: str):
    from handcar.query import run

    return run(release, text, graph=graph, origin=origin)


def _table(result, what: str, base: str | None) -> None:
    from handcar.query import shorten

    console = Console(highlight=False, soft_wrap=False)
    if what == "boolean":
        console.print("yes" if bool(result) else "no")
        return
    table = Table(show_header=True, header_style="bold", show_lines=False)
    if what == "triples":
        names = ["subject", "predicate", "object"]
        rows = sorted(
            [shorten(t.subject, base), shorten(t.predicate, base), shorten(t.object, base)]
            for t in result
        )
    else:
        names = [v.value for v in result.variables]
        rows = [[shorten(solution[name], base) for name in names] for solution in result]
    for name in names:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    table.caption = f"{len(rows)} {'row' if len(rows) == 1 else 'rows'}"
    console.print(table)


def _fail(message: str) -> NoReturn:
    err.print(f"[red]error:[/] {escape(message)}", soft_wrap=True)
    raise typer.Exit(2)

"""``handcar query``: answer SPARQL from the release in ``out/`` with an embedded store.

Errors are one line on stderr, ``handcar query: …``: exit 2 for a bad or refused query or a
limit that was hit, exit 3 for an I/O failure (:mod:`handcar.errors`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from handcar.errors import EXIT_INPUT, EXIT_IO


def query(
    sparql: Annotated[
        str,
        typer.Argument(
            metavar="QUERY.rq|'SPARQL…'|-",
            help="The query: - reads it from stdin; text with a space, a newline or a '{' is the "
            "query itself; anything else is a query file (a regular file, at most "
            "HANDCAR_QUERY_MAX_BYTES, 1 MiB by default) or, when there is no such file, "
            "handcar's competency question of that name (`cq05`: queries/README.md).",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="table, csv, tsv, json or xml for SELECT/ASK; turtle, ntriples, xml, jsonld or "
            "table for CONSTRUCT/DESCRIBE. Default: table, or turtle for CONSTRUCT/DESCRIBE.",
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
    timeout: Annotated[
        float | None,
        typer.Option(
            help="Stop the query after this many seconds (exit 2). Default: "
            "HANDCAR_QUERY_TIMEOUT, or 30.",
            show_default=False,
        ),
    ] = None,
    max_results: Annotated[
        int | None,
        typer.Option(
            help="Refuse a result with more rows or triples than this (exit 2). Default: "
            "HANDCAR_QUERY_MAX_RESULTS, or 100000.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[Path, typer.Option(help="The release folder to load.", readable=False)] = Path(
        "out"
    ),
) -> None:
    """Run a SPARQL query over the dataset in OUT (no server needed).

    Read-only and offline: updates (INSERT, DELETE, LOAD, CLEAR…) and SERVICE are refused.

    It runs in a child process, stopped at --timeout, at --max-results or at its memory cap.

    Memory cap: HANDCAR_QUERY_MAX_MEMORY bytes (default 2 GiB).
    """
    from handcar.errors import InputError, IOFailure
    from handcar.query import (
        FORMATS,
        QueryError,
        default_format,
        kind,
        open_release,
        read_query,
        run,
    )
    from handcar.query import render as render_result

    if fmt is not None and fmt not in FORMATS:
        _fail(f"unknown --format {fmt!r}; one of: {', '.join(FORMATS)}")
    if timeout is not None and not timeout > 0:
        _fail("--timeout must be more than 0 seconds")
    if max_results is not None and max_results < 1:
        _fail("--max-results must be 1 or more")
    try:
        text, origin = read_query(sparql)
        release = open_release(out)
        result = run(
            release, text, graph=graph, origin=origin, timeout=timeout, max_results=max_results
        )
        chosen = fmt or default_format(result)
        if chosen == "table":
            _table(result, kind(result), release.base)
            return
        data = render_result(result, chosen, base=release.base)
        sys.stdout.buffer.write(data if data.endswith(b"\n") or not data else data + b"\n")
        sys.stdout.flush()
    except (QueryError, InputError) as exc:
        _fail(str(exc))
    except IOFailure as exc:
        _fail(str(exc), EXIT_IO)
    except BrokenPipeError:  # the reader went away (| head): nothing left to say
        raise typer.Exit(EXIT_IO) from None
    except OSError as exc:
        _fail(f"cannot write the result: {exc.strerror or exc}", EXIT_IO)


#: the width of a table written to a file or a pipe: no terminal wraps it, so no cell is folded
TABLE_WIDTH_UNBOUNDED = 1_000_000


def _table(result, what: str, base: str | None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from handcar.query import shorten

    console = Console(highlight=False, soft_wrap=False)
    if not console.is_terminal:  # a file or a pipe: each row on one line, as wide as it needs
        console.width = TABLE_WIDTH_UNBOUNDED
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
    if console.is_terminal:
        console.print(table)
        return
    with console.capture() as captured:
        console.print(table)
    sys.stdout.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


def _fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    """One line on stderr, ``handcar query: …``, and the exit status."""
    typer.echo(f"handcar query: {message}", err=True)
    raise typer.Exit(code)

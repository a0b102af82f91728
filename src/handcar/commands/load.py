"""``handcar load``: put the release into an Oxigraph store folder or a Graph Store endpoint.

Errors are one line on stderr, ``handcar load: …``: exit 2 for bad options, a refused target or
a limit that was hit, exit 3 for an I/O failure (:mod:`handcar.errors`)."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from handcar.commands import consoles
from handcar.errors import EXIT_INPUT, EXIT_IO


def load(
    store: Annotated[
        Path | None,
        typer.Option(
            help="A persistent Oxigraph store folder: created when missing; an existing folder "
            "must be empty or an Oxigraph store.",
            show_default=False,
        ),
    ] = None,
    endpoint: Annotated[
        str | None,
        typer.Option(
            help="A SPARQL 1.1 Graph Store Protocol endpoint, e.g. http://localhost:7878/store "
            "(Oxigraph), http://localhost:8890/sparql-graph-crud-auth (Virtuoso), "
            "http://localhost:3030/ds/data (Fuseki).",
            show_default=False,
        ),
    ] = None,
    user: Annotated[
        str | None, typer.Option(help="User name for the endpoint.", show_default=False)
    ] = None,
    password: Annotated[
        str | None,
        typer.Option(
            help="Password for the endpoint (or set HANDCAR_PASSWORD).",
            envvar="HANDCAR_PASSWORD",
            show_default=False,
            show_envvar=False,
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option(help="Seconds to wait for each connect, read or write (--endpoint).")
    ] = 60.0,
    deadline: Annotated[
        float | None,
        typer.Option(
            help="Seconds for the whole upload to --endpoint (exit 2 when over). Default: "
            "HANDCAR_LOAD_DEADLINE, or 600.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[Path, typer.Option(help="The release folder to load.", readable=False)] = Path(
        "out"
    ),
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress line and no summary; errors only.")
    ] = False,
) -> None:
    """Load the dataset in OUT into a triple store, one named graph per handcar graph.

    Loading again replaces each graph's content (it never duplicates it).
    """
    from handcar.errors import InputError, IOFailure
    from handcar.load import LoadError, load_endpoint, load_store

    if (store is None) == (endpoint is None):
        _fail("give exactly one of --store DIR or --endpoint URL")
    if store is not None and (user is not None or password is not None):
        _fail("--user and --password go with --endpoint")
    if not timeout > 0:
        _fail("--timeout must be more than 0 seconds")
    if deadline is not None and not deadline > 0:
        _fail("--deadline must be more than 0 seconds")
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    target = str(store) if store is not None else str(endpoint)
    try:
        status_line = consoles.stderr().status(f"loading into {escape(target)}…")
        with status_line if not quiet else nullcontext() as status:

            def progress(name: str) -> None:
                if status is not None:
                    status.update(f"loading graph {escape(name)} into {escape(target)}…")

            if store is not None:
                loaded = load_store(out, store, progress)
            else:
                loaded = load_endpoint(
                    out,
                    str(endpoint),
                    user=user,
                    password=password,
                    timeout=timeout,
                    deadline=deadline,
                    progress=progress,
                )
    except (LoadError, InputError) as exc:
        _fail(str(exc))
    except IOFailure as exc:
        _fail(str(exc), EXIT_IO)
    if quiet:
        return
    table = Table(title=Text(f"handcar load → {target}"), show_header=True)  # "[::1]": no markup
    table.add_column("graph")
    table.add_column("IRI")
    table.add_column("triples", justify="right")
    table.add_column("result")
    for graph in loaded:
        table.add_row(*(Text(cell) for cell in (graph.name, graph.iri, str(graph.triples),
                                                  graph.status)))
    consoles.stdout().print(table)


def _fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    """One line on stderr, ``handcar load: …``, and the exit status."""
    typer.echo(f"handcar load: {message}", err=True)
    raise typer.Exit(code)

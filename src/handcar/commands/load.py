"""``handcar load``: put the release into an Oxigraph store folder or a Graph Store endpoint."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

err = Console(stderr=True, highlight=False)
out_console = Console(highlight=False)


def load(
    store: Annotated[
        Path | None,
        typer.Option(
            help="A persistent Oxigraph store folder (created when missing).", show_default=False
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
    timeout: Annotated[float, typer.Option(help="Seconds to wait for each HTTP answer.")] = 60.0,
    out: Annotated[Path, typer.Option(help="The release folder to load.")] = Path("out"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """Load the dataset in OUT into a triple store, one named graph per handcar graph.

    Loading again replaces each graph's content (it never duplicates it).
    """
    from handcar.load import LoadError, load_endpoint, load_store

    if (store is None) == (endpoint is None):
        _fail("give exactly one of --store DIR or --endpoint URL")
    if store is not None and (user is not None or password is not None):
        _fail("--user and --password go with --endpoint")
    if timeout <= 0:
        _fail("--timeout must be more than 0 seconds")
    target = str(store) if store is not None else str(endpoint)
    try:
        with err.status(f"loading into {escape(target)}…") if not quiet else _Null() as status:

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
                    progress=progress,
                )
    except LoadError as exc:
        _fail(str(exc))
    if quiet:
        return
    table = Table(title=f"handcar load → {target}", show_header=True)
    table.add_column("graph")
    table.add_column("IRI")
    table.add_column("triples", justify="right")
    table.add_column("result")
    for graph in loaded:
        table.add_row(graph.name, graph.iri, str(graph.triples), graph.status)
    out_console.print(table)


def _fail(message: str) -> NoReturn:
    err.print(f"[red]error:[/] {escape(message)}", soft_wrap=True)
    raise typer.Exit(2)


class _Null:
    def __enter__(self):
        return None

    def __exit__(self, *exc) -> None:
        return None

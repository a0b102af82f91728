"""``handcar serve``: the release in RELEASE_DIR as linked data over HTTP (uvicorn).

Errors before the server starts are one line on stderr, ``handcar serve: …``, exit 2 (no
release, a --base that is not the release's) or 3 (an I/O failure). Ctrl-C or SIGTERM stop it
gracefully (uvicorn): requests under way are finished (up to 10 s), the server shuts down, and
the signal is raised again, so the process ends as that signal says."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer

from handcar.errors import EXIT_INPUT, EXIT_IO

GRACEFUL_SECONDS = 10


def serve(
    release_dir: Annotated[
        Path, typer.Argument(metavar="RELEASE_DIR", help="The release folder to serve.")
    ] = Path("out"),
    host: Annotated[str, typer.Option(help="The address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="The port to listen on.")] = 8000,
    base: Annotated[
        str | None,
        typer.Option(
            help="The base of the data IRIs (default: the release's own, read from its graph "
            "IRIs); the server answers for their paths, e.g. /djo/id/… .",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve a release over HTTP: its IRIs, a read-only /sparql and its files.

    Every data IRI and the ontology by content negotiation (HTML, Turtle, JSON-LD, N-Triples,
    N-Quads, TriG), the shapes (/djo/shapes), /sparql (read-only SPARQL 1.1 Protocol), /store
    (read-only Graph Store Protocol: ?graph=IRI, ?default), the release's files at the base's
    path + release/ (e.g. /djo/id/release/dataset.ttl), /.well-known/void.

    One JSON line per request on stdout (the access log); the server's own messages on stderr.
    """
    import logging
    import sys

    from handcar.errors import InputError, IOFailure, UsageError
    from handcar.query import QueryError

    try:
        from handcar.serve import create_app

        app = create_app(release_dir, base)
    except (QueryError, InputError, UsageError) as exc:
        _fail(str(exc))
    except (IOFailure, OSError) as exc:
        _fail(str(exc), EXIT_IO)

    import uvicorn

    access = logging.getLogger("handcar.serve.access")
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(message)s"))
    access.addHandler(handler)
    access.setLevel(logging.INFO)
    access.propagate = False
    uvicorn.run(app, host=host, port=port, access_log=False, server_header=False,
                timeout_graceful_shutdown=GRACEFUL_SECONDS, log_level="info")


def _fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    typer.echo(f"handcar serve: {message}", err=True)
    raise typer.Exit(code)
